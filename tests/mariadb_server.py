"""A throwaway MariaDB server with a ROW binlog, for the sync tests (the shared server has none)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pymysql

from magento_migration.settings import DbSettings


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def binlog_mariadb(workdir: Path, buffer_pool: str = "256M") -> Iterator[DbSettings]:
    """Start mariadbd on a free port with binlog_format=ROW; yield root's settings; stop it.
    `buffer_pool`: InnoDB's buffer pool (benchmarks of `large` stores need a few GB)."""
    mariadbd = shutil.which("mariadbd") or "/usr/sbin/mariadbd"
    datadir = workdir / "data"
    subprocess.run(
        [
            "mariadb-install-db",
            "--no-defaults",
            f"--datadir={datadir}",
            "--user=root",
            "--auth-root-authentication-method=normal",
        ],
        check=True,
        capture_output=True,
    )
    port = _free_port()
    server = subprocess.Popen(
        [
            mariadbd,
            "--no-defaults",
            "--user=root",
            f"--datadir={datadir}",
            f"--port={port}",
            "--bind-address=127.0.0.1",
            f"--socket={workdir / 'mariadb.sock'}",
            f"--pid-file={workdir / 'mariadb.pid'}",
            f"--log-bin={workdir / 'binlog'}",
            "--binlog-format=ROW",
            "--binlog-row-image=FULL",
            "--server-id=9001",
            f"--innodb-buffer-pool-size={buffer_pool}",
        ],
        stdout=(workdir / "mariadb.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    settings = DbSettings("127.0.0.1", port, "root", "", "magento_binlog")
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                pymysql.connect(host="127.0.0.1", port=port, user="root", password="").close()
                break
            except pymysql.err.OperationalError:
                if server.poll() is not None or time.monotonic() > deadline:
                    log = (workdir / "mariadb.log").read_text()[-2000:]
                    raise RuntimeError(f"throwaway mariadbd did not start:\n{log}") from None
                time.sleep(0.3)
        # mariadb-install-db creates anonymous users, which shadow 'user'@'%' logins from localhost
        connection = pymysql.connect(host="127.0.0.1", port=port, user="root", password="")
        with connection.cursor() as cursor:
            cursor.execute("select host from mysql.user where user = ''")
            for (host,) in cursor.fetchall():
                cursor.execute(f"drop user ''@'{host}'")
        connection.close()
        yield settings
    finally:
        server.terminate()
        server.wait(timeout=60)
