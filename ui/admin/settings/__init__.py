"""The admin's settings page (issue 14)."""
