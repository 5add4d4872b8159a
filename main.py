"""Starts the desk: the staff window (sign-in first), the kiosk, the hall display, a counter's
evaluator, or screenshots.

Examples::

    python main.py --demo                     # demo hall, sign in as clerk01 / demo
    python main.py --db postgresql+psycopg://…  --kiosk
    python main.py --demo --evaluator --counter 3   # the screen facing the applicant
    python main.py --demo --screenshot out/   # render every screen to PNG and exit
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

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
        help="run as the evaluator (评价器) of the counter given by --counter, full screen",
    )
    mode.add_argument(
        "--screenshot",
        metavar="DIR",
        type=Path,
        help="render every main screen to DIR/*.png offscreen and exit (demo hall unless --db)",
    )
    parser.add_argument(
        "--counter", metavar="N", type=int, help="the counter number of --evaluator"
    )
    args = parser.parse_args(argv)
    if args.evaluator and args.counter is None:
        parser.error("--evaluator needs --counter N")
    if args.counter is not None and not args.evaluator:
        parser.error("--counter is for --evaluator")
    return args


def run_screenshots(out_dir: Path, db_url: str | None, lang: str) -> int:
    from clerk_app.errors import ClerkError
    from screenshot_tool.screenshots import take_screenshots
    from ui.app import create_application
    from ui.launcher import EXIT_ERROR, Options, open_configured_hall

    create_application(sys.argv[:1], lang)
    try:
        hall = open_configured_hall(Options(db_url=db_url, demo=db_url is None, lang=lang))
        paths = take_screenshots(hall, out_dir)
    except (ClerkError, OSError) as error:
        print(f"clerk-desk: {error}", file=sys.stderr)
        return EXIT_ERROR
    for path in paths:
        print(path)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if args.display:
        # The hall's IT staff read here which voice the display speaks with ("voice: …").
        logging.getLogger("ui.display").setLevel(logging.INFO)
    if args.screenshot is not None:
        # Rendering to files needs no screen, and must not flash windows on one.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return run_screenshots(args.screenshot, args.db, args.lang)

    from ui.app import create_application
    from ui.launcher import Options, run_gui

    app = create_application(sys.argv[:1], args.lang)
    options = Options(
        db_url=args.db,
        demo=args.demo,
        lang=args.lang,
        kiosk=args.kiosk,
        display=args.display,
        evaluator_counter=args.counter if args.evaluator else None,
    )
    return run_gui(options, app)


if __name__ == "__main__":
    sys.exit(main())
