"""The Users page: staff accounts, their roles, passwords and locks."""
