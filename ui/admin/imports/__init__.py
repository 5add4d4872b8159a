"""The admin's imports page (issue 14)."""
