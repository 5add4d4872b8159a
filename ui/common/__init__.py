"""Pieces shared by every screen: table models, panels, theme, role labels, error display."""
