"""Migration 0008: services that ended before the upgrade are never rated nor defaulted."""

from __future__ import annotations

from sqlalchemy import Connection, text

from clerk_app.persistence.database import Database
from clerk_app.persistence.migrate import upgrade


def _ticket(conn: Connection, ticket_id: int) -> None:
    conn.execute(
        text(
            "INSERT INTO tickets (id, service_date, category_id, seq, number, priority, status,"
            " taken_at, queue_position_at, finished_at, recall_count, printed_count)"
            " VALUES (:id, '2026-11-20', 1, :id, :number, 'normal', 'finished',"
            " '2026-11-20 01:00:00', '2026-11-20 01:00:00', '2026-11-20 02:00:00', 0, 1)"
        ),
        {"id": ticket_id, "number": f"A{ticket_id:03d}"},
    )


def test_the_upgrade_starts_rating_after_the_last_ticket(db_url: str) -> None:
    db = Database(db_url)
    upgrade(db, "0007")
    with db.write_engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO queue_categories (id, prefix, name, sort_order)"
                " VALUES (1, 'A', 'a', 0)"
            )
        )
        for ticket_id in (1, 2, 41):
            _ticket(conn, ticket_id)
    upgrade(db)
    with db.read_engine.connect() as conn:
        value = conn.execute(
            text("SELECT value FROM hall_settings WHERE key = 'evaluation.first_ticket_id'")
        ).scalar_one()
    assert value == 42
    db.dispose()


def test_a_new_hall_rates_from_its_first_ticket(db_url: str) -> None:
    db = Database(db_url)
    upgrade(db)
    with db.read_engine.connect() as conn:
        rows = conn.execute(
            text("SELECT count(*) FROM hall_settings WHERE key = 'evaluation.first_ticket_id'")
        ).scalar_one()
    assert rows == 0
    db.dispose()
