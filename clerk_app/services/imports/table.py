"""Reads an import file (.xlsx or .csv) into rows of text keyed by column, refusing what it
cannot read before anything is validated.

CSV comes as government PCs write it: UTF-8 with or without a BOM (WPS, LibreOffice, a web
export) or GB18030 (Excel "CSV" on a Chinese Windows writes GBK, a subset). The encoding is
found, never guessed loosely: a BOM means UTF-8; else strict UTF-8; else strict GB18030; bytes
that are neither are refused. Headers are matched in Chinese or English, ignoring spaces,
case, full-width forms and a bracketed unit ("法定时限（工作日）" = "法定时限").
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from clerk_app.services.imports.report import ImportRefused, ImportReport, Problem

#: Larger files are refused before a byte is read: a hall's whole catalog is ~1 MB, a city's
#: credit list a few MB; 20 MB is far beyond either and still quick to validate.
MAX_FILE_BYTES = 20 * 1024 * 1024
#: Rows beyond this are refused too (an .xlsx is compressed: its size says little).
MAX_ROWS = 200_000
#: The header is the first of these rows that names known columns (a title row may precede it).
HEADER_SEARCH_ROWS = 10
SUFFIXES = (".xlsx", ".csv")


@dataclass(frozen=True)
class Column:
    """A column of a layout: ``key`` in code, the Chinese header staff use, the English one."""

    key: str
    zh: str
    en: str
    required: bool = True  # the header must be present (a cell may still be blank)
    aliases: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        return (self.zh, self.en, self.key, *self.aliases)


@dataclass(frozen=True)
class SourceRow:
    number: int  # as the spreadsheet numbers it (1-based, the header row included)
    values: dict[str, str]  # column key -> the cell as text, stripped


@dataclass(frozen=True)
class Table:
    rows: list[SourceRow]
    headers: dict[str, str]  # column key -> the header as the file writes it


def header_key(text: str) -> str:
    """A header as compared: NFKC, no bracketed part, no blanks, _ or -, lower-case."""
    folded = unicodedata.normalize("NFKC", text)
    folded = re.sub(r"\(.*?\)|\[.*?\]", "", folded)
    return re.sub(r"[\s_\-]+", "", folded).lower()


def _refuse(kind: str, path: Path, zh: str, en: str, row: int = 0) -> ImportRefused:
    return ImportRefused(ImportReport(kind, str(path), problems=[Problem(row, "", zh, en)]))


def read_table(path: Path, layout: Sequence[Column], kind: str) -> Table:
    """The data rows of ``path`` under ``layout``; ``ImportRefused`` for a file that is too
    big, of another format, undecodable, or whose header lacks, repeats or adds columns."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise _refuse(
            kind,
            path,
            f"不支持“{path.suffix or '无扩展名'}”文件，请另存为 .xlsx 或 .csv 后再导入。",
            f"Files of type {path.suffix or '(none)'!r} are not supported; save the sheet "
            "as .xlsx or .csv and import that.",
        )
    try:
        size = path.stat().st_size
    except OSError as e:
        raise _refuse(
            kind, path, f"无法读取文件：{e.strerror}。", f"Cannot read the file: {e.strerror}."
        ) from e
    if size > MAX_FILE_BYTES:
        raise _refuse(
            kind,
            path,
            f"文件有 {size / 1024 / 1024:.1f} MB，"
            f"超过导入上限 {MAX_FILE_BYTES // 1024 // 1024} MB；"
            "请分成几个文件导入。",
            f"The file is {size / 1024 / 1024:.1f} MB, over the import limit of "
            f"{MAX_FILE_BYTES // 1024 // 1024} MB; split it into several files.",
        )
    cells = _xlsx_rows(path, kind) if suffix == ".xlsx" else _csv_rows(path, kind)
    return _to_table(path, kind, layout, cells)


def _csv_rows(path: Path, kind: str) -> Iterable[list[str]]:
    data = path.read_bytes()
    text = _decode(data, path, kind)
    if "\x00" in text:
        raise _refuse(
            kind,
            path,
            "文件含有空字符（NUL），不是文本表格；请从原表格另存为 CSV 或 .xlsx。",
            "The file holds NUL bytes: it is not a text table. Save the sheet again as CSV "
            "or .xlsx.",
        )
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ","
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def _decode(data: bytes, path: Path, kind: str) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _refuse(
            kind,
            path,
            "文件是 UTF-16 编码（Excel 的“Unicode 文本”），请另存为“CSV UTF-8”或 .xlsx。",
            "The file is UTF-16 (Excel's 'Unicode text'); save it as 'CSV UTF-8' or .xlsx.",
        )
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8")
        except UnicodeDecodeError as e:
            raise _undecodable(path, kind, e.start + len(codecs.BOM_UTF8)) from e
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as e:
        raise _undecodable(path, kind, e.start) from e


def _undecodable(path: Path, kind: str, offset: int) -> ImportRefused:
    return _refuse(
        kind,
        path,
        f"文件既不是 UTF-8 也不是 GB18030（GBK）编码的文本（第 {offset + 1} 个字节起无法识别），"
        "可能已损坏或不是表格；请从原表格另存为 CSV 或 .xlsx。",
        f"The file is neither UTF-8 nor GB18030 (GBK) text (unreadable from byte {offset + 1}); "
        "it may be damaged or not a table. Save the sheet again as CSV or .xlsx.",
    )


def _xlsx_rows(path: Path, kind: str) -> Iterable[list[str]]:
    from openpyxl import load_workbook  # loads only when an .xlsx is imported
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as e:
        raise _refuse(
            kind,
            path,
            "不是有效的 .xlsx 文件（可能已损坏，或是旧版 .xls 改了扩展名）；"
            "请在 Excel 中另存为 .xlsx。",
            "Not a valid .xlsx file (damaged, or an old .xls renamed); save it again as .xlsx "
            "in Excel.",
        ) from e
    try:
        sheet = book.worksheets[0]
        rows = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as e:
        raise _refuse(
            kind,
            path,
            "无法读取 .xlsx 文件的第一个工作表（文件可能已损坏）。",
            "Cannot read the first sheet of the .xlsx file (it may be damaged).",
        ) from e
    finally:
        book.close()
    return rows


def _cell_text(value: Any) -> str:
    """An .xlsx cell as the text a person sees (dates ISO, whole numbers without ``.0``)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _to_table(path: Path, kind: str, layout: Sequence[Column], cells: Iterable[list[str]]) -> Table:
    known = {header_key(name): col for col in layout for name in col.names()}
    rows = iter(cells)
    header: list[str] | None = None
    header_no = 0
    for number, row in enumerate(rows, start=1):
        if number > HEADER_SEARCH_ROWS:
            break
        if sum(header_key(c) in known for c in row if c) >= 2:
            header, header_no = row, number
            break
    if header is None:
        raise _refuse(
            kind, path, *_columns_message(layout, [c for c in layout if c.required]), row=1
        )
    positions = _header_positions(path, kind, layout, header, header_no, known)
    data: list[SourceRow] = []
    for number, row in enumerate(rows, start=header_no + 1):
        if not any(c.strip() for c in row):
            continue
        if len(data) >= MAX_ROWS:
            raise _refuse(
                kind,
                path,
                f"文件超过 {MAX_ROWS} 行，请分成几个文件导入。",
                f"The file has more than {MAX_ROWS} rows; split it into several files.",
            )
        values = {key: (row[i].strip() if i < len(row) else "") for key, i in positions.items()}
        data.append(SourceRow(number, values))
    headers = {key: header[i].strip() for key, i in positions.items()}
    return Table(data, headers)


def _header_positions(
    path: Path,
    kind: str,
    layout: Sequence[Column],
    header: list[str],
    header_no: int,
    known: dict[str, Column],
) -> dict[str, int]:
    positions: dict[str, int] = {}
    for i, text in enumerate(header):
        if not text.strip():
            continue
        col = known.get(header_key(text))
        if col is None:
            expected = "、".join(c.zh for c in layout)
            raise _refuse(
                kind,
                path,
                f"未知的列“{text.strip()}”；此类文件的列为：{expected}。",
                f"Unknown column {text.strip()!r}; this file's columns are: "
                + ", ".join(c.en for c in layout)
                + ".",
                row=header_no,
            )
        if col.key in positions:
            raise _refuse(
                kind,
                path,
                f"列“{col.zh}”出现了两次。",
                f"The column {col.en!r} appears twice.",
                row=header_no,
            )
        positions[col.key] = i
    missing = [c for c in layout if c.required and c.key not in positions]
    if missing:
        raise _refuse(kind, path, *_columns_message(layout, missing), row=header_no)
    return positions


def _columns_message(layout: Sequence[Column], missing: Sequence[Column]) -> tuple[str, str]:
    return (
        "缺少列："
        + "、".join(c.zh for c in missing)
        + "。此类文件的列为："
        + "、".join(c.zh for c in layout)
        + "（也可用英文列名）。",
        "Missing columns: "
        + ", ".join(c.en for c in missing)
        + ". This file's columns are: "
        + ", ".join(c.en for c in layout)
        + " (or the Chinese headers).",
    )
