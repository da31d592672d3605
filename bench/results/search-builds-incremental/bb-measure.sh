#!/bin/bash
# Issue 23's build cost as users build, main (/tmp/bb-main) against i23-build (/tmp/bb-branch): bench/search.sh's builds
# part for each clone, one after the other (WHICH="branch main"), each with its own work folder (seeds hard-linked from
# /tmp/corpus-bench-search/seeds-10000, never written into) and output (/tmp/bb-out-<which>/summary.md, clean.tsv, edits.tsv).
# Then AB=1: clean builds of the search consumer interleaved, each side's generator, ROUNDS rounds (/tmp/bb-ab.log).
# Rerun: bash /tmp/bb-measure.sh > /tmp/bb-measure.log 2>&1   (after `git -C /tmp/bb-branch pull` if the branch moved)
set -u
for which in ${WHICH:-branch main}; do
  work=/tmp/bb-work-$which
  mkdir -p "$work"
  [ -d "$work/seeds-10000" ] || cp -alL /tmp/corpus-bench-search/seeds-10000 "$work/seeds-10000"
  cd /tmp/bb-$which || exit 1
  echo "== $which $(git log --oneline -1 | cut -c1-70) start $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
  CORPUS_SEARCH_SKIP=runs CORPUS_SEARCH_BUILDS=${BUILDS:-3} CORPUS_SEARCH_EDITS=${EDITS:-3} CORPUS_BENCH_WORK=$work \
    CORPUS_SEARCH_OUT=/tmp/bb-out-$which CORPUS_REAL_SEEDS=/work/shared/corpus/real nice -n -10 bash bench/search.sh > /tmp/bb-bench-$which.log 2>&1
  echo "== $which end $(date -u +%T) rc $? load $(cut -d' ' -f1-3 /proc/loadavg)"
done
if [ "${AB:-0}" = 1 ]; then
  ANG=$(ls /root/.nuget/packages/anglesharp/*/lib/netstandard2.0/AngleSharp.dll | tail -1)
  for round in $(seq 1 "${ROUNDS:-2}"); do
    for which in branch main; do
      dir=/tmp/bb-work-$which/build-10000-search; root=/tmp/bb-$which
      rm -rf "$dir/bin" "$dir/obj/Release"
      load=$(cut -d' ' -f1 /proc/loadavg); start=$(date +%s%N)
      nice -n -10 dotnet build "$dir/Consumer.csproj" -c Release --no-restore --disable-build-servers -nodeReuse:false -p:UseSharedCompilation=false \
        -p:CorpusGeneratorDir=$root/src/Corpus.Generator/bin/Release/netstandard2.0/ -p:CorpusGeneratorProps=$root/src/Corpus.Generator/build/Corpus.Generator.props \
        -p:CorpusAngleSharp=$ANG -p:CorpusSeeds="$dir/seeds/" > /tmp/bb-ab-$which-$round.log 2>&1 || { echo "FAIL $which"; tail -5 /tmp/bb-ab-$which-$round.log; }
      echo "ab clean $which round $round $(( ($(date +%s%N) - start) / 1000000 )) ms load $load"
    done
  done
fi
