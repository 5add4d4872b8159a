"""The admin's appointments page (issue 14)."""
