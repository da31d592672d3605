source /tmp/i23e/lib.sh
trap end_servers EXIT
for gv in "main search" "edit search" "main nosearch" "edit nosearch"; do
set -- $gv; g=$1; v=$2
edit $g $v 80 pw-$g-$v > /dev/null; edit $g $v 81 pw-$g-$v > /dev/null
pid=$(server_pid)
perf record -F 499 -g -p $pid -o $W/perf3-$g-$v.data > $W/perf3-$g-$v.log 2>&1 &
pp=$!; sleep 1
edit_cpu $g $v 82 pe-$g-$v
kill -INT $pp; wait $pp
end_servers; sleep 2
done
