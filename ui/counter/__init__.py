"""The clerk's workstation at a counter: current ticket, queue and acceptance."""
