"""The supervisor's live dashboard: the queues' and counters' figures and the alerts."""
