source /tmp/i23e/lib.sh
OUT=/tmp/i23e/out3
for r in 3; do for g in main edit; do for v in nosearch search; do
  log "clean $r $g $v (load $(load1))"; clean $g $v $r c3-$g-$v-$r >> $OUT/clean.tsv
done; done; done
echo "load at end of the third clean round: $(cut -d' ' -f1-3 /proc/loadavg) $(date -u +%T)" >> $OUT/machine.txt
