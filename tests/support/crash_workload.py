"""A counter's mixed day, run until killed: ``python -m tests.support.crash_workload URL ACKS``.

Takes a ticket (kiosk), calls the next one, accepts a case for it and prints its receipt, over
and over, through the services as the desk does. Each action is acknowledged only after its
commit returned: one line appended to ``ACKS`` and fsynced (``tests/test_crash_loop.py``
SIGKILLs this process at random moments and then looks for every acknowledged action).
"""

from __future__ import annotations

import json
import os
import sys
from datetime import date

from clerk_app.api import ItemRequest, open_hall
from clerk_app.demo.credit_cases import make_resident_id
from clerk_app.services.cases.results import ApplicantInput

FOOD = "440500-SCJG-005"


def main(url: str, acks: str) -> None:
    hall = open_hall(url, migrate=False)
    kiosk = hall.kiosk().queue
    session = hall.login("clerk01", "demo", counter=1)
    fd = os.open(acks, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def ack(kind: str, key: object) -> None:
        os.write(fd, (json.dumps({"kind": kind, "key": key}) + "\n").encode())
        os.fsync(fd)

    n = os.getpid() % 500
    while True:
        n += 1
        ack("ticket", kiosk.take_ticket("A").id)
        called = session.queue.call_next()
        if called is None:
            continue
        ack("call", called.id)
        birthday = date(1960 + n % 40, 1 + n % 12, 1 + n % 28)
        applicant = ApplicantInput("张三", "resident_id", make_resident_id("440511", birthday, 11))
        [case] = session.cases.accept(applicant, [ItemRequest(FOOD)], ticket_id=called.id)
        ack("case", case.case_no)
        session.documents.print_document("receipt", case.case_no)
        ack("print", case.case_no)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
