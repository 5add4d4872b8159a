"""The ticket slip (号票) on an ESC/POS thermal printer: Chinese text, native barcode and QR, cut.

Chinese is sent as GB18030 bytes after FS & (Chinese character mode), which the common kiosk
printers (Epson TM-T88 China models, Xprinter, GPrinter, SNBC) understand; python-escpos's own
code-page switching has no CJK code page. Most printers' fonts hold GB2312 or GBK only: a
character outside GBK (four GB18030 bytes, e.g. many 生僻字) may print as a box, so names with
such characters should go through the PDF slip instead. Payloads are the PDF slip's.

A printer object is not thread-safe; use one from one thread at a time.
"""

from __future__ import annotations

import re

from escpos.constants import QR_ECLEVEL_M
from escpos.escpos import Escpos
from escpos.exceptions import Error as EscposError
from escpos.printer import File, Network, Usb

from clerk_app.documents.ticket_slip import (
    TicketSlip,
    ticket_barcode_data,
    ticket_lines,
    ticket_qr_payload,
)
from clerk_app.errors import ClerkError, ConfigError

__all__ = ["PrinterUnavailable", "open_printer", "print_ticket_escpos"]

_FS_CHINESE_ON = b"\x1c&"  # FS &: select Chinese (Kanji) character mode
_FS_CHINESE_OFF = b"\x1c."  # FS .: cancel it
_NUMBER_SIZE = 2  # the ticket number at double width and height (GS !)
_BARCODE_CODE_SET_B = "{B"  # ESC/POS Code 128 data starts with its code set
_DEFAULT_PORT = 9100
_SPEC_HELP_ZH = "应为 network:主机[:端口]、usb:厂商ID:产品ID（十六进制）或 file:设备路径"
_SPEC_HELP_EN = "expected network:HOST[:PORT], usb:VID:PID (hex) or file:DEVICE_PATH"
_HEX_ID = re.compile(r"(?:0[xX])?([0-9A-Fa-f]{1,4})")


class PrinterUnavailable(ClerkError):
    """The ticket printer could not be reached or stopped answering; the slip was not printed."""


def _bad_spec(spec: str, reason_zh: str, reason_en: str) -> ConfigError:
    return ConfigError(
        f"打印机设置 {spec!r} 无效：{reason_zh}。{_SPEC_HELP_ZH}。",
        f"Invalid printer setting {spec!r}: {reason_en}; {_SPEC_HELP_EN}.",
    )


def _network(spec: str, target: str, timeout: float) -> Network:
    # python-escpos connects over IPv4 only, so a host never contains a colon.
    host, sep, port_text = target.partition(":")
    if not host or ":" in port_text:
        raise _bad_spec(spec, "须写主机名或IPv4地址，可加端口", "expected a host or IPv4 address")
    port = _DEFAULT_PORT
    if sep:
        if not port_text.isdigit() or not 0 < int(port_text) < 65536:
            raise _bad_spec(
                spec,
                f"端口 {port_text!r} 不是 1–65535 的数字",
                f"the port {port_text!r} is not a number from 1 to 65535",
            )
        port = int(port_text)
    return Network(host=host, port=port, timeout=timeout)


def _usb(spec: str, target: str) -> Usb:
    ids = [_HEX_ID.fullmatch(part) for part in target.split(":")]
    if len(ids) != 2 or ids[0] is None or ids[1] is None:
        raise _bad_spec(spec, "USB 须写厂商ID和产品ID", "USB needs a vendor and a product id")
    if not Usb.is_usable():
        raise PrinterUnavailable(
            "未安装 USB 打印所需的 pyusb 库，请安装 pyusb 和 libusb，"
            "或改用网络/文件方式连接打印机。",
            "USB printing needs the pyusb library; install pyusb and libusb, or connect the"
            " printer by network or device file.",
        )
    return Usb(idVendor=int(ids[0].group(1), 16), idProduct=int(ids[1].group(1), 16))


def open_printer(spec: str, *, timeout: float = 10.0) -> Escpos:
    """Connect to the ticket printer named by ``spec`` and return it, open.

    ``spec`` is ``network:HOST[:PORT]`` (IPv4 or a host name; port 9100 by default),
    ``usb:VID:PID`` (hexadecimal, e.g. ``usb:0416:5011``) or ``file:/dev/usb/lp0``. Raises
    ``ConfigError`` for a malformed spec and ``PrinterUnavailable`` when the printer cannot be
    opened. ``timeout`` (seconds) bounds a network connection and each send.
    """
    kind, sep, target = spec.strip().partition(":")
    kind = kind.lower()
    if not sep or not target:
        raise _bad_spec(spec, "缺少连接方式或地址", "the connection type or address is missing")
    printer: Escpos
    if kind == "network":
        printer = _network(spec, target, timeout)
    elif kind == "usb":
        printer = _usb(spec, target)
    elif kind == "file":
        printer = File(devfile=target)
    else:
        raise _bad_spec(spec, f"未知的连接方式 {kind!r}", f"unknown connection type {kind!r}")
    try:
        printer.open()
    except (OSError, EscposError) as exc:
        raise PrinterUnavailable(
            f"无法连接号票打印机 {spec}，请检查电源、连线和纸张后重试。（{_one_line(exc)}）",
            f"Cannot reach the ticket printer {spec}; check its power, cable and paper, then"
            f" try again. ({_one_line(exc)})",
        ) from exc
    return printer


def _one_line(exc: BaseException) -> str:
    """The library's message on one line (python-escpos puts the OS error on a second one)."""
    return " ".join(str(exc).split())


def _line(printer: Escpos, text: str) -> None:
    printer._raw(text.encode("gb18030") + b"\n")


def _send_ticket(printer: Escpos, slip: TicketSlip) -> None:
    lines = ticket_lines(slip)
    printer.hw("INIT")
    printer._raw(_FS_CHINESE_ON)
    printer.set(align="center")
    if slip.reprint:
        printer.set(invert=True, bold=True)
        _line(printer, f" {lines['reprint']} ")
        printer.set(invert=False, bold=False)
    printer.set(bold=True)
    _line(printer, lines["hall"])
    printer.set(bold=False)
    _line(printer, "-" * 32)
    printer.set(custom_size=True, width=1, height=2)
    _line(printer, lines["category"])
    printer.set(custom_size=True, width=_NUMBER_SIZE, height=_NUMBER_SIZE, bold=True)
    _line(printer, lines["number"])
    printer.set(custom_size=True, width=1, height=1, bold=False)
    if "priority" in lines:
        printer.set(invert=True)
        _line(printer, f" {lines['priority']} ")
        printer.set(invert=False)
    _line(printer, lines["ahead"])
    _line(printer, lines["wait"])
    if "identity" in lines:
        _line(printer, lines["identity"])
    _line(printer, lines["time"])
    # python-escpos prints "Using hardware barcode renderer" to stdout here. Left alone:
    # redirect_stdout would swap sys.stdout for every thread of the process.
    printer.barcode(
        _BARCODE_CODE_SET_B + ticket_barcode_data(slip),
        "CODE128",
        height=80,  # dots: 10 mm at 203 dpi, as on the PDF slip
        width=3,  # 0.375 mm bars, as on the PDF slip
        pos="OFF",
        function_type="B",
    )
    _line(printer, "")
    printer.qr(ticket_qr_payload(slip), ec=QR_ECLEVEL_M, size=6, native=True)
    _line(printer, lines["notice"])
    printer._raw(_FS_CHINESE_OFF)
    printer.cut()


def print_ticket_escpos(printer: Escpos, slip: TicketSlip) -> None:
    """Print ``slip`` on an ESC/POS printer, centred, and cut the paper.

    Raises ``PrinterUnavailable`` if the printer stops answering mid-slip; the slip may then be
    partly printed, and the kiosk should offer a reprint (``TicketSlip(reprint=True)``).
    """
    try:
        _send_ticket(printer, slip)
    except (OSError, EscposError) as exc:
        raise PrinterUnavailable(
            f"号票打印失败，请检查打印机后补打。（{_one_line(exc)}）",
            f"The ticket slip did not print; check the printer, then reprint it."
            f" ({_one_line(exc)})",
        ) from exc
