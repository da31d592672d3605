#!/usr/bin/env bash
# buildc.sh NAME GENDIR [props...]: a 10k generated consumer in /tmp/corpus-storage-T/NAME, timed with /usr/bin/time -v
set -euo pipefail
W=/tmp/corpus-storage-T; ROOT=/work/wtT
name=$1; gen=$2; shift 2
rm -rf "$W/$name"; mkdir -p "$W/$name"; cp $ROOT/bench/consumers/generated/* "$W/$name/"
P="-p:CorpusSeeds=$W/seeds-10000/ -p:CorpusGeneratorDir=$gen -p:CorpusGeneratorProps=${PROPS:-$ROOT/src/Corpus.Generator/build/Corpus.Generator.props} -p:CorpusAngleSharp=/root/.nuget/packages/anglesharp/1.10.3/lib/netstandard2.0/AngleSharp.dll"
dotnet restore "$W/$name/Consumer.csproj" $P "$@" -v q > "$W/restore-$name.log" 2>&1
s=$(date +%s%N)
/usr/bin/time -v -o "$W/time-$name.txt" dotnet build "$W/$name/Consumer.csproj" -c Release --no-restore --disable-build-servers -nodeReuse:false -p:UseSharedCompilation=false $P "$@" > "$W/build-$name.log" 2>&1
e=$(date +%s%N)
printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$(( (e-s)/1000000 ))" "$(grep 'Maximum resident' "$W/time-$name.txt" | awk '{print $NF}')" "$(stat -c %s "$W/$name/bin/Release/net10.0/Consumer.dll")" "$(cut -d' ' -f1 /proc/loadavg)" >> "$W/builds.tsv"
