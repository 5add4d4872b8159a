"""Cases (办件): the counter's decisions, their life after it, finding them again."""
