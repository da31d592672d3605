#!/bin/bash
# usage: edit-probe.sh GENDIR variant rounds -> per edit: wall, csc task, generator time (ReportAnalyzer)
GEN=$1; V=$2; N=${3:-4}; dir=/tmp/s18-work/build-10000-shard-$V
T=(-p:CorpusGeneratorDir=$GEN -p:CorpusGeneratorProps=/work/main/src/Corpus.Generator/build/Corpus.Generator.props -p:CorpusAngleSharp=/root/.nuget/packages/anglesharp/1.10.3/lib/netstandard2.0/AngleSharp.dll -p:CorpusRuntimeDir=/tmp/s22-bench/src/Corpus.Runtime.Library/bin/Release/ -p:CorpusSeeds=$dir/seeds/ -p:ReportAnalyzer=true -p:SharedCompilationId=probe23$V$SUF)
[ "$V" = nosearch ] && T+=(-p:CorpusSearchIndex=false)
f=$(ls $dir/seeds | LC_ALL=C sort | head -1)
for ((i=0;i<=N;i++)); do
  sed -i "0,/<\/p>/s|</p>| probe$i</p>|" "$dir/seeds/$f"
  s=$(date +%s%N)
  env -u UseSharedCompilation -u MSBUILDDISABLENODEREUSE MSBUILDNODEHANDSHAKESALT=probe23 dotnet build $dir/Shard.csproj -c Release "${T[@]}" -v d -clp:PerformanceSummary > /tmp/edit-$V.log 2>&1 || { tail -5 /tmp/edit-$V.log; exit 1; }
  e=$(( ($(date +%s%N)-s)/1000000 ))
  csc=$(grep -E '^\s+[0-9]+ ms\s+Csc\s' /tmp/edit-$V.log | tail -1 | awk '{print $1}')
  gen=$(grep -E 'Total generator execution time' /tmp/edit-$V.log | tail -1)
  echo "$V edit $i wall ${e}ms csc ${csc}ms | $gen"
done
