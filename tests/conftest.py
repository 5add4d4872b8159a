"""Shared fixtures: a fresh hall database on SQLite and on a throwaway PostgreSQL cluster."""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from clerk_app.api import Hall, open_hall
from tests.support.pg_cluster import REQUIRE_ENV, PgCluster, find_pg_bin

_counter = itertools.count()


def pytest_configure(config: pytest.Config) -> None:
    """The tests' own ID key file (``persistence/pii.py``), for every hall and subprocess of
    the run: the seeded templates are copied into many tests and must open with it."""
    import tempfile

    keys = Path(tempfile.mkdtemp(prefix="clerk-pii-")) / "pii.keys"
    os.environ["CLERK_PII_KEYS"] = str(keys)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    bin_dir = find_pg_bin()
    if bin_dir is None:
        if os.environ.get(REQUIRE_ENV):
            pytest.fail(f"{REQUIRE_ENV} is set but no PostgreSQL binaries were found")
        pytest.skip("no PostgreSQL binaries (install postgresql; CI requires them)")
    cluster = PgCluster(bin_dir).start()
    yield cluster
    cluster.stop()


def _pg_database(cluster: PgCluster, template: str | None = None) -> str:
    name = f"t{os.getpid()}_{next(_counter)}"
    cluster.admin_execute(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
    return cluster.url(name)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL of an empty database, once per backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'hall.db'}"
    return _pg_database(request.getfixturevalue("pg_cluster"))


@pytest.fixture(scope="session")
def _seeded_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "seeded.db"
    hall = open_hall(f"sqlite:///{path}")
    hall.seed_demo()
    hall.close()
    return path


@pytest.fixture(scope="session")
def _seeded_pg_template(pg_cluster: PgCluster) -> str:
    url = _pg_database(pg_cluster)
    hall = open_hall(url)
    hall.seed_demo()
    hall.close()
    return url.rsplit("/", 1)[1]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def hall_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL of a fresh copy of the seeded demo hall, once per backend."""
    if request.param == "sqlite":
        path = tmp_path / "hall.db"
        shutil.copy(request.getfixturevalue("_seeded_sqlite"), path)
        return f"sqlite:///{path}"
    template = request.getfixturevalue("_seeded_pg_template")
    return _pg_database(request.getfixturevalue("pg_cluster"), template)


@pytest.fixture
def hall(hall_url: str) -> Iterator[Hall]:
    h = open_hall(hall_url)
    yield h
    h.close()


@pytest.fixture
def pg_hall_url(request: pytest.FixtureRequest) -> str:
    """A fresh seeded demo hall on PostgreSQL only (for row-lock tests)."""
    template = request.getfixturevalue("_seeded_pg_template")
    return _pg_database(request.getfixturevalue("pg_cluster"), template)
