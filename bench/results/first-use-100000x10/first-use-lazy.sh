#!/usr/bin/env bash
# bash /tmp/s1/fu.sh PAIRS SIDE... : the probe's first use, sides interleaved, medians.
cd /tmp/s1; pairs="$1"; shift; sides=("$@"); out=/tmp/s1/fu-$(date +%H%M).tsv
for i in $(seq "$pairs"); do for side in "${sides[@]}"; do
  printf '%s\t%s\t%s\n' "$side" "$(cd $side && nice -n -10 dotnet Probe.dll ${PROBE_ARGS:-})" "$(cut -d' ' -f1 /proc/loadavg)" >> $out
done; done
echo "$out load: $(cut -d' ' -f1-3 /proc/loadavg)"
for side in "${sides[@]}"; do for key in first_use_ms first_use_cpu_ms one_body_ms other_body_ms; do
  printf '%s %s median=' "$side" "$key"
  grep "^$side	" $out | grep -o "$key=[0-9.]*" | cut -d= -f2 | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)] " min=" a[1] " max=" a[NR]}'
done; done
