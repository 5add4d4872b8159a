"""Files to import, written as staff's tools write them, and a table-by-table snapshot."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select

from clerk_app.api import Hall
from clerk_app.demo.credit_cases import make_resident_id, make_uscc
from clerk_app.persistence.models import load_all

CREDIT_HEADER = [
    "统一社会信用代码",
    "企业名称",
    "名单类型",
    "列入原因",
    "认定部门",
    "有效期起",
    "有效期止",
]
CREDIT_HEADER_EN = [
    "USCC",
    "Enterprise name",
    "List type",
    "Reason",
    "Source department",
    "Valid from",
    "Valid to",
]
FIRM_A = make_uscc("440507", "MA5ABCD1")
FIRM_B = make_uscc("440511", "MA5EFGH2")
FIRM_C = make_uscc("440512", "MA5JKLM3")
PERSON = make_resident_id("440507", __import__("datetime").date(1985, 6, 1), 123)


def credit_rows() -> list[list[str]]:
    return [
        list(CREDIT_HEADER),
        [
            FIRM_A,
            "汕头市龙湖区测试贸易有限公司",
            "黑名单",
            "重大税收违法失信主体",
            "国家税务总局汕头市税务局",
            "2026-09-01",
            "",
        ],
        [
            FIRM_B,
            "汕头市金平区喆镕科技有限公司",
            "红名单",
            "纳税信用A级纳税人",
            "国家税务总局汕头市税务局",
            "2026/1/5",
            "2027年1月4日",
        ],
        [
            FIRM_C,
            "汕头市濠江区𠀋记海产有限公司",
            "red_list",
            "守合同重信用企业",
            "汕头市市场监督管理局",
            "20260301",
            "2026-12-31",
        ],
    ]


def appointment_rows() -> list[list[str]]:
    return [
        ["预约号", "业务类别", "申请人姓名", "证件号码", "预约开始时间", "预约结束时间"],
        ["w0000001", "A", "林晓芸", PERSON, "2026-12-04 09:00", "2026-12-04 09:30"],
        [
            "W0000002",
            "C",
            "汕头市龙湖区测试贸易有限公司",
            FIRM_A,
            "2026/12/4 10:00",
            "2026/12/4 10:30",
        ],
        ["W0000003", "B", "陈泽鸿", "", "2026-12-04 14:00", "2026-12-04 14:30"],
    ]


def write_csv(path: Path, rows: Sequence[Sequence[Any]], encoding: str = "utf-8") -> Path:
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, rows: Sequence[Sequence[Any]], title_row: str | None = None) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    if title_row:  # as platforms export it: a title above the header
        sheet.append([title_row])
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def snapshot(hall: Hall) -> dict[str, list[str]]:
    """Every table's rows, sorted, as text: equal snapshots mean an unchanged database."""
    out: dict[str, list[str]] = {}
    with hall.db.read() as s:
        for name, table in load_all().metadata.tables.items():
            out[name] = sorted(repr(tuple(row)) for row in s.execute(select(table)))
    return out
