#!/usr/bin/env bash
# probe-ab.sh N OUT: Corpus.Bench search-clean, base (/tmp/i23c-base: acae51c, later main 7e54003, each with the probe commit) and new (the worktree) interleaved N times (Server GC as csc)
n=$1; out=$2
printf 'round\tside\tload1\tstage\twall\tcpu\tallocated_mb\tgcs\n' > "$out"
for ((i = 1; i <= n; i++)); do
  for side in base new; do
    [[ $side == base ]] && dll=/tmp/i23c-base/bench/Corpus.Bench/bin/Release/net10.0/Corpus.Bench.dll || dll=/work/wt-clean/bench/Corpus.Bench/bin/Release/net10.0/Corpus.Bench.dll
    load=$(cut -d' ' -f1 /proc/loadavg)
    DOTNET_gcServer=1 dotnet "$dll" search-clean /tmp/i23c-work/seeds-10000 | awk -F' \\| ' -v r=$i -v s=$side -v l=$load 'NR>2 {gsub(/^\| /,"",$1); gsub(/ \|$/,"",$5); print r"\t"s"\t"l"\t"$1"\t"$2"\t"$3"\t"$4"\t"$5}' >> "$out"
  done
done
