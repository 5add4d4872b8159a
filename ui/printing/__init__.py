"""Documents on paper at the counter: preview of the core's PDFs, printing, the printers."""
