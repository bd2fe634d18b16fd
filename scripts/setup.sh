#!/usr/bin/env bash
# Installs the Debian packages ClaimDesk needs, only those that are missing.
# SQLite (GRDB links the system libsqlite3), GNU readline (the REPL), sqlite3 (inspecting stores),
# tmux (tests that drive the REPL under a pseudo-terminal).
set -euo pipefail
packages=(libsqlite3-dev libreadline-dev sqlite3 tmux)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all packages present (${packages[*]})"
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "setup: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" </dev/null
