#!/usr/bin/env bash
# Issue 23 benchmarks, the search index, one command: bash bench/search.sh
#
# Over N-seed corpora (Corpus.Bench corpus N DIR) compiled into one project (bench/consumers/search), with the fixed query
# set bench/search-queries.tsv (Corpus.Bench queries: 234 queries drawn from the real seeds with a fixed random seed):
#   runs     one engine a process, interleaved RUNS times: the generated index (Articles.Search), Lucene.NET (CJKAnalyzer,
#            BM25, RAMDirectory, index built at process start) and the linear scan the web sample used before the index.
#            Per process: process start → first answer, warm latency p50/p99 over every query of the set (ROUNDS rounds
#            after a warm-up round), working set and GC heap before the first search and after the rounds, index size.
#            The top ten of every query, index against Lucene: their overlap (Corpus.Bench overlap).
#   builds   clean builds of the generated consumer (bench/consumers/generated) at each size with this commit's generator,
#            with its index (search) and without (nosearch: CorpusSearchIndex=false), interleaved; then one seed edited (a
#            word appended to a paragraph) and rebuilt as users build (compiler server on), interleaved.
#
# Environment (all optional):
#   CORPUS_SEARCH_SIZES="934 10000"   seed counts (934: the real seeds once, where the overlap with Lucene means most);
#            NxK: N seeds split round-robin over K shard projects (bench/consumers/shard) and one app that references them
#            (bench/consumers/search-sharded-app), for example 100000x10, the issue's archive size
#   CORPUS_SEARCH_SHARDED_ENGINES="index scan"   engines of an NxK size (Lucene's index of 100,000 articles takes many minutes)
#   CORPUS_SEARCH_SCAN_EVERY=1   the scan answers every Nth query only (8 at 100,000 seeds keeps a run to minutes); the top-ten
#            file and the overlap then cover that subset
#   CORPUS_SEARCH_RUNS=3   processes of each engine per size;  CORPUS_SEARCH_ROUNDS=5 timed rounds (the scan: its one pass, no warm-up)
#   CORPUS_SEARCH_BUILD_SIZES=10000   sizes of the build part;  CORPUS_SEARCH_BUILDS=3 clean builds;  CORPUS_SEARCH_EDITS=3
#   CORPUS_SEARCH_BUILD_PROJECT=generated   what the build part builds: generated (bench/consumers/generated, a net10.0 app)
#            or shard (bench/consumers/shard: a netstandard2.0, C# 9 shard library, its seeds in its seeds/ folder)
#   CORPUS_SEARCH_BASE_GENERATOR=DIR   another commit's generator (its src/Corpus.Generator/bin/Release/netstandard2.0/, built
#            in its own clone, e.g. main's): the build part then builds with it too (base-search, base-nosearch), interleaved
#   CORPUS_SEARCH_SKIP="runs builds"   parts to skip;  CORPUS_SEARCH_ENGINES="index lucene scan"
#   CORPUS_BENCH_WORK=/tmp/corpus-bench-search   scratch;  CORPUS_SEARCH_OUT=bench/results/search
#   CORPUS_REAL_SEEDS=../shared/corpus/real
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib/measure.sh
source "$ROOT/bench/lib/measure.sh"
SIZES="${CORPUS_SEARCH_SIZES:-934 10000}"
RUNS="${CORPUS_SEARCH_RUNS:-3}"
ROUNDS="${CORPUS_SEARCH_ROUNDS:-5}"
ENGINES="${CORPUS_SEARCH_ENGINES:-index lucene scan}"
SHARDED_ENGINES="${CORPUS_SEARCH_SHARDED_ENGINES:-index scan}"
SCAN_EVERY="${CORPUS_SEARCH_SCAN_EVERY:-1}"
BUILD_SIZES="${CORPUS_SEARCH_BUILD_SIZES:-10000}"
BUILDS="${CORPUS_SEARCH_BUILDS:-3}"
BUILD_PROJECT="${CORPUS_SEARCH_BUILD_PROJECT:-generated}"
EDITS="${CORPUS_SEARCH_EDITS:-3}"
BASE_GENERATOR="${CORPUS_SEARCH_BASE_GENERATOR:-}"
SKIP="${CORPUS_SEARCH_SKIP:-}"
WORK="${CORPUS_BENCH_WORK:-/tmp/corpus-bench-search}"
OUT="${CORPUS_SEARCH_OUT:-$ROOT/bench/results/search}"
QUERIES="$ROOT/bench/search-queries.tsv"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
skip() { [[ " $SKIP " == *" $1 "* ]]; }
load1() { cut -d' ' -f1 /proc/loadavg; }

mkdir -p "$OUT/logs" "$WORK"
OUT="$(cd "$OUT" && pwd)"
bash "$ROOT/bench/machine-info.sh" > "$OUT/machine.txt"
echo "sizes: $SIZES; engines: $ENGINES (NxK sizes: $SHARDED_ENGINES); the scan answers every ${SCAN_EVERY}th query; runs: $RUNS; rounds: $ROUNDS; build sizes: $BUILD_SIZES" >> "$OUT/machine.txt"
cat "$OUT/machine.txt" >&2

# --- the edit builds' own compiler server (bench/lib/measure.sh: as_user, end_servers): this run's, ended at exit ------
SERVER_ID="corpus-search-bench-$$"
trap end_servers EXIT

# --- the harness and the generator ----------------------------------------------------------------------------------------
log "building the bench and the generator (Release)"
build_harness "$WORK/bench-build.log" runtime
LUCENE="$(sed -n -E 's/.*PackageVersion Include="Lucene.Net" Version="([^"]+)".*/\1/p' "$ROOT/Directory.Packages.props")"
[[ -f "$GENERATOR_DIR/Corpus.Generator.dll" && -f "$ANGLESHARP" && -n "$LUCENE" ]] || { echo "generator, AngleSharp.dll or Lucene's version missing" >&2; exit 1; }
TOOLS=(-p:CorpusGeneratorDir="$GENERATOR_DIR" -p:CorpusGeneratorProps="$ROOT/src/Corpus.Generator/build/Corpus.Generator.props" -p:CorpusAngleSharp="$ANGLESHARP")
SHARD_TOOLS=("${TOOLS[@]}" -p:CorpusRuntimeDir="$RUNTIME_DIR" -p:CorpusLuceneVersion="$LUCENE")

# The committed query set is the one the command makes (same seeds, same random seed).
dotnet "$BENCH" queries "$WORK/queries.tsv"
cmp -s "$WORK/queries.tsv" "$QUERIES" || echo "warning: bench/search-queries.tsv differs from what 'Corpus.Bench queries' makes now" | tee -a "$OUT/machine.txt" >&2

corpus() {
  local size="$1"
  if [[ ! -f "$WORK/seeds-$size/.made" ]]; then
    dotnet "$BENCH" corpus "$size" "$WORK/seeds-$size/" >&2
    touch "$WORK/seeds-$size/.made"
  fi
}

# build_sharded N K DIR: N seeds split round-robin (in file name order) over K shards and the search app over them, built
# with MSBuild's static graph (two shards at a time). Sets dll.
build_sharded() {
  local n="$1" k="$2" dir="$3" i name
  rm -rf "$dir"; mkdir -p "$dir/app"
  ls "$WORK/seeds-$n" | LC_ALL=C sort | grep '\.txt$' > "$WORK/seed-list"
  for ((i = 1; i <= k; i++)); do
    name=$(printf 'Shard%02d' "$i")
    mkdir -p "$dir/$name/seeds"
    cp "$ROOT/bench/consumers/shard/Shard.csproj" "$dir/$name/$name.csproj"
    # Hard links, one ln per shard (xargs): no copy of the corpus.
    awk -v k="$i" -v n="$k" '(NR - 1) % n == k - 1' "$WORK/seed-list" | (cd "$WORK/seeds-$n" && xargs ln -t "$dir/$name/seeds")
  done
  cp "$ROOT/bench/consumers/search/"*.cs "$ROOT/bench/consumers/search-sharded-app/Consumer.csproj" "$dir/app/"
  dotnet build "$dir/app/Consumer.csproj" -c Release -graph "${SHARD_TOOLS[@]}" -nologo -v q > "$OUT/logs/build-search-$n-x$k.log" 2>&1 \
    || { tail -20 "$OUT/logs/build-search-$n-x$k.log" >&2; exit 1; }
  dll="$dir/app/bin/Release/net10.0/Consumer.dll"
}

# The scan's queries: every SCAN_EVERY-th of the set.
SCAN_QUERIES="$QUERIES"
if (( SCAN_EVERY > 1 )); then SCAN_QUERIES="$WORK/queries-scan.tsv"; awk -v n="$SCAN_EVERY" '(NR - 1) % n == 0' "$QUERIES" > "$SCAN_QUERIES"; fi

# --- runs ------------------------------------------------------------------------------------------------------------------
if ! skip runs; then
  printf 'seeds\tengine\trun\tfirst_total\tready_ms\tmain_to_first_ms\tstart_to_first_ms\tp50_us\tp99_us\tmax_us\tmean_us\tws_before_mib\tws_after_mib\theap_before_mib\theap_after_mib\tindex_bytes\tprivate_before_mib\tprivate_after_mib\tload1\n' > "$OUT/runs.tsv"
  printf 'seeds\tengine\trun\tkind\tp50_us\tp99_us\n' > "$OUT/kinds.tsv"
  printf 'seeds\tarticles\ttitle_text_utf8_bytes\tseed_bytes\tdll_bytes\tindex_stored_bytes\tindex_packed_bytes\n' > "$OUT/corpora.tsv"
  for size in $SIZES; do
    seeds="${size%%x*}"; engines="$ENGINES"
    corpus "$seeds"
    dir="$WORK/$size-search"
    if [[ "$size" == *x* ]]; then
      log "building $seeds seeds in ${size##*x} shards and the search app over them"
      build_sharded "$seeds" "${size##*x}" "$dir"; engines="$SHARDED_ENGINES"
    else
      rm -rf "$dir"; mkdir -p "$dir"; cp "$ROOT/bench/consumers/search/"* "$dir/"
      log "building the search consumer, $size seeds"
      dotnet build "$dir/Consumer.csproj" -c Release "${TOOLS[@]}" -p:CorpusSeeds="$WORK/seeds-$size/" -p:CorpusLuceneVersion="$LUCENE" \
        -nologo -v q > "$OUT/logs/build-search-$size.log" 2>&1 || { tail -20 "$OUT/logs/build-search-$size.log" >&2; exit 1; }
      dll="$dir/bin/Release/net10.0/Consumer.dll"
    fi
    read -r articles bytes stored packed < <(dotnet "$dll" --stats | sed -E 's/articles=([0-9]+) title_text_utf8_bytes=([0-9]+) index_stored_bytes=([0-9]+) index_packed_bytes=([0-9]+)/\1 \2 \3 \4/')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$articles" "$bytes" "$(du -sb "$WORK/seeds-$seeds" | cut -f1)" "$(stat -c %s "$dll")" "$stored" "$packed" >> "$OUT/corpora.tsv"
    for ((i = 1; i <= RUNS; i++)); do
      for engine in $engines; do
        rounds=$ROUNDS queries="$QUERIES"; if [[ $engine == scan ]]; then rounds=0 queries="$SCAN_QUERIES"; fi
        log "run $i/$RUNS: $engine, $size seeds (load $(load1))"
        output=$(dotnet "$dll" "$engine" "$queries" "$OUT/top-$size-$engine.tsv" "$rounds")
        line=$(head -n1 <<< "$output")
        value() { sed -E "s/.* $1=([^ ]+).*/\1/" <<< " $line"; }
        printf '%s\t%s\t%s' "$size" "$engine" "$i" >> "$OUT/runs.tsv"
        for key in first_total ready_ms main_to_first_ms start_to_first_ms p50_us p99_us max_us mean_us ws_before_mib ws_after_mib heap_before_mib heap_after_mib index_bytes private_before_mib private_after_mib; do
          printf '\t%s' "$(value "$key")" >> "$OUT/runs.tsv"
        done
        printf '\t%s\n' "$(load1)" >> "$OUT/runs.tsv"
        tail -n +2 <<< "$output" | sed -E "s/kind=([^ ]+) p50_us=([^ ]+) p99_us=([^ ]+)/$size\t$engine\t$i\t\1\t\2\t\3/" >> "$OUT/kinds.tsv"
      done
    done
    if [[ " $engines " == *" index "* && " $engines " == *" lucene "* ]]; then
      dotnet "$BENCH" overlap "$OUT/top-$size-index.tsv" "$OUT/top-$size-lucene.tsv" index Lucene > "$OUT/overlap-$size.md"
    fi
    if [[ " $engines " == *" index "* && " $engines " == *" scan "* && $SCAN_EVERY == 1 ]]; then
      dotnet "$BENCH" overlap "$OUT/top-$size-index.tsv" "$OUT/top-$size-scan.tsv" index scan > "$OUT/overlap-scan-$size.md"
    fi
  done
fi

# --- builds ----------------------------------------------------------------------------------------------------------------
if ! skip builds; then
  printf 'seeds\tgenerator\tround\tseconds\tmax_rss_kb\tcsc_seconds\tdll_bytes\tload1\n' > "$OUT/clean.tsv"
  printf 'seeds\tgenerator\tround\tseconds\tcsc_seconds\tload1\n' > "$OUT/edits.tsv"
  # use_variant search|nosearch: sets dir (the consumer of this size and variant) and tools (the generator's properties).
  # base-search|base-nosearch: the same with CORPUS_SEARCH_BASE_GENERATOR's generator.
  case "$BUILD_PROJECT" in
    generated) project=Consumer.csproj; built=bin/Release/net10.0/Consumer.dll; project_tools=("${TOOLS[@]}") ;;
    shard) project=Shard.csproj; built=bin/Release/netstandard2.0/Shard.dll; project_tools=("${SHARD_TOOLS[@]}") ;;
    *) echo "CORPUS_SEARCH_BUILD_PROJECT: generated or shard, not '$BUILD_PROJECT'" >&2; exit 2 ;;
  esac
  echo "build part: $BUILD_PROJECT ($project)" >> "$OUT/machine.txt"
  use_variant() {
    dir="$WORK/build-$size-$BUILD_PROJECT-$1"; tools=("${project_tools[@]}")
    if [[ $1 == base-* ]]; then tools+=(-p:CorpusGeneratorDir="$BASE_GENERATOR"); fi
    if [[ $1 == *nosearch ]]; then tools+=(-p:CorpusSearchIndex=false); fi
  }
  VARIANTS="nosearch search"
  if [[ -n "$BASE_GENERATOR" ]]; then VARIANTS="base-nosearch base-search $VARIANTS"; fi
  for size in $BUILD_SIZES; do
    corpus "$size"
    for variant in $VARIANTS; do
      use_variant "$variant"
      rm -rf "$dir"; mkdir -p "$dir"; cp "$ROOT/bench/consumers/$BUILD_PROJECT/"* "$dir/"
      # Each its own copy of the seeds (hard links, a symlinked seeds folder followed; sed -i writes a new file, so an
      # edit stays in its copy).
      cp -alL "$WORK/seeds-$size" "$dir/seeds"
      dotnet restore "$dir/$project" "${tools[@]}" -p:CorpusSeeds="$dir/seeds/" -v q > "$OUT/logs/restore-$size-$variant.log" 2>&1
    done
    for ((i = 1; i <= BUILDS; i++)); do
      for variant in $VARIANTS; do
        use_variant "$variant"
        log "clean build $i/$BUILDS: $variant, $size seeds (load $(load1))"
        rm -rf "$dir/bin" "$dir/obj/Release"
        buildlog="$OUT/logs/clean-$size-$variant-$i.log"; load=$(load1); start=$(date +%s%N)
        /usr/bin/time -v -o "$WORK/time.txt" dotnet build "$dir/$project" -c Release --no-restore --disable-build-servers \
          -nodeReuse:false -p:UseSharedCompilation=false "${tools[@]}" -p:CorpusSeeds="$dir/seeds/" -clp:PerformanceSummary > "$buildlog" 2>&1 \
          || { tail -20 "$buildlog" >&2; exit 1; }
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$variant" "$i" "$(seconds_since "$start")" \
          "$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")" "$(csc_seconds "$buildlog")" \
          "$(stat -c %s "$dir/$built")" "$load" >> "$OUT/clean.tsv"
      done
    done
    seed_file=$(ls "$WORK/seeds-$size" | LC_ALL=C sort | awk 'NR == 1')
    # Round 0 warms the compiler server (logged, not counted).
    for ((i = 0; i <= EDITS; i++)); do
      for variant in $VARIANTS; do
        use_variant "$variant"
        log "seed edit $i/$EDITS: $variant, $size seeds (load $(load1))"
        sed -i "0,/<\/p>/s|</p>| bench$i</p>|" "$dir/seeds/$seed_file"
        buildlog="$OUT/logs/edit-$size-$variant-$i.log"; load=$(load1); start=$(date +%s%N)
        as_user dotnet build "$dir/$project" -c Release "${tools[@]}" -p:CorpusSeeds="$dir/seeds/" \
          -p:SharedCompilationId="$SERVER_ID" -clp:PerformanceSummary > "$buildlog" 2>&1 || { tail -20 "$buildlog" >&2; exit 1; }
        seconds=$(seconds_since "$start")
        if (( i > 0 )); then printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$variant" "$i" "$seconds" "$(csc_seconds "$buildlog")" "$load" >> "$OUT/edits.tsv"; fi
      done
    done
  done
fi
echo "load at end (1/5/15 min): $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
rm -rf "$OUT/logs"/restore-*

bash "$ROOT/bench/search-summary.sh" "$OUT" > "$OUT/summary.md"
cat "$OUT/summary.md"
log "done: $OUT"
