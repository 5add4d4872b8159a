"""Every public method of every service a script can reach, for every role (issue 14).

The services are found by introspection of ``StaffSession`` (its service attributes and its
lazily built ones), and their methods by introspection of each class: a new service or method
without an entry in ``MAY_CALL`` fails ``test_every_method_has_an_entry``. Each call a role may
not make is made with every argument ``None``: the service must refuse it with
``PermissionDenied`` before it touches any argument (the actor is checked first), and the
database must be unchanged, table by table. A call a role may make is not refused for its role.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from clerk_app.api import Hall, PermissionDenied, Role, StaffSession
from clerk_app.services.base import Service
from tests.imports.samples import snapshot

A, S, C = Role.ADMIN, Role.SUPERVISOR, Role.CLERK
K, D, E = Role.KIOSK, Role.DISPLAY, Role.EVALUATOR
STAFF = frozenset({A, S, C})
READERS = frozenset({A, S, C, K, D})  # the catalog and the queue's public figures
ADMIN, SUPERVISOR, CLERK = frozenset({A}), frozenset({S}), frozenset({C})
R = Role.REVIEWER  # a department's reviewer (issue 17): its task inbox, the catalog, the days
WITH_REVIEWERS = READERS | {R}

#: service.method -> the roles that may call it; every other role is refused below the UI.
MAY_CALL: dict[str, frozenset[Role]] = {
    # added with the admin pages, the audit log, key rotation and the case journey (issues
    # 14, 16, 17)
    "admin.edit_user": frozenset({A}),
    "audit.actions": frozenset({A, S}),
    "audit.entries": frozenset({A, S}),
    "audit.head": frozenset({A, S}),
    "audit.verify": frozenset({A, S}),
    "catalog_admin.add_department": frozenset({A}),
    "catalog_admin.add_item": frozenset({A}),
    "catalog_admin.edit_item": frozenset({A}),
    "catalog_admin.item": frozenset({A}),
    "catalog_admin.list_departments": frozenset({A}),
    "catalog_admin.list_items": frozenset({A}),
    "catalog_admin.rename_department": frozenset({A}),
    "catalog_admin.restore_item": frozenset({A}),
    "catalog_admin.retire_item": frozenset({A}),
    "counter_admin.add_category": frozenset({A}),
    "counter_admin.add_counter": frozenset({A}),
    "counter_admin.edit_counter": frozenset({A}),
    "counter_admin.list_categories": frozenset({A}),
    "counter_admin.list_counters": frozenset({A}),
    "counter_admin.rename_category": frozenset({A}),
    "documents.rotate_key": frozenset({A}),
    "journey.accept_items": frozenset({C}),
    "journey.accept_package": frozenset({C}),
    "journey.approve": frozenset({R}),
    "journey.collect": frozenset({C}),
    "journey.deliver": frozenset({C}),
    "journey.deny": frozenset({R}),
    "journey.export_outbox": frozenset({A, C}),
    "journey.get_package": frozenset({A, C, D, K, R, S}),
    "journey.inbox": frozenset({A, C, R, S}),
    "journey.journeys": frozenset({A, C, S}),
    "journey.list_packages": frozenset({A, C, D, K, R, S}),
    "journey.list_tasks": frozenset({A, C, R, S}),
    "journey.make_ready": frozenset({C}),
    "journey.draw_paper_preview": frozenset({A, C, S}),
    "journey.preview_paper": frozenset({A, C, S}),
    "journey.preview_paper_text": frozenset({A, C, S}),
    "journey.print_paper": frozenset({A, C, S}),
    "journey.record_task_supplement": frozenset({C}),
    "journey.record_visit": frozenset({C}),
    "journey.return_for_supplement": frozenset({R}),
    "journey.save_package": frozenset({A}),
    "journey.set_package_active": frozenset({A}),
    "journey.take": frozenset({R}),
    "journey.tasks_of": frozenset({A, C, R, S}),
    # 市民之窗: a case's progress from its receipt's QR code (masked name only)
    "progress.case_progress": frozenset({C, K}),
    # users (管理员)
    "admin.add_user": ADMIN,
    "admin.list_users": ADMIN,
    "admin.set_active": ADMIN,
    "admin.set_password": ADMIN,
    "admin.unlock": ADMIN,
    # appointments booked at the hall
    "appointments.book": ADMIN,
    "appointments.cancel": ADMIN,
    "appointments.list_day": ADMIN,
    # the working-day calendar: everyone who counts days reads it; admins enter notices
    "calendar.year": WITH_REVIEWERS,
    "calendar.enter_notice": ADMIN,
    "calendar.enter_year": ADMIN,
    "calendar.set_day": ADMIN,
    "calendar.clear_day": ADMIN,
    "calendar.declare_complete": ADMIN,
    # cases: clerks decide; staff read
    "cases.accept": CLERK,
    "cases.approve": CLERK,
    "cases.collect": CLERK,
    "cases.collect_bundle": CLERK,
    "cases.commitment_letters": CLERK,
    "cases.decision_options": CLERK,
    "cases.deny": CLERK,
    "cases.issue_certificate": CLERK,
    "cases.issue_instant": CLERK,
    "cases.known_applicant": CLERK,
    "cases.one_time_notice": CLERK,
    "cases.record_supplement": CLERK,
    "cases.record_supplement_bundle": CLERK,
    "cases.reject": CLERK,
    "cases.review": CLERK,
    "cases.tolerance_check": CLERK,
    "cases.tolerant_accept": CLERK,
    "cases.cases_for_ticket": STAFF,
    "cases.get": STAFF,
    "cases.list_cases": STAFF,
    "cases.read_scan": STAFF,
    "cases.mark_overdue": frozenset({A, C}),  # the sweep: writes broken-commitment entries
    "cases.reveal_identity": frozenset({S, C}),  # unmasked IDs (PIPL): not the admin
    # the catalog
    "catalog.get_item": WITH_REVIEWERS,
    "catalog.list_categories": WITH_REVIEWERS,
    "catalog.list_counters": WITH_REVIEWERS,
    "catalog.list_items": WITH_REVIEWERS,
    "catalog.search_items": WITH_REVIEWERS,
    # the credit list
    "credit.add_entry": ADMIN,
    "credit.expire": ADMIN,
    "credit.repair": ADMIN,
    "credit.list_entries": STAFF,
    "credit.status": STAFF,
    # paper
    "documents.draw_preview": STAFF,
    "documents.history": STAFF,
    "documents.kinds_for": STAFF,
    "documents.permit_rules": STAFF,
    "documents.preview": STAFF,
    "documents.preview_text": STAFF,
    "documents.print_document": STAFF,
    "documents.verify": STAFF,
    # 好差评: the evaluator rates; supervisors handle the rest
    "evaluations.rate": frozenset({E}),
    "evaluations.evaluator_view": frozenset({E}),
    "evaluations.add_callback": SUPERVISOR,
    "evaluations.apply_defaults": SUPERVISOR,
    "evaluations.approve_contest": SUPERVISOR,
    "evaluations.contest": SUPERVISOR,
    "evaluations.evaluations": SUPERVISOR,
    "evaluations.export": SUPERVISOR,
    "evaluations.mark_overdue_rectifications": SUPERVISOR,
    "evaluations.mark_unable": SUPERVISOR,
    "evaluations.record_follow_up": SUPERVISOR,
    "evaluations.rectification": SUPERVISOR,
    "evaluations.rectifications": SUPERVISOR,
    "evaluations.reject_contest": SUPERVISOR,
    "evaluations.resolve_rectification": SUPERVISOR,
    "evaluations.satisfaction": SUPERVISOR,
    "evaluations.start_rectification": SUPERVISOR,
    # imports and exports
    "imports.export_catalog": ADMIN,
    "imports.export_credit_list": ADMIN,
    "imports.import_appointments": ADMIN,
    "imports.import_catalog": ADMIN,
    "imports.import_credit_list": ADMIN,
    # the queue: the kiosk issues, the counter serves, the supervisor closes and releases
    "queue.board": READERS,
    "queue.status": READERS,
    "queue.take_ticket": frozenset({C, K}),
    "queue.check_in": frozenset({C, K}),
    "queue.reprint": frozenset({C, K}),
    "queue.call_next": CLERK,
    "queue.call_ticket": CLERK,
    "queue.current": CLERK,
    "queue.desk": CLERK,
    "queue.finish": CLERK,
    "queue.heartbeat": CLERK,
    "queue.no_show": CLERK,
    "queue.pause": CLERK,
    "queue.recall": CLERK,
    "queue.release": CLERK,
    "queue.resume": CLERK,
    "queue.sign_off": CLERK,
    "queue.transfer": CLERK,
    "queue.waiting_for_counter": CLERK,
    "queue.close_day": SUPERVISOR,
    "queue.resolve_counter": SUPERVISOR,
    # reports, settings, the dashboard
    "reports.build": frozenset({A, S}),
    "reports.save": frozenset({A, S}),
    "settings.list_settings": ADMIN,
    "settings.reset": ADMIN,
    "settings.save": ADMIN,
    "supervision.charts": SUPERVISOR,
    "supervision.dashboard": SUPERVISOR,
}


def services(session: StaffSession) -> dict[str, Service]:
    """Every service a script reaches from ``session``: attributes and lazy properties."""
    found = {k: v for k, v in vars(session).items() if isinstance(v, Service)}
    for name, attr in inspect.getmembers(type(session)):
        if isinstance(attr, functools.cached_property | property):
            value = getattr(session, name)
            if isinstance(value, Service):
                found[name] = value
    return found


def public_methods(service: Service) -> Iterator[tuple[str, Callable[..., Any]]]:
    for name, _fn in inspect.getmembers(type(service), inspect.isfunction):
        if not name.startswith("_"):
            yield name, getattr(service, name)


def all_nones(method: Callable[..., Any]) -> tuple[list[None], dict[str, None]]:
    """``None`` for every required argument: a refused call must not look at any of them."""
    params = inspect.signature(method).parameters.values()
    required = [p for p in params if p.default is p.empty]
    positional = [None for p in required if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    keywords = {p.name: None for p in required if p.kind is p.KEYWORD_ONLY}
    return positional, keywords


def session_of(hall: Hall, role: Role) -> StaffSession:
    match role:
        case Role.ADMIN:
            return hall.login("admin", "demo")
        case Role.SUPERVISOR:
            return hall.login("supervisor", "demo")
        case Role.CLERK:
            return hall.login("clerk01", "demo", counter=1)
        case Role.KIOSK:
            return hall.kiosk()
        case Role.DISPLAY:
            return hall.display()
        case Role.EVALUATOR:
            return hall.evaluator(1)
        case Role.REVIEWER:
            return hall.login("review_scjg", "demo")
    raise AssertionError(role)


def test_every_method_has_an_entry(hall: Hall) -> None:
    """A new service method must say here who may call it (and a removed one leaves)."""
    walked = {
        f"{name}.{method}"
        for name, service in services(hall.system()).items()
        for method, _ in public_methods(service)
    }
    assert walked - MAY_CALL.keys() == set(), "methods without an entry in MAY_CALL"
    assert MAY_CALL.keys() - walked == set(), "entries for methods that do not exist"


@pytest.mark.parametrize("role", list(Role))
def test_each_forbidden_call_is_refused_below_the_ui_and_changes_nothing(
    hall: Hall, role: Role
) -> None:
    session = session_of(hall, role)
    assert session.actor.role is role
    before = snapshot(hall)
    refused = 0
    for name, service in services(session).items():
        for method_name, method in public_methods(service):
            key = f"{name}.{method_name}"
            args, kwargs = all_nones(method)
            if role in MAY_CALL[key]:
                try:
                    method(*args, **kwargs)
                except PermissionDenied:  # pragma: no cover - the failure message says why
                    pytest.fail(f"{role.value} may call {key} but was refused")
                except Exception:
                    pass
                before = snapshot(hall)  # an allowed call may change something
                continue
            with pytest.raises(PermissionDenied):
                method(*args, **kwargs)
            refused += 1
            assert snapshot(hall) == before, f"{role.value} calling {key} changed the database"
    assert refused == sum(role not in roles for roles in MAY_CALL.values())
