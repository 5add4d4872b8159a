"""PySide6 must not drop references to None or True: 6.12.0 does, on Python 3.11, and the
hall display (a signal and a dozen empty model roles twice a second) then aborts within minutes
with "Fatal Python error: none_dealloc". This guards the version pin in pyproject.toml."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.qt

ROUNDS = 200


class _Emitter(QObject):
    fired = Signal(float)


class _Model(QAbstractTableModel):
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # type: ignore[override]
        return None


def test_emitting_a_signal_keeps_the_references_to_true(qapp: QApplication) -> None:
    QThreadPool.globalInstance().waitForDone()  # earlier tests' workers hold and drop True too
    emitter = _Emitter()
    emitter.fired.connect(lambda _value: None)
    before = sys.getrefcount(True)
    for _ in range(ROUNDS):
        emitter.fired.emit(0.5)
    # 6.12.0 loses one reference per emit (ROUNDS here); other threads of the process (the
    # SQLite checkpointer, a poller) may let go of a few meanwhile, as for None below.
    assert sys.getrefcount(True) >= before - ROUNDS // 10


def test_an_empty_qvariant_keeps_the_references_to_none(qapp: QApplication) -> None:
    model = _Model()
    index = model.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(ROUNDS):
        index.data(Qt.ItemDataRole.BackgroundRole)
        model.headerData(0, Qt.Orientation.Vertical, Qt.ItemDataRole.FontRole)
    assert sys.getrefcount(None) >= before - ROUNDS // 10  # other code may let go of a few
