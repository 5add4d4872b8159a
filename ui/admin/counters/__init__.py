"""The Counters pages: queue categories and the counters that serve them."""
