"""Catalog import at a real hall's size: 48 departments, 1,016 items and their materials.

    .venv/bin/python bench/bench_import_catalog.py [--db URL-of-an-empty-database]

The made-up hall-sized catalog (``demo.large_catalog``) is exported from one SQLite hall as
.xlsx and .csv, then imported into a fresh database (not the demo): an empty SQLite file, or
for the .xlsx the empty database ``--db`` names (e.g. PostgreSQL). Timed: the first import
(everything added), a dry run and a second import of the same file (nothing changes); then a
keystroke's catalog search on the imported catalog. Issue 14: "imports in seconds and its
search stays fast".
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from bench_halls import open_bench_hall

from clerk_app.api import open_hall
from clerk_app.services.seed import seed_large_catalog

QUERIES = ("l", "ls", "lszy", "不动产", "440500-D1", "scjg")


def _timed(label: str, work):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = work()
    print(f"{label:<42} {time.perf_counter() - start:7.2f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="URL of an empty database to import into (default SQLite)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = open_bench_hall(Path(tmp) / "source.db")
        seed_large_catalog(source.db)
        files = [Path(tmp) / "catalog.xlsx", Path(tmp) / "catalog.csv"]
        for path in files:
            rows = _timed(
                f"export {path.suffix}", lambda p=path: source.system().imports.export_catalog(p)
            )
        print(
            f"{rows} rows, {files[0].stat().st_size // 1024} KB .xlsx, "
            f"{files[1].stat().st_size // 1024} KB .csv"
        )
        source.close()
        for path in files:
            default = f"sqlite:///{Path(tmp) / path.suffix[1:]}.db"
            _import(path, args.db if args.db and path.suffix == ".xlsx" else default, Path(tmp))


def _import(path: Path, url: str, folder: Path) -> None:
    hall = open_hall(url, pii_keys=folder / f"{path.suffix[1:]}.keys")
    imports = hall.system().imports
    first = _timed(
        f"import {path.suffix} into a fresh {hall.db.dialect}", lambda: imports.import_catalog(path)
    )
    print(f"  {first.summary()}")
    _timed(f"dry run of the same {path.suffix}", lambda: imports.import_catalog(path, dry_run=True))
    again = _timed(f"import the same {path.suffix} again", lambda: imports.import_catalog(path))
    print(f"  {again.summary()}")
    catalog = hall.system().catalog
    samples = []
    for _ in range(20):
        for q in QUERIES:
            start = time.perf_counter()
            catalog.search_items(q)
            samples.append(time.perf_counter() - start)
    samples.sort()
    print(
        f"  search after import: p50 {statistics.median(samples) * 1000:.2f} ms, "
        f"p99 {samples[int(len(samples) * 0.99)] * 1000:.2f} ms"
    )
    hall.close()


if __name__ == "__main__":
    main()
