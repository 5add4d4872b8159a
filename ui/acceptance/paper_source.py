"""Where step 5's paper comes from: a case's documents from ``DocumentService`` by case number,
a 一件事's (``GROUP_KINDS``) from ``JourneyService`` by its bundle number. The words view, the
preview and the print all ask here, so the choice is made once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.acceptance.package_acceptance import GROUP_KINDS

if TYPE_CHECKING:
    from clerk_app.documents.paper_data import DocumentKind
    from clerk_app.services.documents.results import DocumentPreview, PrintedDocument
    from clerk_app.services.documents.service import DocumentService
    from clerk_app.services.journey.service import JourneyService


class PaperSource:
    """``words``, ``draw`` (a preview: nothing recorded) and ``print`` of a document."""

    def __init__(self, documents: DocumentService, journey: JourneyService | None = None):
        self._documents = documents
        self._journey = journey

    def _group(self, kind: DocumentKind) -> JourneyService | None:
        return self._journey if kind in GROUP_KINDS else None

    def words(self, kind: DocumentKind, number: str) -> list[str]:
        group = self._group(kind)
        if group is not None:
            return group.preview_paper_text(kind, number)
        return self._documents.preview_text(kind, number)

    def draw(self, kind: DocumentKind, number: str) -> DocumentPreview:
        group = self._group(kind)
        if group is not None:
            return group.draw_paper_preview(kind, number)
        return self._documents.draw_preview(kind, number)

    def print(self, kind: DocumentKind, number: str) -> PrintedDocument:
        group = self._group(kind)
        if group is not None:
            return group.print_paper(kind, number)
        return self._documents.print_document(kind, number)
