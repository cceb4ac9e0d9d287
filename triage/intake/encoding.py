"""Which format a file is in, and how its bytes become text (UTF-8, UTF-16, GBK/GB18030 and what
charset-normalizer recognises)."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from pathlib import PurePath

import charset_normalizer

from triage.errors import InputError

FORMATS = ("jsonl", "csv", "xlsx", "docx", "pdf", "image", "text")

_EXTENSIONS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".docx": "docx",
    ".pdf": "pdf",
    ".png": "image",
    ".jpg": "image",
    ".jpeg": "image",
    ".tif": "image",
    ".tiff": "image",
    ".bmp": "image",
    ".gif": "image",
    ".webp": "image",
    ".txt": "text",
    ".text": "text",
    ".md": "text",
}
_IMAGE_MAGIC = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"II*\x00",
    b"MM\x00*",
    b"GIF87a",
    b"GIF89a",
    b"BM",
)
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc / .xls / .wps

LEGACY_OFFICE_MESSAGE = (
    "legacy Office file (.doc/.xls/.wps, OLE2): not supported; save it as .docx or .xlsx and ingest that"
)


def detect_format(name: str, data: bytes) -> str:
    """One of FORMATS, from the content first (magic bytes, the parts of a zip) and the file name second.

    Returns "unknown" for content that is none of them (a legacy .doc/.xls, a zip of something else,
    binary junk under an unknown extension); the readers turn that into a failure that says so.
    """
    suffix = PurePath(name).suffix.lower()
    head = data[:2048]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    webp = head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    if webp or any(head.startswith(magic) for magic in _IMAGE_MAGIC):
        # "BM" alone is weak evidence: trust it only with an image extension or no text-like extension
        if not (head.startswith(b"BM") and _EXTENSIONS.get(suffix, "image") != "image"):
            return "image"
    if head.startswith(_OLE2_MAGIC):
        return "unknown"
    if head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(data)
        if kind:
            return kind
        by_name = _EXTENSIONS.get(suffix)
        return by_name if by_name in ("xlsx", "docx") else "unknown"
    by_name = _EXTENSIONS.get(suffix)
    if by_name == "text" and _looks_tabular(data):
        return "csv"  # Excel's "Unicode text" export, a table saved as .txt
    if by_name:
        return by_name
    # no known extension: a text file, JSON Lines when its first non-blank character opens an object
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith((b"{", b"[")):
        return "jsonl"
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")) and not _looks_utf16(head):
        return "unknown"
    return "csv" if _looks_tabular(data) else "text"


def _looks_tabular(data: bytes) -> bool:
    """A text file whose first lines hold a header row: tab- or comma-separated cells, one of them exactly a
    recognised text header (内容, 正文, 留言详情 …), another a second recognised field."""
    from triage.intake.fields import HEADERS, clean_header

    head = data[:8192]
    cut = head.rfind(b"\n")
    if cut <= 0:
        return False
    text = None
    for end in (cut + 1, cut + 2):  # UTF-16LE's newline is "\n\x00"
        try:
            text = decode_text(head[:end])
            break
        except Exception:  # a cut multi-byte character, binary: not a table
            continue
    if text is None:
        return False
    known = {name for names in HEADERS.values() for name in names}
    for line in text.splitlines()[:10]:
        for delimiter in ("\t", ","):
            cells = [clean_header(c) for c in line.split(delimiter)]
            has_text = any(c in HEADERS["text"] for c in cells)
            if len(cells) >= 2 and has_text and sum(c in known for c in cells) >= 2:
                return True
    return False


def _zip_kind(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return None


def decode_text(data: bytes) -> str:
    """The text of a file: UTF-8 (with or without BOM), UTF-16/32 (BOM, or the NUL pattern of ASCII-heavy
    text), GB18030 (which covers GBK and GB2312), else what charset-normalizer finds. Raises InputError for
    bytes that are not text in any of them (binary junk)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _checked(_decode(data[3:], "utf-8"), "UTF-8")
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return _checked(_decode(data, "utf-32"), "UTF-32")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _checked(_decode(data, "utf-16"), "UTF-16")
    utf16 = _looks_utf16(data)
    if utf16:
        return _checked(_decode(data, utf16), "UTF-16")
    nuls = data.count(0)
    if nuls > max(2, len(data) // 100):
        raise InputError(f"binary data, not text ({nuls} NUL bytes in {len(data)})")
    try:
        return _checked(data.decode("utf-8"), "UTF-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _plausible_chinese(text):
        return _checked(text, "GB18030")
    best = charset_normalizer.from_bytes(data).best()
    if best is not None and best.encoding:
        text = str(best)
        if _control_share(text) < 0.01:
            return text
    raise InputError(
        "not text in a known encoding (tried UTF-8, UTF-16, GB18030/GBK and detection): binary data?"
    )


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid {encoding.upper()} text: bad bytes at offset {exc.start}") from exc


def _checked(text: str, encoding: str) -> str:
    """Reject "text" that is mostly control characters (a binary file that happens to decode)."""
    if text and _control_share(text) > 0.1:
        raise InputError(f"binary data, not text: decodes as {encoding} but is mostly control characters")
    return text


def _control_share(text: str) -> float:
    sample = text[:20_000]
    if not sample:
        return 0.0
    # NUL is left out: stray NULs in an export are removed later, and many NULs are caught before decoding
    controls = sum(1 for ch in sample if ch not in "\x00\n\r\t\f" and unicodedata.category(ch) == "Cc")
    return controls / len(sample)


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM, recognised by the NUL bytes of its ASCII characters."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even = sample[0::2].count(0) / (len(sample) / 2)
    odd = sample[1::2].count(0) / (len(sample) / 2)
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def _plausible_chinese(text: str) -> bool:
    """GB18030 decodes almost any byte soup: accept it when the non-ASCII characters are common
    (GB2312) Chinese and there are no control characters."""
    if _control_share(text) > 0.01:
        return False
    wide = [ch for ch in text[:20_000] if ord(ch) > 0x7F]
    if not wide:
        return True
    common = 0
    for ch in wide:
        try:
            ch.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return common / len(wide) >= 0.9
