"""Administration of a hall: staff accounts (``users``), counters and queue categories
(``counters``), departments, items and their materials (``catalog_admin``).

Every method checks the acting role first, runs as one transaction and writes its audit row
in it; typed text is checked in code (lengths, control characters) the same on SQLite and
PostgreSQL; a refusal is a ``ValidationError`` naming the form field at fault.
"""

from clerk_app.services.admin.users import MIN_PASSWORD_LENGTH, AdminService, UserInfo

__all__ = ["MIN_PASSWORD_LENGTH", "AdminService", "UserInfo"]
