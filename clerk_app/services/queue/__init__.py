"""The queue (排队叫号): issuing tickets, calling them at counters, reading the board."""
