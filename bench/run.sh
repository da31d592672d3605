#!/usr/bin/env bash
# Issue 6 benchmarks, one command: bash bench/run.sh
#
#   in process (BenchmarkDotNet): generator cold run vs the AngleSharp floor, incremental re-runs; step reasons
#   whole builds (dotnet build, 2 consumers): generator consumer vs the same seeds as EmbeddedResource; time and peak memory
#   run time: process start to every Title and Text ready vs reading and parsing the embedded seeds with AngleSharp
#
# Environment (all optional):
#   CORPUS_BENCH_SIZES="1000 10000"   seed counts for builds and runs (100000 works: see docs/performance.md)
#   CORPUS_BENCH_SEEDS=1000,10000     seed counts for BenchmarkDotNet; CORPUS_BENCH_ITERATIONS=5 its iterations
#   CORPUS_BENCH_BUILDS=3             builds of each consumer per size (interleaved); CORPUS_BENCH_RUNS=5 runs of each
#   CORPUS_BENCH_SKIP="bdn steps"     parts to skip (bdn, steps, builds)
#   CORPUS_BENCH_WORK=/tmp/corpus-bench   scratch (corpora, consumers); CORPUS_BENCH_OUT=bench/results/latest
#   CORPUS_REAL_SEEDS=../shared/corpus/real
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib/measure.sh
source "$ROOT/bench/lib/measure.sh"
SIZES="${CORPUS_BENCH_SIZES:-1000 10000}"
BUILDS="${CORPUS_BENCH_BUILDS:-3}"
RUNS="${CORPUS_BENCH_RUNS:-5}"
SKIP="${CORPUS_BENCH_SKIP:-}"
WORK="${CORPUS_BENCH_WORK:-/tmp/corpus-bench}"
OUT="${CORPUS_BENCH_OUT:-$ROOT/bench/results/latest}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

mkdir -p "$OUT" "$WORK"
OUT="$(cd "$OUT" && pwd)"
skip() { [[ " $SKIP " == *" $1 "* ]]; }

# --- machine -------------------------------------------------------------------------------------------------------
bash "$ROOT/bench/machine-info.sh" > "$OUT/machine.txt"
cat "$OUT/machine.txt" >&2

# --- build the harness and the generator -----------------------------------------------------------------------------
log "building the bench and the generator (Release)"
build_harness "$WORK/bench-build.log"
[[ -f "$GENERATOR_DIR/Corpus.Generator.dll" && -f "$ANGLESHARP" ]] || { echo "generator or AngleSharp.dll missing" >&2; exit 1; }

# --- in process -----------------------------------------------------------------------------------------------------
if ! skip steps; then
  log "step reasons"
  IFS=',' read -r -a step_sizes <<< "${CORPUS_BENCH_SEEDS:-1000,10000}"
  dotnet "$BENCH" steps "${step_sizes[@]}" > "$OUT/steps.md"
fi
if ! skip bdn; then
  log "BenchmarkDotNet (in process)"
  rm -rf "$OUT/bdn"
  (cd "$WORK" && dotnet "$BENCH" bdn --filter '*' --artifacts "$OUT/bdn" --exporters github) > "$OUT/bdn.log" 2>&1
  echo "load after BenchmarkDotNet: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
fi
skip builds && { log "done: $OUT"; exit 0; }

# --- whole builds and run time -----------------------------------------------------------------------------------------
# measure_build NAME DIR -> appends "size name seconds max_rss_kb tree_peak_kb csc_seconds" to builds.tsv
measure_build() {
  local size="$1" name="$2" dir="$3" tag="$4"
  rm -rf "$dir/bin" "$dir/obj/Release"
  local log="$OUT/logs/build-$size-$name-$tag.log" timefile="$WORK/time.txt" peak=0 rss
  local start end
  start=$(date +%s%N)
  /usr/bin/time -v -o "$timefile" dotnet build "$dir/Consumer.csproj" -c Release --no-restore --disable-build-servers \
    -nodeReuse:false -p:UseSharedCompilation=false "${PROPS[@]}" -clp:PerformanceSummary > "$log" 2>&1 &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    read -r rss _ _ < <(tree_rss "$pid"); (( rss > peak )) && peak=$rss
    sleep 0.2
  done
  if ! wait "$pid"; then echo "build failed: $log" >&2; tail -20 "$log" >&2; exit 1; fi
  end=$(date +%s%N)
  local max_rss
  max_rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$timefile")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$name" "$(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.2f", (e-s)/1e9}')" "$max_rss" "$peak" "$(csc_seconds "$log")" >> "$OUT/builds.tsv"
}

mkdir -p "$OUT/logs"
printf 'seeds\tconsumer\tseconds\tmax_rss_kb\ttree_peak_kb\tcsc_seconds\n' > "$OUT/builds.tsv"
printf 'seeds\tconsumer\trun\tarticles\tcharacters\tmain_to_ready_ms\tstart_to_ready_ms\twall_ms\n' > "$OUT/runs.tsv"
printf 'seeds\tbytes\n' > "$OUT/corpora.tsv"
for size in $SIZES; do
  seeds="$WORK/seeds-$size/"
  log "corpus of $size seeds"
  dotnet "$BENCH" corpus "$size" "$seeds" >&2
  printf '%s\t%s\n' "$size" "$(du -sb "$seeds" | cut -f1)" >> "$OUT/corpora.tsv"
  PROPS=(-p:CorpusSeeds="$seeds" -p:CorpusGeneratorDir="$GENERATOR_DIR" -p:CorpusGeneratorProps="$ROOT/src/Corpus.Generator/build/Corpus.Generator.props" -p:CorpusAngleSharp="$ANGLESHARP")
  for name in generated embedded; do
    rm -rf "$WORK/$size-$name"; mkdir -p "$WORK/$size-$name"
    cp "$ROOT/bench/consumers/$name/"* "$WORK/$size-$name/"
    dotnet restore "$WORK/$size-$name/Consumer.csproj" "${PROPS[@]}" -v q > "$OUT/logs/restore-$size-$name.log" 2>&1
  done
  for ((i = 1; i <= BUILDS; i++)); do
    for name in embedded generated; do
      log "build $i/$BUILDS of the $name consumer, $size seeds"
      measure_build "$size" "$name" "$WORK/$size-$name" "$i"
    done
  done
  for ((i = 1; i <= RUNS; i++)); do
    for name in embedded generated; do
      dll="$WORK/$size-$name/bin/Release/net10.0/Consumer.dll"
      start=$(date +%s%N); line=$(dotnet "$dll"); end=$(date +%s%N)
      printf '%s\t%s\t%s\t%s\t%s\n' "$size" "$name" "$i" \
        "$(echo "$line" | sed -E 's/articles=([0-9]+) characters=([0-9]+) main_to_ready_ms=([0-9.]+) start_to_ready_ms=([0-9.]+).*/\1\t\2\t\3\t\4/')" \
        "$(( (end - start) / 1000000 ))" >> "$OUT/runs.tsv"
    done
    # Floors of the generated side, same run: the process with the same assembly touching no article (runtime start),
    # and making as many strings of as many characters in a fresh process (the memory the texts need).
    dll="$WORK/$size-generated/bin/Release/net10.0/Consumer.dll"
    start=$(date +%s%N); line=$(dotnet "$dll" --start-only); end=$(date +%s%N)
    printf '%s\t%s\t%s\t0\t0\t0\t%s\t%s\n' "$size" "floor-start" "$i" "$(echo "$line" | sed -E 's/.*start_to_ready_ms=([0-9.]+).*/\1/')" "$(( (end - start) / 1000000 ))" >> "$OUT/runs.tsv"
    read -r articles characters < <(awk -F'\t' -v s="$size" '$1 == s && $2 == "generated" {print $4, $5; exit}' "$OUT/runs.tsv")
    line=$(dotnet "$BENCH" materialize "$articles" "$characters")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t0\t0\n' "$size" "floor-strings" "$i" "$articles" "$characters" "$(echo "$line" | sed -E 's/.*: ([0-9.]+) ms/\1/')" >> "$OUT/runs.tsv"
  done
done
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"

# --- summary: medians and ratios -------------------------------------------------------------------------------------
# Of the size the loop below is at.
med() { median "$OUT/builds.tsv" "$size" "$1" "$2"; }
rmed() { median "$OUT/runs.tsv" "$size" "$1" "$2"; }
{
  echo "## Whole builds (median of $BUILDS; peak = sampled sum of the build's process tree, max RSS = largest single process)"
  echo
  echo "| seeds | MB | embedded build (s) | generator build (s) | ratio | Csc task (s) embedded / generator | peak tree RSS embedded / generator (MB) | max RSS generator (MB) |"
  echo "|---:|---:|---:|---:|---:|---|---|---:|"
  for size in $SIZES; do
    mb=$(awk -F'\t' -v s="$size" '$1 == s {printf "%.1f", $2 / 1e6}' "$OUT/corpora.tsv")
    eb=$(med embedded 3); gb=$(med generated 3)
    echo "| $size | $mb | $eb | $gb | $(awk -v a="$gb" -v b="$eb" 'BEGIN {printf "%.2f", a / b}') | $(med embedded 6) / $(med generated 6) | $(awk -v a="$(med embedded 5)" -v b="$(med generated 5)" 'BEGIN {printf "%.0f / %.0f", a / 1024, b / 1024}') | $(awk -v a="$(med generated 4)" 'BEGIN {printf "%.0f", a / 1024}') |"
  done
  echo
  echo "## Run time: every Title and Text ready (median of $RUNS)"
  echo
  echo "| seeds | embedded + AngleSharp: main→ready / start→ready / wall (ms) | generated: main→ready / start→ready / wall (ms) | speed-up main→ready | speed-up start→ready |"
  echo "|---:|---|---|---:|---:|"
  for size in $SIZES; do
    echo "| $size | $(rmed embedded 6) / $(rmed embedded 7) / $(rmed embedded 8) | $(rmed generated 6) / $(rmed generated 7) / $(rmed generated 8) | $(awk -v a="$(rmed embedded 6)" -v b="$(rmed generated 6)" 'BEGIN {printf "%.1f", a / b}') | $(awk -v a="$(rmed embedded 7)" -v b="$(rmed generated 7)" 'BEGIN {printf "%.1f", a / b}') |"
  done
  echo
  echo "## Floors of the run time (median of $RUNS, same run)"
  echo
  echo "Runtime start: the generated consumer's process touching no article (start→ready). Strings: making as many strings"
  echo "of as many characters as every Title and Text, out of one string, in a fresh process (\`Corpus.Bench materialize\`)."
  echo
  echo "| seeds | runtime start (ms) | strings (ms) | generated main→ready / strings floor | generated start→ready / both floors |"
  echo "|---:|---:|---:|---:|---:|"
  for size in $SIZES; do
    fs=$(rmed floor-start 7); fm=$(rmed floor-strings 6)
    echo "| $size | $fs | $fm | $(awk -v a="$(rmed generated 6)" -v b="$fm" 'BEGIN {printf "%.1f", a / b}') | $(awk -v a="$(rmed generated 7)" -v b="$fs" -v c="$fm" 'BEGIN {printf "%.1f", a / (b + c)}') |"
  done
} > "$OUT/summary.md"
cat "$OUT/summary.md"
log "done: $OUT"
