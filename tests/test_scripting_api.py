"""A script needs one import: what it passes to the services or gets back is in clerk_app.api."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import clerk_app.api as api

SCRIPT = """
from clerk_app.api import (
    ApplicantInput, CaseState, DeadlineWarning, ItemKind, ItemRequest, MaterialCheck,
    TicketStatus, ValidationError, open_hall,
)

hall = open_hall(URL)
hall.seed_demo()
ticket = hall.kiosk().queue.take_ticket("A")
session = hall.login("clerk01", "demo", counter=1)
called = session.queue.call_next()
assert called is not None and called.number == ticket.number
item = session.catalog.search_items("lszy").items[0]
assert item.kind == ItemKind.INSTANT
food = [i for i in session.catalog.list_items("食品经营") if i.kind == ItemKind.PROMISED][0]
materials = session.catalog.get_item(food.item_code).materials
checks = tuple(MaterialCheck(m.id, "received") for m in materials)
cases = session.cases.accept(
    ApplicantInput("张三", "resident_id", "11010519491231002X"),
    [ItemRequest(food.item_code, checks)],
    ticket_id=called.id,
)
assert cases[0].state == CaseState.ACCEPTED and cases[0].warning == DeadlineWarning.NONE
try:
    session.cases.accept(ApplicantInput("张三", "resident_id", "110105194912310021"), [])
except ValidationError as e:
    print("refused:", e)
print("ok", cases[0].case_no, TicketStatus.SERVING.value)
"""


def test_every_exported_name_resolves() -> None:
    assert all(hasattr(api, name) for name in api.__all__)
    assert {"ApplicantInput", "ItemRequest", "MaterialCheck", "ValidationError"} <= set(api.__all__)


def test_the_readme_kind_of_script_runs_with_one_import(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'hall.db'}"
    out = subprocess.run(
        [sys.executable, "-c", f"URL = {url!r}\n" + SCRIPT],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    refused, done = out.stdout.strip().splitlines()
    assert refused.startswith("refused: 公民身份号码")  # a wrong check digit, in one sentence
    assert done.startswith("ok 4405") and done.endswith(" serving")
