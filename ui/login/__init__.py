"""Signing in at a counter."""
