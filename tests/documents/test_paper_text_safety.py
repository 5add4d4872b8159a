"""Text from data on A4 paper: printed literally, wrapped inside the block, never lost; fonts
with fallbacks, and refusal of what no font can draw."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from paper_readback import fonts_report, outside_text_block, page_texts, read_back, squash
from paper_samples import samples

from clerk_app.documents import fonts as font_module
from clerk_app.documents.fonts import (
    FALLBACK_FONTS_ENV,
    FontUnavailable,
    UnprintableText,
    fallback_font_paths,
    font_runs,
    missing_glyphs,
    missing_in_all,
    register_truetype_font,
    require_glyphs_in_any,
)
from clerk_app.documents.paper import PaperFonts, paper_text, render_paper
from clerk_app.documents.paper.content import Style
from clerk_app.documents.paper.layout import paragraph_styles
from clerk_app.documents.paper.text import clean
from clerk_app.documents.paper.typefaces import HEADING_FONT_ENV, TITLE_FONT_ENV, markup
from clerk_app.documents.paper_data import DocumentKind, MaterialLine
from clerk_app.i18n import set_language

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")  # fonts-dejavu-core
EXT_G = "\U00030edc"  # CJK Extension G: in no font here
PRIVATE = "\ue000"  # private use: in no font here
CONTROLS = "\x00\x07\t\n\r\x1b\x7f\x85\x9f\u2028"
HOSTILE = f'<b>张&amp;三</b> "李" \'王\' > & <font name="x">{CONTROLS}赵'
LONG_NAME = ("某" * 60 + "Abcdefghij" * 10 + "市政工程有限公司" * 5)[:200]

SAMPLES = samples()


@pytest.fixture(scope="module")
def fonts() -> PaperFonts:
    return PaperFonts.load(fallbacks=())


def _fallback_char(primary: str, fallback: str) -> str:
    """A letter the fallback font has and the primary lacks (found, not assumed)."""
    for ch in "ḤṢǁŊƀ☃":
        if missing_glyphs(ch, primary) and not missing_glyphs(ch, fallback):
            return ch
    pytest.skip("no character found that only the fallback font has")


# ---------------------------------------------------------------- clean text


def test_clean_replaces_each_control_character_with_one_space() -> None:
    assert clean("张\x00三\t李\n王\x85赵\u2028钱") == "张 三 李 王 赵 钱"
    assert clean(CONTROLS) == " " * len(CONTROLS)
    assert clean("普通文字 <&>") == "普通文字 <&>"


def test_markup_escapes_everything(fonts: PaperFonts) -> None:
    assert markup("<b>&amp;\"'>", (fonts.body,)) == "&lt;b&gt;&amp;amp;\"'&gt;"


@pytest.mark.parametrize("kind", list(DocumentKind))
def test_hostile_names_print_literally(kind: DocumentKind, fonts: PaperFonts) -> None:
    doc = replace(
        SAMPLES[kind],
        applicant_name=HOSTILE,
        agent_name=LONG_NAME,
        materials=(MaterialLine(HOSTILE, LONG_NAME, "missing", HOSTILE), *SAMPLES[kind].materials),
        extra={HOSTILE: LONG_NAME},
    )
    lines = paper_text(doc)
    assert f"申请人：{clean(HOSTILE)}" in lines or f"被许可人：{clean(HOSTILE)}" in lines
    assert not any(ch in "".join(lines) for ch in CONTROLS if not ch.isspace())
    pdf = render_paper(doc, fonts=fonts)
    text = "".join(page_texts(pdf))
    # printed as written, not read as markup: tags, entities, quotes all visible
    assert squash(clean(HOSTILE)) in squash(text)
    assert squash(LONG_NAME) in squash(text)
    # Every character once: the material's 200-character requirement makes a long table row,
    # which splits inside its cells across the page (each cell's top on one page, the rest on
    # the next), so the order of the read-back differs there from the logical lines.
    assert Counter(read_back(pdf, doc).text) == Counter(squash("".join(lines)))
    assert outside_text_block(pdf) == []


def test_a_long_name_wraps_onto_several_lines(fonts: PaperFonts) -> None:
    doc = replace(SAMPLES[DocumentKind.REJECTION], applicant_name=LONG_NAME)
    pdf = render_paper(doc, fonts=fonts)
    physical = [line for page in page_texts(pdf) for line in page.splitlines()]
    holding = [line for line in physical if squash(line) and squash(line) in LONG_NAME]
    assert len(holding) >= 4  # 200 characters, about 28 a line
    assert outside_text_block(pdf) == []


# ---------------------------------------------------------------- fonts


@pytest.mark.parametrize("char", [EXT_G, PRIVATE])
def test_a_character_no_font_has_is_refused_and_named(char: str, fonts: PaperFonts) -> None:
    set_language("en")
    try:
        doc = replace(SAMPLES[DocumentKind.RECEIPT], applicant_name=f"王{char}明")
        with pytest.raises(UnprintableText) as caught:
            render_paper(doc, fonts=fonts)
        assert f"U+{ord(char):04X}" in str(caught.value)
        assert f"U+{ord(char):04X}" in caught.value.zh
    finally:
        set_language("zh_CN")


def test_nothing_is_drawn_before_the_refusal(
    fonts: PaperFonts, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clerk_app.documents.paper import render

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("drawing started")

    monkeypatch.setattr(render, "BaseDocTemplate", fail)
    with pytest.raises(UnprintableText):
        render_paper(replace(SAMPLES[DocumentKind.NOTICE], item_name=EXT_G), fonts=fonts)


def test_a_fallback_font_draws_what_the_primary_lacks(fonts: PaperFonts, tmp_path: Path) -> None:
    if not DEJAVU.is_file():
        pytest.skip("DejaVu Sans is not installed (fonts-dejavu-core)")
    fallback = register_truetype_font(DEJAVU)
    char = _fallback_char(fonts.body, fallback)
    name = f"穆{char}默德"
    doc = replace(SAMPLES[DocumentKind.PERMIT], applicant_name=name)
    with pytest.raises(UnprintableText, match=f"U\\+{ord(char):04X}"):
        render_paper(doc, fonts=fonts)
    with_fallback = PaperFonts.load(fallbacks=(DEJAVU,))
    pdf = render_paper(doc, fonts=with_fallback)
    assert name in "".join(page_texts(pdf))
    assert read_back(pdf, doc).text == squash("".join(paper_text(doc)))
    names = [row[0] for row in fonts_report(pdf, tmp_path)]
    assert any("DejaVuSans" in n for n in names), names
    assert all(row[1:] == ("yes", "yes", "yes") for row in fonts_report(pdf, tmp_path))
    # a character both fonts have stays in the primary: the fallback only fills gaps
    assert font_runs(f"A{char}中", (fonts.body, fallback)) == [
        (fonts.body, "A"),
        (fallback, char),
        (fonts.body, "中"),
    ]


def test_fallback_fonts_come_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    if not DEJAVU.is_file():
        pytest.skip("DejaVu Sans is not installed (fonts-dejavu-core)")
    monkeypatch.setenv(FALLBACK_FONTS_ENV, f"{tmp_path / 'none.ttf'}")
    with pytest.raises(font_module.FontUnavailable):
        PaperFonts.load()
    monkeypatch.setenv(FALLBACK_FONTS_ENV, f"{DEJAVU}:  :")
    assert fallback_font_paths() == (DEJAVU,)
    loaded = PaperFonts.load()
    assert loaded.fallbacks == (register_truetype_font(DEJAVU),)
    assert loaded.all_fonts == (loaded.body, *loaded.fallbacks)


def test_missing_in_all_and_the_bilingual_message(fonts: PaperFonts) -> None:
    chain = (fonts.body,)
    assert missing_in_all(f"王{EXT_G}明\n{PRIVATE}", chain) == {EXT_G, PRIVATE}
    require_glyphs_in_any("汕头市政务服务中心", chain)
    with pytest.raises(UnprintableText) as caught:
        require_glyphs_in_any(EXT_G, chain)
    assert "U+30EDC" in caught.value.zh and "U+30EDC" in caught.value.en


def test_title_and_heading_faces_come_from_their_settings(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A hall with 黑体 for titles and 仿宋 for the body configures three files; here the title
    face is a copy of the body font under another name, so it registers as its own font (the
    PDF cannot tell two copies of one face apart, so the styles are checked, and the paper
    still reads back exactly with every font embedded)."""
    body = font_module.find_cjk_font()
    title = tmp_path / "title-face.ttc"
    title.write_bytes(body.read_bytes())
    monkeypatch.setenv(TITLE_FONT_ENV, str(title))
    monkeypatch.delenv(HEADING_FONT_ENV, raising=False)
    faces = PaperFonts.load(fallbacks=())
    assert faces.title != faces.body and faces.heading == faces.body
    doc = SAMPLES[DocumentKind.RECEIPT]
    pdf = render_paper(doc, fonts=faces)
    styles = paragraph_styles(faces)
    assert styles[Style.TITLE].fontName == styles[Style.HALL].fontName == faces.title
    assert styles[Style.HEADING].fontName == styles[Style.BODY].fontName == faces.body
    rows = fonts_report(pdf, tmp_path)
    assert all(emb == "yes" and sub == "yes" for _name, emb, sub, _uni in rows)
    assert read_back(pdf, doc).text == squash("".join(paper_text(doc)))

    monkeypatch.setenv(HEADING_FONT_ENV, str(tmp_path / "missing.ttf"))
    with pytest.raises(FontUnavailable):
        PaperFonts.load(fallbacks=())
