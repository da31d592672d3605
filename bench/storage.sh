#!/usr/bin/env bash
# Issue 22: the generated corpus against the skeptic's peer, one command: bash bench/storage.sh
#
#   the peer: id, title and text of every article in one JSON file (written from the generated consumer, so both sides
#   make the same strings), embedded as a resource and read with System.Text.Json's source generator
#   (bench/consumers/json-peer). Interleaved runs of both: every Title and Text ready (from Main and from process start,
#   working set); the generated sides' first use of Articles.All and one article's body on first touch; the floor of
#   making the same strings in fresh memory (Corpus.Bench materialize). Build time and dll size of each consumer.
#
# Environment (all optional):
#   CORPUS_BENCH_SIZE=10000            seeds; CORPUS_BENCH_PAIRS=7 interleaved runs of each
#                                      NxK: N seeds split round-robin over K shard projects (bench/consumers/shard) and one
#                                      app that references them (bench/consumers/sharded-app, the same Program.cs), for
#                                      example 100000x10; one generated side, "sharded" (the Corpus.Runtime library reads
#                                      in place), and the peer built from the same articles
#   CORPUS_STORAGE_SEEDS=DIR           an existing corpus of N seeds (read only), instead of making one in the scratch
#   CORPUS_STORAGE_REUSE=1             measure the consumers built by an earlier run in the same scratch (no build; its
#                                      builds.tsv stays), e.g. after replacing the sharded app's Corpus.Runtime.dll
#   CORPUS_STORAGE_BASE=DIR            a second generator (its netstandard2.0 output dir, e.g. one built from main):
#                                      measured as "base" and "base-in-place" in the same interleaving, for
#                                      before/after in one run
#   CORPUS_BENCH_WORK=/tmp/corpus-storage   scratch; CORPUS_BENCH_OUT=bench/results/storage
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib/measure.sh
source "$ROOT/bench/lib/measure.sh"
SIZE="${CORPUS_BENCH_SIZE:-10000}"
SEEDS="${SIZE%%x*}"
PAIRS="${CORPUS_BENCH_PAIRS:-7}"
BASE="${CORPUS_STORAGE_BASE:+${CORPUS_STORAGE_BASE%/}/}"
WORK="${CORPUS_BENCH_WORK:-/tmp/corpus-storage}"
OUT="${CORPUS_BENCH_OUT:-$ROOT/bench/results/storage}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

mkdir -p "$OUT/logs" "$WORK"
OUT="$(cd "$OUT" && pwd)"
bash "$ROOT/bench/machine-info.sh" > "$OUT/machine.txt"

log "building the bench and the generator (Release)"
build_harness "$WORK/bench-build.log" runtime

seeds="${CORPUS_STORAGE_SEEDS:-$WORK/seeds-$SEEDS}"; seeds="${seeds%/}/"
[[ -d "$seeds" ]] || dotnet "$BENCH" corpus "$SEEDS" "$seeds" >&2

# build NAME CONSUMER_DIR PROPS... -> the consumer built in $WORK/NAME; "name seconds dll_bytes max_rss_kb" appended to builds.tsv
build() {
  local name="$1" source="$2"; shift 2
  rm -rf "${WORK:?}/$name"; mkdir -p "$WORK/$name"; cp "$source/"* "$WORK/$name/"
  dotnet restore "$WORK/$name/Consumer.csproj" "$@" -v q > "$OUT/logs/restore-$name.log" 2>&1 || { cat "$OUT/logs/restore-$name.log" >&2; exit 1; }
  log "building $name"
  local start; start=$(date +%s%N)
  /usr/bin/time -v -o "$OUT/logs/time-$name.txt" dotnet build "$WORK/$name/Consumer.csproj" -c Release --no-restore --disable-build-servers -nodeReuse:false \
    -p:UseSharedCompilation=false "$@" > "$OUT/logs/build-$name.log" 2>&1 || { tail -20 "$OUT/logs/build-$name.log" >&2; exit 1; }
  printf '%s\t%s\t%s\t%s\n' "$name" "$(seconds_since "$start")" "$(stat -c %s "$WORK/$name/bin/Release/net10.0/Consumer.dll")" "$(max_rss_kb "$name")" >> "$OUT/builds.tsv"
}

# max_rss_kb NAME: the largest resident set of any process of NAME's build (the compiler's, with no compiler server).
max_rss_kb() { awk '/Maximum resident set size/ {print $NF}' "$OUT/logs/time-$1.txt"; }

generator_props() { echo "-p:CorpusSeeds=$seeds -p:CorpusGeneratorDir=$1 -p:CorpusGeneratorProps=$ROOT/src/Corpus.Generator/build/Corpus.Generator.props -p:CorpusAngleSharp=$ANGLESHARP"; }

# build_sharded N K: the shards and the app over them in $WORK/sharded (MSBuild's static graph, two shards at a time);
# its dll_bytes are every shard's and the app's.
build_sharded() {
  local dir="$WORK/sharded-root"
  rm -rf "$dir" "$WORK/sharded"; mkdir -p "$dir/app"
  link_shards "$seeds" "$dir" "$2"
  cp "$ROOT/bench/consumers/sharded-app/Consumer.csproj" "$ROOT/bench/consumers/generated/Program.cs" "$dir/app/"
  local tools=(-p:CorpusGeneratorDir="$GENERATOR_DIR" -p:CorpusGeneratorProps="$ROOT/src/Corpus.Generator/build/Corpus.Generator.props" -p:CorpusAngleSharp="$ANGLESHARP" -p:CorpusRuntimeDir="$RUNTIME_DIR")
  dotnet restore "$dir/app/Consumer.csproj" "${tools[@]}" -v q > "$OUT/logs/restore-sharded.log" 2>&1 || { cat "$OUT/logs/restore-sharded.log" >&2; exit 1; }
  log "building $1 seeds in $2 shards and the app over them"
  local start; start=$(date +%s%N)
  /usr/bin/time -v -o "$OUT/logs/time-sharded.txt" dotnet build "$dir/app/Consumer.csproj" -c Release --no-restore -graph --disable-build-servers \
    -nodeReuse:false -p:UseSharedCompilation=false "${tools[@]}" > "$OUT/logs/build-sharded.log" 2>&1 || { tail -20 "$OUT/logs/build-sharded.log" >&2; exit 1; }
  # The runs below find every side at $WORK/SIDE/bin/Release/net10.0.
  ln -s "$dir/app" "$WORK/sharded"
  printf 'sharded\t%s\t%s\t%s\n' "$(seconds_since "$start")" "$(cat "$dir"/app/bin/Release/net10.0/{Consumer,Shard*}.dll | wc -c)" "$(max_rss_kb sharded)" >> "$OUT/builds.tsv"
}

REUSE="${CORPUS_STORAGE_REUSE:-}"
[[ -n "$REUSE" ]] || printf 'consumer\tseconds\tdll_bytes\tmax_rss_kb\n' > "$OUT/builds.tsv"
if [[ -n "$REUSE" ]]; then
  if [[ "$SIZE" == *x* ]]; then SIDES=(sharded); else SIDES=(generated in-place); [[ -z "$BASE" ]] || SIDES+=(base base-in-place); fi
  log "reusing the consumers in $WORK: ${SIDES[*]} json-peer"
elif [[ "$SIZE" == *x* ]]; then
  SIDES=(sharded)
  build_sharded "$SEEDS" "${SIZE##*x}"
else
  # generated: the consumer as it is (reflection); in-place: the same with AllowUnsafeBlocks (constants read in place).
  SIDES=(generated in-place)
  # shellcheck disable=SC2046
  build generated "$ROOT/bench/consumers/generated" $(generator_props "$GENERATOR_DIR")
  # shellcheck disable=SC2046
  build in-place "$ROOT/bench/consumers/generated" $(generator_props "$GENERATOR_DIR") -p:AllowUnsafeBlocks=true
  if [[ -n "$BASE" ]]; then
    SIDES+=(base base-in-place)
    # shellcheck disable=SC2046
    build base "$ROOT/bench/consumers/generated" $(generator_props "$BASE")
    # shellcheck disable=SC2046
    build base-in-place "$ROOT/bench/consumers/generated" $(generator_props "$BASE") -p:AllowUnsafeBlocks=true
  fi
fi
if [[ -z "$REUSE" ]]; then
  dotnet "$WORK/${SIDES[0]}/bin/Release/net10.0/Consumer.dll" --json "$WORK/corpus.json"
  build json-peer "$ROOT/bench/consumers/json-peer" -p:CorpusJson="$WORK/corpus.json"
  printf 'json\t0\t%s\t0\n' "$(stat -c %s "$WORK/corpus.json")" >> "$OUT/builds.tsv"
fi

# Values identical: every value of every article hashed by each generated side.
for side in "${SIDES[@]}"; do
  printf '%s\t%s\n' "$side" "$(dotnet "$WORK/$side/bin/Release/net10.0/Consumer.dll" --hash)"
done > "$OUT/hashes.tsv"

printf 'consumer\trun\tarticles\tcharacters\tmain_to_ready_ms\tstart_to_ready_ms\tworking_set_mb\twall_ms\n' > "$OUT/runs.tsv"
printf 'consumer\trun\tfirst_use_ms\tone_body_ms\tother_body_ms\n' > "$OUT/first-use.tsv"
field() { echo "$1" | sed -E "s/.*$2=([0-9.]+).*/\1/"; }
for ((i = 1; i <= PAIRS; i++)); do
  log "runs $i/$PAIRS"
  for side in json-peer "${SIDES[@]}"; do
    start=$(date +%s%N); line=$(dotnet "$WORK/$side/bin/Release/net10.0/Consumer.dll"); end=$(date +%s%N)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$side" "$i" "$(field "$line" articles)" "$(field "$line" characters)" \
      "$(field "$line" main_to_ready_ms)" "$(field "$line" start_to_ready_ms)" "$(field "$line" working_set_mb)" "$(( (end - start) / 1000000 ))" >> "$OUT/runs.tsv"
  done
  for side in "${SIDES[@]}"; do
    line=$(dotnet "$WORK/$side/bin/Release/net10.0/Consumer.dll" --first-use)
    printf '%s\t%s\t%s\t%s\t%s\n' "$side" "$i" "$(field "$line" first_use_ms)" "$(field "$line" one_body_ms)" "$(field "$line" other_body_ms)" >> "$OUT/first-use.tsv"
  done
  # The floors, same run: the runtime's start (the generated process touching no article), and the same number of
  # strings of the same characters made in a fresh process.
  line=$(dotnet "$WORK/${SIDES[0]}/bin/Release/net10.0/Consumer.dll" --start-only)
  printf 'floor-start\t%s\t0\t0\t0\t%s\t0\t0\n' "$i" "$(field "$line" start_to_ready_ms)" >> "$OUT/runs.tsv"
  read -r articles characters < <(awk -F'\t' -v s="${SIDES[0]}" '$1 == s {print $3, $4; exit}' "$OUT/runs.tsv")
  line=$(dotnet "$BENCH" materialize "$articles" "$characters")
  printf 'floor-strings\t%s\t%s\t%s\t%s\t0\t0\t0\n' "$i" "$articles" "$characters" "$(echo "$line" | sed -E 's/.*: ([0-9.]+) ms/\1/')" >> "$OUT/runs.tsv"
done
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"

# col FILE NAME COLUMN: the median of COLUMN over FILE's rows of NAME.
col() { awk -F'\t' -v n="$2" -v c="$3" '$1 == n {print $c}' "$1" | median_of; }
{
  echo "## $SIZE seeds ($seeds): every Title and Text ready (median of $PAIRS interleaved runs)"
  echo
  echo "| consumer | main→ready (ms) | start→ready (ms) | working set (MB) | wall (ms) | JSON peer / this, from Main | from start |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  pm=$(col "$OUT/runs.tsv" json-peer 5); ps=$(col "$OUT/runs.tsv" json-peer 6)
  for side in json-peer "${SIDES[@]}"; do
    m=$(col "$OUT/runs.tsv" "$side" 5); s=$(col "$OUT/runs.tsv" "$side" 6)
    echo "| $side | $m | $s | $(col "$OUT/runs.tsv" "$side" 7) | $(col "$OUT/runs.tsv" "$side" 8) | $(ratio "$pm" "$m") | $(ratio "$ps" "$s") |"
  done
  echo "| floor: runtime start | | $(col "$OUT/runs.tsv" floor-start 6) | | | | |"
  echo "| floor: the same strings in fresh memory | $(col "$OUT/runs.tsv" floor-strings 5) | | | | | |"
  echo
  echo "## First use (median of $PAIRS, each a fresh process)"
  echo
  echo "| consumer | first use of Articles.All (ms) | one article's body on first touch (ms) | another group's body, code warm (ms) |"
  echo "|---|---:|---:|---:|"
  for side in "${SIDES[@]}"; do
    echo "| $side | $(col "$OUT/first-use.tsv" "$side" 3) | $(col "$OUT/first-use.tsv" "$side" 4) | $(col "$OUT/first-use.tsv" "$side" 5) |"
  done
  echo
  echo "## Builds (one each) and sizes"
  echo
  echo "| consumer | build (s) | dll (bytes) | largest process (KB) |"
  echo "|---|---:|---:|---:|"
  awk -F'\t' 'NR > 1 {printf "| %s | %s | %s | %s |\n", $1, $2, $3, $4}' "$OUT/builds.tsv"
  echo
  echo "Hashes of every value: $(cut -f2 "$OUT/hashes.tsv" | sort -u | wc -l) distinct over ${#SIDES[@]} generated side(s)."
} > "$OUT/summary.md"
cat "$OUT/summary.md"
log "done: $OUT"
