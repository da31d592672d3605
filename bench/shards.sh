#!/usr/bin/env bash
# Issue 11 benchmarks, a corpus split over shard projects, one command: bash bench/shards.sh
#
# From one N-seed corpus (Corpus.Bench corpus N DIR) split round-robin by file name over K shard projects
# (bench/consumers/shard) and an app that references them (bench/consumers/sharded-app), it measures:
#   clean    clean builds, dotnet build -m -p:UseSharedCompilation=false (each compiler a process of its own): sharded (and
#            sharded-graph: the same with -graph, MSBuild's static graph, which builds the shards two at a time) vs
#            the same seeds as EmbeddedResource (bench/consumers/embedded) and in one project (bench/consumers/generated);
#            wall time, largest single process, the build's process tree
#   runs     process start to every Title and Text ready: sharded app vs single project (the same Program.cs)
#   edits    dotnet build -c Release as users build (compiler server and node reuse on, implicit restore): one line of the
#            app's Program.cs edited, sharded app vs the same app over the shards already built (referenced as their
#            assemblies, as packages give them: bench/consumers/prebuilt-app) vs a corpus-free app (same project, no
#            shards) vs single project; the sharded app built with --no-dependencies (its shards not built or checked);
#            the same app over K shards of one seed each (the floor: what K project references cost whatever they hold);
#            one seed of one shard edited (a word appended to a paragraph); which projects ran CoreCompile (from -v:n)
#
# Environment (all optional):
#   CORPUS_SHARDS_SIZES="1000 10000"   seed counts;  CORPUS_SHARDS_COUNT=10   shards per corpus
#   CORPUS_SHARDS_BUILDS=3   clean builds of each (interleaved);  CORPUS_SHARDS_RUNS=5   runs of each (interleaved)
#   CORPUS_SHARDS_EDITS=5    edit rebuilds of each (interleaved, after one warm-up round that is not counted)
#   CORPUS_SHARDS_SINGLE_MAX=10000   largest N built as one project too, for the run-time comparison (100,000 in one
#                                    project: ~6 min, 8 GB)
#   CORPUS_SHARDS_SINGLE_FULL_MAX=10000   largest N whose one-project build also takes part in clean builds and edits
#   CORPUS_SHARDS_SKIP="clean runs edits"   parts to skip
#   CORPUS_SHARDS_CLEAN_SERVER=1   clean builds as users build them instead: dotnet build -m with the compiler server on
#                           (a new server for each build, so its first compilation starts cold; memory not comparable:
#                           the server is not a child of the build). Use another CORPUS_SHARDS_OUT.
#   CORPUS_SHARDS_REUSE=1   keep the projects and builds an earlier run left in CORPUS_BENCH_WORK (with SKIP, to measure
#                           one part again without rebuilding 100,000 seeds)
#   CORPUS_BENCH_WORK=/tmp/corpus-bench-shards   scratch;  CORPUS_SHARDS_OUT=bench/results/shards
#   CORPUS_REAL_SEEDS=../shared/corpus/real
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib/measure.sh
source "$ROOT/bench/lib/measure.sh"
SIZES="${CORPUS_SHARDS_SIZES:-1000 10000}"
SHARDS="${CORPUS_SHARDS_COUNT:-10}"
BUILDS="${CORPUS_SHARDS_BUILDS:-3}"
RUNS="${CORPUS_SHARDS_RUNS:-5}"
EDITS="${CORPUS_SHARDS_EDITS:-5}"
SINGLE_MAX="${CORPUS_SHARDS_SINGLE_MAX:-10000}"
SINGLE_FULL_MAX="${CORPUS_SHARDS_SINGLE_FULL_MAX:-10000}"
SKIP="${CORPUS_SHARDS_SKIP:-}"
WORK="${CORPUS_BENCH_WORK:-/tmp/corpus-bench-shards}"
OUT="${CORPUS_SHARDS_OUT:-$ROOT/bench/results/shards}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
skip() { [[ " $SKIP " == *" $1 "* ]]; }
load1() { cut -d' ' -f1 /proc/loadavg; }

mkdir -p "$OUT/logs" "$WORK"
OUT="$(cd "$OUT" && pwd)"
if [[ -n "$SKIP" && -f "$OUT/machine.txt" ]]; then echo "--- a later run, skipping: $SKIP" >> "$OUT/machine.txt"; else : > "$OUT/machine.txt"; fi
bash "$ROOT/bench/machine-info.sh" >> "$OUT/machine.txt"
echo "shards: $SHARDS; sizes: $SIZES; single project up to: $SINGLE_MAX" >> "$OUT/machine.txt"
CLEAN_SERVER="${CORPUS_SHARDS_CLEAN_SERVER:-}"
if [[ "$CLEAN_SERVER" == 1 ]]; then echo "clean builds: compiler server on" >> "$OUT/machine.txt"; fi
cat "$OUT/machine.txt" >&2

# --- the edit builds' own compiler server and MSBuild nodes -------------------------------------------------------------
# Edits are built as users build: compiler server and node reuse on (this machine's environment turns both off). The
# pipe name and the node handshake salt are this run's own, so no other build shares them, and they are ended at exit.
SERVER_ID="corpus-shards-bench-$$"
trap end_servers EXIT

# --- the harness, the generator and Corpus.Runtime ------------------------------------------------------------------------
log "building the bench, the generator and Corpus.Runtime (Release)"
build_harness "$WORK/bench-build.log" runtime
for f in "$GENERATOR_DIR/Corpus.Generator.dll" "$ANGLESHARP" "$RUNTIME_DIR/netstandard2.0/Corpus.Runtime.dll" "$RUNTIME_DIR/net8.0/Corpus.Runtime.dll"; do
  [[ -f "$f" ]] || { echo "missing: $f" >&2; exit 1; }
done
TOOLS=(-p:CorpusGeneratorDir="$GENERATOR_DIR" -p:CorpusGeneratorProps="$ROOT/src/Corpus.Generator/build/Corpus.Generator.props"
  -p:CorpusAngleSharp="$ANGLESHARP" -p:CorpusRuntimeDir="$RUNTIME_DIR")

# --- the projects ----------------------------------------------------------------------------------------------------------
# The app's Program.cs is the single-project consumer's (the same output line), plus a constant that the edits change.
app_program() {
  cp "$ROOT/bench/consumers/generated/Program.cs" "$1/Program.cs"
  printf '\n// The line bench/shards.sh edits to rebuild the app.\nstatic class BenchEdit { public const int Value = 0; }\n' >> "$1/Program.cs"
}
shard_name() { printf 'Shard%02d' "$1"; }

# make_sharded SEEDS DIR [FIRST]: K shards (seed i, in file name order, goes to shard i mod K; only the FIRST seeds when
# given) and the app, restored. The caller adds the prebuilt app when it wants one (make_prebuilt).
make_sharded() {
  local seeds="$1" dir="$2" first="${3:-0}" k
  if [[ "${CORPUS_SHARDS_REUSE:-}" == 1 && -f "$dir/app/Consumer.csproj" ]]; then
    # The seeds and builds stay; the projects are this commit's (a changed project rebuilds in the first build).
    for ((k = 1; k <= SHARDS; k++)); do cp "$ROOT/bench/consumers/shard/Shard.csproj" "$dir/$(shard_name "$k")/$(shard_name "$k").csproj"; done
    cp "$ROOT/bench/consumers/sharded-app/Consumer.csproj" "$dir/app/"
    dotnet restore "$dir/app/Consumer.csproj" "${TOOLS[@]}" -v q > "$OUT/logs/restore-$(basename "$dir").log" 2>&1
    return
  fi
  rm -rf "$dir"; mkdir -p "$dir/app"
  for ((k = 1; k <= SHARDS; k++)); do
    mkdir -p "$dir/$(shard_name "$k")/seeds"
    cp "$ROOT/bench/consumers/shard/Shard.csproj" "$dir/$(shard_name "$k")/$(shard_name "$k").csproj"
  done
  # Hard links: no copy of the corpus; an edit (sed -i) writes a new file, so it never reaches the other consumers.
  # One ln per shard (xargs), not one per seed: 100,000 processes took ten minutes.
  ls "$seeds" | LC_ALL=C sort | awk -v f="$first" 'f == 0 || NR <= f' > "$WORK/seed-list"
  for ((k = 1; k <= SHARDS; k++)); do
    awk -v k="$k" -v n="$SHARDS" '(NR - 1) % n == k - 1' "$WORK/seed-list" | (cd "$seeds" && xargs ln -t "$dir/$(shard_name "$k")/seeds")
  done
  cp "$ROOT/bench/consumers/sharded-app/Consumer.csproj" "$dir/app/"
  app_program "$dir/app"
  dotnet restore "$dir/app/Consumer.csproj" "${TOOLS[@]}" -v q > "$OUT/logs/restore-$(basename "$dir").log" 2>&1
}

# make_prebuilt DIR: the app over DIR's shards as built assemblies (bench/consumers/prebuilt-app), restored.
make_prebuilt() {
  local dir="$1"
  mkdir -p "$dir/app-prebuilt"
  cp "$ROOT/bench/consumers/prebuilt-app/Consumer.csproj" "$dir/app-prebuilt/"
  app_program "$dir/app-prebuilt"
  dotnet restore "$dir/app-prebuilt/Consumer.csproj" "${TOOLS[@]}" -v q > "$OUT/logs/restore-$(basename "$dir")-prebuilt.log" 2>&1
}

# make_single NAME SEEDS DIR: a copy of bench/consumers/NAME over the corpus, restored.
make_single() {
  local name="$1" seeds="$2" dir="$3"
  if [[ "${CORPUS_SHARDS_REUSE:-}" == 1 && -f "$dir/Consumer.csproj" ]]; then return; fi
  rm -rf "$dir"; mkdir -p "$dir"
  cp "$ROOT/bench/consumers/$name/"* "$dir/"
  if [[ "$name" == generated ]]; then app_program "$dir"; fi
  dotnet restore "$dir/Consumer.csproj" "${TOOLS[@]}" -p:CorpusSeeds="$seeds" -v q > "$OUT/logs/restore-$(basename "$dir").log" 2>&1
}

# --- clean builds --------------------------------------------------------------------------------------------------------
# measure_clean SIZE NAME DIR TAG [PROPS…]: DIR holds the app (DIR/Consumer.csproj or DIR/app/Consumer.csproj) and any
# shards; their outputs are wiped first. Appends to clean.tsv.
measure_clean() {
  local size="$1" name="$2" dir="$3" tag="$4"; shift 4
  local project="$dir/Consumer.csproj"; [[ -f "$project" ]] || project="$dir/app/Consumer.csproj"
  rm -rf "$dir"/bin "$dir"/obj/Release "$dir"/*/bin "$dir"/*/obj/Release
  local log="$OUT/logs/clean-$size-$name-$tag.log" timefile="$WORK/time.txt" peak=0 single=0 single_name=- load start sum max top
  local compiler=(--disable-build-servers -p:UseSharedCompilation=false) runner=()
  if [[ "$CLEAN_SERVER" == 1 ]]; then
    compiler=(-p:UseSharedCompilation=true -p:SharedCompilationId="$SERVER_ID-clean-$name-$tag"); runner=(env -u UseSharedCompilation)
  fi
  load=$(load1); start=$(date +%s%N)
  "${runner[@]}" /usr/bin/time -v -o "$timefile" dotnet build "$project" -c Release -m --no-restore -nodeReuse:false \
    "${compiler[@]}" "${TOOLS[@]}" "$@" -tl:off -clp:PerformanceSummary > "$log" 2>&1 &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    read -r sum max top < <(tree_rss "$pid")
    if (( sum > peak )); then peak=$sum; fi
    if (( max > single )); then single=$max; single_name=$top; fi
    sleep 0.2
  done
  if ! wait "$pid"; then echo "build failed: $log" >&2; tail -20 "$log" >&2; exit 1; fi
  if [[ "$CLEAN_SERVER" == 1 ]]; then
    local server
    for server in $(pgrep -f "pipename:$SERVER_ID-clean-$name-$tag" || true); do kill "$server" 2>/dev/null || true; done
  fi
  local seconds max_rss
  seconds=$(seconds_since "$start")
  # /usr/bin/time's figure is the largest process it waited for (the build and the descendants it reaped); the sampled
  # one sees every descendant every 0.2 s. The larger of the two is the largest single process.
  max_rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$timefile")
  if (( max_rss > single )); then single=$max_rss; single_name=time-v; fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$name" "$tag" "$seconds" "$single" "$single_name" "$peak" \
    "$(csc_seconds "$log")" "$load" >> "$OUT/clean.tsv"
}

# --- edit builds ---------------------------------------------------------------------------------------------------------
# measure_edit SIZE KIND NAME PROJECT TAG [PROPS…]: dotnet build as users build; appends the time and which projects ran
# CoreCompile (from the -v:n log) to edits.tsv.
measure_edit() {
  local size="$1" kind="$2" name="$3" project="$4" tag="$5"; shift 5
  local log="$OUT/logs/edit-$size-$kind-$name-$tag.log" load start seconds compiled skipped
  load=$(load1); start=$(date +%s%N)
  if ! as_user dotnet build "$project" -c Release "${TOOLS[@]}" "$@" -p:SharedCompilationId="$SERVER_ID" -tl:off -v:n \
    -clp:PerformanceSummary > "$log" 2>&1; then
    echo "build failed: $log" >&2; tail -20 "$log" >&2; exit 1
  fi
  seconds=$(seconds_since "$start")
  compiled=$(awk -f "$ROOT/bench/lib/corecompile.awk" "$log" | awk '$2 == "compiled" {print $1}' | sort | paste -sd, -)
  skipped=$(awk -f "$ROOT/bench/lib/corecompile.awk" "$log" | awk '$2 == "skipped" {print $1}' | sort | paste -sd, -)
  grep -q "CompilerServer: server" "$log" || echo "warning: $log: no compilation went to the compiler server" >&2
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$kind" "$name" "$tag" "$seconds" "$(csc_seconds "$log")" \
    "${compiled:--}" "${skipped:--}" "$load" >> "$OUT/edits.tsv"
}

edit_program() { sed -i -E "s/Value = [0-9]+;/Value = $2;/" "$1/Program.cs"; }
# edit_seed FILE TAG: appends a word to the first paragraph (a new file: sed -i does not write through a hard link).
edit_seed() { sed -i "0,/<\/p>/s|</p>| bench$2</p>|" "$1"; }

# --- run time ------------------------------------------------------------------------------------------------------------
run_app() {
  local size="$1" name="$2" dll="$3" tag="$4" start line end
  start=$(date +%s%N); line=$(dotnet "$dll"); end=$(date +%s%N)
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$name" "$tag" \
    "$(echo "$line" | sed -E 's/articles=([0-9]+) characters=([0-9]+) main_to_ready_ms=([0-9.]+) start_to_ready_ms=([0-9.]+)/\1\t\2\t\3\t\4/')" \
    "$(( (end - start) / 1000000 ))" "$(load1)" >> "$OUT/runs.tsv"
}

# --- the runs ------------------------------------------------------------------------------------------------------------
# A part skipped keeps the rows an earlier run wrote (so that parts can be measured in separate runs).
skip clean || printf 'seeds\tbuild\tround\tseconds\tlargest_process_kb\tlargest_process\ttree_peak_kb\tcsc_seconds\tload1\n' > "$OUT/clean.tsv"
skip edits || printf 'seeds\tedit\tapp\tround\tseconds\tcsc_seconds\tcompiled\tskipped\tload1\n' > "$OUT/edits.tsv"
skip runs || printf 'seeds\tapp\trun\tarticles\tcharacters\tmain_to_ready_ms\tstart_to_ready_ms\twall_ms\tload1\n' > "$OUT/runs.tsv"
if [[ -z "$SKIP" || ! -f "$OUT/corpora.tsv" ]]; then printf 'seeds\tbytes\tshards\tsingle_project\n' > "$OUT/corpora.tsv"; fi

FREE="$WORK/corpus-free"
if ! skip edits; then
  rm -rf "$FREE"; mkdir -p "$FREE/app"
  cp "$ROOT/bench/consumers/sharded-app/Consumer.csproj" "$FREE/app/"
  app_program "$FREE/app"
  dotnet restore "$FREE/app/Consumer.csproj" "${TOOLS[@]}" -v q > "$OUT/logs/restore-corpus-free.log" 2>&1
fi

# The floor: the same app over K shards of one seed each (the first K seeds of the first corpus), made once per run.
FLOOR="$WORK/one-seed-shards"
if ! skip edits; then rm -rf "$FLOOR"; fi

for size in $SIZES; do
  seeds="$WORK/seeds-$size"
  sharded="$WORK/$size-sharded"
  single=yes; if (( size > SINGLE_MAX )); then single=no; fi
  single_full=$single; if (( size > SINGLE_FULL_MAX )); then single_full=no; fi
  log "corpus of $size seeds, $SHARDS shards (single project: $single)"
  if [[ "${CORPUS_SHARDS_REUSE:-}" != 1 || ! -d "$seeds" ]]; then dotnet "$BENCH" corpus "$size" "$seeds/" >&2; fi
  if ! awk -F'\t' -v s="$size" '$1 == s {found = 1} END {exit !found}' "$OUT/corpora.tsv"; then
    printf '%s\t%s\t%s\t%s\n' "$size" "$(du -sb "$seeds" | cut -f1)" "$SHARDS" "$single" >> "$OUT/corpora.tsv"
  fi
  make_sharded "$seeds" "$sharded"; make_prebuilt "$sharded"
  if ! skip edits && [[ ! -f "$FLOOR/app/Consumer.csproj" ]]; then make_sharded "$seeds" "$FLOOR" "$SHARDS"; fi
  make_single embedded "$seeds/" "$WORK/$size-embedded"
  # The prebuilt app comes after the sharded one, whose build builds the shards it references.
  builds=(embedded sharded sharded-graph) apps=(sharded no-dependencies prebuilt one-seed free)
  if [[ $single == yes ]]; then
    make_single generated "$seeds/" "$WORK/$size-single"
  fi
  if [[ $single_full == yes ]]; then builds=(embedded single sharded sharded-graph) apps=(sharded no-dependencies prebuilt one-seed free single); fi

  if ! skip clean; then
    for ((i = 1; i <= BUILDS; i++)); do
      for name in "${builds[@]}"; do
        log "clean build $i/$BUILDS: $name, $size seeds (load $(load1))"
        case $name in
          sharded) measure_clean "$size" sharded "$sharded" "$i" ;;
          sharded-graph) measure_clean "$size" sharded-graph "$sharded" "$i" -graph ;;
          *) measure_clean "$size" "$name" "$WORK/$size-$name" "$i" -p:CorpusSeeds="$seeds/" ;;
        esac
      done
    done
  fi

  if ! skip runs; then
    if [[ ! -f "$sharded/app/bin/Release/net10.0/Consumer.dll" ]]; then measure_clean "$size" sharded "$sharded" for-runs; fi
    if [[ $single == yes && ! -f "$WORK/$size-single/bin/Release/net10.0/Consumer.dll" ]]; then
      measure_clean "$size" single "$WORK/$size-single" for-runs -p:CorpusSeeds="$seeds/"
    fi
    for ((i = 1; i <= RUNS; i++)); do
      log "run $i/$RUNS, $size seeds"
      run_app "$size" sharded "$sharded/app/bin/Release/net10.0/Consumer.dll" "$i"
      if [[ $single == yes ]]; then run_app "$size" single "$WORK/$size-single/bin/Release/net10.0/Consumer.dll" "$i"; fi
    done
  fi

  if ! skip edits; then
    # The seed edited: the first of the first shard (seed 0 of the corpus); in the single project, the same seed.
    # awk reads the whole list: head would close the pipe early, and under pipefail the SIGPIPE ends the script.
    seed_file=$(ls "$sharded/$(shard_name 1)/seeds" | LC_ALL=C sort | awk 'NR == 1')
    # The edited seeds are put back afterwards, so that a later part (or run) reads the corpus as it was made.
    edited=("$sharded/$(shard_name 1)/seeds/$seed_file"); if [[ $single_full == yes ]]; then edited+=("$seeds/$seed_file"); fi
    for k in "${!edited[@]}"; do cp "${edited[$k]}" "$WORK/edited-seed-$k.txt"; done
    # Round 0 builds whatever is not built yet and warms the compiler server; it is logged, not counted.
    for ((i = 0; i <= EDITS; i++)); do
      tag=$i; if (( i == 0 )); then tag=warm-up; fi
      for app in "${apps[@]}"; do
        log "app code edit $i/$EDITS: $app, $size seeds (load $(load1))"
        case $app in
          sharded) edit_program "$sharded/app" "$i"; measure_edit "$size" app-code sharded "$sharded/app/Consumer.csproj" "$tag" ;;
          # The same app and shards, built without its project references (the shards are up to date: the round's sharded build came first).
          no-dependencies) edit_program "$sharded/app" "$i"; measure_edit "$size" app-code sharded-no-dependencies "$sharded/app/Consumer.csproj" "$tag" --no-dependencies ;;
          prebuilt) edit_program "$sharded/app-prebuilt" "$i"; measure_edit "$size" app-code prebuilt "$sharded/app-prebuilt/Consumer.csproj" "$tag" ;;
          one-seed) edit_program "$FLOOR/app" "$i"; measure_edit "$size" app-code one-seed-shards "$FLOOR/app/Consumer.csproj" "$tag" ;;
          free) edit_program "$FREE/app" "$i"; measure_edit "$size" app-code corpus-free "$FREE/app/Consumer.csproj" "$tag" ;;
          single) edit_program "$WORK/$size-single" "$i"; measure_edit "$size" app-code single "$WORK/$size-single/Consumer.csproj" "$tag" -p:CorpusSeeds="$seeds/" ;;
        esac
      done
      if (( i == 0 )); then continue; fi
      log "seed edit $i/$EDITS, $size seeds (load $(load1))"
      edit_seed "$sharded/$(shard_name 1)/seeds/$seed_file" "$i"
      measure_edit "$size" seed sharded "$sharded/app/Consumer.csproj" "$i"
      if [[ $single_full == yes ]]; then
        edit_seed "$seeds/$seed_file" "$i"
        measure_edit "$size" seed single "$WORK/$size-single/Consumer.csproj" "$i" -p:CorpusSeeds="$seeds/"
      fi
    done
    # rm first: an edited seed is a file of its own (sed -i), an unedited one may still be a hard link to the corpus.
    for k in "${!edited[@]}"; do rm -f "${edited[$k]}"; cp "$WORK/edited-seed-$k.txt" "${edited[$k]}"; done
  fi
done
echo "load at end (1/5/15 min): $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"

bash "$ROOT/bench/shards-summary.sh" "$OUT" > "$OUT/summary.md"
cat "$OUT/summary.md"
log "done: $OUT"
