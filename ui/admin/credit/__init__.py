"""The admin's credit page (issue 14)."""
