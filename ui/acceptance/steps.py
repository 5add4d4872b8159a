"""The five steps of acceptance and the five decisions, named once for the panel and its pages.

A module of names only, so the panel can refer to a step or a decision without importing the
page that draws it (the pages after the first are built when the clerk first reaches them).
"""

from __future__ import annotations

APPLICANT, ITEMS, MATERIALS, DECISION, PREVIEW = range(5)

ACCEPT, TOLERANT, NOTICE, REJECT, INSTANT = (
    "accept",
    "tolerant_accept",
    "one_time_notice",
    "reject",
    "issue_instant",
)
