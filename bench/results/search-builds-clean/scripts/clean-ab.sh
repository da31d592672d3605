#!/usr/bin/env bash
# clean-ab.sh N OUT: clean builds of the 10,000-seed search consumer, acae51c's generator (base-search) and this branch's
# (search), interleaved N times, as bench/search.sh's build part builds them (no build servers, no shared compilation).
n=$1; out=$2; ROOT=/work/wt-clean
A=/root/.nuget/packages/anglesharp/1.10.3/lib/netstandard2.0/AngleSharp.dll
printf 'round\tvariant\tseconds\tcsc_seconds\tload1\n' > "$out"
for ((i = 1; i <= n; i++)); do
  for v in base-search search; do
    dir=/tmp/i23c-work/build-10000-$v
    [[ $v == base-* ]] && gen=/tmp/i23c-base-gen/ || gen=$ROOT/src/Corpus.Generator/bin/Release/netstandard2.0/
    rm -rf "$dir/bin" "$dir/obj/Release"; load=$(cut -d' ' -f1 /proc/loadavg); start=$(date +%s%N)
    dotnet build "$dir/Consumer.csproj" -c Release --no-restore --disable-build-servers -nodeReuse:false -p:UseSharedCompilation=false \
      -p:CorpusGeneratorDir="$gen" -p:CorpusGeneratorProps="$ROOT/src/Corpus.Generator/build/Corpus.Generator.props" -p:CorpusAngleSharp="$A" \
      -p:CorpusSeeds="$dir/seeds/" -clp:PerformanceSummary > /tmp/i23c-work/clean-ab.log 2>&1 || { tail /tmp/i23c-work/clean-ab.log; exit 1; }
    secs=$(awk -v s=$start -v e=$(date +%s%N) 'BEGIN {printf "%.2f", (e-s)/1e9}')
    csc=$(awk '/ms  Csc / {printf "%.2f", $1/1000; exit}' /tmp/i23c-work/clean-ab.log)
    printf '%s\t%s\t%s\t%s\t%s\n' $i $v $secs $csc $load >> "$out"
  done
done
