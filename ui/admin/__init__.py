"""The administrator's screen: users, catalog and counters."""
