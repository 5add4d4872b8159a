"""The audit log screen: rows filtered by actor, action and date, and the chain's check."""
