"""The 一件事 (one-thing packages) page of the admin window."""
