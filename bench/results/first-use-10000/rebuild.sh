#!/usr/bin/env bash
# Rebuild the 10,000-seed consumers "generated" and "in-place" of /tmp/s10 with the branch's generator (as storage.sh's
# build step does, same properties); then CORPUS_STORAGE_REUSE=1 measures them against main's "base" sides built before.
set -euo pipefail
ROOT=/work/wt-start
seeds=/tmp/corpus-bench-search/seeds-10000/
ANGLESHARP="$(dotnet msbuild "$ROOT/src/Corpus.Generator/Corpus.Generator.csproj" -getProperty:PKGAngleSharp -p:Configuration=Release)/lib/netstandard2.0/AngleSharp.dll"
props=(-p:CorpusSeeds=$seeds -p:CorpusGeneratorDir=$ROOT/src/Corpus.Generator/bin/Release/netstandard2.0/ -p:CorpusGeneratorProps=$ROOT/src/Corpus.Generator/build/Corpus.Generator.props -p:CorpusAngleSharp=$ANGLESHARP)
for side in generated in-place; do
  extra=(); [[ $side == in-place ]] && extra=(-p:AllowUnsafeBlocks=true)
  echo "[$(date +%T)] building $side"
  dotnet build /tmp/s10/$side/Consumer.csproj -c Release --disable-build-servers -nodeReuse:false -p:UseSharedCompilation=false "${props[@]}" "${extra[@]}" > /tmp/s10/rebuild-$side.log 2>&1 || { tail -20 /tmp/s10/rebuild-$side.log; exit 1; }
done
echo "[$(date +%T)] done"
