#!/usr/bin/env bash
# perfbuild.sh VARIANT OUT GENDIR: one clean build of the 10000 consumer under perf (JIT frames named)
set -euo pipefail
v=$1; out=$2; gen=$3; ROOT=/work/wt-clean
dir=/tmp/i23c-work/build-10000-$v
extra=(); [[ $v == nosearch ]] && extra=(-p:CorpusSearchIndex=false)
rm -rf "$dir/bin" "$dir/obj/Release"
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
perf record -g -F 999 -o "$out" -- dotnet build "$dir/Consumer.csproj" -c Release --no-restore --disable-build-servers -nodeReuse:false -p:UseSharedCompilation=false \
  -p:CorpusGeneratorDir="$gen" -p:CorpusGeneratorProps="$ROOT/src/Corpus.Generator/build/Corpus.Generator.props" \
  -p:CorpusAngleSharp="/root/.nuget/packages/anglesharp/1.10.3/lib/netstandard2.0/AngleSharp.dll" "${extra[@]}" -p:CorpusSeeds="$dir/seeds/" -clp:PerformanceSummary > "$out.log" 2>&1
