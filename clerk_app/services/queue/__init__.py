"""The queue (排队叫号): issuing tickets, calling them at counters, reading the board.

``service.QueueService`` is the one entry (``session.queue``); its steps are functions of the
session or connection, the actor and the time: ``tickets`` (取号, expiry), ``calling`` (the
steps every call shares, 指定叫号) with ``calling_sqlite`` and ``calling_pg`` (call-next on
each database), ``counter`` (recall, no-show, finish, transfer, pause…), ``board`` (reads);
``results`` holds the plain values they return.
"""
