"""Benchmarks: ``python -m bench`` runs them all into one table (see ``__main__``)."""
