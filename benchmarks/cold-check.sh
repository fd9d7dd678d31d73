#!/usr/bin/env bash
# Times cold `./allo check FILE` runs: each run is a new JVM, as on the command line. The first run
# is not counted: it may rebuild allo.jar and it writes the class-data-sharing archive (for the JVM
# in use) that later runs start from. Uses hyperfine when installed (Debian: apt-get install
# hyperfine), else a bash loop.
#
#   benchmarks/cold-check.sh [RUNS] [FILE]      defaults: 20 runs, examples/gemm.allo
#
# The JVM is the one ./allo picks: $JAVA_HOME/bin/java, else java on the PATH.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-20}"
file="${2:-examples/gemm.allo}"
cd "$root"

# An archive written by another JVM would be ignored, so every measurement writes its own.
rm -f org.allo.lang.ide/target/allo*.jsa
echo "preparing (not timed): ./allo check $file" >&2
if ! ./allo check "$file" >/dev/null; then
  echo "cold-check: ./allo check $file fails or reports errors; time a file that checks clean" >&2
  exit 1
fi
compgen -G 'org.allo.lang.ide/target/allo*.jsa' >/dev/null || echo "cold-check: warning: no CDS archive was written; runs start without it" >&2

java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
echo "JVM: $("${java_cmd}" -version 2>&1 | head -n 1); load: $(uptime | sed 's/.*load average: //')" >&2

if command -v hyperfine >/dev/null 2>&1; then
  json="$(mktemp)"
  trap 'rm -f "$json"' EXIT
  hyperfine --shell=none --runs "$runs" --export-json "$json" "./allo check $file" >&2
  field() { grep -o "\"$1\": *[0-9.e-]*" "$json" | head -n 1 | sed 's/.*: *//'; }
  awk -v min="$(field min)" -v med="$(field median)" -v max="$(field max)" -v n="$runs" \
    'BEGIN { printf "cold check (%d runs): min %.3f s, median %.3f s, max %.3f s\n", n, min, med, max }'
  exit 0
fi

echo "(hyperfine not installed: timing with a bash loop; apt-get install hyperfine for more detail)" >&2
times=()
for ((run = 0; run < runs; run++)); do
  start=$(date +%s%N)
  ./allo check "$file" >/dev/null
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
printf '%s\n' "${times[@]}" | sort -n | awk -v n="$runs" '
  { t[NR] = $1 }
  END {
    median = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
    printf "cold check (%d runs): min %.3f s, median %.3f s, max %.3f s\n", n, t[1] / 1000, median / 1000, t[NR] / 1000
  }'
