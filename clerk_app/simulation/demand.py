"""The day's applicants, drawn once from a seed: when each comes, for which item, how long the
service takes, and what happens at the counter (pure: no database, no clock).

The same seed and demand give the same visits, so two staffing plans meet the same applicants.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import time
from enum import StrEnum


class Errand(StrEnum):
    """What the counter decides for a visit (the service it calls)."""

    ACCEPT = "accept"  # 受理
    TOLERANT = "tolerant_accept"  # 容缺受理 (a red-listed firm, a non-core material missing)
    INSTANT = "instant"  # 即办件: decided and issued on the spot
    NOTICE = "one_time_notice"  # 一次性告知: something missing, nothing accepted


@dataclass(frozen=True)
class CatalogItem:
    """What the demand needs to know of a catalog item."""

    code: str
    category: str
    instant: bool
    tolerant_allowed: bool
    materials: int


# A busy weekday: the morning peak, the lunch dip, a second peak after lunch (per opening hour).
BUSY_HOURS = (1.6, 1.5, 1.2, 0.6, 0.7, 1.2, 1.1, 0.7)
# Share of the day's tickets per queue category of the demo hall.
DEMO_SHARES: Mapping[str, float] = {"A": 0.25, "B": 0.10, "C": 0.25, "D": 0.25, "E": 0.15}
# Mean minutes of one service per category; an item's own mean scales with its materials.
DEMO_SERVICE_MINUTES: Mapping[str, float] = {"A": 4.5, "B": 6.0, "C": 5.0, "D": 3.0, "E": 3.5}
# 好差评 levels 1 (非常满意) … 5 (非常不满意) of those who rate, as halls report them.
RATING_WEIGHTS = (0.72, 0.19, 0.06, 0.02, 0.01)


@dataclass(frozen=True)
class Demand:
    """How many come, when, for what, and how their visits go."""

    tickets: int = 10_000
    opens: time = time(9, 0)
    closes: time = time(17, 0)
    hourly_weights: tuple[float, ...] = BUSY_HOURS
    shares: Mapping[str, float] = field(default_factory=lambda: dict(DEMO_SHARES))
    service_minutes: Mapping[str, float] = field(default_factory=lambda: dict(DEMO_SERVICE_MINUTES))
    service_sigma: float = 0.5  # lognormal shape of a service's length
    no_show: float = 0.04  # called, never came (过号 after the recalls)
    transfer: float = 0.03  # sent on to another category (转号) after a first service
    tolerant: float = 0.05  # of visits for an item allowing 容缺: a non-core material missing
    notice: float = 0.04  # of promised items: something missing, 一次性告知
    rates: float = 0.5  # share of served applicants who rate at the evaluator

    @property
    def open_seconds(self) -> int:
        return (self.closes.hour - self.opens.hour) * 3600 + (
            self.closes.minute - self.opens.minute
        ) * 60


@dataclass(frozen=True)
class Visit:
    """One applicant's ticket and what happens to it."""

    index: int
    arrives_s: float  # seconds after the hall opens
    category: str
    item: CatalogItem
    errand: Errand
    service_s: float
    no_show: bool
    transfer_to: str | None  # another category, served there after the first service
    transfer_service_s: float
    rating: int | None  # 1–5, None: does not rate


def draw_visits(rng: random.Random, demand: Demand, items: Sequence[CatalogItem]) -> list[Visit]:
    """The day's visits in order of arrival; every category of ``demand.shares`` needs items."""
    by_category: dict[str, list[CatalogItem]] = {}
    for item in items:
        by_category.setdefault(item.category, []).append(item)
    categories = [c for c in demand.shares if by_category.get(c)]
    weights = [demand.shares[c] for c in categories]
    mean_materials = {
        c: sum(i.materials for i in by_category[c]) / len(by_category[c]) for c in categories
    }
    hours = len(demand.hourly_weights)
    span = demand.open_seconds
    times = sorted(
        min(span - 1.0, (h + rng.random()) * span / hours)
        for h in rng.choices(range(hours), weights=demand.hourly_weights, k=demand.tickets)
    )

    def service(category: str, item: CatalogItem) -> float:
        mean = demand.service_minutes.get(category, 5.0) * item.materials / mean_materials[category]
        mu = math.log(mean * 60) - demand.service_sigma**2 / 2
        return max(30.0, rng.lognormvariate(mu, demand.service_sigma))

    visits = []
    for i, arrives in enumerate(times):
        category = rng.choices(categories, weights=weights)[0]
        item = rng.choice(by_category[category])
        if item.instant:
            errand = Errand.INSTANT
        elif item.tolerant_allowed and rng.random() < demand.tolerant:
            errand = Errand.TOLERANT
        elif rng.random() < demand.notice:
            errand = Errand.NOTICE
        else:
            errand = Errand.ACCEPT
        no_show = rng.random() < demand.no_show
        others = [c for c in categories if c != category]
        transfer_to = rng.choice(others) if others and rng.random() < demand.transfer else None
        second = service(transfer_to, rng.choice(by_category[transfer_to])) if transfer_to else 0.0
        rating = (
            rng.choices(range(1, 6), weights=RATING_WEIGHTS)[0]
            if rng.random() < demand.rates
            else None
        )
        visits.append(
            Visit(
                i,
                arrives,
                category,
                item,
                errand,
                service(category, item),
                no_show,
                transfer_to,
                second,
                rating,
            )
        )
    return visits
