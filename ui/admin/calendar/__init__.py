"""The admin's calendar page (issue 14)."""
