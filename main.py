"""Starts the desk: the staff window (sign-in first), the kiosk, the hall display, or screenshots.

Examples::

    python main.py --demo                     # demo hall, sign in as clerk01 / demo
    python main.py --db postgresql+psycopg://…  --kiosk
    python main.py --demo --evaluator --counter 3   # the screen facing the applicant
    python main.py --demo --screenshot out/   # render every screen to PNG and exit

Without flags the PC's configuration file (``clerk setup-pc``) says what this PC is for:
defaults < /etc/clerk-desk/clerk-desk.conf (or ``$CLERK_CONFIG``) < environment < these flags.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from clerk_app.config import ROLES, DeviceSettings, load_settings, with_flags

LANGUAGES = ("zh_CN", "en")


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="clerk-desk", description="一窗受理 counter desk of a government service hall."
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--db",
        metavar="URL",
        help="database URL (default: $CLERK_DB_URL, else an SQLite file in the user data dir)",
    )
    source.add_argument(
        "--demo", action="store_true", help="open the demo hall (seeded on first use)"
    )
    parser.add_argument(
        "--lang", choices=LANGUAGES, default="zh_CN", help="user interface language"
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--kiosk", action="store_true", help="run as the ticket kiosk, full screen")
    mode.add_argument("--display", action="store_true", help="run as the hall display, full screen")
    mode.add_argument(
        "--evaluator",
        action="store_true",
        help="run as the evaluator (评价器) of this PC's counter (--counter), full screen",
    )
    mode.add_argument("--role", choices=ROLES, help="desk, kiosk, display or evaluator")
    mode.add_argument(
        "--screenshot",
        metavar="DIR",
        type=Path,
        help="render every main screen to DIR/*.png offscreen and exit (demo hall unless --db)",
    )
    parser.add_argument(
        "--screen-size",
        metavar="WxH",
        action="append",
        help="with --screenshot: render the kiosk, hall display and evaluator at this size"
        " (repeatable; default: 1080x1920, 1920x1080, 1366x768 and 1280x720)",
    )
    parser.add_argument("--counter", type=int, metavar="N", help="this PC's counter number")
    parser.add_argument(
        "--fullscreen", action="store_true", help="full screen (public roles always are)"
    )
    parser.add_argument(
        "--config", type=Path, metavar="FILE", help="this PC's settings (default: $CLERK_CONFIG)"
    )
    return parser.parse_args(argv)


def device_settings(args: argparse.Namespace) -> DeviceSettings:
    """The PC's settings with the flags given on the command line laid over them."""
    role = args.role or next(
        (r for r in ("kiosk", "display", "evaluator") if getattr(args, r)), None
    )
    settings = load_settings(args.config)
    return with_flags(
        settings, db_url=args.db, role=role, counter=args.counter, fullscreen=args.fullscreen
    )


def run_screenshots(
    out_dir: Path, db_url: str | None, lang: str, sizes: Sequence[str] | None = None
) -> int:
    from clerk_app.errors import ClerkError
    from screenshot_tool.screenshots import parse_size, take_screenshots
    from ui.app import create_application
    from ui.common.public_screen import HALL_SIZES
    from ui.launcher import EXIT_ERROR, Options, open_configured_hall

    try:
        public_sizes = [parse_size(s) for s in sizes] if sizes else list(HALL_SIZES)
    except ValueError as error:
        print(f"clerk-desk: {error}", file=sys.stderr)
        return EXIT_ERROR
    create_application(sys.argv[:1], lang)
    try:
        hall = open_configured_hall(Options(db_url=db_url, demo=db_url is None, lang=lang))
        paths = take_screenshots(hall, out_dir, public_sizes)
    except (ClerkError, OSError) as error:
        print(f"clerk-desk: {error}", file=sys.stderr)
        return EXIT_ERROR
    for path in paths:
        print(path)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    # Start-up makes ~156,000 tracked objects that live as long as the process (modules,
    # mappers, widgets); collecting while they are made is ~15 % of the start for nothing.
    # ui.launcher.end_of_start() freezes them and turns collection back on once a window is up.
    gc.disable()
    try:
        return run(parse_args(argv))
    finally:
        gc.enable()  # an early return (or a caller such as a test) never keeps it off


def run(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    from clerk_app.domain import redaction

    redaction.install()  # no ID number in the log, whatever goes wrong
    if args.screenshot is not None:
        # Rendering to files needs no screen, and must not flash windows on one.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return run_screenshots(args.screenshot, args.db, args.lang, args.screen_size)

    from clerk_app.errors import ClerkError
    from ui.launcher import EXIT_ERROR, Options, run_gui

    try:
        settings = device_settings(args)
    except ClerkError as error:
        print(f"clerk-desk: {error}", file=sys.stderr)
        return EXIT_ERROR
    if settings.role == "evaluator" and settings.counter is None:
        print(
            "clerk-desk: 评价器须指定窗口号（--counter N 或本机配置）。/ "
            "An evaluator needs its counter (--counter N or this PC's settings).",
            file=sys.stderr,
        )
        return EXIT_ERROR
    if settings.role == "display":
        # The hall's IT staff read here which voice the display speaks with ("voice: …").
        logging.getLogger("ui.display").setLevel(logging.INFO)

    from ui.app import create_application

    app = create_application(sys.argv[:1], args.lang)
    options = Options(
        db_url=settings.db_url,
        demo=args.demo,
        lang=args.lang,
        kiosk=settings.role == "kiosk",
        display=settings.role == "display",
        evaluator_counter=settings.counter if settings.role == "evaluator" else None,
        counter=settings.counter,
        fullscreen=settings.full_screen,
        ticket_printer=settings.ticket_printer,
    )
    return run_gui(options, app)


if __name__ == "__main__":
    sys.exit(main())
