#!/bin/bash
# quiet, interleaved: format-5 app with session 14's runtime (/tmp/q100-mergedil) vs format-6 app with main's runtime (/tmp/s6/q-fin)
declare -A DIR=([f5]=/tmp/q100-mergedil [f6]=/tmp/s6/q-fin)
for r in ${ROUNDS:-1 2}; do for n in f5 f6; do
  nice -n -10 dotnet ${DIR[$n]}/Consumer.dll index /work/main/bench/search-queries.tsv /tmp/s6/top56-$n-$r.tsv 3 > /tmp/s6/run56-$n-$r.txt 2>&1
  echo "$n $r load $(cut -d' ' -f1 /proc/loadavg): $(head -1 /tmp/s6/run56-$n-$r.txt | grep -o 'p50_us=[0-9.]*\|p99_us=[0-9.]*\|main_to_first_ms=[0-9.]*\|start_to_first_ms=[0-9.]*\|private_before_mib=[0-9.]*\|private_after_mib=[0-9.]*\|heap_after_mib=[0-9.]*' | tr '\n' ' ')"
done; done
