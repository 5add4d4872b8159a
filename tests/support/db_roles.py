"""Login roles on the throwaway PostgreSQL cluster, as a hall's PC would have one."""

from __future__ import annotations

import uuid

import psycopg
from sqlalchemy.engine import make_url


def login_url(admin_url: str, group: str) -> str:
    """A fresh login role of ``group`` on the test cluster, and the URL that names it.

    Roles are global to the cluster, so the name carries a random part: two test modules (or the
    same module imported twice under two names) never reach for the same role."""
    name = f"{group}_pc_{uuid.uuid4().hex[:12]}"
    url = make_url(admin_url)
    with psycopg.connect(
        host=url.host, port=url.port, user=url.username, dbname=url.database, autocommit=True
    ) as conn:
        conn.execute(f"CREATE ROLE {name} LOGIN IN ROLE {group}")  # type: ignore[arg-type]
    return url.set(username=name).render_as_string(hide_password=False)


def refused(url: str, sql: str) -> bool:
    """Whether the login of ``url`` is refused ``sql`` for want of a grant."""
    u = make_url(url)
    with psycopg.connect(host=u.host, port=u.port, user=u.username, dbname=u.database) as conn:
        try:
            conn.execute(sql)  # type: ignore[arg-type]
        except psycopg.errors.InsufficientPrivilege:
            return True
    return False
