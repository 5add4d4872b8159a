"""Demo hall beyond the catalog: settings, counters and staff accounts (password "demo")."""

from __future__ import annotations

HALL_NAME = "汕头市政务服务中心"
HALL_CODE = "440500"
# Printed in the header of every document (hall settings ``document.*``); demo values.
DOCUMENT_SETTINGS: tuple[tuple[str, str], ...] = (
    ("document.hall_address", "广东省汕头市龙湖区（演示地址）"),
    ("document.hall_phone", "12345（政务服务便民热线）"),
    ("document.progress_hint", "凭办件编号在广东政务服务网查询或拨打12345查询办理进度。"),
    ("document.collect_hint", "请凭本通知书及有效身份证件到汕头市政务服务中心出证窗口领取。"),
)
DEMO_PASSWORD = "demo"  # demo only: a real hall creates users with `clerk user add`

INTEGRATED_COUNTERS = range(1, 9)  # counters 1–8 serve every category (一窗受理)

# number -> (name, categories in serving order); None = every category
COUNTERS: dict[int, tuple[str, tuple[str, ...] | None]] = {
    **{n: (f"综合窗口{n}", None) for n in INTEGRATED_COUNTERS},
    9: ("不动产登记专窗", ("C",)),
    10: ("不动产登记专窗", ("C", "E")),
    11: ("工程建设专窗", ("B", "E")),
    12: ("社会事务专窗", ("D", "E")),
}

_CLERK_NAMES = (
    "林晓芸",
    "陈泽鸿",
    "黄佩珊",
    "蔡俊杰",
    "郑雅琪",
    "李锦标",
    "许丹妮",
    "吴振宇",
    "张少玲",
    "王炳坤",
    "杨思敏",
    "谢楚君",
)

# (username, display name, role)
USERS: tuple[tuple[str, str, str], ...] = (
    ("admin", "系统管理员", "admin"),
    ("supervisor", "值班长 陈丽华", "supervisor"),
    *((f"clerk{i:02d}", name, "clerk") for i, name in enumerate(_CLERK_NAMES, start=1)),
)
