#!/usr/bin/env bash
# Make sure the local MariaDB (127.0.0.1:3306) and PostgreSQL (127.0.0.1:5432) are running,
# starting them the Debian way when they are installed but down. Used by `.ci/run` and `make servers`.
set -euo pipefail

wait_for() {  # name, command
  for _ in $(seq 1 60); do
    if eval "$2" >/dev/null 2>&1; then echo "$1 is up"; return 0; fi
    sleep 1
  done
  echo "error: $1 did not come up within 60s" >&2
  return 1
}

mariadb_up() { mariadb-admin --protocol=tcp -h 127.0.0.1 -P 3306 -u root status; }
postgres_up() { pg_isready -h 127.0.0.1 -p 5432 -q; }

if ! mariadb_up >/dev/null 2>&1; then
  if [ -x /usr/sbin/mariadbd ]; then
    echo "starting MariaDB"
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  else
    echo "error: MariaDB is not running and /usr/sbin/mariadbd is not installed (see README: Servers)" >&2
    exit 1
  fi
fi
wait_for MariaDB mariadb_up

if ! postgres_up; then
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start
  else
    echo "error: PostgreSQL is not running and pg_ctlcluster is not installed (see README: Servers)" >&2
    exit 1
  fi
fi
wait_for PostgreSQL postgres_up
