"""From the rows the report read to its figures: each fact to the groups it belongs to.

A ticket belongs to its category, the counter that served it, the clerk who called it, and the
departments and items of the cases decided on it; a case to the category of its ticket (else
of its item), its counter, clerk, department and item; a rating to its ticket's category, its
counter, clerk, and the departments and items of the rated service's cases. What belongs to no
group of a dimension is counted in that breakdown's 未分配 row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from clerk_app.domain.case_states import CaseState
from clerk_app.services.reports import queries as q
from clerk_app.services.reports.figures import (
    CaseFact,
    Decision,
    EvaluationFact,
    Outcome,
    Tally,
    TicketFact,
    deadline_outcome,
    decision_of,
    supplement_outcome,
)
from clerk_app.services.reports.results import Breakdown, Dimension, Figures, Row

_D = Dimension
UNASSIGNED = ("（未分配）", "(unassigned)")
#: How many steps ``load`` reports through its ``step`` callback.
LOAD_STEPS = 7


def _keys(
    category: tuple[str, ...],
    counter: tuple[str, ...],
    clerk: tuple[str, ...],
    items: tuple[tuple[str, ...], tuple[str, ...]],
) -> q.Keys:
    """The groups of one fact, in ``Dimension`` order (category, counter, clerk, department,
    item)."""
    return (category, counter, clerk, *items)


def load(
    s: Session,
    first: date,
    last: date,
    today: date,
    names: q.Names,
    filters: q.Filters,
    step: Callable[[], None],
) -> q.Loaded:
    """Reads the range (``first``..``last``, hall-local, inclusive) in the open session."""
    end = q.day_start(last + timedelta(days=1))
    out = q.Loaded()
    cat = {cid: p for cid, (p, _, _) in names.categories.items()}
    counter_no = {cid: str(n) for cid, (n, _) in names.counters.items()}
    user = {uid: u for uid, (u, _) in names.users.items()}
    dept = {did: c for did, (c, _) in names.departments.items()}
    items = names.items
    item_by_code = {code: iid for iid, (code, *_) in items.items()}

    tickets = q.tickets(s, first, last)
    step()
    callers = q.callers(s, first, last, names.users)
    step()
    cases = q.cases(s, first, last)
    step()
    supplements = q.supplements(s, first, last)
    step()
    concluded = q.conclusions(s, first)
    step()
    decided = [c for c in cases if c.state != CaseState.NOT_ACCEPTED]
    visits = q.ticket_visits(s, decided, end)
    step()
    evaluations, rated_items = q.evaluations(s, first, last)
    step()

    ticket_items: dict[int, set[int]] = defaultdict(set)
    for c in cases:
        if c.ticket_id is not None:
            ticket_items[c.ticket_id].add(c.item_id)
    ticket_category = {t.id: cat[t.category_id] for t in tickets}

    def item_keys(item_ids: set[int]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        if not item_ids:
            return (), ()
        return (
            tuple({dept[items[i][2]] for i in item_ids}),
            tuple({items[i][0] for i in item_ids}),
        )

    for t in tickets:
        caller = callers.get(t.id)
        if filters.counter_id is not None and t.counter_id != filters.counter_id:
            continue
        if filters.clerk_id is not None and caller != filters.clerk_id:
            continue
        served = t.status == "finished"
        fact = TicketFact(
            t.id,
            t.status,
            q.minutes(t.queued, t.served_at) if served else None,
            q.minutes(t.served_at, t.finished_at) if served else None,
        )
        keys = _keys(
            (cat[t.category_id],),
            (counter_no[t.counter_id],) if t.counter_id is not None else (),
            (user[caller],) if caller is not None else (),
            item_keys(ticket_items.get(t.id, set())),
        )
        out.tickets.append((fact, keys))

    for c in cases:
        if filters.counter_id is not None and c.counter_id != filters.counter_id:
            continue
        if filters.clerk_id is not None and c.clerk_id != filters.clerk_id:
            continue
        code, _, dept_id, item_category, kind = items[c.item_id]
        decision = decision_of(c.state, c.supplement_due is not None, q.is_instant(kind))
        out.cases.append(
            (
                _case_fact(c, decision, supplements.get(c.id), concluded, visits, today),
                _keys(
                    (ticket_category.get(c.ticket_id or -1, cat[item_category]),),
                    (counter_no[c.counter_id],) if c.counter_id is not None else (),
                    (user[c.clerk_id],) if c.clerk_id is not None else (),
                    ((dept[dept_id],), (code,)),
                ),
            )
        )

    for e in evaluations:
        if filters.counter_id is not None and str(e.counter_number) != counter_no.get(
            filters.counter_id
        ):
            continue
        if filters.clerk_id is not None and e.clerk_id != filters.clerk_id:
            continue
        rated = {item_by_code[code] for code in rated_items.get(e.id, ()) if code in item_by_code}
        category = ticket_category.get(e.ticket_id)
        out.evaluations.append(
            (
                EvaluationFact(e.level, e.defaulted),
                _keys(
                    (category,) if category is not None else (),
                    (str(e.counter_number),),
                    (user[e.clerk_id],) if e.clerk_id in user else (),
                    item_keys(rated),
                ),
            )
        )
    return out


def _case_fact(
    c: q.CaseRow,
    decision: Decision,
    supplied: q.Supplements | None,
    concluded: dict[str, date],
    visits: dict[int, int],
    today: date,
) -> CaseFact:
    supplement: Outcome | None = None
    extra_days = 0
    if decision is Decision.TOLERANT:
        assert c.supplement_due is not None
        got = supplied or q.Supplements()
        supplement = supplement_outcome(
            c.supplement_due, got.owed, got.last, c.state == CaseState.SUPPLEMENT_OVERDUE, today
        )
        extra_days = len(got.days - {c.accepted_on})
    deadline: Outcome | None = None
    has_decision = decision in (Decision.ACCEPTED, Decision.TOLERANT, Decision.INSTANT)
    if has_decision and c.due_date is not None and c.state != CaseState.SUPPLEMENT_OVERDUE:
        on = c.accepted_on if decision is Decision.INSTANT else concluded.get(c.case_no)
        deadline = deadline_outcome(c.due_date, on, today)
    visit_count = None if decision is Decision.NOTICE else visits.get(c.id, 1) + extra_days
    return CaseFact(c.id, decision, supplement, deadline, visit_count)


def breakdowns(
    loaded: q.Loaded, names: q.Names, scores: Sequence[int], unassigned: str
) -> tuple[Figures, tuple[Breakdown, ...]]:
    """The total and one breakdown per dimension, rows in the hall's order, 未分配 last."""
    total = Tally(
        [f for f, _ in loaded.tickets],
        [f for f, _ in loaded.cases],
        [f for f, _ in loaded.evaluations],
    )
    labels = names.labels()
    result = []
    for index, dimension in enumerate(Dimension):
        tallies: dict[str | None, Tally] = defaultdict(Tally)
        for ticket, keys in loaded.tickets:
            for key in keys[index] or (None,):
                tallies[key].tickets.append(ticket)
        for case, keys in loaded.cases:
            for key in keys[index] or (None,):
                tallies[key].cases.append(case)
        for evaluation, keys in loaded.evaluations:
            for key in keys[index] or (None,):
                tallies[key].evaluations.append(evaluation)
        known = labels[dimension]

        def order(key: str | None, known: dict[str, tuple[Any, str]] = known) -> tuple[int, Any]:
            # The sort keys of one dimension are of one type; 未分配 (None) goes last.
            return (1, None) if key is None else (0, known[key][0])

        rows = tuple(
            Row(
                key,
                unassigned if key is None else known[key][1],
                tallies[key].figures(scores),
            )
            for key in sorted(tallies, key=order)
        )
        result.append(Breakdown(dimension, rows))
    return total.figures(scores), tuple(result)
