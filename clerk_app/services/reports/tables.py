"""The report as tables with Chinese headers: a summary of the whole range, then one table per
breakdown. The spreadsheet and the PDF show the same tables (``documents.report_tables``)."""

from __future__ import annotations

from clerk_app.documents.report_tables import (
    Cell,
    Column,
    ColumnGroup,
    ColumnKind,
    ReportDocument,
    ReportTable,
)
from clerk_app.services.reports.results import DIMENSION_LABELS, Figures, Report

_K = ColumnKind

# (header, kind, what it is, how it is read from the figures)
_FIGURES: tuple[tuple[str, ColumnKind, str, str], ...] = (
    ("取号数", _K.COUNT, "范围内各日取的号票", "tickets"),
    ("已办理", _K.COUNT, "在窗口办理完毕的号票", "served"),
    ("过号", _K.COUNT, "叫号后未到", "no_shows"),
    ("等候中位数(分)", _K.MINUTES, "排队至叫号的分钟数，已办理号票的中位数", "wait_p50"),
    ("等候P90(分)", _K.MINUTES, "同上，第90百分位（最近秩法）", "wait_p90"),
    ("平均办理时长(分)", _K.MINUTES, "叫号至办结离柜的平均分钟数", "service_mean"),
    ("办件数", _K.COUNT, "范围内各日作出的全部受理决定", "cases"),
    ("受理", _K.COUNT, "材料齐全受理的承诺件", "accepted"),
    ("容缺受理", _K.COUNT, "容缺受理的办件", "tolerant"),
    ("一次性告知", _K.COUNT, "材料不全，一次性告知", "notices"),
    ("不予受理", _K.COUNT, "不予受理", "rejected"),
    ("即办件", _K.COUNT, "当场办结出证的即办件", "instant"),
    ("容缺应补正", _K.COUNT, "已补齐或补正期限已过的容缺办件", "supplements_due"),
    ("按时补正", _K.COUNT, "在补正期限内补齐全部材料", "supplements_on_time"),
    ("按时补正率", _K.SHARE, "按时补正 ÷ 容缺应补正", "on_time_rate"),
    ("应办结", _K.COUNT, "已办结或已到办结期限的办件", "deadlines_due"),
    ("按期办结", _K.COUNT, "在办结期限内准予或不予办结", "deadlines_kept"),
    ("按期办结率", _K.SHARE, "按期办结 ÷ 应办结", "kept_rate"),
    ("跑动办件", _K.COUNT, "计算跑动次数的办件（一次性告知不单列）", "visit_cases"),
    ("只跑一次", _K.COUNT, "申请人只来一次即办成的办件", "one_visit"),
    ("最多跑一次率", _K.SHARE, "只跑一次 ÷ 跑动办件", "one_visit_rate"),
    ("评价数", _K.COUNT, "范围内各日服务的好差评", "evaluations"),
    ("非常满意", _K.COUNT, "", "levels.0"),
    ("满意", _K.COUNT, "", "levels.1"),
    ("基本满意", _K.COUNT, "含超期未评默认", "levels.2"),
    ("不满意", _K.COUNT, "", "levels.3"),
    ("非常不满意", _K.COUNT, "", "levels.4"),
    ("差评", _K.COUNT, "不满意与非常不满意", "bad"),
    ("默认好评", _K.COUNT, "超期未评，按基本满意计", "defaulted"),
    ("满意度", _K.SHARE, "平均分 ÷ 满分（大厅分值设置）", "satisfaction"),
)
_GROUPS = (
    ("排队叫号", 0, 6),
    ("办件决定", 6, 12),
    ("补正、时限与最多跑一次", 12, 21),
    ("好差评", 21, 30),
)


def _value(f: Figures, attribute: str) -> Cell:
    if attribute.startswith("levels."):
        return f.levels[int(attribute[7:])]
    value = getattr(f, attribute)
    assert value is None or isinstance(value, int | float)
    return value


def figure_values(f: Figures) -> tuple[Cell, ...]:
    return tuple(_value(f, attribute) for *_, attribute in _FIGURES)


def subtitle(report: Report) -> str:
    parts = [f"统计期间：{report.date_from.isoformat()} 至 {report.date_to.isoformat()}"]
    if report.counter is not None:
        parts.append(f"窗口：{report.counter}号窗口")
    if report.clerk is not None:
        parts.append(f"窗口人员：{report.clerk}")
    parts.append(f"数据截至：{report.generated_at:%Y-%m-%d %H:%M}")
    return "　".join(parts)


def document(report: Report) -> ReportDocument:
    summary = ReportTable(
        name="汇总",
        title="汇总",
        columns=(Column("指标", _K.TEXT), Column("数值"), Column("说明", _K.TEXT)),
        rows=tuple(
            (header, value, meaning)
            for (header, _, meaning, _), value in zip(
                _FIGURES, figure_values(report.total), strict=True
            )
        ),
        row_kinds=tuple(kind for _, kind, _, _ in _FIGURES),
    )
    tables = [summary]
    for b in report.breakdowns:
        label = DIMENSION_LABELS[b.dimension][0]
        tables.append(
            ReportTable(
                name=f"按{label}",
                title=f"按{label}统计",
                columns=(Column(label, _K.TEXT), *tuple(Column(h, k) for h, k, _, _ in _FIGURES)),
                rows=tuple((row.label, *figure_values(row.figures)) for row in b.rows),
                groups=tuple(
                    ColumnGroup(title, tuple(range(start + 1, end + 1)))
                    for title, start, end in _GROUPS
                ),
                note=(
                    "一次服务或评价涉及多个部门或事项时分别计入各行，各行合计可能大于汇总。"
                    if label in ("部门", "事项")
                    else ""
                ),
            )
        )
    return ReportDocument(
        title=f"{report.hall_name}业务统计报表", subtitle=subtitle(report), tables=tuple(tables)
    )
