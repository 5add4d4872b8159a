"""出件 at the counter: the result back to the window, collected or mailed (issue 17)."""
