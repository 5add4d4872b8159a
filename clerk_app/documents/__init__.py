"""Printed documents: PDFs drawn with reportlab, their fonts and barcodes, thermal-printer slips.

Every document embeds one CJK TrueType font (``fonts.register_cjk_font``) and refuses text that
font cannot draw (``fonts.require_glyphs``): a rare character (生僻字) in a name must stop the
print with a clear message, never vanish from the paper.
"""
