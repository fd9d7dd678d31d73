#!/usr/bin/env bash
# Neovim headless end-to-end test of the language server jar (see lsp_session.lua).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="${ALLO_JAR:-$here/../../../org.allo.lang.ide/target/allo.jar}"
java="${ALLO_JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}"
if ! command -v nvim >/dev/null; then
  echo "nvim test: nvim is not installed (apt-get install -y neovim)" >&2
  exit 1
fi
[ -f "$jar" ] || { echo "nvim test: server jar missing: $jar" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/../e2e/add.allo" "$work/add.allo"
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache"
ALLO_JAVA="$java" ALLO_JAR="$jar" LSP_FILE="$work/add.allo" LSP_ROOT="$work" \
  timeout 180 nvim --headless --clean -c "luafile $here/lsp_session.lua" 2>&1
echo "nvim test: passed"
