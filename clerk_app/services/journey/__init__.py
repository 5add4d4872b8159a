"""The case journey after the counter (issue 17): 一件事 packages, parallel approval by
department tasks, the result back to the window (collection, delivery), the applicant's
notification outbox, 通办 and counted visits (最多跑一次)."""
