#!/usr/bin/env bash
# Issue 23 at 100,000 in 10 shards: the search app (format 5) with each side's Corpus.Runtime.dll, interleaved:
# Main -> first answer and process start -> first answer of `Consumer index` (ROUNDS warm rounds: p50/p99 too).
# Usage: bash /tmp/s1/first-answer.sh PAIRS ROUNDS SIDE...   (sides: directories under /tmp/s1, e.g. base new)
cd /tmp/s1
pairs="${1:-5}"; rounds="${2:-0}"; shift 2
sides=("$@"); [[ ${#sides[@]} -gt 0 ]] || sides=(base new)
out="first-answer-$(IFS=-; echo "${sides[*]}")-r$rounds.tsv"
: > "$out"
for i in $(seq "$pairs"); do
  for side in "${sides[@]}"; do
    line=$(cd "$side" && nice -n -10 dotnet Consumer.dll index /work/wt-start/bench/search-queries.tsv "/tmp/s1/top-$side.tsv" "$rounds" 2>/dev/null)
    printf '%s\t%s\n' "$side" "$line" >> "$out"
  done
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
for side in "${sides[@]}"; do
  for key in main_to_first_ms start_to_first_ms p50_us p99_us; do
    printf '%s %s median=' "$side" "$key"
    grep "^$side	" "$out" | grep -o " $key=[0-9.]*" | cut -d= -f2 | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)] " min=" a[1] " max=" a[NR]}'
  done
done
