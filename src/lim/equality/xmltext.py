"""Text that XML documents (DOCX, XLSX) can hold.

XML 1.0 forbids most control characters; python-docx and openpyxl refuse them, which made
a download fail on a single vertical tab (Word's Shift+Enter line break) in part 2.
"""

from __future__ import annotations

import re

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = "\x0b\x0c"  # Word's manual line break and page break


def xml_safe(text: str) -> str:
    """Line and page breaks become newlines; other characters XML cannot hold are dropped."""
    return _ILLEGAL.sub(lambda found: "\n" if found.group() in _LINE_BREAKS else "", text)
