#!/bin/bash
# abc.sh ROUNDS QUERIES VARIANT... : interleaved; medians of main_to_first, start_to_first, process CPU (user+sys ms)
rounds=$1; q=$2; shift 2
out=/tmp/f1/abc.$$; : > $out
for r in $(seq $rounds); do for v in "$@"; do
  line=$( { /usr/bin/time -f "cpu=%U+%S" nice -n -10 dotnet /tmp/f1/$v/Consumer.dll index $q /tmp/f1/top-ab-$v.tsv 0 2>/tmp/f1/abc.err | head -1; } 2>&1)
  cpu=$(grep -o "cpu=[0-9.+]*" /tmp/f1/abc.err | cut -d= -f2 | awk -F+ '{printf "%.0f", ($1+$2)*1000}')
  m=$(echo "$line" | tr ' ' '\n' | grep main_to_first | cut -d= -f2); s=$(echo "$line" | tr ' ' '\n' | grep start_to_first | cut -d= -f2)
  echo "$v $m $s $cpu" >> $out
done; done
med() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for v in "$@"; do
  echo "$v median main_to_first $(grep "^$v " $out | awk '{print $2}' | med) start_to_first $(grep "^$v " $out | awk '{print $3}' | med) cpu $(grep "^$v " $out | awk '{print $4}' | med)   (main_to_first all: $(grep "^$v " $out | awk '{print $2}' | sort -n | tr '\n' ' '))"
done
cp $out /tmp/f1/last-abc.tsv
