#!/usr/bin/env bash
# Issue 22 at 100,000 in 10 shards: first use of Articles.All (Probe.dll, /tmp/s1/probe) with main's runtime (base) and
# the branch's (new), interleaved. Usage: bash /tmp/s1/first-use.sh [PAIRS [SIDE...]]  (medians printed at the end;
# sides are directories under /tmp/s1: m-il = main's runtime, h-il = this branch's final one, both built for net10.0 as IL)
cd /tmp/s1
pairs="${1:-9}"; shift || true
sides=("$@"); [[ ${#sides[@]} -gt 0 ]] || sides=(m-il h-il)
: > first-use.tsv
for i in $(seq "$pairs"); do
  for side in "${sides[@]}"; do
    line=$(cd "$side" && nice -n -10 dotnet Probe.dll)
    printf '%s\t%s\n' "$side" "$line" >> first-use.tsv
  done
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
for side in "${sides[@]}"; do
  for key in first_use_ms first_use_cpu_ms one_body_ms other_body_ms; do
    printf '%s %s median=' "$side" "$key"
    grep "^$side	" first-use.tsv | grep -o "$key=[0-9.]*" | cut -d= -f2 | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)] " min=" a[1] " max=" a[NR]}'
  done
done
