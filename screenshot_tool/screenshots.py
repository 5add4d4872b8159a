"""Screenshot mode: renders each main screen of the demo hall to a PNG and returns.

Used for reviews and documentation; it runs offscreen, signs in with the demo accounts and
never shows a window. The public screens (kiosk, hall display, evaluator) are also rendered at
each size halls use (``ui.common.public_screen.HALL_SIZES``, or the sizes asked for), as
``kiosk-1080x1920.png`` and so on. Login refusals are ``ClerkError``s for the caller to
report. The queue is staged first (``screenshot_queue``) and background reads run inline,
so each screen is grabbed with its data in place.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QWidget

from clerk_app.demo.credit_cases import PERSONS
from clerk_app.demo.hall_data import DEMO_PASSWORD, USERS
from clerk_app.documents.paper_data import DocumentKind
from clerk_app.domain.case_states import CaseState
from screenshot_tool.queue_scene import SERVING, STRANDED, call_at, stage_demo_queue
from ui.common.public_screen import HALL_SIZES
from ui.common.tasks import run_inline, set_runner
from ui.counter.counter_screen import CounterScreen
from ui.dashboard.dashboard_screen import DashboardScreen
from ui.display.announcer import Announcer
from ui.display.hall_display_window import HallDisplayWindow
from ui.evaluator.evaluator_window import EvaluatorWindow
from ui.handover.handover_dialog import HandoverDialog
from ui.kiosk.kiosk_window import KioskWindow
from ui.login.login_dialog import LoginDialog, public_counters
from ui.main_window import MainWindow
from ui.printing.preview_dialog import PrintPreviewDialog
from ui.printing.printers import CounterPrinters

if TYPE_CHECKING:
    from clerk_app.api import Hall, StaffSession

STAFF_SIZE = (1366, 768)  # the counters' monitors
PUBLIC_SIZE = (1920, 1080)  # kiosk and hall display
LOGIN_WIDTH = 480
CLERK_COUNTER = 1
SCREEN_FILES = ("login", "counter", "paper", "dashboard", "admin", "kiosk", "display")
JOURNEY_FILES = ("review", "handover", "kiosk-progress")
PAPER_SIZE = (1100, 768)
HANDOVER_SIZE = (1000, 720)
REVIEWER = "review_sw"  # the tax bureau's reviewer: its inbox holds decided and open tasks


#: Harmless notices of the offscreen platform, printed once per window otherwise.
_OFFSCREEN_NOISE = ("This plugin does not support propagateSizeHints()",)


def quiet_offscreen_notices() -> None:
    """Drop the offscreen platform's notices; pass every other Qt message to stderr."""

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if message not in _OFFSCREEN_NOISE:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def demo_username(role: str) -> str:
    """The first demo account of ``role`` (clerk01, supervisor, admin)."""
    return next(username for username, _name, r in USERS if r == role)


def grab(widget: QWidget, size: tuple[int, int], path: Path) -> Path:
    widget.resize(*size)
    widget.show()
    QApplication.processEvents()
    if not widget.grab().save(str(path)):
        raise OSError(f"cannot write {path}")
    widget.close()
    widget.deleteLater()
    return path


def _grab_journey(hall: Hall, out_dir: Path) -> list[Path]:
    """The case journey: a department reviewer's inbox; 出件 of the demo's partly denied
    package, at the window; and the kiosk's 市民之窗 for that package's receipt."""
    reviewer = hall.login(REVIEWER, DEMO_PASSWORD)
    paths = [grab(MainWindow(reviewer, hall.name), STAFF_SIZE, out_dir / "review.png")]
    clerk = hall.login(demo_username("clerk"), DEMO_PASSWORD, counter=CLERK_COUNTER)
    denied = [c for c in clerk.cases.list_cases(CaseState.DENIED.value) if c.bundle_no]
    bundle = denied[0].bundle_no or ""
    dialog = HandoverDialog(clerk)
    dialog.load(bundle)
    paths.append(grab(dialog, HANDOVER_SIZE, out_dir / "handover.png"))
    receipt = clerk.journey.print_paper(DocumentKind.PACKAGE_RECEIPT, bundle)
    kiosk = KioskWindow(hall.kiosk(), hall.name)
    kiosk.show_progress(receipt.document.qr_payload)
    paths.append(grab(kiosk, PUBLIC_SIZE, out_dir / "kiosk-progress.png"))
    return paths


def grab_paper(session: StaffSession, path: Path) -> Path:
    """The print preview of the demo's 容缺 case receipt (容缺受理通知书), as the clerk sees it."""
    case = session.cases.list_cases(CaseState.PENDING_SUPPLEMENT.value)[0]
    drawn = session.documents.draw_preview(DocumentKind.RECEIPT, case.case_no)
    dialog = PrintPreviewDialog(
        drawn.pdf,
        drawn.document.title,
        case.case_no,
        reprint=drawn.document.reprint,
        print_document=lambda: session.documents.print_document(DocumentKind.RECEIPT, case.case_no),
        printers=CounterPrinters(CLERK_COUNTER),
    )
    dialog.resize(*PAPER_SIZE)
    dialog.show()
    deadline = time.monotonic() + 3  # QPdfView renders its pages on a worker thread
    while time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.05)
    return grab(dialog, PAPER_SIZE, path)


def parse_size(text: str) -> tuple[int, int]:
    """``"1080x1920"`` -> (1080, 1920); a ValueError names what is wrong."""
    width, sep, height = text.lower().partition("x")
    if not sep or not width.isdigit() or not height.isdigit() or min(int(width), int(height)) < 200:
        raise ValueError(f"not a screen size (WIDTHxHEIGHT, e.g. 1080x1920): {text!r}")
    return int(width), int(height)


def size_name(screen: str, size: tuple[int, int]) -> str:
    return f"{screen}-{size[0]}x{size[1]}.png"


def take_screenshots(
    hall: Hall, out_dir: Path, public_sizes: Sequence[tuple[int, int]] = HALL_SIZES
) -> list[Path]:
    """Write login.png, counter.png, paper.png, dashboard.png, admin.png, review.png,
    handover.png, kiosk.png, kiosk-progress.png and display.png (1920×1080), and kiosk-,
    display- and evaluator-WxH.png at each public size."""
    out_dir.mkdir(parents=True, exist_ok=True)
    quiet_offscreen_notices()
    previous = set_runner(run_inline)
    try:
        stage_demo_queue(hall)
        return _grab_all(hall, out_dir, public_sizes)
    finally:
        set_runner(previous)


def _grab_all(hall: Hall, out_dir: Path, public_sizes: Sequence[tuple[int, int]]) -> list[Path]:
    paths: list[Path] = []
    dialog = LoginDialog(hall, public_counters(hall))
    dialog.username_edit.setText(demo_username("clerk"))
    dialog.password_edit.setText(DEMO_PASSWORD)
    dialog.select_counter(CLERK_COUNTER)
    paths.append(grab(dialog, (LOGIN_WIDTH, dialog.sizeHint().height()), out_dir / "login.png"))

    for name, role, counter in (
        ("counter", "clerk", CLERK_COUNTER),
        ("dashboard", "supervisor", None),
        ("admin", "admin", None),
    ):
        session = hall.login(demo_username(role), DEMO_PASSWORD, counter=counter)
        window = MainWindow(session, hall.name)
        if isinstance(window.screen_widget, DashboardScreen):
            window.screen_widget.select_counter(STRANDED)  # its two actions enabled
        if isinstance(window.screen_widget, CounterScreen):
            # Show the workstation mid-task: a ticket just called, its applicant being entered.
            window.screen_widget.desk.call_next()
            applicant = window.screen_widget.acceptance.applicant_page
            applicant.name_edit.setText(PERSONS[0].name)
            applicant.id_edit.setText(PERSONS[0].resident_id)
        paths.append(grab(window, STAFF_SIZE, out_dir / f"{name}.png"))
        if counter is not None:
            paths.append(grab_paper(session, out_dir / "paper.png"))
            # Closing the window signed the clerk off; the dashboard shows the counter online.
            hall.login(demo_username(role), DEMO_PASSWORD, counter=counter)

    paths.extend(_grab_journey(hall, out_dir))
    paths.append(grab(KioskWindow(hall.kiosk(), hall.name), PUBLIC_SIZE, out_dir / "kiosk.png"))
    for size in public_sizes:
        kiosk = KioskWindow(hall.kiosk(), hall.name)
        paths.append(grab(kiosk, size, out_dir / size_name("kiosk", size)))
    display = HallDisplayWindow(hall.display(), hall.name, announcer=Announcer("none"))
    call_at(hall, 2)  # a call arriving: its rows flash
    display.poller.poll_now()
    paths.append(grab(display, PUBLIC_SIZE, out_dir / "display.png"))
    for size in public_sizes:
        display = HallDisplayWindow(hall.display(), hall.name, announcer=Announcer("none"))
        paths.append(grab(display, size, out_dir / size_name("display", size)))
    for size in public_sizes:  # the evaluator of a counter serving: its clerk's card
        evaluator = EvaluatorWindow(hall.evaluator(SERVING[0]), hall.name)
        paths.append(grab(evaluator, size, out_dir / size_name("evaluator", size)))
    return paths
