# Helpers shared by bench/run.sh and bench/shards.sh (sourced, not run).

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# tree_rss PID -> "SUM_KB MAX_KB MAX_NAME": the RSS summed over a process and all its descendants, and the largest single
# process among them (its command name: csc for a compiler, dotnet for MSBuild).
tree_rss() {
  ps -e -o pid=,ppid=,rss=,comm= | awk -v root="$1" '
    { parent[$1] = $2; rss[$1] = $3; name[$1] = $4 }
    END {
      member[root] = 1; grown = 1
      while (grown) { grown = 0; for (p in parent) if (!(p in member) && (parent[p] in member)) { member[p] = 1; grown = 1 } }
      total = 0; max = 0; top = "-"
      for (p in member) { total += rss[p]; if (rss[p] > max) { max = rss[p]; top = name[p] } }
      print total, max, top
    }'
}

# median_of: the median of the numbers on stdin, one a line (empty when there is none).
median_of() { sort -g | awk '{v[NR] = $1} END {if (NR) print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# median FILE KEY1 KEY2 COLUMN: the median of COLUMN over the rows of the tab-separated FILE whose columns 1 and 2 are KEY1
# and KEY2.
median() { awk -F'\t' -v s="$2" -v n="$3" -v c="$4" '$1 == s && $2 == n {print $c}' "$1" | median_of; }

# ratio A B -> A / B with 2 decimals ("-" when either is missing).
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (a == "" || b == "" || b == 0) print "-"; else printf "%.2f", a / b}'; }

# seconds_since START_NS -> wall seconds with 2 decimals.
seconds_since() { awk -v s="$1" -v e="$(date +%s%N)" 'BEGIN {printf "%.2f", (e - s) / 1e9}'; }

# csc_seconds LOG -> the Csc task's total time in a build log written with -clp:PerformanceSummary (all projects).
csc_seconds() {
  awk '/Task Performance Summary/ {t=1} t && $3 == "Csc" {print $1; exit}' "$1" | tr -d ' ms' \
    | awk '{c = $1} END {printf "%.2f", c / 1000}'
}

# Builds as users build them (compiler server and MSBuild node reuse on, which this machine's environment turns off), with
# a compiler server and nodes of the caller's own: SERVER_ID names the pipe and salts the node handshake; end_servers
# (trap it on EXIT) ends exactly those processes.
as_user() { env -u UseSharedCompilation -u MSBUILDDISABLENODEREUSE MSBUILDNODEHANDSHAKESALT="$SERVER_ID" "$@"; }
end_servers() {
  local pid
  for pid in $(pgrep -f "pipename:$SERVER_ID" || true); do kill "$pid" 2>/dev/null || true; done
  for pid in $(pgrep -f "MSBuild.dll .*nodemode" || true); do
    if tr '\0' '\n' < "/proc/$pid/environ" 2>/dev/null | grep -qx "MSBUILDNODEHANDSHAKESALT=$SERVER_ID"; then kill "$pid" 2>/dev/null || true; fi
  done
}

# build_harness LOG [runtime]: builds Corpus.Bench (and with it the generator) in Release, and the Corpus.Runtime library
# when asked; sets BENCH, GENERATOR_DIR, RUNTIME_DIR and ANGLESHARP (the generator's copy). ROOT must be set.
build_harness() {
  local log="$1"
  dotnet build "$ROOT/bench/Corpus.Bench/Corpus.Bench.csproj" -c Release -nologo -v q > "$log"
  if [[ "${2:-}" == runtime ]]; then
    dotnet build "$ROOT/src/Corpus.Runtime.Library/Corpus.Runtime.Library.csproj" -c Release -nologo -v q >> "$log"
  fi
  BENCH="$ROOT/bench/Corpus.Bench/bin/Release/net10.0/Corpus.Bench.dll"
  GENERATOR_DIR="$ROOT/src/Corpus.Generator/bin/Release/netstandard2.0/"
  RUNTIME_DIR="$ROOT/src/Corpus.Runtime.Library/bin/Release/"
  ANGLESHARP="$(dotnet msbuild "$ROOT/src/Corpus.Generator/Corpus.Generator.csproj" -getProperty:PKGAngleSharp -p:Configuration=Release)/lib/netstandard2.0/AngleSharp.dll"
}

# link_shards SEEDS DIR K: K shard projects (bench/consumers/shard) in DIR/Shard01…, seed i of SEEDS (in file name order)
# in shard i mod K, as hard links (one ln per shard through xargs: no copy of the corpus, minutes saved at 100,000 seeds).
link_shards() {
  local seeds="$1" dir="$2" k="$3" i name
  for ((i = 1; i <= k; i++)); do
    name=$(printf 'Shard%02d' "$i")
    mkdir -p "$dir/$name/seeds"
    cp "$ROOT/bench/consumers/shard/Shard.csproj" "$dir/$name/$name.csproj"
    ls "$seeds" | LC_ALL=C sort | grep '\.txt$' | awk -v k="$i" -v n="$k" '(NR - 1) % n == k - 1' | (cd "$seeds" && xargs ln -t "$dir/$name/seeds")
  done
}
