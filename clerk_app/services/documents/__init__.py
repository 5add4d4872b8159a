"""The documents of a case: which fit, their words, printing and recording them, verifying."""
