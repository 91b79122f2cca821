#!/usr/bin/env bash
# Checks that the build's include paths keep the layer order (cmake/EventmillLayers.cmake): for
# each layer, an #include of a private or public header of any layer to its right must fail to
# compile, while its own headers and those of the first layer compile. Programs on top (cli) may
# include public headers only. Uses the real compile commands (compile_commands.json), running the
# preprocessor alone, so it takes seconds.
#   tools/check_layers.sh BUILD_DIR "core;text;...;pipeline" [PROGRAM...]
# Exit 0 when every check holds; 1 with one line per broken check.
set -uo pipefail
build=${1:?usage: check_layers.sh BUILD_DIR LAYERS [PROGRAM...]}
IFS=';' read -r -a layers <<< "${2:?usage: check_layers.sh BUILD_DIR LAYERS [PROGRAM...]}"
shift 2
programs=("$@")
root=$(cd "$(dirname "$0")/.." && pwd)
db=$build/compile_commands.json
[ -f "$db" ] || { echo "check_layers: $db is missing (configure with CMAKE_EXPORT_COMPILE_COMMANDS)" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# The compile command of one non-test source file of src/NAME, with its directory, as a shell
# line that preprocesses $tmp/probe.cc (the source and output replaced).
command_for() {
  python3 - "$db" "$root/src/$1/" "$tmp/probe.cc" <<'EOF'
import json, shlex, sys
db, prefix, probe = sys.argv[1:4]
for e in json.load(open(db)):
    f = e["file"]
    if not f.startswith(prefix) or f.endswith("_test.cc") or "/" in f[len(prefix):]:
        continue
    args = e["arguments"] if "arguments" in e else shlex.split(e["command"])
    out, skip = [], False
    for a in args:
        if skip:
            skip = False
            continue
        if a in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
            continue
        if a in ("-c", "-MD", "-MMD") or a == f or a.endswith("ccache"):
            continue
        out.append(a)
    if out and out[0].endswith("ccache"):
        out = out[1:]
    print("cd " + shlex.quote(e["directory"]) + " && " + " ".join(map(shlex.quote, out)) + " -E -o /dev/null " + shlex.quote(probe))
    break
EOF
}

# First private header of src/NAME (sorted), relative to src/; and the public headers a layer owns.
private_header() { (cd "$root/src" && ls "$1"/*.h 2>/dev/null | head -n 1); }
public_headers() { ls "$build/layers/$1/public/eventmill/" 2>/dev/null; }

failures=0 checks=0
expect() {  # expect ok|fail WHO COMMAND HEADER
  local want=$1 who=$2 cmd=$3 header=$4
  printf '#include "%s"\n' "$header" > "$tmp/probe.cc"
  checks=$((checks + 1))
  if bash -c "$cmd" > /dev/null 2>&1; then got=ok; else got=fail; fi
  if [ "$got" != "$want" ]; then
    failures=$((failures + 1))
    if [ "$want" = fail ]; then
      echo "check_layers: $who can include \"$header\", a header of a layer to its right"
    else
      echo "check_layers: $who cannot include \"$header\", which it may use"
    fi
  fi
}

for ((i = 0; i < ${#layers[@]}; i++)); do
  layer=${layers[i]}
  cmd=$(command_for "$layer")
  if [ -z "$cmd" ]; then echo "check_layers: $layer has no compiled source yet; skipped"; continue; fi
  own=$(private_header "$layer")
  [ -n "$own" ] && expect ok "$layer" "$cmd" "$own"
  expect ok "$layer" "$cmd" "eventmill/status.h"
  for ((j = i + 1; j < ${#layers[@]}; j++)); do
    upper=${layers[j]}
    h=$(private_header "$upper")
    [ -n "$h" ] && expect fail "$layer" "$cmd" "$h"
    for p in $(public_headers "$upper"); do expect fail "$layer" "$cmd" "eventmill/$p"; done
  done
done

for program in "${programs[@]}"; do
  cmd=$(command_for "$program")
  if [ -z "$cmd" ]; then echo "check_layers: $program has no compiled source; skipped"; continue; fi
  for layer in "${layers[@]}"; do
    h=$(private_header "$layer")
    [ -n "$h" ] && expect fail "$program" "$cmd" "$h"
    for p in $(public_headers "$layer"); do expect ok "$program" "$cmd" "eventmill/$p"; done
  done
done

echo "check_layers: $checks checks, $failures broken"
[ "$failures" = 0 ]
