"""What sealing ID numbers costs: per value, per real-name ticket, and at start.

    .venv/bin/python bench/bench_pii.py [--values 20000] [--tickets 300]

Prints µs per SM4-GCM seal and open and per HMAC-SM3 lookup hash, the median ms of a kiosk's
real-name and anonymous ticket on SQLite (the difference is the sealing, the hash and the
per-ID limit's indexed count), and the ms that importing ``cryptography``'s pieces adds to a
cold start (measured in a fresh interpreter).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from clerk_app.api import open_hall
from clerk_app.demo.credit_cases import make_resident_id
from clerk_app.persistence.pii import Pii, create_keys


def per_value(values: int, work: Path) -> None:
    pii = Pii(create_keys(work / "bench.keys"))
    ids = [make_resident_id("110105", date(1980, 1, 1), n % 1000) for n in range(values)]
    t = time.perf_counter()
    sealed = [pii.seal(v, "tickets.identity") for v in ids]
    seal_us = (time.perf_counter() - t) / values * 1e6
    t = time.perf_counter()
    for s in sealed:
        pii.open(s, "tickets.identity")
    open_us = (time.perf_counter() - t) / values * 1e6
    t = time.perf_counter()
    for v in ids:
        pii.lookup(v)
    hash_us = (time.perf_counter() - t) / values * 1e6
    print(f"seal {seal_us:.1f} µs, open {open_us:.1f} µs, lookup hash {hash_us:.1f} µs per value")


def per_ticket(tickets: int, work: Path) -> None:
    hall = open_hall(f"sqlite:///{work / 'hall.db'}", pii_keys=work / "hall.keys")
    hall.seed_demo()
    kiosk = hall.kiosk().queue
    named: list[float] = []
    anonymous: list[float] = []
    for n in range(tickets):
        identity = make_resident_id("110105", date(1980, 1, 1), n)
        t = time.perf_counter()
        kiosk.take_ticket("A", identity=identity)
        named.append(time.perf_counter() - t)
        t = time.perf_counter()
        kiosk.take_ticket("A")
        anonymous.append(time.perf_counter() - t)
    hall.close()
    print(
        f"take_ticket median: real-name {statistics.median(named) * 1e3:.2f} ms, "
        f"anonymous {statistics.median(anonymous) * 1e3:.2f} ms ({tickets} each)"
    )


def import_cost() -> None:
    probe = (
        "import time; t = time.perf_counter()\n"
        "from cryptography.hazmat.primitives import hashes, hmac\n"
        "from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes\n"
        "print((time.perf_counter() - t) * 1e3)\n"
    )
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", probe], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(5)
    ]
    print(f"importing cryptography's SM4/SM3 pieces: median {statistics.median(runs):.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--values", type=int, default=20_000)
    parser.add_argument("--tickets", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        per_value(args.values, work)
        per_ticket(args.tickets, work)
    import_cost()


if __name__ == "__main__":
    main()
