# Which projects of a build ran CoreCompile and which skipped it, from a console log written with -v:n (-tl:off):
# prints "Project compiled" or "Project skipped", one line per project. A project compiled when the compiler's command
# line was logged in its context; it skipped when MSBuild logged 'Skipping target "CoreCompile"' there.
function project(path) { sub(/.*\//, "", path); sub(/\.csproj$/, "", path); return path }
/ is building "/ {
  split($0, parts, " is building \""); split(parts[2], path, "\""); split(parts[2], rest, "("); split(rest[2], id, /[:)]/)
  name[id[1]] = project(path[1])
}
/^ *[0-9]+(:[0-9]+)?>Project "/ { split($0, quoted, "\""); match($0, /[0-9]+/); name[substr($0, RSTART, RLENGTH)] = project(quoted[2]) }
/^ *[0-9]+(:[0-9]+)?>/ { match($0, /[0-9]+/); context = substr($0, RSTART, RLENGTH) }
/Skipping target "CoreCompile"/ { skipped[context] = 1 }
/\/csc(\.dll)? .*\/out:/ { compiled[context] = 1 }
END {
  for (i in compiled) state[name[i]] = "compiled"
  for (i in skipped) if (!(name[i] in state)) state[name[i]] = "skipped"
  for (p in state) print p, state[p]
}
