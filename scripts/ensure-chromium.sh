#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed at /usr/bin/chromium (the browser the Playwright
# tests launch directly; Playwright's own browser download is not available here).
# Idempotent: when /usr/bin/chromium is already there it installs nothing.
# Progress goes to stderr; the last line on stdout is `chromium --version`.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

fail() { echo "ensure-chromium: $*" >&2; exit 1; }

if [[ ! -x $CHROMIUM ]]; then
    command -v apt-get >/dev/null 2>&1 || fail "$CHROMIUM is missing and apt-get is not available; install Chromium by hand"
    SUDO=()
    if [[ $(id -u) -ne 0 ]]; then
        command -v sudo >/dev/null 2>&1 || fail "$CHROMIUM is missing; run as root (or with sudo available) to install it"
        SUDO=(sudo -n)
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt=("${SUDO[@]}" apt-get -q -o DPkg::Lock::Timeout=600 -o Dpkg::Use-Pty=0)
    echo "ensure-chromium: $CHROMIUM missing; installing Debian's chromium" >&2
    "${apt[@]}" update >&2 || fail "apt-get update failed"
    "${apt[@]}" install -y chromium >&2 || fail "apt-get install chromium failed"
    [[ -x $CHROMIUM ]] || fail "apt-get installed chromium but $CHROMIUM is still missing"
fi

version=$("$CHROMIUM" --version 2>/dev/null </dev/null) || fail "'$CHROMIUM --version' failed"
[[ $version == *Chromium* || $version == *Chrome* ]] || fail "unexpected '$CHROMIUM --version' output: $version"
echo "$version"
