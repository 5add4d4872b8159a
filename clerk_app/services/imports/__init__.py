"""Imports and exports of the catalog, the credit list and appointments (.xlsx and .csv)."""

from clerk_app.services.imports.report import ImportRefused, ImportReport, Problem
from clerk_app.services.imports.service import ImportService, Progress

__all__ = ["ImportRefused", "ImportReport", "ImportService", "Problem", "Progress"]
