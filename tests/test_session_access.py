"""Sessions end with access (issue 16): a disabled account or a changed password ends the
sessions already open, at their next action, on both databases."""

from __future__ import annotations

import pytest

from clerk_app.api import Hall, ItemRequest, SessionEnded
from tests.support.acceptance import FOOD, MovableClock, at, clerk, firm


@pytest.fixture
def desk(hall: Hall) -> Hall:
    return at(hall, MovableClock())


def test_a_disabled_clerk_is_refused_at_the_next_call_accept_and_reveal(desk: Hall) -> None:
    session = clerk(desk)
    [case] = session.cases.accept(firm(), [ItemRequest(FOOD)], ticket_id=None)
    desk.kiosk().queue.take_ticket("A")
    desk.system().admin.set_active("clerk01", False)
    with pytest.raises(SessionEnded) as refused:
        session.queue.call_next()
    assert "已被停用或密码已更改" in refused.value.zh
    with pytest.raises(SessionEnded):
        session.cases.accept(firm(2), [ItemRequest(FOOD)], ticket_id=None)
    with pytest.raises(SessionEnded):
        session.cases.reveal_identity(case.case_no, "核对身份")
    with pytest.raises(SessionEnded):
        session.queue.desk()  # reads too: the counter's poll finds out within a second
    # Enabling the account again does not revive the old session; a new sign-in works.
    desk.system().admin.set_active("clerk01", True)
    with pytest.raises(SessionEnded):
        session.queue.call_next()
    assert clerk(desk).queue.call_next() is not None


def test_a_changed_password_ends_open_sessions_but_not_others(desk: Hall) -> None:
    first, other = clerk(desk, 1), clerk(desk, 2)
    desk.system().admin.set_password("clerk01", "a-new-long-password-1")
    with pytest.raises(SessionEnded):
        first.queue.heartbeat()
    other.queue.heartbeat()  # another clerk's session is untouched
    fresh = desk.login("clerk01", "a-new-long-password-1", counter=1)
    fresh.queue.heartbeat()


def test_unlocking_does_not_end_a_session(desk: Hall) -> None:
    session = clerk(desk)
    desk.system().admin.unlock("clerk01")
    session.queue.heartbeat()
