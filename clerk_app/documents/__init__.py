"""Printed documents: PDFs drawn with reportlab, their fonts and barcodes, thermal-printer slips.

Every document embeds its TrueType fonts as subsets (``fonts.register_cjk_font``) and refuses
text its fonts cannot draw (``fonts.require_glyphs``, ``fonts.require_glyphs_in_any``): a rare
character (生僻字) in a name must stop the print with a clear message, never vanish from the
paper. ``ticket_slip`` draws the kiosk's 80 mm slip; ``paper`` draws the A4 documents of a case
(受理通知书, 一次性告知书, 承诺书, 不予受理通知书, 补正回执, 办结通知书, 许可证) from a
``paper_data.PaperDocument``, in a primary CJK font with optional fallback fonts
(``CLERK_PDF_FONT``, ``CLERK_PDF_FALLBACK_FONTS``), signed by ``signing``.
"""
