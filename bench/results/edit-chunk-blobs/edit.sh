#!/usr/bin/env bash
# Edit loop as users build (compiler server, generator cache), 10,000 seeds with the index: main's generator against the
# chunk-blob branch's, interleaved. Usage: bash /tmp/eb/edit.sh ROUNDS
set -euo pipefail
rounds="${1:-4}"; W=/tmp/eb; seeds=/tmp/b22/seeds-10000
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
SERVER_ID="eb-$$"
declare -A ROOTS=([main]=/work/main [blob]=/work/wt-blob)
source /work/main/bench/lib/measure.sh
trap end_servers EXIT
for side in main blob; do
  root=${ROOTS[$side]}
  a="$(dotnet msbuild "$root/src/Corpus.Generator/Corpus.Generator.csproj" -getProperty:PKGAngleSharp -p:Configuration=Release)/lib/netstandard2.0/AngleSharp.dll"
  rm -rf $W/$side; mkdir -p $W/$side; cp $root/bench/consumers/generated/* $W/$side/; cp -al $seeds $W/$side/seeds
  echo "-p:CorpusSeeds=$W/$side/seeds/ -p:CorpusGeneratorDir=$root/src/Corpus.Generator/bin/Release/netstandard2.0/ -p:CorpusGeneratorProps=$root/src/Corpus.Generator/build/Corpus.Generator.props -p:CorpusAngleSharp=$a -p:SharedCompilationId=$SERVER_ID" > $W/$side/props
  dotnet restore $W/$side/Consumer.csproj $(cat $W/$side/props) -v q > /dev/null
done
printf 'side\tround\tseconds\tcsc_seconds\tload1\n' > $W/edits.tsv
seed_file=$(ls $seeds | LC_ALL=C sort | awk "NR == 1")
for i in $(seq 0 "$rounds"); do
  for side in main blob; do
    sed -i "0,/<\/p>/s|</p>| eb$i</p>|" "$W/$side/seeds/$seed_file"
    load=$(cut -d' ' -f1 /proc/loadavg); start=$(date +%s%N)
    as_user dotnet build $W/$side/Consumer.csproj -c Release --no-restore $(cat $W/$side/props) -clp:PerformanceSummary > $W/$side/build-$i.log 2>&1 || { tail $W/$side/build-$i.log; exit 1; }
    secs=$(seconds_since "$start")
    if (( i > 0 )); then printf '%s\t%s\t%s\t%s\t%s\n' $side $i $secs "$(csc_seconds $W/$side/build-$i.log)" $load | tee -a $W/edits.tsv; fi
  done
done
