#!/usr/bin/env bash
# Checks that Node.js (20.19 or later, as src/Web/ClientApp's Vite build needs) and npm are on PATH.
# It installs nothing: a machine of this project's kind ships Node.js 20 and npm.
# The last line on stdout is "node vX.Y.Z, npm A.B.C".
set -euo pipefail

MIN_NODE=20.19

fail() { echo "ensure-node: $*" >&2; exit 1; }

command -v node >/dev/null 2>&1 || fail "node is not on PATH; install Node.js >= $MIN_NODE with npm"
command -v npm >/dev/null 2>&1 || fail "npm is not on PATH; install Node.js >= $MIN_NODE, which includes npm"

node_version=$(node --version 2>/dev/null </dev/null) || fail "'node --version' failed"
npm_version=$(npm --version 2>/dev/null </dev/null) || fail "'npm --version' failed"

version=${node_version#v}
IFS=. read -r major minor _ <<<"$version"
IFS=. read -r min_major min_minor <<<"$MIN_NODE"
[[ $major =~ ^[0-9]+$ && $minor =~ ^[0-9]+$ ]] || fail "cannot read the Node.js version from '$node_version'"
if (( major < min_major || (major == min_major && minor < min_minor) )); then
    fail "Node.js $node_version is too old; need >= $MIN_NODE"
fi

echo "node $node_version, npm $npm_version"
