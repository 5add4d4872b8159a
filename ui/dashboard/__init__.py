"""The supervisor's dashboard: how long the queues are and how the counters are doing."""
