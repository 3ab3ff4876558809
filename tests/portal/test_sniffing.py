"""Document types come from the content, never from the name."""

from __future__ import annotations

import io
import zipfile

import pytest

from lim.portal.sniffing import sniff_document
from tests.portal.conftest import PDF, docx_bytes, odt_bytes


def _zip(entries: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in entries.items():
            archive.writestr(name, text)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (PDF, "pdf"),
        (docx_bytes(), "docx"),
        (odt_bytes(), "odt"),
        (b"", None),
        (b"Hello, I am plain text", None),
        (b"\x89PNG\r\n\x1a\n....", None),
        (b"PK\x03\x04 not really a zip", None),
        (_zip({"mimetype": "application/vnd.oasis.opendocument.spreadsheet"}), None),
        (_zip({"[Content_Types].xml": "<Types>spreadsheetml.sheet.main+xml</Types>"}), None),
        (_zip({"readme.txt": "hi"}), None),
    ],
)
def test_sniff_document(content: bytes, expected: str | None) -> None:
    stream = io.BytesIO(content)
    assert sniff_document(stream) == expected
    assert stream.tell() == 0  # left at the start, ready to be stored
