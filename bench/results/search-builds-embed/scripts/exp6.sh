source /tmp/i23e/lib.sh
trap end_servers EXIT
OUT=${OUT:-/tmp/i23e/out3}; mkdir -p $OUT
printf 'generator\tvariant\tround\tseconds\tmax_rss_kb\tcsc_seconds\tdll_bytes\tload1\n' > $OUT/clean.tsv
printf 'generator\tvariant\tround\tseconds\tcsc_seconds\tload1\tserver_cpu_seconds\n' > $OUT/edits.tsv
for r in 0 1 2 3 4 5; do for g in main edit; do for v in nosearch search; do
  log "edit $r $g $v (load $(load1))"
  if (( r == 0 )); then edit $g $v 100 e3-$g-$v-0 > /dev/null; else edit_cpu $g $v $((100+r)) e3-$g-$v-$r >> $OUT/edits.tsv; fi
done; done; done
end_servers
for r in 1 2; do for g in main edit; do for v in nosearch search; do
  log "clean $r $g $v (load $(load1))"; clean $g $v $r c3-$g-$v-$r >> $OUT/clean.tsv
done; done; done
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg) $(date -u +%T)" >> $OUT/machine.txt
