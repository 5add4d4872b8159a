"""Checks an ID typed or scanned at the kiosk before a real-name ticket is taken.

Only for early feedback ("that scan was not an ID"): ``take_ticket`` validates again, and its
refusal is what counts.
"""

from __future__ import annotations

from clerk_app.domain.identity import mask_identifier, validate_resident_id, validate_uscc


def normalize_identity(text: str) -> str:
    """A valid resident ID or USCC, normalized; raises ``InvalidIdentifier`` otherwise.

    Eighteen characters whose first seventeen are digits are a resident ID (the core's rule);
    anything else is read as a unified social credit code.
    """
    value = text.strip().upper()
    if len(value) == 18 and value[:17].isdigit():
        return validate_resident_id(value)
    return validate_uscc(value)


def masked(identity: str) -> str:
    """How an ID shows on the kiosk screen, to everyone standing behind (PIPL)."""
    return mask_identifier(identity)
