#!/usr/bin/env bash
# What the lookup analyzer (CORPUS015/016, issue 13) costs a whole build: bash bench/lookup-analyzer.sh
#
# The 10,000-seed consumer of bench/run.sh (bench/consumers/generated), built from scratch, interleaved:
#   on    the analyzer runs (as for every user)
#   off   -p:NoWarn=…;CORPUS015;CORPUS016: both its diagnostics suppressed, so the compiler never runs it
# with the bench program alone ("plain": the usual case, no constant lookup) and with four constant lookups added
# ("lookups": an unknown and a known Id, an unknown and a known URL; the URL lookups read every seed's title block and
# the unknown one compares its URL with all 10,000). Each build passes -p:ReportAnalyzer=true, and the compiler's own
# account of the analyzer's time is read from the log.
#
# Environment (all optional): CORPUS_BENCH_SIZE=10000  CORPUS_BENCH_BUILDS=3  CORPUS_BENCH_WORK=/tmp/corpus-bench
#   CORPUS_BENCH_OUT=bench/results/lookup-analyzer  CORPUS_REAL_SEEDS=../shared/corpus/real
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib/measure.sh
source "$ROOT/bench/lib/measure.sh"
SIZE="${CORPUS_BENCH_SIZE:-10000}"
BUILDS="${CORPUS_BENCH_BUILDS:-3}"
WORK="${CORPUS_BENCH_WORK:-/tmp/corpus-bench}"
OUT="${CORPUS_BENCH_OUT:-$ROOT/bench/results/lookup-analyzer}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

mkdir -p "$OUT/logs" "$WORK"
OUT="$(cd "$OUT" && pwd)"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') x $(nproc)"
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo)"
  echo "dotnet: $(dotnet --version)"
  echo "load at start (1/5/15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$OUT/machine.txt"

log "building the bench and the generator (Release)"
build_harness "$WORK/lookup-bench-build.log"

seeds="$WORK/seeds-$SIZE/"
log "corpus of $SIZE seeds"
dotnet "$BENCH" corpus "$SIZE" "$seeds" >&2

# A known Id and URL: the first seed's file name and the URL of its [title](url) line; the unknown ones are one edit away.
files=("$seeds"*.txt)
first="${files[0]##*/}"
known_id="${first%.txt}"
known_url="$(grep -m1 -oP '^\[.*\]\(\K[^)]*(?=\)$)' "$seeds/$first")"
unknown_id="${known_id%?}x"
unknown_url="${known_url}x"
echo "known id: $known_id; known url: $known_url" >> "$OUT/machine.txt"

PROPS=(-p:CorpusSeeds="$seeds" -p:CorpusGeneratorDir="$GENERATOR_DIR" -p:CorpusGeneratorProps="$ROOT/src/Corpus.Generator/build/Corpus.Generator.props" -p:CorpusAngleSharp="$ANGLESHARP")
for program in plain lookups; do
  dir="$WORK/lookup-$SIZE-$program"
  rm -rf "$dir"; mkdir -p "$dir"
  cp "$ROOT/bench/consumers/generated/"* "$dir/"
  if [[ "$program" == lookups ]]; then
    # Types may follow top-level statements in the same file.
    cat >> "$dir/Program.cs" <<CS

internal static class Lookups
{
    public static readonly object?[] Found =
    {
        Consumer.Articles.FindById("$unknown_id"),
        Consumer.Articles.FindById("$known_id"),
        Consumer.Articles.FindByUrl("$unknown_url"),
        Consumer.Articles.FindByUrl("$known_url"),
    };
}
CS
  fi
  dotnet restore "$dir/Consumer.csproj" "${PROPS[@]}" -v q > "$OUT/logs/restore-$program.log" 2>&1
done

# build PROGRAM MODE TAG -> a row of builds.tsv: program mode seconds csc_seconds analyzer_seconds corpus015_lines
build() {
  local program="$1" mode="$2" tag="$3" dir="$WORK/lookup-$SIZE-$1"
  local logfile="$OUT/logs/build-$program-$mode-$tag.log" extra=()
  [[ "$mode" == off ]] && extra=("-p:NoWarn=CS1701%3BCS1702%3BCORPUS015%3BCORPUS016")
  rm -rf "$dir/bin" "$dir/obj/Release"
  local start end
  start=$(date +%s%N)
  dotnet build "$dir/Consumer.csproj" -c Release --no-restore --disable-build-servers -nodeReuse:false \
    -p:UseSharedCompilation=false -p:ReportAnalyzer=true "${PROPS[@]}" "${extra[@]}" -v:d -clp:PerformanceSummary > "$logfile" 2>&1 \
    || { echo "build failed: $logfile" >&2; tail -20 "$logfile" >&2; exit 1; }
  end=$(date +%s%N)
  local csc analyzer warnings
  csc=$(awk '/Task Performance Summary/ {t=1} t && $3 == "Csc" {print $1; exit}' "$logfile" | tr -d ' ms')
  analyzer=$(awk '/Corpus.Generator.Analyzers.ArticleLookupAnalyzer/ {print $1; exit}' "$logfile" | tr -d '<')
  warnings=$(grep -c 'warning CORPUS015' "$logfile" || true)
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$program" "$mode" "$(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.2f", (e-s)/1e9}')" \
    "$(awk -v c="${csc:-0}" 'BEGIN {printf "%.2f", c/1000}')" "${analyzer:-0}" "$warnings" >> "$OUT/builds.tsv"
}

printf 'program\tmode\tseconds\tcsc_seconds\tanalyzer_seconds\tcorpus015_lines\n' > "$OUT/builds.tsv"
for ((i = 1; i <= BUILDS; i++)); do
  for program in plain lookups; do
    for mode in on off; do
      log "build $i/$BUILDS: $program, analyzer $mode"
      build "$program" "$mode" "$i"
    done
  done
done
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"

# build_median PROGRAM MODE COLUMN: the median of COLUMN over the builds of PROGRAM with the analyzer MODE.
build_median() { median "$OUT/builds.tsv" "$@"; }
{
  echo "## Lookup analyzer, $SIZE seeds (median of $BUILDS builds each, interleaved)"
  echo
  echo "| program | build on / off (s) | ratio | Csc task on / off (s) | ratio | analyzer's own time (s, ReportAnalyzer) |"
  echo "|---|---|---:|---|---:|---:|"
  for program in plain lookups; do
    bon=$(build_median "$program" on 3); boff=$(build_median "$program" off 3); con=$(build_median "$program" on 4); coff=$(build_median "$program" off 4)
    echo "| $program | $bon / $boff | $(awk -v a="$bon" -v b="$boff" 'BEGIN {printf "%.3f", a / b}') | $con / $coff | $(awk -v a="$con" -v b="$coff" 'BEGIN {printf "%.3f", a / b}') | $(build_median "$program" on 5) |"
  done
} > "$OUT/summary.md"
cat "$OUT/summary.md"
log "done: $OUT"
