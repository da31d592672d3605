#!/usr/bin/env bash
# Issue 23, the first answer after process start, per way a user can build and run the search app over shards:
#   CORPUS_SEARCH_SIZES=100000x10 CORPUS_SEARCH_SKIP=builds bash bench/search.sh   (builds the app over shards), then
#   bash bench/start.sh
#
# Copies the built app folder (outputs copied, seeds hard-linked: the original is neither rebuilt nor written), rebuilds
# the app project alone with this commit's bench/consumers/search/*.cs (the shards as built), and makes one "side" per way:
#   il     dotnet Consumer.dll, the build as it is          host   ./Consumer, the same build through its apphost
#   r2r    PublishReadyToRun: every assembly of the app (shards, Corpus.Runtime, the app) precompiled by crossgen2
#   r2rc   PublishReadyToRun + PublishReadyToRunComposite + SelfContained: the framework and the app in one composite image
#   aot    PublishAot (NativeAOT); at 100,000 seeds ILC stops: its metadata holds at most 32 MiB (docs/performance.md)
#   BASE+KNOB...  a side with runtimeconfig properties, as the project properties write them (a bare KNOB is il+KNOB):
#          tc0 TieredCompilation=false, pgo0 TieredPGO=false, qjl0 TieredCompilation.QuickJitForLoops=false,
#          qj0 TieredCompilation.QuickJit=false, inv InvariantGlobalization=true, srk UseSystemResourceKeys=true,
#          gcc0 ConcurrentGarbageCollection=false
# Each publish puts its properties in the project file: on the command line PublishAot reaches the netstandard2.0 shards
# too, and the SDK stops with NETSDK1207.
# Then RUNS processes a side, interleaved (each round starting at the next side), in two modes: first (Consumer first
# QUERY: one search from Main, nothing else, as an app that answers at start) and index (the query set, ROUNDS warm
# rounds: p50/p99; each query's total and top ten compared with il's). A process's start is the wall clock the shell
# notes just before exec; the app prints its clock at Main's first line and at the first answer. runs.tsv:
# start_to_main_ms (the host), main_to_first_ms (Main's first line to the answer: in index mode with the consumer's
# reading of the query set and its memory probe, which its own consumer_main_to_first_ms leaves out), start_to_first_ms;
# jit_ms/jit_methods: the JIT's work before the answer (first mode: since process start; index mode: during the first
# search); max_rss_mib: the process's peak resident memory.
#
# Environment (all optional):
#   CORPUS_START_APP=$CORPUS_BENCH_WORK/100000x10-search   the folder bench/search.sh built (Shard01… and app/)
#   CORPUS_START_SIDES="il host tc0 pgo0 qjl0 qj0 inv srk gcc0 r2r r2r+inv r2rc r2rc+inv r2rc+inv+gcc0 aot"
#   CORPUS_START_RUNS=5 processes a side and mode   CORPUS_START_ROUNDS=5 warm rounds   CORPUS_START_MODES="first index"
#   CORPUS_START_WORK=/tmp/corpus-bench-start   CORPUS_START_OUT=bench/results/first-answer-100000x10
#   CORPUS_START_NICE=-10   the runs' niceness (root only below 0)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib/measure.sh
source "$ROOT/bench/lib/measure.sh"
BENCH_WORK="${CORPUS_BENCH_WORK:-/tmp/corpus-bench-search}"
APP="${CORPUS_START_APP:-$BENCH_WORK/100000x10-search}"
SIDES="${CORPUS_START_SIDES:-il host tc0 pgo0 qjl0 qj0 inv srk gcc0 r2r r2r+inv r2rc r2rc+inv r2rc+inv+gcc0 aot}"
RUNS="${CORPUS_START_RUNS:-5}"
ROUNDS="${CORPUS_START_ROUNDS:-5}"
MODES="${CORPUS_START_MODES:-first index}"
WORK="${CORPUS_START_WORK:-/tmp/corpus-bench-start}"
OUT="${CORPUS_START_OUT:-$ROOT/bench/results/first-answer-100000x10}"
NICE="${CORPUS_START_NICE:--10}"
QUERIES="$ROOT/bench/search-queries.tsv"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
load1() { cut -d" " -f1 /proc/loadavg; }
[[ -d "$APP/app" ]] || { echo "no app over shards in $APP (run bench/search.sh with CORPUS_SEARCH_SIZES=100000x10 first)" >&2; exit 1; }

mkdir -p "$OUT/logs" "$WORK"
OUT="$(cd "$OUT" && pwd)"
bash "$ROOT/bench/machine-info.sh" > "$OUT/machine.txt"
echo "app: $APP; sides: $SIDES; runs: $RUNS; rounds: $ROUNDS; modes: $MODES; nice: $NICE" >> "$OUT/machine.txt"
cat "$OUT/machine.txt" >&2

# --- the app, copied, and rebuilt with this commit's consumer ---------------------------------------------------------------
log "copying $APP (seeds as hard links)"
rm -rf "$WORK/app-src"; mkdir -p "$WORK/app-src"
for dir in "$APP"/Shard* "$APP/app"; do
  name=$(basename "$dir"); mkdir -p "$WORK/app-src/$name"
  for entry in "$dir"/* "$dir"/.[!.]*; do
    [[ -e "$entry" ]] || continue
    if [[ $(basename "$entry") == seeds ]]; then cp -al "$entry" "$WORK/app-src/$name/"; else cp -a "$entry" "$WORK/app-src/$name/"; fi
  done
done
SRC="$WORK/app-src"
cp "$ROOT/bench/consumers/search/"*.cs "$SRC/app/"
log "building the bench's generator and runtime (Release)"
build_harness "$WORK/harness-build.log" runtime
LUCENE="$(sed -n -E 's/.*PackageVersion Include="Lucene.Net" Version="([^"]+)".*/\1/p' "$ROOT/Directory.Packages.props")"
TOOLS=(-p:CorpusGeneratorDir="$GENERATOR_DIR" -p:CorpusGeneratorProps="$ROOT/src/Corpus.Generator/build/Corpus.Generator.props"
  -p:CorpusAngleSharp="$ANGLESHARP" -p:CorpusRuntimeDir="$RUNTIME_DIR" -p:CorpusLuceneVersion="$LUCENE" -p:BuildProjectReferences=false)
log "building the app (its shards as built)"
dotnet build "$SRC/app/Consumer.csproj" -c Release "${TOOLS[@]}" -nologo -v q > "$OUT/logs/build-il.log" 2>&1 \
  || { tail -20 "$OUT/logs/build-il.log" >&2; exit 1; }
sed -i '/CORPUS008/d' "$OUT/logs/build-il.log"

# --- the sides ----------------------------------------------------------------------------------------------------------------
printf 'side\tseconds\tlargest_process_peak_rss_mib\tfolder_mib\tbinary_mib\tresult\n' > "$OUT/publish.tsv"
declare -A KNOB=(
  [tc0]='"System.Runtime.TieredCompilation": false' [pgo0]='"System.Runtime.TieredPGO": false'
  [qjl0]='"System.Runtime.TieredCompilation.QuickJitForLoops": false' [qj0]='"System.Runtime.TieredCompilation.QuickJit": false'
  [inv]='"System.Globalization.Invariant": true' [srk]='"System.Resources.UseSystemResourceKeys": true'
  [gcc0]='"System.GC.Concurrent": false')
declare -A PUBLISH=(
  [r2r]='<PublishReadyToRun>true</PublishReadyToRun><SelfContained>false</SelfContained>'
  [r2rc]='<PublishReadyToRun>true</PublishReadyToRun><PublishReadyToRunComposite>true</PublishReadyToRunComposite><SelfContained>true</SelfContained>'
  [aot]='<PublishAot>true</PublishAot>')

# publish BASE: the app project copied beside the shards with BASE's properties in it, published for this machine's runtime.
publish() {
  local base="$1" project="$SRC/app-$1" started status=ok
  rm -rf "$project" "$WORK/sides/$base"; mkdir -p "$project"
  cp "$SRC/app/"*.cs "$project/"
  sed "s|<OutputType>Exe</OutputType>|<OutputType>Exe</OutputType>${PUBLISH[$base]}|" "$SRC/app/Consumer.csproj" > "$project/Consumer.csproj"
  log "publishing $base"
  started=$(date +%s%N)
  dotnet publish "$project/Consumer.csproj" -c Release -r "$(dotnet --info | awk '/^ RID:/ {print $2}')" "${TOOLS[@]}" \
    -o "$WORK/sides/$base" -nologo -v n > "$OUT/logs/publish-$base.log" 2>&1 &
  local pid=$! peak=0 largest
  # The largest single process of the publish (crossgen2 or ILC), sampled every half second (bench/lib/measure.sh).
  while kill -0 "$pid" 2>/dev/null; do
    largest=$(tree_rss "$pid" | cut -d' ' -f2); (( largest > peak )) && peak=$largest; sleep 0.5
  done
  wait "$pid" || status=failed
  local seconds; seconds=$(seconds_since "$started")
  sed -i '/CORPUS008/d' "$OUT/logs/publish-$base.log"   # the bench's corpora repeat addresses by construction
  if [[ $status == failed ]]; then
    status="failed: $(grep -m1 -o 'error [A-Z]*[0-9]*:.*\|EXEC : error : [^[]*' "$OUT/logs/publish-$base.log" | head -c 200)"
    rm -rf "$WORK/sides/$base"
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$base" "$seconds" "$(awk -v k="$peak" 'BEGIN {printf "%.0f", k / 1024}')" \
    "$( [[ -d $WORK/sides/$base ]] && du -sbL "$WORK/sides/$base" | awk '{printf "%.0f", $1 / 1048576}' || echo -)" \
    "$( [[ -f $WORK/sides/$base/Consumer ]] && stat -c %s "$WORK/sides/$base/Consumer" | awk '{printf "%.1f", $1 / 1048576}' || echo -)" "$status" >> "$OUT/publish.tsv"
}

mkdir -p "$WORK/sides"
runnable=()
for side in $SIDES; do
  base="${side%%+*}"; knobs=""; [[ "$side" == *+* ]] && knobs="${side#*+}"
  if [[ -n "${KNOB[$base]:-}" ]]; then knobs="$base${knobs:++$knobs}"; base=il; fi
  if [[ ! -d "$WORK/sides/$base" ]]; then
    case "$base" in
      il | host) rm -rf "$WORK/sides/$base"; cp -al "$SRC/app/bin/Release/net10.0" "$WORK/sides/$base"; [[ $base == host ]] && touch "$WORK/sides/host/apphost" ;;
      r2r | r2rc | aot) publish "$base" ;;
      *) echo "unknown side $side" >&2; exit 1 ;;
    esac
    [[ $base == r2rc ]] && [[ -d "$WORK/sides/r2rc" ]] && touch "$WORK/sides/r2rc/apphost"   # self-contained: its own runtime
  fi
  [[ -d "$WORK/sides/$base" ]] || { log "side $side skipped: $base did not publish (publish.tsv)"; continue; }
  if [[ "$side" != "$base" ]]; then
    # The same files as BASE (hard links), but a runtimeconfig.json of its own with the knobs' properties.
    rm -rf "$WORK/sides/$side"; cp -al "$WORK/sides/$base" "$WORK/sides/$side"; rm "$WORK/sides/$side/Consumer.runtimeconfig.json"
    props=""; IFS=+ read -ra list <<< "$knobs"
    for knob in "${list[@]}"; do [[ -n "${KNOB[$knob]:-}" ]] || { echo "unknown knob $knob" >&2; exit 1; }; props+="${KNOB[$knob]}, "; done
    sed "s|\"configProperties\": {|\"configProperties\": { ${props}|" "$WORK/sides/$base/Consumer.runtimeconfig.json" > "$WORK/sides/$side/Consumer.runtimeconfig.json"
  fi
  runnable+=("$side")
done

# --- the runs -----------------------------------------------------------------------------------------------------------------
FIRST_QUERY="$(grep -m1 '^cjk2' "$QUERIES" | cut -f2 | sed -E 's/^"(.*)"$/\1/')"
printf 'side\tmode\trun\tload1\tstart_to_main_ms\tmain_to_first_ms\tstart_to_first_ms\tconsumer_main_to_first_ms\tjit_ms\tjit_methods\tp50_us\tp99_us\tfirst_total\tmax_rss_mib\n' > "$OUT/runs.tsv"
for ((i = 1; i <= RUNS; i++)); do
  # Each round starts at another side (round i at side i mod n): no side always runs first, after the previous round.
  order=("${runnable[@]:$(( (i - 1) % ${#runnable[@]} ))}" "${runnable[@]:0:$(( (i - 1) % ${#runnable[@]} ))}")
  for mode in $MODES; do
    for side in "${order[@]}"; do
      dir="$WORK/sides/$side"
      if [[ -f "$dir/Consumer.dll" && ! -f "$dir/apphost" ]]; then launch=(dotnet Consumer.dll); else launch=(./Consumer); fi
      if [[ $mode == index ]]; then args=(index "$QUERIES" "$WORK/top-$side.tsv" "$ROUNDS"); else args=(first "$FIRST_QUERY"); fi
      load=$(load1)
      # The shell notes its clock (EPOCHREALTIME, µs) and execs the app in the same process: the app's start.
      line=$(cd "$dir" && nice -n "$NICE" /usr/bin/time -f 'max_rss_kib=%M' -o "$WORK/rss" \
        bash -c 'echo "t0=${EPOCHREALTIME/./}"; exec "$@"' _ "${launch[@]}" "${args[@]}" 2> "$WORK/stderr" | tr '\n' ' ') \
        || { log "$side $mode failed: $(tail -3 "$WORK/stderr")"; continue; }
      v() { grep -o " $1=[^ ]*" <<< " $line" | head -n1 | cut -d= -f2 || true; }
      t0=$(v t0) entry=$(v entry_unix_us) first=$(v first_unix_us)
      jit_ms=$(v jit_ms); jit_methods=$(v jit_methods)
      [[ $mode == index ]] && { jit_ms=$(v first_jit_ms); jit_methods=$(v first_jit_methods); }
      ms() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", (a - b) / 1000}'; }
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$side" "$mode" "$i" "$load" \
        "$(ms "$entry" "$t0")" "$(ms "$first" "$entry")" "$(ms "$first" "$t0")" "$(v main_to_first_ms)" \
        "$jit_ms" "$jit_methods" "$(v p50_us)" "$(v p99_us)" "$(v first_total)" \
        "$(grep -o 'max_rss_kib=[0-9]*' "$WORK/rss" | cut -d= -f2 | awk '{printf "%.0f", $1 / 1024}')" >> "$OUT/runs.tsv"
    done
  done
  log "round $i/$RUNS done (load $(load1))"
done

# Every side answers every query as il does (total and top ten).
: > "$OUT/answers.txt"
for side in "${runnable[@]}"; do
  [[ -f "$WORK/top-$side.tsv" && -f "$WORK/top-il.tsv" ]] || continue
  if cmp -s "$WORK/top-il.tsv" "$WORK/top-$side.tsv"; then echo "$side: same totals and top tens as il ($(wc -l < "$WORK/top-il.tsv") queries)"; else echo "$side: DIFFERS from il"; fi >> "$OUT/answers.txt"
done
echo "load at end (1/5/15 min): $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
bash "$ROOT/bench/start-summary.sh" "$OUT" > "$OUT/summary.md"
cat "$OUT/summary.md" "$OUT/answers.txt" >&2
log "done: $OUT"
