"""Least privilege per device on PostgreSQL: the database roles of the hall's PCs.

``clerk db grants`` prints this SQL (``--apply`` runs it as the schema's owner). It creates
three group roles (NOLOGIN); each PC's login role is made a member of one, and each PC's
configured URL names its own login (README, "Database roles per device"):

- ``clerk_kiosk``: take tickets, check in appointments, read counts and the catalog. No
  ``users``, ``signing_keys``, printed documents, credit list or evaluations, and not the ID
  number column of ``tickets`` (the daily per-ID limit counts through ``clerk_tickets_held``,
  a SECURITY DEFINER function of migration 0016). Of cases and their tasks, materials and
  handovers only what a progress page shows (states, dates, item, counter), never a name, ID
  number, phone or agent: the applicant's name and tracking number of a case come from
  ``clerk_signed_case`` (migration 0018), and only for a payload the hall's key signed.
  It may only INSERT into ``audit_log``.
- ``clerk_display``: read the board (tickets without ID numbers, calls, counters, categories).
- ``clerk_staff``: every table, except that ``audit_log`` is read and appended, never changed.

Run it again after each schema upgrade (new tables get no grant by themselves).
"""

from __future__ import annotations

from clerk_app.errors import ConfigError
from clerk_app.persistence.database import Database, translate_db_errors

# Tables a public device reads that hold nothing personal.
_PUBLIC_READ = (
    "alembic_version",
    "hall_settings",
    "departments",
    "queue_categories",
    "service_items",
    "materials",
    "counters",
    "counter_categories",
    "call_events",
    "workday_overrides",
    "calendar_years",
    "pii_keys",  # each ID key's id and check value (never the key): a PC's key file is checked
)
# Every column of tickets but its ID number (sealed: identity_enc) and its lookup hash.
_TICKET_COLUMNS = (
    "id, service_date, category_id, seq, number, priority, status, identity_kind, "
    "appointment_id, counter_id, transferred_to_counter, taken_at, queue_position_at, "
    "called_at, served_at, finished_at, recall_count, printed_count, reprint_token_hash"
)
# 市民之窗 (issue 17): what a case's progress shows, without the applicant's name, ID number,
# phone or agent; a genuine receipt's name and tracking number come from clerk_signed_case.
_PROGRESS_COLUMNS = {
    "cases": "id, case_no, item_id, counter_id, bundle_no, state, due_date, supplement_due, "
    "package_id, package_due, receiving_hall",
    "submissions": "id, case_id, material_id, status",
    "tasks": "id, case_id, department_id, state, due_date, reason",
    "packages": "id, name",
    "handovers": "bundle_no, method, carrier, at",
}
_SIGNED_CASE = "clerk_signed_case(text, text, bytea)"
ROLES = ("clerk_kiosk", "clerk_display", "clerk_staff")


def grants_sql() -> str:
    """The SQL that creates (if missing) and grants the three device roles; idempotent."""
    public = ", ".join(_PUBLIC_READ)
    create = "\n".join(
        f"DO $$ BEGIN CREATE ROLE {role} NOLOGIN; "
        "EXCEPTION WHEN duplicate_object THEN NULL; END $$;"
        for role in ROLES
    )
    progress = "\n".join(
        f"GRANT SELECT ({columns}) ON {table} TO clerk_kiosk;"
        for table, columns in _PROGRESS_COLUMNS.items()
    )
    return f"""-- clerk-desk: database roles per device (clerk db grants)
{create}
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {", ".join(ROLES)};
GRANT USAGE ON SCHEMA public TO {", ".join(ROLES)};

-- the kiosk: take tickets, check in, read counts
GRANT SELECT ON {public} TO clerk_kiosk;
GRANT SELECT ({_TICKET_COLUMNS}) ON tickets TO clerk_kiosk;
GRANT INSERT ON tickets TO clerk_kiosk;
GRANT UPDATE (status, printed_count, reprint_token_hash) ON tickets TO clerk_kiosk;
GRANT SELECT, INSERT, UPDATE ON daily_sequences TO clerk_kiosk;
GRANT SELECT, UPDATE (checked_in_at) ON appointments TO clerk_kiosk;
GRANT INSERT, SELECT (id) ON audit_log TO clerk_kiosk;  -- the id: INSERT … RETURNING id
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO clerk_kiosk;
GRANT EXECUTE ON FUNCTION clerk_tickets_held(text, date) TO clerk_kiosk;
-- the kiosk: 市民之窗, a case's progress from its receipt's QR code
{progress}
GRANT EXECUTE ON FUNCTION {_SIGNED_CASE} TO clerk_kiosk;

-- the hall display: read the board
GRANT SELECT ON {public} TO clerk_display;
GRANT SELECT ({_TICKET_COLUMNS}) ON tickets TO clerk_display;

-- staff PCs (counters, supervisors, administrators): the rest; the audit log is append-only
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO clerk_staff;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM clerk_staff;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO clerk_staff;
GRANT EXECUTE ON FUNCTION clerk_tickets_held(text, date) TO clerk_staff;
GRANT EXECUTE ON FUNCTION {_SIGNED_CASE} TO clerk_staff;
"""


def apply_grants(db: Database) -> None:
    """Runs ``grants_sql()`` on ``db`` in one transaction (as the schema's owner)."""
    if not db.is_postgres:
        raise ConfigError(
            "数据库角色只用于 PostgreSQL；单机 SQLite 没有数据库角色。",
            "Database roles are for PostgreSQL; a one-PC SQLite hall has none.",
        )
    with translate_db_errors(db), db.write_engine.begin() as conn:
        conn.exec_driver_sql(grants_sql())
