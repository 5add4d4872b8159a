"""Renders every screen of the demo hall to PNG (docs and IT checks); not part of the ui package."""
