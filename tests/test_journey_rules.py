"""The journey's pure rules: a department task's states, a package's outcome and its limits."""

from __future__ import annotations

from datetime import date

import pytest

from clerk_app.domain.packages import (
    PackageItemLimit,
    check_limit,
    is_transfer,
    limit_problems,
    task_due,
)
from clerk_app.domain.task_states import (
    DECIDED,
    IllegalTaskTransition,
    TaskEvent,
    TaskState,
    next_task_state,
    outcome,
)
from clerk_app.errors import ValidationError

ALLOWED = {
    (TaskState.PENDING, TaskEvent.TAKE): TaskState.TAKEN,
    (TaskState.TAKEN, TaskEvent.APPROVE): TaskState.APPROVED,
    (TaskState.TAKEN, TaskEvent.DENY): TaskState.DENIED,
    (TaskState.TAKEN, TaskEvent.RETURN): TaskState.RETURNED,
    (TaskState.RETURNED, TaskEvent.SUPPLEMENT): TaskState.PENDING,
}


@pytest.mark.parametrize("state", list(TaskState))
@pytest.mark.parametrize("event", list(TaskEvent))
def test_every_state_and_event(state: TaskState, event: TaskEvent) -> None:
    if (state, event) in ALLOWED:
        assert next_task_state("X1", state, event) is ALLOWED[(state, event)]
        return
    with pytest.raises(IllegalTaskTransition) as refused:
        next_task_state("X1", state, event)
    assert "X1" in refused.value.zh and "X1" in refused.value.en
    if state in DECIDED:
        assert "不能重复决定" in refused.value.zh and "already decided" in refused.value.en


def test_outcome_waits_for_every_task_and_names_the_denied() -> None:
    assert not outcome([("A", TaskState.APPROVED), ("B", TaskState.TAKEN)]).decided
    assert not outcome([]).decided
    mixed = outcome([("A", TaskState.APPROVED), ("B", TaskState.DENIED)])
    assert mixed.decided and mixed.partly_denied
    assert mixed.approved == ("A",) and mixed.denied == ("B",)
    assert not outcome([("A", TaskState.DENIED)]).partly_denied


def test_a_package_limit_beyond_an_items_statutory_limit_is_refused_naming_it() -> None:
    items = [PackageItemLimit("设立登记", 3), PackageItemLimit("社保登记", 15)]
    check_limit(3, items)
    assert limit_problems(4, items) == ["设立登记"]
    with pytest.raises(ValidationError) as refused:
        check_limit(4, items)
    assert "设立登记" in refused.value.zh and "未作修改" in refused.value.zh
    assert "nothing was changed" in refused.value.en
    for days in (0, -1, 366):
        with pytest.raises(ValidationError):
            check_limit(days, items)
    with pytest.raises(ValidationError):
        check_limit(1, [])


def test_a_task_is_due_by_its_item_but_never_after_the_package() -> None:
    assert task_due(date(2026, 12, 10), date(2026, 12, 8)) == date(2026, 12, 8)
    assert task_due(date(2026, 12, 7), date(2026, 12, 8)) == date(2026, 12, 7)
    assert task_due(date(2026, 12, 7), None) == date(2026, 12, 7)


def test_a_case_decided_elsewhere_is_a_transfer() -> None:
    assert is_transfer("广州市公安局", "汕头市公安局")
    assert not is_transfer("", "汕头市公安局")
    assert not is_transfer(" 汕头市公安局 ", "汕头市公安局")
