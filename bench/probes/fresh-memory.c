// What writing into fresh memory costs on this machine, against writing into memory already written once.
// gcc -O2 bench/probes/fresh-memory.c -o /tmp/fresh-memory && /tmp/fresh-memory
// On the 2-core AMD EPYC VM of docs/performance.md: 30 MB into fresh pages 97-128 ms, the same 30 MB again 2.0-2.3 ms,
// and 92-121 ms into pages pre-faulted with MAP_POPULATE: the first write of each page is what costs, not the fault.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int main(void)
{
    size_t n = (size_t)30 << 20;
    char *source = malloc(n);
    memset(source, 1, n);

    double t = now_ms();
    char *fresh = mmap(0, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    memcpy(fresh, source, n);
    printf("copy 30 MB into fresh pages:        %6.1f ms\n", now_ms() - t);

    t = now_ms();
    memcpy(fresh, source, n);
    printf("copy 30 MB into the same pages:     %6.1f ms\n", now_ms() - t);

    t = now_ms();
    char *populated = mmap(0, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
    printf("map 30 MB with MAP_POPULATE:        %6.1f ms\n", now_ms() - t);

    t = now_ms();
    memcpy(populated, source, n);
    printf("copy 30 MB into the populated pages: %6.1f ms\n", now_ms() - t);
    return 0;
}
