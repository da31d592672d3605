#!/usr/bin/env bash
# The web sample's start-up and memory: bash bench/web-startup.sh
#
# Builds samples/Corpus.Web twice: with the repository seed alone (the baseline) and with the shared real corpus
# (../shared/corpus/real, 934 seeds) besides it. Runs each build RUNS times, interleaved, as `dotnet Corpus.Web.dll`, and
# measures per run:
#   wall      from spawning the process to the first 200 of GET / (the outside clock; curl polls every 10 ms)
#   reported  the app's own log line: process start time (from the OS) to the first response complete, working set,
#             GC heap size, managed memory in use (Hosting/FirstResponseReport.cs)
#   cpu       user + system CPU time the process used up to then (other load on the machine does not stretch it)
#   rss       VmRSS of the process after that first response, and after one search (/search?q=北约, through the compiled index)
# Environment (optional): CORPUS_WEB_BENCH_RUNS=5, CORPUS_WEB_BENCH_REUSE=1 (measure the builds of the last call again), CORPUS_BENCH_WORK=/tmp/corpus-bench, CORPUS_WEB_BENCH_OUT=bench/results/web
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${CORPUS_WEB_BENCH_RUNS:-5}"
WORK="${CORPUS_BENCH_WORK:-/tmp/corpus-bench}/web"
OUT="${CORPUS_WEB_BENCH_OUT:-$ROOT/bench/results/web}"
PROJECT="$ROOT/samples/Corpus.Web"
BIN="$PROJECT/bin/Release/net10.0"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
[[ -d "$ROOT/../shared/corpus/real" ]] || { echo "the shared real corpus (../shared/corpus/real) is missing" >&2; exit 1; }

mkdir -p "$OUT" "$WORK"
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
rss_mib() { awk '/^VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }
# User + system CPU time of the process so far (ms): unlike the wall clock, not stretched by other load on the machine.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{sub(/^.*\) /, ""); printf "%d", ($12 + $13) * 1000 / hz}' "/proc/$1/stat"; }

bash "$ROOT/bench/machine-info.sh" > "$OUT/machine.txt"
cat "$OUT/machine.txt" >&2

# The baseline first, so that the project's bin/ ends with the real-corpus build that `dotnet run` and the tests use.
if [[ "${CORPUS_WEB_BENCH_REUSE:-}" != 1 || ! -f "$WORK/real/Corpus.Web.dll" ]]; then
  log "building the baseline (repository seed only)"
  CorpusWebRealSeeds=false dotnet build "$PROJECT" -c Release -nologo -v q > "$WORK/build-baseline.log"
  rm -rf "$WORK/baseline" && cp -r "$BIN" "$WORK/baseline"
  log "building with the real corpus"
  dotnet build "$PROJECT" -c Release -nologo -v q > "$WORK/build-real.log"
  rm -rf "$WORK/real" && cp -r "$BIN" "$WORK/real"
fi

printf 'variant\trun\tarticles\twall_ms\treported_ms\tcpu_ms\tworking_set_mib\tgc_heap_mib\tmanaged_mib\trss_mib\trss_after_search_mib\n' > "$OUT/runs.tsv"
for run in $(seq "$RUNS"); do
  for variant in baseline real; do
    port="$(free_port)"
    app_log="$WORK/$variant-$run.log"
    start="$(now_ms)"
    env Logging__LogLevel__Microsoft.AspNetCore=Warning dotnet "$WORK/$variant/Corpus.Web.dll" --urls "http://127.0.0.1:$port" > "$app_log" 2>&1 &
    pid=$!
    until curl -sf -o /dev/null "http://127.0.0.1:$port/"; do
      kill -0 "$pid" 2>/dev/null || { cat "$app_log" >&2; exit 1; }
      sleep 0.01
    done
    wall=$(( $(now_ms) - start ))
    for _ in $(seq 100); do grep -q 'first response' "$app_log" && break; sleep 0.05; done
    rss="$(rss_mib "$pid")"
    cpu="$(cpu_ms "$pid")"
    curl -sf -o /dev/null "http://127.0.0.1:$port/search?q=%E5%8C%97%E7%BA%A6"
    rss_search="$(rss_mib "$pid")"
    kill "$pid"; wait "$pid" 2>/dev/null || true
    # "first response: GET / 200 at 812 ms after process start; working set 98.5 MiB, GC heap 1.3 MiB, managed in use 3.7 MiB; 935 articles"
    line="$(grep -m1 'first response' "$app_log")"
    reported="$(sed -E 's/.* at ([0-9]+) ms.*/\1/' <<< "$line")"
    ws="$(sed -E 's/.*working set ([0-9.]+) MiB.*/\1/' <<< "$line")"
    heap="$(sed -E 's/.*GC heap ([0-9.]+) MiB.*/\1/' <<< "$line")"
    managed="$(sed -E 's/.*managed in use ([0-9.]+) MiB.*/\1/' <<< "$line")"
    articles="$(sed -E 's/.*; ([0-9]+) articles.*/\1/' <<< "$line")"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$variant" "$run" "$articles" "$wall" "$reported" "$cpu" "$ws" "$heap" "$managed" "$rss" "$rss_search" >> "$OUT/runs.tsv"
    log "$variant run $run: $articles articles, first response after $wall ms (app: $reported ms, CPU $cpu ms), RSS $rss MiB, after a search $rss_search MiB"
  done
done
echo "load at end (1/5/15 min): $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"

# median VARIANT COLUMN
median() {
  awk -F'\t' -v v="$1" -v c="$2" 'NR > 1 && $1 == v {print $c}' "$OUT/runs.tsv" | sort -g \
    | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
{
  echo "## Corpus.Web: first response and memory (median of $RUNS runs each, interleaved)"
  echo
  echo "| build | articles | spawn → first 200 of / (ms) | process start → first response, app's clock (ms) | CPU time to then (ms) | working set (MiB) | GC heap (MiB) | managed in use (MiB) | RSS after / (MiB) | RSS after a search for 北约 (MiB) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for variant in baseline real; do
    echo "| $variant | $(median "$variant" 3) | $(median "$variant" 4) | $(median "$variant" 5) | $(median "$variant" 6) | $(median "$variant" 7) | $(median "$variant" 8) | $(median "$variant" 9) | $(median "$variant" 10) | $(median "$variant" 11) |"
  done
  echo "| ratio real / baseline | | $(ratio "$(median real 4)" "$(median baseline 4)") | $(ratio "$(median real 5)" "$(median baseline 5)") | $(ratio "$(median real 6)" "$(median baseline 6)") | $(ratio "$(median real 7)" "$(median baseline 7)") | $(ratio "$(median real 8)" "$(median baseline 8)") | $(ratio "$(median real 9)" "$(median baseline 9)") | $(ratio "$(median real 10)" "$(median baseline 10)") | $(ratio "$(median real 11)" "$(median baseline 11)") |"
  echo
  echo '```'
  cat "$OUT/machine.txt"
  echo '```'
} > "$OUT/summary.md"
cat "$OUT/summary.md"
