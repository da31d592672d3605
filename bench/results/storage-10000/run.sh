#!/usr/bin/env bash
# Interleaved runs over consumers built already (bench/consumers/generated with the generator of main before this change,
# "before-*", and after it, "after-*"; "-inplace" with AllowUnsafeBlocks) and the JSON peer built from the same articles:
# every Title and Text ready, and first use (All, one body, another body), as bench/storage.sh measures them.
set -euo pipefail
W=/tmp/corpus-storage-T; OUT="$1"; PAIRS="${2:-7}"
mkdir -p "$OUT"
source /work/wtT/bench/lib/measure.sh
SIDES=(before-generated after-generated before-inplace after-inplace)
field() { echo "$1" | sed -E "s/.*$2=([0-9.]+).*/\1/"; }
printf 'consumer\trun\tarticles\tcharacters\tmain_to_ready_ms\tstart_to_ready_ms\tworking_set_mb\tload1\n' > "$OUT/runs.tsv"
printf 'consumer\trun\tfirst_use_ms\tone_body_ms\tother_body_ms\tload1\n' > "$OUT/first-use.tsv"
for ((i = 1; i <= PAIRS; i++)); do
  log "runs $i/$PAIRS (load $(cut -d' ' -f1 /proc/loadavg))"
  for side in json-peer "${SIDES[@]}"; do
    line=$(dotnet "$W/$side/bin/Release/net10.0/Consumer.dll")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$side" "$i" "$(field "$line" articles)" "$(field "$line" characters)" "$(field "$line" main_to_ready_ms)" \
      "$(field "$line" start_to_ready_ms)" "$(field "$line" working_set_mb)" "$(cut -d' ' -f1 /proc/loadavg)" >> "$OUT/runs.tsv"
  done
  for side in "${SIDES[@]}"; do
    line=$(dotnet "$W/$side/bin/Release/net10.0/Consumer.dll" --first-use)
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$side" "$i" "$(field "$line" first_use_ms)" "$(field "$line" one_body_ms)" "$(field "$line" other_body_ms)" "$(cut -d' ' -f1 /proc/loadavg)" >> "$OUT/first-use.tsv"
  done
  line=$(dotnet /work/wtT/bench/Corpus.Bench/bin/Release/net10.0/Corpus.Bench.dll materialize 10000 "$(awk -F'\t' '$1 == "after-inplace" {print $4; exit}' "$OUT/runs.tsv")")
  printf 'floor-strings\t%s\t0\t0\t%s\t0\t0\t%s\n' "$i" "$(echo "$line" | sed -E 's/.*: ([0-9.]+) ms/\1/')" "$(cut -d' ' -f1 /proc/loadavg)" >> "$OUT/runs.tsv"
done
col() { awk -F'\t' -v n="$2" -v c="$3" '$1 == n {print $c}' "$1" | median_of; }
{
  echo "| 10,000 seeds, median of $PAIRS | main→ready (ms) | start→ready (ms) | working set (MB) | peer / this from Main | from start |"
  echo "|---|---:|---:|---:|---:|---:|"
  pm=$(col "$OUT/runs.tsv" json-peer 5); ps=$(col "$OUT/runs.tsv" json-peer 6)
  for side in json-peer "${SIDES[@]}" floor-strings; do
    m=$(col "$OUT/runs.tsv" "$side" 5); s=$(col "$OUT/runs.tsv" "$side" 6)
    echo "| $side | $m | $s | $(col "$OUT/runs.tsv" "$side" 7) | $(ratio "$pm" "$m") | $(ratio "$ps" "$s") |"
  done
  echo
  echo "| 10,000 seeds, median of $PAIRS | first use of All (ms) | one body, first touch (ms) | another group's body (ms) |"
  echo "|---|---:|---:|---:|"
  for side in "${SIDES[@]}"; do
    echo "| $side | $(col "$OUT/first-use.tsv" "$side" 3) | $(col "$OUT/first-use.tsv" "$side" 4) | $(col "$OUT/first-use.tsv" "$side" 5) |"
  done
} > "$OUT/summary.md"
cat "$OUT/summary.md"
