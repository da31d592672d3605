# usage: source; setup GEN VARIANT; edit GEN VARIANT ROUND [extra args]
source "${CORPUS_EDIT_ENV:-/tmp/i23e/env.sh}"
source "$ROOT/bench/lib/measure.sh"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
SERVER_ID="i23e-bench-$$"
W=/tmp/i23e
dirof() { echo "$W/b-$1-$2"; }
toolsof() { T=(-p:CorpusGeneratorDir="$W/gen-$1/" -p:CorpusGeneratorProps="$PROPS" -p:CorpusAngleSharp="$ANG"); [[ $2 == nosearch ]] && T+=(-p:CorpusSearchIndex=false); true; }
setup() { local d; d=$(dirof $1 $2); toolsof $1 $2; rm -rf "$d"; mkdir -p "$d"; cp $ROOT/bench/consumers/generated/* "$d/"; cp -alL $W/seeds-10000 "$d/seeds"; dotnet restore "$d/Consumer.csproj" "${T[@]}" -p:CorpusSeeds="$d/seeds/" -v q > $W/restore.log 2>&1; }
seed_file() { ls $W/seeds-10000 | LC_ALL=C sort | awk 'NR == 1'; }
# edit GEN VARIANT ROUND LOGNAME [extra]: prints seconds csc load
edit() { local g=$1 v=$2 i=$3 name=$4; shift 4; local d; d=$(dirof $g $v); toolsof $g $v; local sf; sf=$(seed_file)
  sed -i "0,/<\/p>/s|</p>| bench$i</p>|" "$d/seeds/$sf"
  local log=$W/logs/$name.log load; load=$(load1); local start; start=$(date +%s%N)
  as_user dotnet build "$d/Consumer.csproj" -c Release "${T[@]}" -p:CorpusSeeds="$d/seeds/" -p:SharedCompilationId="$SERVER_ID" -clp:PerformanceSummary "$@" > "$log" 2>&1 || { tail -20 "$log" >&2; return 1; }
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$g" "$v" "$i" "$(seconds_since "$start")" "$(csc_seconds "$log")" "$load"; }
clean() { local g=$1 v=$2 i=$3 name=$4; shift 4; local d; d=$(dirof $g $v); toolsof $g $v
  rm -rf "$d/bin" "$d/obj/Release"; local log=$W/logs/$name.log load; load=$(load1); local start; start=$(date +%s%N)
  /usr/bin/time -v -o "$W/time-$$.txt" dotnet build "$d/Consumer.csproj" -c Release --no-restore --disable-build-servers -nodeReuse:false -p:UseSharedCompilation=false "${T[@]}" -p:CorpusSeeds="$d/seeds/" -clp:PerformanceSummary "$@" > "$log" 2>&1 || { tail -20 "$log" >&2; return 1; }
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$g" "$v" "$i" "$(seconds_since "$start")" "$(awk -F': ' '/Maximum resident set size/ {print $2}' "$W/time-$$.txt")" "$(csc_seconds "$log")" "$(stat -c %s "$d/bin/Release/net10.0/Consumer.dll")" "$load"; }
load1() { cut -d' ' -f1 /proc/loadavg; }
mkdir -p $W/logs
server_pid() { pgrep -f "pipename:$SERVER_ID" | head -1; }
cpu_ticks() { local p; p=$(server_pid); [[ -n $p ]] && awk '{print $14+$15}' /proc/$p/stat || echo 0; }
# edit_cpu GEN VARIANT ROUND NAME [extra]: the edit line plus the server's CPU seconds for the build
edit_cpu() { local before after line; before=$(cpu_ticks); line=$(edit "$@") || return 1; after=$(cpu_ticks); printf '%s\t%s\n' "$line" "$(awk -v a=$after -v b=$before 'BEGIN{printf "%.2f",(a-b)/100}')"; }
