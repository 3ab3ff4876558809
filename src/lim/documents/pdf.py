"""HTML to archival PDF: PDF/A-2b, tagged, with the document's title and language.

Statements and recommendations go to the organisation's archive, so every PDF LIM makes
is PDF/A-2 (ISO 19005-2, self-contained fonts and colour profile) and tagged for screen
readers. No base URL: a document is self-contained and must never fetch anything.
"""

from __future__ import annotations


def html_to_pdf(html: str) -> bytes:
    """Lay out a self-contained HTML document (with <title> and <html lang>) as PDF/A-2b."""
    from weasyprint import HTML

    pdf: bytes = HTML(string=html, base_url=None).write_pdf(pdf_variant="pdf/a-2b", pdf_tags=True)
    return pdf
