"""Writes an export as .xlsx or .csv (UTF-8 with BOM, which Excel on a Chinese PC opens
correctly), whole or not at all: into a temporary file that then replaces the target."""

from __future__ import annotations

import csv
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from clerk_app.errors import ValidationError
from clerk_app.services.imports.table import SUFFIXES


def check_target(path: Path) -> None:
    if path.suffix.lower() not in SUFFIXES:
        raise ValidationError(
            f"导出文件的扩展名应为 .xlsx 或 .csv，而不是“{path.suffix or '无'}”。",
            f"An export file must end in .xlsx or .csv, not {path.suffix or '(none)'!r}.",
        )
    if not path.parent.is_dir():
        raise ValidationError(
            f"输出目录不存在：{path.parent}。", f"The output folder {path.parent} does not exist."
        )


def write_rows(path: Path, rows: Sequence[Sequence[Any]], sheet_title: str) -> None:
    """``rows`` (headers first) to ``path``; .xlsx or .csv by its suffix."""
    check_target(path)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        if path.suffix.lower() == ".xlsx":
            _xlsx(tmp, rows, sheet_title)
        else:
            with tmp.open("w", encoding="utf-8-sig", newline="") as f:
                csv.writer(f).writerows(rows)
        os.replace(tmp, path)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise ValidationError(
            f"无法写入 {path}：{e.strerror}。", f"Cannot write {path}: {e.strerror}."
        ) from e


def _xlsx(path: Path, rows: Sequence[Sequence[Any]], sheet_title: str) -> None:
    from openpyxl import Workbook  # loads only when an .xlsx is written

    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_title)
    for row in rows:
        sheet.append(list(row))
    book.save(path)
