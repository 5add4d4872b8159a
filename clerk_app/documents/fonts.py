"""Find, check and register the CJK TrueType font that every PDF document embeds.

reportlab embeds (as a subset) only fonts with TrueType outlines (``glyf``): ``.ttf`` files and
``.ttc`` collections of them. OpenType fonts with PostScript (CFF) outlines, such as Noto Sans CJK
or Source Han, fail, and reportlab's built-in CID fonts (``STSong-Light``) are never embedded, so
the paper would depend on the reader's fonts. The font is chosen in this order: the path given
by the caller, the ``CLERK_PDF_FONT`` environment variable, then known system fonts. A font that
was asked for explicitly and cannot be used is an error, never silently replaced.

A document may also name fallback fonts (``CLERK_PDF_FALLBACK_FONTS``, paths separated by
``os.pathsep``): ``font_runs`` splits text into runs so that each character is drawn in the first
font of a chain that has it, and ``require_glyphs_in_any`` refuses, before anything is drawn,
text with a character no font of the chain has.

Registration is process-wide (reportlab keeps a global font registry) and thread-safe, so
documents may be built on worker threads, one at a time: every PDF that embeds a registered font
is built holding ``drawing_lock`` (see there).
"""

from __future__ import annotations

import os
import sys
import threading
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from clerk_app.errors import ConfigError, ValidationError

__all__ = [
    "FALLBACK_FONTS_ENV",
    "FONT_ENV",
    "FontUnavailable",
    "UnprintableText",
    "drawing_lock",
    "fallback_font_paths",
    "find_cjk_font",
    "font_runs",
    "known_font_paths",
    "missing_glyphs",
    "missing_in_all",
    "register_cjk_font",
    "register_truetype_font",
    "require_glyphs",
    "require_glyphs_in_any",
]

FONT_ENV = "CLERK_PDF_FONT"
FALLBACK_FONTS_ENV = "CLERK_PDF_FALLBACK_FONTS"

# Characters every usable CJK font must have: a font without them is not a Chinese font.
_CJK_PROBE = "政务服务中心号票前面还有人预计等候分钟"

_LINUX_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",  # Debian, Ubuntu (fonts-wqy-microhei)
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",  # Debian, Ubuntu (fonts-wqy-zenhei)
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",  # Fedora
    "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",  # Fedora
    "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",  # Arch
    "/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc",  # Arch
)
# 黑体 first: its even strokes survive thermal printers and low-resolution office printers.
_WINDOWS_FONTS = ("simhei.ttf", "simsun.ttc", "simfang.ttf", "msyh.ttc")
_MACOS_FONTS = (
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "/System/Library/Fonts/STHeiti Light.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
)

_SFNT_TRUETYPE = (b"\x00\x01\x00\x00", b"true")
_SFNT_CFF = b"OTTO"
_TTC = b"ttcf"

_lock = threading.Lock()
# reportlab's TrueType fonts cannot be embedded by two threads at once: subsetting reads the
# font file through one shared read position (``TTFontFile``), so two documents saved at the
# same moment corrupt each other's subsets (a KeyError, or wrong glyphs). The documents of one
# process therefore take turns; separate processes (counter PCs) are not affected.
drawing_lock = threading.RLock()
_registered: dict[tuple[Path, int], str] = {}


class FontUnavailable(ConfigError):
    """No CJK TrueType font can be used for PDF documents."""


class UnprintableText(ValidationError):
    """Text with characters the document font has no glyph for; nothing was printed."""


def known_font_paths(platform: str | None = None) -> tuple[Path, ...]:
    """System fonts tried, in order, when no font is configured (for ``platform``, default ours)."""
    platform = sys.platform if platform is None else platform
    if platform.startswith("win"):
        fonts_dir = Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"
        return tuple(fonts_dir / name for name in _WINDOWS_FONTS)
    if platform == "darwin":
        return tuple(Path(p) for p in _MACOS_FONTS)
    return tuple(Path(p) for p in _LINUX_FONTS)


def _outline_kind(path: Path, subfont_index: int) -> str:
    """``"truetype"``, ``"cff"`` or ``"unknown"``, from the sfnt header of the (sub)font."""
    try:
        return _read_outline_kind(path, subfont_index)
    except OSError:
        return "unknown"


def _read_outline_kind(path: Path, subfont_index: int) -> str:
    with path.open("rb") as file:
        tag = file.read(4)
        if tag == _TTC:
            file.seek(8)
            count = int.from_bytes(file.read(4), "big")
            if not 0 <= subfont_index < count:
                return "unknown"
            file.seek(12 + 4 * subfont_index)
            file.seek(int.from_bytes(file.read(4), "big"))
            tag = file.read(4)
    if tag in _SFNT_TRUETYPE:
        return "truetype"
    return "cff" if tag == _SFNT_CFF else "unknown"


def _check_configured(path: Path, subfont_index: int) -> None:
    """Raise ``FontUnavailable`` unless ``path`` is a readable TrueType font (or collection)."""
    if not path.is_file():
        raise FontUnavailable(
            f"找不到配置的PDF字体文件：{path}。请检查路径或 {FONT_ENV} 设置。",
            f"The configured PDF font file {path} does not exist; check the path or {FONT_ENV}.",
        )
    kind = _outline_kind(path, subfont_index)
    if kind == "cff":
        raise FontUnavailable(
            f"字体 {path.name} 是 PostScript（CFF）轮廓的 OpenType 字体，无法嵌入PDF；"
            "请改用 TrueType 字体，如黑体 simhei.ttf、宋体 simsun.ttc"
            "或文泉驿微米黑 wqy-microhei.ttc。",
            f"The font {path.name} is OpenType with PostScript (CFF) outlines, which cannot be"
            " embedded in PDFs; use a TrueType font such as simhei.ttf, simsun.ttc or"
            " wqy-microhei.ttc.",
        )
    if kind != "truetype":
        raise FontUnavailable(
            f"文件 {path.name} 不是可用的 TrueType 字体（.ttf/.ttc，第 {subfont_index} 个字体）。",
            f"The file {path.name} is not a usable TrueType font (.ttf/.ttc, subfont"
            f" {subfont_index}).",
        )


def find_cjk_font(path: str | os.PathLike[str] | None = None, subfont_index: int = 0) -> Path:
    """The font file to use: ``path``, else ``$CLERK_PDF_FONT``, else the first known system font.

    Raises ``FontUnavailable`` when the configured font is missing or not TrueType, or when no
    configuration is given and none of ``known_font_paths()`` is installed.
    """
    configured = path if path is not None else os.environ.get(FONT_ENV) or None
    if configured is not None:
        chosen = Path(configured).expanduser()
        _check_configured(chosen, subfont_index)
        return chosen
    for candidate in known_font_paths():
        if candidate.is_file() and _outline_kind(candidate, subfont_index) == "truetype":
            return candidate
    tried = [str(p) for p in known_font_paths()]
    raise FontUnavailable(
        f"找不到可嵌入PDF的中文 TrueType 字体（已查找：{'、'.join(tried)}）。请安装文泉驿微米黑"
        f"（fonts-wqy-microhei），或用 {FONT_ENV} 指定黑体、宋体等 .ttf/.ttc 字体文件。",
        f"No Chinese TrueType font for PDFs was found (tried: {', '.join(tried)}). Install"
        f" WenQuanYi Micro Hei (fonts-wqy-microhei) or point {FONT_ENV} to a .ttf/.ttc font"
        " such as simhei.ttf.",
    )


def register_cjk_font(path: str | os.PathLike[str] | None = None, subfont_index: int = 0) -> str:
    """Register the CJK font with reportlab once and return its reportlab font name.

    ``path`` and ``subfont_index`` (the font inside a ``.ttc`` collection) choose the font as in
    ``find_cjk_font``. reportlab embeds the registered font as a subset of the glyphs used.
    """
    font_path = find_cjk_font(path, subfont_index)
    name = _register(font_path, subfont_index)
    if missing_glyphs(_CJK_PROBE, name):
        raise FontUnavailable(
            f"字体 {font_path.name} 不含中文字形，请换用中文 TrueType 字体。",
            f"The font {font_path.name} has no Chinese glyphs; use a Chinese TrueType font.",
        )
    return name


def register_truetype_font(path: str | os.PathLike[str], subfont_index: int = 0) -> str:
    """Register any TrueType font (a fallback: it need not have Chinese) and return its name.

    The file must exist and have TrueType outlines, like a configured CJK font; reportlab embeds
    it as a subset. Registering the same file twice returns the same name.
    """
    font_path = Path(path).expanduser()
    _check_configured(font_path, subfont_index)
    return _register(font_path, subfont_index)


def fallback_font_paths(value: str | None = None) -> tuple[Path, ...]:
    """The fallback fonts named by ``value``, default ``$CLERK_PDF_FALLBACK_FONTS``
    (paths separated by ``os.pathsep``, empty entries ignored), in the order given."""
    raw = os.environ.get(FALLBACK_FONTS_ENV, "") if value is None else value
    return tuple(Path(p.strip()).expanduser() for p in raw.split(os.pathsep) if p.strip())


def _register(font_path: Path, subfont_index: int) -> str:
    """Register ``font_path`` once per process; the reportlab name is derived from the file."""
    key = (font_path.resolve(), subfont_index)
    with _lock:
        name = _registered.get(key)
        if name is not None:
            return name
        name = f"ClerkCJK-{key[0].stem}-{subfont_index}"
        try:
            font = TTFont(name, str(key[0]), subfontIndex=subfont_index)
        except (TTFError, OSError, ValueError) as exc:
            raise FontUnavailable(
                f"字体 {font_path.name} 无法用于PDF（{exc}）。请换用其他 TrueType 中文字体。",
                f"The font {font_path.name} cannot be used for PDFs ({exc}); use another Chinese"
                " TrueType font.",
            ) from exc
        pdfmetrics.registerFont(font)
        _registered[key] = name
        return name


def _char_to_glyph(font_name: str) -> dict[int, int]:
    """The Unicode → glyph map of a registered TrueType font."""
    font = pdfmetrics.getFont(font_name)
    cmap = getattr(getattr(font, "face", None), "charToGlyph", None)
    if not isinstance(cmap, dict):
        raise ValueError(f"{font_name!r} is not a registered TrueType font")
    return cmap


def missing_glyphs(text: str, font_name: str) -> set[str]:
    """The characters of ``text`` that the registered TrueType font ``font_name`` cannot draw.

    Control characters (line breaks, tabs) are not drawn and never count as missing. A character
    mapped to glyph 0 (``.notdef``, the empty box) counts as missing.
    """
    return missing_in_all(text, [font_name])


def require_glyphs(text: str, font_name: str) -> None:
    """Raise ``UnprintableText`` naming every character of ``text`` the font cannot draw."""
    _refuse(missing_glyphs(text, font_name), with_fallbacks=False)


def _drawable(ch: str, cmap: dict[int, int]) -> bool:
    return cmap.get(ord(ch), 0) != 0


def missing_in_all(text: str, font_names: Sequence[str]) -> set[str]:
    """The characters of ``text`` that none of the registered fonts ``font_names`` can draw
    (control characters are not drawn and never count as missing, as in ``missing_glyphs``)."""
    cmaps = [_char_to_glyph(name) for name in font_names]
    return {
        ch
        for ch in set(text)
        if unicodedata.category(ch) != "Cc" and not any(_drawable(ch, m) for m in cmaps)
    }


def require_glyphs_in_any(text: str, font_names: Sequence[str]) -> None:
    """Raise ``UnprintableText`` naming every character of ``text`` that no font of
    ``font_names`` can draw; call it on all the text of a document before drawing any."""
    _refuse(missing_in_all(text, font_names), with_fallbacks=len(font_names) > 1)


def font_runs(text: str, font_names: Sequence[str]) -> list[tuple[str, str]]:
    """``text`` cut into ``(font name, run)`` pairs: each character goes to the first font of
    ``font_names`` that has it, so the primary font (the first) draws all it can and a fallback
    only fills its gaps. Adjacent characters of one font share a run; characters no font has (and
    control characters) stay with the first font: check with ``require_glyphs_in_any`` first."""
    if not font_names:
        raise ValueError("font_runs needs at least one font")
    cmaps = [_char_to_glyph(name) for name in font_names]
    runs: list[tuple[str, str]] = []
    for ch in text:
        index = next((i for i, m in enumerate(cmaps) if _drawable(ch, m)), 0)
        font = font_names[index]
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + ch)
        else:
            runs.append((font, ch))
    return runs


def _refuse(missing: set[str], *, with_fallbacks: bool) -> None:
    """``UnprintableText`` naming the characters of ``missing`` (sorted), if there are any."""
    if not missing:
        return
    chars = sorted(missing)
    listed_zh = "、".join(f"“{ch}”(U+{ord(ch):04X})" for ch in chars)
    listed_en = ", ".join(f"'{ch}' (U+{ord(ch):04X})" for ch in chars)
    if with_fallbacks:
        raise UnprintableText(
            f"打印字体及备用字体都缺少以下字符，无法打印：{listed_zh}。"
            f"请联系管理员用 {FONT_ENV} 或 {FALLBACK_FONTS_ENV} 配置包含这些字的字体。",
            f"Neither the print font nor its fallbacks have a glyph for {listed_en}; ask the"
            f" administrator to set {FONT_ENV} or {FALLBACK_FONTS_ENV} to fonts that have them.",
        )
    raise UnprintableText(
        f"打印字体缺少以下字符，无法打印：{listed_zh}。"
        f"请联系管理员用 {FONT_ENV} 配置包含这些字的字体。",
        f"The print font has no glyph for {listed_en}; ask the administrator to set {FONT_ENV}"
        " to a font that has them.",
    )
