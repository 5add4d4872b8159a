"""The decision and the paper of a 一件事 at the counter, as the acceptance panel uses them.

One acceptance is one call of ``JourneyService.accept_package`` (one transaction: every item's
case in one bundle, one task per department, linked to the ticket served); refusals come back
as ``ClerkError`` for the panel to show. The paper of the group is the core's
(``JourneyService.print_paper``): the package receipt, and the 材料流转单 when an item is
decided by an authority elsewhere (通办).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from clerk_app.documents.paper_data import DocumentKind
from clerk_app.domain.packages import is_transfer
from ui.acceptance.package_materials import own_requests, shared_checks

if TYPE_CHECKING:
    from clerk_app.api import StaffSession
    from clerk_app.services.cases.results import ApplicantInput
    from clerk_app.services.journey.results import PackageAcceptance, PackageInfo
    from ui.acceptance.checklist_model import ChecklistRow

# The paper of a case group, printed through ``JourneyService.print_paper`` by its bundle number.
GROUP_KINDS = frozenset(
    {
        DocumentKind.PACKAGE_RECEIPT,
        DocumentKind.TRANSFER_SLIP,
        DocumentKind.COLLECTION_RECEIPT,
        DocumentKind.DELIVERY_RECEIPT,
        DocumentKind.PARTIAL_DENIAL,
    }
)


def accept(
    session: StaffSession,
    package: PackageInfo,
    applicant: ApplicantInput,
    rows: Sequence[ChecklistRow],
    ticket_id: int | None,
) -> PackageAcceptance:
    """受理 the package as checked: shared marks once, each item's own marks per item."""
    codes = [i.item_code for i in package.items]
    return session.journey.accept_package(
        package.code,
        applicant,
        shared_checks=shared_checks(rows),
        items=own_requests(rows, codes),
        ticket_id=ticket_id,
    )


def paper_kinds(package: PackageInfo) -> list[DocumentKind]:
    """What the counter hands over at acceptance, in print order."""
    kinds = [DocumentKind.PACKAGE_RECEIPT]
    if any(is_transfer(i.authority, i.department_name) for i in package.items):
        kinds.append(DocumentKind.TRANSFER_SLIP)
    return kinds
