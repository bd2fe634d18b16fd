#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for ClaimDesk's tests and benchmarks (never for a team's data).
#
#   scripts/pg-cluster.sh start DIR [PORT]   initdb into DIR (if empty), start on 127.0.0.1:PORT
#                                            (a free port when omitted) and print the store URL
#   scripts/pg-cluster.sh createdb DIR NAME  a new empty database on the running cluster: prints its URL
#   scripts/pg-cluster.sh stop DIR           stop it (DIR is kept; remove it yourself)
#   scripts/pg-cluster.sh sql DIR DB         run the SQL read from stdin on database DB as claimdesk (psql -qAt),
#                                            print the rows (stdin, so that a password in it is never an argument)
#   scripts/pg-cluster.sh password-login DIR ROLE
#                                            ROLE must give its password (scram-sha-256) on every connection,
#                                            from anywhere (a line before the trust lines; the server reloads)
#
# PG_CLUSTER_LISTEN=ADDRESS/PREFIX (start): listen on ADDRESS too and trust the network ADDRESS/PREFIX
# (the team test's analyst in another network namespace, on a veth pair: 10.231.0.1/30).
#
# PG_CLUSTER_FAST=1 turns off fsync and synchronous commit: for tests only (a server crash could lose
# the last commits); benchmarks run with PostgreSQL's durable defaults.
# Trust authentication on loopback and a Unix socket inside DIR: nothing is reachable from outside
# the machine. As root, the cluster runs as the `postgres` user (PostgreSQL refuses to run as root).
set -euo pipefail

bindir() {
    if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then pg_config --bindir; return; fi
    for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && { echo "$d"; return; }; done
    echo "pg-cluster: PostgreSQL's server programs (initdb, pg_ctl) are not installed (apt-get install postgresql)" >&2
    exit 1
}

# As root, from / : the current folder may be one the postgres user cannot enter (every path given
# to the programs is absolute), and they would say so on stderr.
as_owner() {
    if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

cmd=${1:-}; dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|createdb|sql|password-login|stop DIR ..." >&2; exit 2; }
bin=$(bindir)
case "$cmd" in
start)
    port=${3:-$(free_port)}
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; chmod 700 "$dir"; fi
    as_owner test -w "$dir" \
        || { echo "pg-cluster: the postgres user cannot write $dir: every folder above it must let others through (chmod o+x)" >&2; exit 1; }
    if [ ! -f "$dir/PG_VERSION" ]; then
        as_owner "$bin/initdb" -D "$dir" -U claimdesk --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir.initdb.log" 2>&1 \
            || as_owner "$bin/initdb" -D "$dir" -U claimdesk --auth=trust -E UTF8 --locale=C >"$dir.initdb.log" 2>&1 \
            || { echo "pg-cluster: initdb failed, see $dir.initdb.log" >&2; exit 1; }
    fi
    listen=127.0.0.1
    if [ -n "${PG_CLUSTER_LISTEN:-}" ]; then
        listen="127.0.0.1,${PG_CLUSTER_LISTEN%/*}"
        network=$(python3 -c 'import ipaddress, sys; print(ipaddress.ip_interface(sys.argv[1]).network)' "$PG_CLUSTER_LISTEN") \
            || { echo "pg-cluster: PG_CLUSTER_LISTEN takes ADDRESS/PREFIX, not $PG_CLUSTER_LISTEN" >&2; exit 2; }
        grep -qF "host all all $network trust" "$dir/pg_hba.conf" \
            || echo "host all all $network trust" | as_owner tee -a "$dir/pg_hba.conf" >/dev/null
    fi
    fast=""
    [ "${PG_CLUSTER_FAST:-}" = 1 ] && fast="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=$listen -c max_connections=200 $fast" \
        start >/dev/null \
        || { echo "pg-cluster: the server did not start, see $dir/server.log" >&2; exit 1; }
    as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U claimdesk -d postgres -qAt \
        -c "SELECT 1 FROM pg_database WHERE datname = 'claimdesk'" | grep -q 1 \
        || as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U claimdesk claimdesk
    echo "postgresql://claimdesk@127.0.0.1:$port/claimdesk"
    ;;
createdb)
    name=${3:?usage: $0 createdb DIR NAME}
    dir=$(cd "$dir" && pwd)
    port=$(sed -n 4p "$dir/postmaster.pid")
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U claimdesk "$name"
    echo "postgresql://claimdesk@127.0.0.1:$port/$name"
    ;;
sql)
    db=${3:?usage: $0 sql DIR DB}
    dir=$(cd "$dir" && pwd)
    port=$(sed -n 4p "$dir/postmaster.pid")
    as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U claimdesk -d "$db" -qAt -v ON_ERROR_STOP=1 -f -
    ;;
password-login)
    role=${3:?usage: $0 password-login DIR ROLE}
    dir=$(cd "$dir" && pwd)
    line="host all $role all scram-sha-256"
    if ! grep -qxF "$line" "$dir/pg_hba.conf"; then
        { echo "$line"; cat "$dir/pg_hba.conf"; } >"$dir/pg_hba.conf.new"
        [ "$(id -u)" = 0 ] && chown postgres: "$dir/pg_hba.conf.new"
        mv "$dir/pg_hba.conf.new" "$dir/pg_hba.conf"
    fi
    as_owner "$bin/pg_ctl" -D "$dir" reload >/dev/null
    ;;
stop)
    [ -f "$dir/postmaster.pid" ] || exit 0
    dir=$(cd "$dir" && pwd)
    as_owner "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null
    ;;
*) echo "usage: $0 start|createdb|sql|password-login|stop DIR ..." >&2; exit 2 ;;
esac
