"""市民之窗: how long the kiosk waits for a scanned receipt's progress (issue 17).

    .venv/bin/python bench/bench_case_progress.py [--runs 50]

A demo hall on a fresh SQLite file: one 开办企业 package (five cases, five department tasks)
accepted at counter 1 and its receipt printed; then, as the kiosk, ``progress.case_progress``
of the receipt's QR payload (verify the signature, read the group, its tasks and handover),
and beside it the counter's ``documents.verify`` of the same payload (the signature check and
the print record alone). Median and 95th percentile in milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from bench_halls import open_bench_hall

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from clerk_app.demo.credit_cases import make_resident_id, make_uscc
from clerk_app.services.cases.results import ApplicantInput

FIRM = ApplicantInput(
    "汕头市龙湖区测试创业有限公司",
    "uscc",
    make_uscc("440507", "MA5T9Q1W"),
    legal_representative="李创业",
    agent_name="李创业",
    agent_id=make_resident_id("440507", date(1988, 1, 9), 15),
)


def timed(action: Callable[[], object], runs: int) -> tuple[float, float]:
    action()  # warm: the first call imports the services
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        hall = open_bench_hall(Path(tmp) / "hall.db")
        try:
            hall.seed_demo()
            desk = hall.login("clerk01", "demo", counter=1)
            done = desk.journey.accept_package("KBQY", FIRM)
            payload = desk.journey.print_paper("package_receipt", done.bundle_no)
            qr = payload.document.qr_payload
            kiosk = hall.kiosk()
            progress = timed(lambda: kiosk.progress.case_progress(qr), args.runs)
            verify = timed(lambda: desk.documents.verify(qr), args.runs)
        finally:
            hall.close()
    print(f"runs: {args.runs} (SQLite, a package of 5 cases)")
    for name, (median, p95) in (
        ("kiosk progress.case_progress", progress),
        ("counter documents.verify", verify),
    ):
        print(f"{name:30} median {median:6.2f} ms   p95 {p95:6.2f} ms")


if __name__ == "__main__":
    main()
