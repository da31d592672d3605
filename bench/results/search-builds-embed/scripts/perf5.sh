source /tmp/i23e/lib.sh
trap end_servers EXIT
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
g=edit2; v=search
edit $g $v 90 pw > /dev/null; edit $g $v 91 pw > /dev/null
pid=$(server_pid)
perf record -F 499 -g -p $pid -o $W/perf5.data > $W/perf5.log 2>&1 &
pp=$!; sleep 1
edit_cpu $g $v 92 pe5
kill -INT $pp; wait $pp
echo pid $pid
