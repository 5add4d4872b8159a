"""Catalog search at a real hall's size: p50/p99 of one keystroke's query at 1,016+ items.

    .venv/bin/python bench/bench_catalog_search.py [--rounds 50]

The demo hall plus the made-up hall-sized catalog (48 departments, 1,016 items) on SQLite; a
clerk types queries letter by letter (pinyin initials, Chinese, item codes), each prefix one
``search_items`` call as the counter's search box makes. Target (issue #11): p99 ≤ 5 ms.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from bench_halls import open_bench_hall

from clerk_app.services.seed import seed_large_catalog

TYPED = ("lszycsdlxk", "qysldj", "bdcdj", "临时占用", "不动产登记", "440500-D1", "scjg")


def keystrokes() -> list[str]:
    return [word[:n] for word in TYPED for n in range(1, len(word) + 1)]


def measure(rounds: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        hall = open_bench_hall(Path(tmp) / "hall.db")
        hall.seed_demo()
        seed_large_catalog(hall.db)
        catalog = hall.login("clerk01", "demo", counter=1).catalog
        items = len(catalog.list_items(""))
        samples = []
        for _ in range(rounds):
            for query in keystrokes():
                start = time.perf_counter()
                catalog.search_items(query)
                samples.append(time.perf_counter() - start)
        hall.close()
    samples.sort()
    return {
        "catalog_items": items,
        "catalog_search_p50_ms": statistics.median(samples) * 1000,
        "catalog_search_p99_ms": samples[int(len(samples) * 0.99)] * 1000,
        "catalog_search_max_ms": samples[-1] * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=50)
    r = measure(parser.parse_args().rounds)
    print(
        f"catalog search, {r['catalog_items']:.0f} items: p50 {r['catalog_search_p50_ms']:.2f} ms"
        f"  p99 {r['catalog_search_p99_ms']:.2f} ms  max {r['catalog_search_max_ms']:.2f} ms"
        "   (target p99 ≤ 5 ms)"
    )


if __name__ == "__main__":
    main()
