"""More PCs than PostgreSQL's default max_connections (100) work on one server: a process
holds one pooled connection while it acts and none once idle (``PG_IDLE_RELEASE_S``)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import psycopg
import pytest

from clerk_app.api import open_hall
from tests.support.hall_pcs import HallMix, prepare, run_hall
from tests.support.pg_cluster import PgCluster, find_pg_bin

PCS = 102  # more than max_connections; the bench runs 120


@pytest.fixture(scope="module")
def default_cluster() -> Iterator[PgCluster]:
    """A cluster with PostgreSQL's own settings, as a hall's server is installed."""
    bin_dir = find_pg_bin()
    if bin_dir is None:
        pytest.skip("no PostgreSQL binaries")
    cluster = PgCluster(bin_dir, server_defaults=True).start()
    yield cluster
    cluster.stop()


def _connections(cluster: PgCluster, dbname: str) -> int:
    with psycopg.connect(cluster.url(dbname).replace("+psycopg", ""), autocommit=True) as c:
        row = c.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            (dbname,),
        ).fetchone()
    return int(row[0]) if row else 0


@pytest.mark.pg
def test_a_pc_holds_one_connection_while_it_acts_and_none_once_idle(
    default_cluster: PgCluster,
) -> None:
    default_cluster.admin_execute("CREATE DATABASE one_pc")
    url = default_cluster.url("one_pc")
    hall = open_hall(url)
    try:
        hall.seed_demo()
        clerk = hall.login("clerk01", "demo", counter=1)
        hall.kiosk().queue.take_ticket("A")  # a write
        clerk.queue.call_next()  # autocommit, the counter's hot path
        clerk.queue.desk()  # a read
        assert _connections(default_cluster, "one_pc") == 1  # reads, writes, calls share it
        deadline = time.monotonic() + 30
        while _connections(default_cluster, "one_pc") and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _connections(default_cluster, "one_pc") == 0  # idle: released
        assert clerk.queue.call_next() is None  # and the next action connects again
        assert clerk.queue.current() is None
    finally:
        hall.close()


@pytest.mark.pg
def test_more_pcs_than_max_connections_work_against_a_default_server(
    default_cluster: PgCluster,
) -> None:
    with psycopg.connect(default_cluster.url().replace("+psycopg", ""), autocommit=True) as c:
        row = c.execute("SHOW max_connections").fetchone()
    assert row is not None and int(row[0]) == 100
    default_cluster.admin_execute("CREATE DATABASE hall_pcs")
    url = default_cluster.url("hall_pcs")
    mix = HallMix.of(PCS)
    prepare(url, mix.counters)
    run = run_hall(url, url.replace("+psycopg", ""), "hall_pcs", mix, seconds=10)
    assert mix.pcs > 100
    assert run.errors == [], run.peak_connections  # no PC was refused a connection
    assert run.ops > mix.pcs  # every PC acted, most of them several times
    assert 0 < run.peak_connections <= 100
