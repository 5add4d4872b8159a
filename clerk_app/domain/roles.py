"""Who may do what: roles, permissions and the one check every service makes.

Hiding a button is decoration; this check, made by the service for the acting ``Actor``, is the
security. A role's permissions are a fixed table here so a reader sees them in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from clerk_app.errors import PermissionDenied
from clerk_app.i18n import pick


class Role(StrEnum):
    ADMIN = "admin"
    SUPERVISOR = "supervisor"
    CLERK = "clerk"
    KIOSK = "kiosk"  # the ticket machine: least privilege
    DISPLAY = "display"  # the hall display: read-only
    EVALUATOR = "evaluator"  # 评价器 at one counter: rates that counter's services only
    REVIEWER = "reviewer"  # 审批人员 of one department: works that department's task inbox


STAFF_ROLES = (Role.ADMIN, Role.SUPERVISOR, Role.CLERK)
# The people an administrator gives accounts: the staff, and each department's reviewers (a
# reviewer's account names its department). Devices (kiosk, display, evaluator) are not people.
ACCOUNT_ROLES = (*STAFF_ROLES, Role.REVIEWER)


class Permission(StrEnum):
    VIEW_CATALOG = "view_catalog"
    VIEW_QUEUE = "view_queue"
    TAKE_TICKET = "take_ticket"
    SERVE_QUEUE = "serve_queue"  # call, recall, no-show, transfer, finish at a counter
    SUPERVISE_QUEUE = "supervise_queue"  # release tickets of an offline counter
    ACCEPT_CASES = "accept_cases"
    VIEW_CASES = "view_cases"
    VIEW_FULL_IDENTITY = "view_full_identity"  # see unmasked ID numbers (logged)
    PRINT_DOCUMENTS = "print_documents"  # notices, receipts, permits (every print recorded)
    MANAGE_USERS = "manage_users"
    MANAGE_CATALOG = "manage_catalog"
    MANAGE_CREDIT_LIST = "manage_credit_list"
    MANAGE_SETTINGS = "manage_settings"
    MANAGE_APPOINTMENTS = "manage_appointments"  # book, cancel, import the day's bookings
    VIEW_REPORTS = "view_reports"
    VIEW_AUDIT_LOG = "view_audit_log"  # list and check the audit log (supervisors, admins)
    HANDLE_EVALUATIONS = "handle_evaluations"  # rectify bad reviews, sweep, export
    RATE_SERVICE = "rate_service"  # the evaluator: an applicant rates the service just ended
    VIEW_TASKS = "view_tasks"  # department tasks (a reviewer: its own department's only)
    TAKE_TASKS = "take_tasks"  # take a task of the reviewer's department from its inbox
    DECIDE_TASKS = "decide_tasks"  # approve, deny, return for supplement (own department)
    # 市民之窗: a case's progress from its receipt's signed QR code, with the applicant's name
    # masked and nothing else personal (the kiosk reads no case otherwise)
    VIEW_CASE_PROGRESS = "view_case_progress"


_P = Permission
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.DISPLAY: frozenset({_P.VIEW_CATALOG, _P.VIEW_QUEUE}),
    Role.KIOSK: frozenset({_P.VIEW_CATALOG, _P.VIEW_QUEUE, _P.TAKE_TICKET, _P.VIEW_CASE_PROGRESS}),
    Role.EVALUATOR: frozenset({_P.RATE_SERVICE}),
    # A reviewer's department is checked by the journey services on every task they touch.
    Role.REVIEWER: frozenset({_P.VIEW_CATALOG, _P.VIEW_TASKS, _P.TAKE_TASKS, _P.DECIDE_TASKS}),
    Role.CLERK: frozenset(
        {
            _P.VIEW_CATALOG,
            _P.VIEW_QUEUE,
            _P.TAKE_TICKET,
            _P.SERVE_QUEUE,
            _P.ACCEPT_CASES,
            _P.VIEW_CASES,
            _P.VIEW_FULL_IDENTITY,
            _P.PRINT_DOCUMENTS,
            _P.VIEW_TASKS,
            _P.VIEW_CASE_PROGRESS,
        }
    ),
    Role.SUPERVISOR: frozenset(
        {
            _P.VIEW_CATALOG,
            _P.VIEW_QUEUE,
            _P.SUPERVISE_QUEUE,
            _P.VIEW_CASES,
            _P.VIEW_REPORTS,
            _P.VIEW_AUDIT_LOG,
            _P.HANDLE_EVALUATIONS,
            _P.VIEW_FULL_IDENTITY,
            _P.PRINT_DOCUMENTS,
            _P.VIEW_TASKS,
        }
    ),
    Role.ADMIN: frozenset(
        {
            _P.VIEW_CATALOG,
            _P.VIEW_QUEUE,
            _P.VIEW_CASES,
            _P.MANAGE_USERS,
            _P.MANAGE_CATALOG,
            _P.MANAGE_CREDIT_LIST,
            _P.MANAGE_SETTINGS,
            _P.MANAGE_APPOINTMENTS,
            _P.VIEW_REPORTS,
            _P.VIEW_AUDIT_LOG,
            _P.PRINT_DOCUMENTS,
            _P.VIEW_TASKS,
        }
    ),
}

ROLE_LABELS: dict[Role, tuple[str, str]] = {
    Role.ADMIN: ("管理员", "Administrator"),
    Role.SUPERVISOR: ("值班长", "Supervisor"),
    Role.CLERK: ("窗口人员", "Clerk"),
    Role.KIOSK: ("取号机", "Kiosk"),
    Role.DISPLAY: ("叫号屏", "Hall display"),
    Role.EVALUATOR: ("评价器", "Evaluator"),
    Role.REVIEWER: ("审批人员", "Reviewer"),
}


def role_label(role: Role) -> str:
    zh, en = ROLE_LABELS[role]
    return pick(zh, en)


@dataclass(frozen=True)
class Actor:
    """Who is acting: carried by every service call."""

    role: Role
    username: str
    display_name: str
    user_id: int | None = None
    counter_no: int | None = None
    # The account's session version at sign-in; each action of the session checks it is still
    # current (a person's sessions end when the account is disabled or the password changes).
    session_version: int = 0
    department_id: int | None = None  # a reviewer's department (its task inbox)

    def may(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]

    def require(self, permission: Permission) -> None:
        if not self.may(permission):
            raise PermissionDenied(
                f"“{role_label(self.role)}”无权执行此操作（{permission.value}）。",
                f"The role {self.role.value} may not do this ({permission.value}).",
            )
