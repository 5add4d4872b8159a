"""One cold start, measured from inside: prints the wall time and peak RSS when the window is idle.

    python bench/start_probe.py bare                 # a bare PySide6 window (the baseline)
    python bench/start_probe.py counter SQLITE_URL   # a signed-in counter window, as main.py

``bench_start.py`` runs it in fresh processes. The counter path is main.py's: the same
application set-up and the real sign-in dialog, filled in and accepted as a clerk would.
"""

from __future__ import annotations

import resource
import sys
import time


def peak_rss_mb() -> float:
    """This process's peak resident memory. Linux keeps ``ru_maxrss`` across exec, so a child
    of a big parent would report the parent's size; VmHWM belongs to this image alone."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # (macOS: bytes)


def _report() -> None:
    print(f"{time.time():.6f} {peak_rss_mb():.1f}", flush=True)


def bare() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("窗口工作台"))
    window.resize(1366, 768)
    window.show()
    QTimer.singleShot(0, lambda: (_report(), app.quit()))
    return app.exec()


def counter(url: str) -> int:
    import gc

    gc.disable()  # as main.py does; ui.launcher.end_of_start() turns it back on
    from PySide6.QtCore import QTimer

    from ui.app import create_application
    from ui.launcher import (
        Options,
        end_of_start,
        open_configured_hall,
        prepare_staff_window,
        sweep_after_sign_in,
    )
    from ui.login.login_dialog import LoginDialog, public_counters
    from ui.main_window import MainWindow

    app = create_application(sys.argv[:1], "zh_CN")
    hall = open_configured_hall(Options(db_url=url))
    dialog = LoginDialog(hall, public_counters(hall), prepare=prepare_staff_window)
    dialog.username_edit.setText("clerk01")
    dialog.password_edit.setText("demo")
    dialog.select_counter(1)
    dialog.accept()
    session = dialog.session
    assert session is not None, "sign-in failed"
    window = MainWindow(session, hall.name)
    window.resize(1366, 768)
    window.show()
    QTimer.singleShot(0, end_of_start)
    QTimer.singleShot(0, lambda: sweep_after_sign_in(session, window))  # as StaffShell does
    QTimer.singleShot(0, lambda: (_report(), app.quit()))
    return app.exec()


if __name__ == "__main__":
    sys.exit(bare() if sys.argv[1] == "bare" else counter(sys.argv[2]))
