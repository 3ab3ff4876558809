"""Which document type a file really is, from its content (never from its name).

Pure Python: PDF by its magic bytes, DOCX and ODT as ZIP archives with the entries that
define them. Only small entries are read, so a ZIP bomb cannot exhaust memory."""

from __future__ import annotations

import zipfile
from typing import BinaryIO, Literal

DocumentType = Literal["pdf", "docx", "odt"]

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
DOCX_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_MAX_ENTRY = 1_000_000


def _read_entry(archive: zipfile.ZipFile, name: str) -> bytes | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > _MAX_ENTRY:
        return None
    with archive.open(info) as entry:
        return entry.read(_MAX_ENTRY)


def sniff_document(data: BinaryIO) -> DocumentType | None:
    """ "pdf", "docx", "odt" or None when the content is none of them. Leaves the
    stream at its start."""
    data.seek(0)
    head = data.read(8)
    data.seek(0)
    try:
        if head.startswith(b"%PDF-"):
            return "pdf"
        if not head.startswith(b"PK\x03\x04"):
            return None
        try:
            with zipfile.ZipFile(data) as archive:
                mimetype = _read_entry(archive, "mimetype")
                if mimetype is not None and mimetype.strip() == ODT_MIMETYPE:
                    return "odt"
                types = _read_entry(archive, "[Content_Types].xml")
                if types is not None and DOCX_MAIN in types:
                    return "docx"
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError):
            return None
        return None
    finally:
        data.seek(0)
