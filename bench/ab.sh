#!/usr/bin/env bash
# The generator's cold run at this tree against the same at another commit, in one run: bash bench/ab.sh BASE [N] [ROUNDS]
#
# Builds Corpus.Bench at BASE (a `git archive` copy in the scratch folder, no worktree) and here, then runs
# `Corpus.Bench ratio N 1` of each in turn, ROUNDS times (base, head, base, head, …): every process times one cold run of
# the generator over N seeds made from the real corpus and the AngleSharp floor (a parse of every body) beside it. The
# floor measures the load of the moment, so cold/floor is compared as well as cold alone. Medians, and their ratio head/base.
#
# Environment: CORPUS_BENCH_WORK=/tmp/corpus-bench (scratch), CORPUS_REAL_SEEDS (defaults to ../shared/corpus/real).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib/measure.sh
source "$ROOT/bench/lib/measure.sh"
BASE="${1:?usage: bench/ab.sh BASE_COMMIT [SEEDS] [ROUNDS]}"
SEEDS="${2:-10000}"
ROUNDS="${3:-5}"
WORK="${CORPUS_BENCH_WORK:-/tmp/corpus-bench}/ab-$(git -C "$ROOT" rev-parse --short "$BASE")"
export CORPUS_REAL_SEEDS="${CORPUS_REAL_SEEDS:-$(cd "$ROOT/.." && pwd)/shared/corpus/real}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [[ ! -d "$WORK/src" ]]; then
  mkdir -p "$WORK"
  git -C "$ROOT" archive "$BASE" | tar -x -C "$WORK"
fi
for tree in "$WORK" "$ROOT"; do
  log "building the bench in $tree"
  dotnet build "$tree/bench/Corpus.Bench/Corpus.Bench.csproj" -c Release -nologo -v q -p:UseSharedCompilation=false > "$WORK/build.log"
done

rows="$WORK/rows.tsv"
: > "$rows"
for round in $(seq "$ROUNDS"); do
  for side in base head; do
    tree="$WORK"; [[ $side == head ]] && tree="$ROOT"
    line="$(dotnet "$tree/bench/Corpus.Bench/bin/Release/net10.0/Corpus.Bench.dll" ratio "$SEEDS" 1)"
    log "round $round $side: $line"
    floor="$(sed -E 's/.*floor_ms=([0-9]+).*/\1/' <<< "$line")"
    cold="$(sed -E 's/.*cold_ms=([0-9]+).*/\1/' <<< "$line")"
    printf '%s\t%s\t%s\t%s\t%s\n' "$side" "$SEEDS" "$floor" "$cold" "$(ratio "$cold" "$floor")" >> "$rows"
  done
done

base_cold="$(median "$rows" base "$SEEDS" 4)"; head_cold="$(median "$rows" head "$SEEDS" 4)"
base_norm="$(median "$rows" base "$SEEDS" 5)"; head_norm="$(median "$rows" head "$SEEDS" 5)"
echo "seeds=$SEEDS rounds=$ROUNDS cold_ms base=$base_cold head=$head_cold head/base=$(ratio "$head_cold" "$base_cold")" \
  "cold/floor base=$base_norm head=$head_norm head/base=$(ratio "$head_norm" "$base_norm")"
