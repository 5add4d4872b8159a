"""The life of a case (办件) as a pure state machine: which event may move it where.

A case is created in one of the starting states: ``accepted`` (受理), ``pending_supplement``
(容缺受理: accepted with non-core materials still owed), ``not_accepted`` (一次性告知: materials
incomplete, nothing accepted) or ``rejected`` (不予受理). Then::

    accepted ──review──▶ in_review ──approve──▶ approved
                                   └──deny────▶ denied
    approved ──issue_certificate──▶ certificate_issued ──collect──▶ collected
    pending_supplement ──supplement──▶ supplemented ──review──▶ in_review
                       └─mark_overdue─▶ supplement_overdue

Instant items (即办件, 即到即办) are decided on the spot: ``accepted ──approve──▶ approved`` is
allowed for them only (``instant=True``); a promised item must pass ``in_review`` first. A
denial always passes ``in_review`` because it needs a written decision with reasons
(行政许可法 §38), which the counter does not write on the spot.
"""

from __future__ import annotations

from enum import StrEnum

from clerk_app.errors import ValidationError
from clerk_app.i18n import pick

__all__ = [
    "CHECK_STATUSES",
    "FINAL_STATES",
    "INITIAL_STATES",
    "OWED_STATUSES",
    "CaseEvent",
    "CaseState",
    "IllegalTransition",
    "SubmissionStatus",
    "allowed_events",
    "event_label",
    "next_state",
    "state_label",
    "state_labels",
]


class CaseState(StrEnum):
    ACCEPTED = "accepted"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    DENIED = "denied"
    CERTIFICATE_ISSUED = "certificate_issued"
    COLLECTED = "collected"
    PENDING_SUPPLEMENT = "pending_supplement"
    SUPPLEMENTED = "supplemented"
    SUPPLEMENT_OVERDUE = "supplement_overdue"
    NOT_ACCEPTED = "not_accepted"
    REJECTED = "rejected"


class SubmissionStatus(StrEnum):
    """A required material of a case: what the clerk found at the counter, then a supplement.

    The checklist knows the first three; ``supplemented`` is a 容缺 material handed in later
    (its ``initial_status`` keeps what it was at the decision).
    """

    RECEIVED = "received"
    MISSING = "missing"
    WRONG = "wrong"  # handed in, but not in the required form
    SUPPLEMENTED = "supplemented"


# What the clerk may mark at the counter, and what a case still owes (for 补正).
CHECK_STATUSES = (SubmissionStatus.RECEIVED, SubmissionStatus.MISSING, SubmissionStatus.WRONG)
OWED_STATUSES = frozenset({SubmissionStatus.MISSING, SubmissionStatus.WRONG})


class CaseEvent(StrEnum):
    REVIEW = "review"
    APPROVE = "approve"
    DENY = "deny"
    ISSUE_CERTIFICATE = "issue_certificate"
    COLLECT = "collect"
    SUPPLEMENT = "supplement"
    MARK_OVERDUE = "mark_overdue"


INITIAL_STATES = frozenset(
    {
        CaseState.ACCEPTED,
        CaseState.PENDING_SUPPLEMENT,
        CaseState.NOT_ACCEPTED,
        CaseState.REJECTED,
    }
)

_TRANSITIONS: dict[tuple[CaseState, CaseEvent], CaseState] = {
    (CaseState.ACCEPTED, CaseEvent.REVIEW): CaseState.IN_REVIEW,
    (CaseState.IN_REVIEW, CaseEvent.APPROVE): CaseState.APPROVED,
    (CaseState.IN_REVIEW, CaseEvent.DENY): CaseState.DENIED,
    (CaseState.APPROVED, CaseEvent.ISSUE_CERTIFICATE): CaseState.CERTIFICATE_ISSUED,
    (CaseState.CERTIFICATE_ISSUED, CaseEvent.COLLECT): CaseState.COLLECTED,
    (CaseState.PENDING_SUPPLEMENT, CaseEvent.SUPPLEMENT): CaseState.SUPPLEMENTED,
    (CaseState.PENDING_SUPPLEMENT, CaseEvent.MARK_OVERDUE): CaseState.SUPPLEMENT_OVERDUE,
    (CaseState.SUPPLEMENTED, CaseEvent.REVIEW): CaseState.IN_REVIEW,
}

# Only for instant items: decided at the counter without a separate review.
_INSTANT_TRANSITIONS: dict[tuple[CaseState, CaseEvent], CaseState] = {
    (CaseState.ACCEPTED, CaseEvent.APPROVE): CaseState.APPROVED,
}

FINAL_STATES = frozenset(
    state for state in CaseState if not any(source == state for source, _ in _TRANSITIONS)
)

_STATE_LABELS: dict[CaseState, tuple[str, str]] = {
    CaseState.ACCEPTED: ("已受理", "accepted"),
    CaseState.IN_REVIEW: ("审查中", "in review"),
    CaseState.APPROVED: ("已办结（准予）", "approved"),
    CaseState.DENIED: ("已办结（不予）", "denied"),
    CaseState.CERTIFICATE_ISSUED: ("已出证", "certificate issued"),
    CaseState.COLLECTED: ("已领证", "certificate collected"),
    CaseState.PENDING_SUPPLEMENT: ("待补正", "pending supplement"),
    CaseState.SUPPLEMENTED: ("已补正", "supplemented"),
    CaseState.SUPPLEMENT_OVERDUE: ("逾期未补正", "supplement overdue"),
    CaseState.NOT_ACCEPTED: ("已一次性告知", "one-time notice given"),
    CaseState.REJECTED: ("不予受理", "rejected"),
}

_EVENT_LABELS: dict[CaseEvent, tuple[str, str]] = {
    CaseEvent.REVIEW: ("转入审查", "send to review"),
    CaseEvent.APPROVE: ("准予办结", "approve"),
    CaseEvent.DENY: ("不予办结", "deny"),
    CaseEvent.ISSUE_CERTIFICATE: ("出证", "issue the certificate"),
    CaseEvent.COLLECT: ("领证", "collect the certificate"),
    CaseEvent.SUPPLEMENT: ("补正", "supplement materials"),
    CaseEvent.MARK_OVERDUE: ("标记逾期未补正", "mark the supplement overdue"),
}


class IllegalTransition(ValidationError):
    """The event is not allowed in the case's current state; nothing was changed."""

    def __init__(self, state: CaseState, event: CaseEvent, *, instant: bool = False) -> None:
        self.state = state
        self.event = event
        zh = f"办件当前状态为“{_STATE_LABELS[state][0]}”，不能“{_EVENT_LABELS[event][0]}”。"
        en = (
            f'The case is "{_STATE_LABELS[state][1]}", '
            f'so "{_EVENT_LABELS[event][1]}" is not possible.'
        )
        if not instant and (state, event) in _INSTANT_TRANSITIONS:
            zh = zh[:-1] + "：只有即办件可以当场办结，承诺件须先转入审查。"
            en = en[:-1] + ": only instant items are decided on the spot; send it to review first."
        super().__init__(zh, en)


def next_state(state: CaseState, event: CaseEvent, *, instant: bool = False) -> CaseState:
    """The state after ``event``, or ``IllegalTransition``; ``instant`` marks an instant item."""
    target = _TRANSITIONS.get((state, event))
    if target is None and instant:
        target = _INSTANT_TRANSITIONS.get((state, event))
    if target is None:
        raise IllegalTransition(state, event, instant=instant)
    return target


def allowed_events(state: CaseState, *, instant: bool = False) -> tuple[CaseEvent, ...]:
    """The events ``next_state`` accepts in ``state`` (e.g. to enable buttons), in enum order."""
    table = _TRANSITIONS | _INSTANT_TRANSITIONS if instant else _TRANSITIONS
    return tuple(event for event in CaseEvent if (state, event) in table)


def state_labels(state: CaseState) -> tuple[str, str]:
    """The state's name in Chinese and in English (for bilingual messages)."""
    return _STATE_LABELS[state]


def state_label(state: CaseState) -> str:
    """The state's name for people, in the current language."""
    zh, en = _STATE_LABELS[state]
    return pick(zh, en)


def event_label(event: CaseEvent) -> str:
    """The event's name for people (a button's text), in the current language."""
    zh, en = _EVENT_LABELS[event]
    return pick(zh, en)
