#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the tests, as the unprivileged "postgres" user, on a
# loopback port, and prints the connection URL. Installs Debian's postgresql when it is missing.
# Usage: url=$(bash .ci/postgres.sh start DIR PORT); bash .ci/postgres.sh stop DIR
set -euo pipefail
action=$1 dir=$2
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ "$action" = stop ]; then
  [ -n "$bin" ] && [ -d "$dir/data" ] && su postgres -s /bin/sh -c "$bin/pg_ctl -D '$dir/data' -m fast -w stop" >/dev/null 2>&1 || true
  rm -rf "$dir"
  exit 0
fi
port=$3
if [ -z "$bin" ]; then
  SUDO=""; if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then SUDO=sudo; fi
  $SUDO apt-get update >&2 && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends postgresql >&2
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
mkdir -p "$dir" && chown postgres "$dir" && chmod 700 "$dir"
su postgres -s /bin/sh -c "$bin/initdb -D '$dir/data' -U postgres --auth=trust --no-sync" >&2
su postgres -s /bin/sh -c "$bin/pg_ctl -D '$dir/data' -l '$dir/log' -w -o \"-k '$dir' -p $port -c listen_addresses=127.0.0.1 -c max_connections=200\" start" >&2
echo "postgres://postgres@127.0.0.1:$port/postgres"
