"""Main-content extraction: HTML (trafilatura), PDF (pypdf), Markdown and plain text.

Pure functions over bytes already loaded; navigation, footers and cookie banners are
dropped by trafilatura's boilerplate removal, headings are kept as Markdown.
"""

from __future__ import annotations

import io
import logging
import re

import lxml.html
import trafilatura
from lxml import etree
from pypdf import PdfReader
from pypdf.errors import PdfReadError
from trafilatura.settings import use_config

from ingest.chunking import MONEY
from ingest.documents import Document, SourceError

logger = logging.getLogger(__name__)

# trafilatura falls back to a flat text baseline (nav links in, headings, tables and lists
# out) when the main content is under 250 characters: a short contact or price page lost
# its labels that way. 50 keeps the structured extraction for those.
_CONFIG = use_config()
_CONFIG.set("DEFAULT", "MIN_EXTRACTED_SIZE", "50")

_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)
# trafilatura keeps the site name in some titles ("Prices – Example Ltd"); the page part is enough.
_TITLE_SUFFIX = re.compile(r"\s+[–—|-]\s+[^–—|-]+$")


def html_document(source: str, html: str) -> Document:
    """The page's title and main content as Markdown; SourceError when there is none."""
    labelled = _keep_labels(html)
    text = _extract(labelled, source)
    unmarked = _main_unmarked(labelled, text)
    if unmarked:
        text = _extract(unmarked, source) or text
    if not text or not text.strip():
        raise SourceError("no readable text on the page")
    text = _with_contact_details(_plain_labels(text))
    metadata = trafilatura.extract_metadata(html, default_url=source)
    title = (metadata.title if metadata and metadata.title else "") or _first_heading(text)
    return Document(source=source, title=_clean_title(title) or source, text=text.strip())


def _extract(html: str, source: str) -> str | None:
    return trafilatura.extract(
        html,
        url=source,
        output_format="markdown",
        include_tables=True,
        include_links=False,
        include_images=False,
        include_comments=False,
        favor_recall=True,
        with_metadata=False,
        deduplicate=False,
        config=_CONFIG,
    )


def _main_unmarked(html: str, extracted: str | None) -> str | None:
    """The page with the class and id names inside its `<main>` taken away, when trafilatura
    kept less than half of that element's text; else None.

    trafilatura takes an element whose class says "story" or "post-content" as the whole
    article: an about page's `<section class="story">` was kept and its team section beside
    it, every name and role, dropped. Without the names it reads the main element whole.
    """
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    main = root.find(".//main")
    if main is None:
        return None
    wanted = len(main.text_content().split())
    if not wanted or len((extracted or "").split()) >= _KEPT_SHARE * wanted:
        return None
    for element in main.iter():
        if isinstance(element.tag, str):
            element.attrib.pop("class", None)
            element.attrib.pop("id", None)
    return lxml.html.tostring(root, encoding="unicode")


_KEPT_SHARE = 0.5


def _keep_labels(html: str) -> str:
    """The page with the labels trafilatura would drop kept next to their values.

    A definition list's terms ("Email", "Phone") and an `<address>` block's lines are how a
    contact page says what a value is; trafilatura keeps the values but not always the
    terms, and splits an address into one paragraph per line. Each `dt`/`dd` pair becomes
    one "Term: value" list item and an address one "Address: line, line" paragraph.
    """
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return html
    changed = False
    for link in list(root.iter("a")):
        # A phone number or email written as a link is text a visitor reads: trafilatura
        # drops a paragraph that is all link, so the link is unwrapped to its text.
        if (link.get("href") or "").lower().startswith(("tel:", "mailto:")):
            link.drop_tag()
            changed = True
    for element in list(root.iter("time", "output")):
        # trafilatura drops a <time> element with its text: a key dates list read
        # ": re-registration deadline for the winter term", without its date
        element.drop_tag()
        changed = True
    for paragraph in list(root.iter("p")):
        if _bold_question(paragraph):
            # "**Do I need to book?**" on a line of its own heads its answer like a FAQ's
            # heading: the question and the paragraphs after it are one passage.
            heading = etree.Element("h4")
            heading.text = " ".join(paragraph.text_content().split())
            heading.tail = paragraph.tail
            paragraph.getparent().replace(paragraph, heading)
            changed = True
    for toggle in [*root.iter("button"), *root.xpath("//*[@role='button']")]:
        if toggle.getparent() is None or not _is_question(toggle.text_content()):
            continue
        # An accordion FAQ's question is the button that opens its answer: trafilatura
        # drops buttons, which left the answers with no question. It heads its answer.
        heading = etree.Element("h3")
        heading.text = " ".join(toggle.text_content().split())
        heading.tail = toggle.tail
        toggle.getparent().replace(toggle, heading)
        changed = True
    for dl in list(root.iter("dl")):
        items, term, pairs = [], None, []
        for child in _dl_entries(dl):
            if child.tag == "dt":
                term = " ".join(child.text_content().split())
            elif child.tag == "dd":
                value = " ".join(child.text_content().split())
                items.append(f"{term}: {value}" if term else value)
                pairs.append((term, value))
        if pairs and all(term and term.endswith("?") for term, _ in pairs):
            # A FAQ written as a definition list: each question heads its own answer, so
            # that each entry is one passage, the way a FAQ with headings is read.
            parent, at = dl.getparent(), dl.getparent().index(dl)
            for offset, (term, value) in enumerate(pairs):
                heading = etree.Element("h3")
                heading.text = term
                answer = etree.SubElement(etree.Element("div"), "p")
                answer.text = value
                parent.insert(at + 2 * offset, heading)
                parent.insert(at + 2 * offset + 1, answer)
            last = parent[at + 2 * len(pairs) - 1]
            last.tail = dl.tail
            parent.remove(dl)
            changed = True
        elif items:
            ul = etree.Element("ul")
            for item in items:
                li = etree.SubElement(ul, "li")
                li.text = item
            ul.tail = dl.tail
            dl.getparent().replace(dl, ul)
            changed = True
    for div in list(root.iter("div")):
        if div.getroottree().getroot() is not root:
            continue  # inside a card already said as one paragraph
        said = _card_text(div) if _is_card(div) else _row_text(div) if _spans_only(div) else None
        if said:
            # Pricing cards written as divs of spans ("<div class="price-row"><span>$325</span>
            # <span>fall or winter term</span></div>"), which trafilatura drops: each said as
            # a labelled sentence ("Small under 10 kg — Bath & tidy: $55; Full groom: $75.").
            p = etree.Element("p")
            p.text = said if said.endswith((".", "!", "?")) else said + "."
            p.tail = div.tail
            div.getparent().replace(div, p)
            changed = True
    for address in list(root.iter("address")):
        lines = [" ".join(part.split()) for part in address.itertext()]
        text = ", ".join(line for line in lines if line)
        if text:
            p = etree.Element("p")
            text = text if text.lower().startswith("address") else f"Address: {text}"
            p.text = text if text.endswith(".") else text + "."
            p.tail = address.tail
            address.getparent().replace(address, p)
            changed = True
    return lxml.html.tostring(root, encoding="unicode") if changed else html


_INLINE = frozenset(
    [
        "span",
        "strong",
        "b",
        "em",
        "i",
        "small",
        "sup",
        "sub",
        "abbr",
        "data",
        "mark",
        "s",
        "del",
        "ins",
        "br",
    ]
)


def _pieces(div: etree._Element) -> list[str]:
    """The texts of a div of inline elements, each element's (with its tail) apart."""
    pieces = [" ".join((div.text or "").split())]
    for child in div:
        pieces.append(" ".join(f"{child.text_content()} {child.tail or ''}".split()))
    return [piece for piece in pieces if piece]


def _dl_entries(dl: etree._Element) -> list[etree._Element]:
    """A definition list's `dt` and `dd` elements in order, those wrapped in a `div` (as HTML
    allows, one `div` per entry) too."""
    entries = []
    for child in dl:
        if child.tag == "div":
            entries += [inner for inner in child if inner.tag in ("dt", "dd")]
        elif child.tag in ("dt", "dd"):
            entries.append(child)
    return entries


def _row_text(div: etree._Element) -> str:
    """A row of spans as one line: "Bath & tidy: $55", "$325 fall or winter term"."""
    pieces = _pieces(div)
    if len(pieces) > 1 and not MONEY.search(pieces[0]) and MONEY.search(pieces[1]):
        return f"{pieces[0]}: {' '.join(pieces[1:])}"
    return " ".join(pieces)


def _is_card(div: etree._Element) -> bool:
    """A card: two or more rows of spans, the first naming it and a later one priced."""
    rows = list(div)
    if len(rows) < 2 or (div.text or "").strip():
        return False
    if any(row.tag != "div" or not _spans_only(row) or (row.tail or "").strip() for row in rows):
        return False
    texts = [" ".join(_pieces(row)) for row in rows]
    return not MONEY.search(texts[0]) and any(MONEY.search(text) for text in texts[1:])


def _card_text(div: etree._Element) -> str:
    rows = list(div)
    return f"{' '.join(_pieces(rows[0]))} — {'; '.join(_row_text(row) for row in rows[1:])}"


def _spans_only(div: etree._Element) -> bool:
    """Whether a div holds text only in inline elements (spans, emphasis, line breaks)."""
    if not len(div) or div.getparent() is None or not div.text_content().strip():
        return False
    return all(isinstance(el.tag, str) and el.tag in _INLINE for el in div.iterdescendants())


def _bold_question(paragraph: etree._Element) -> bool:
    """A paragraph that is only a bold question ("<p><strong>Can I …?</strong></p>")."""
    children = list(paragraph)
    if len(children) != 1 or children[0].tag not in ("strong", "b"):
        return False
    if (paragraph.text or "").strip() or (children[0].tail or "").strip():
        return False
    return _is_question(paragraph.text_content())


def _is_question(text: str) -> bool:
    """A short text that asks something ("Can I just walk in?"): a FAQ entry's question."""
    text = " ".join(text.split())
    return text.endswith("?") and len(text) <= 150


_BOLD_LABEL = re.compile(r"^\*\*([^*\n]{1,30}?):?\*\*:?\s+(\S.*)$", re.MULTILINE)
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")


def _plain_labels(text: str) -> str:
    """ "**Phone** 0113 496 0527" as "Phone: 0113 496 0527." and no Markdown emphasis left.

    A visitor reads the answer as plain text: asterisks are noise, and a label line without
    a full stop would run into the next one as one sentence.
    """

    def labelled(match: re.Match[str]) -> str:
        value = match.group(2).rstrip()
        end = "" if value.endswith((".", "!", "?", ":")) else "."
        return f"{match.group(1).strip()}: {value}{end}"

    return _EMPHASIS.sub(r"\2", _BOLD_LABEL.sub(labelled, text))


_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_PHONE = re.compile(r"(?<![\w/])\+?\(?\d[\d ()./-]{6,}\d(?![\w/])")
_LABELLED = re.compile(
    r"(e-?mail|phone|tel|telephone|call|whatsapp|fax|mobile|text)\b[^\n]{0,40}$", re.IGNORECASE
)
_BARE_VALUE_SLACK = 25  # a line this much longer than the value is a sentence: it has context


def _with_contact_details(text: str) -> str:
    """The text with a "Contact details" section naming each unlabelled email and phone.

    "Email: x" and "Phone: y" answer "what's your email / phone number"; a bare address in a
    list does not say what it is. Labelled ones are left as they are.
    """
    found: list[str] = []
    for line in text.splitlines():
        line = re.sub(r"^[-*+]\s+", "", line.strip()).strip()  # a list marker, not a "+44"
        if len(line) > 80:
            continue
        for match in _EMAIL.finditer(line):
            if len(line) - len(match.group(0)) > _BARE_VALUE_SLACK:
                continue
            if not _LABELLED.search(line[: match.start()]):
                found.append(f"Email: {match.group(0)}.")
        for match in _PHONE.finditer(line):
            digits = re.sub(r"\D", "", match.group(0))
            if len(line) - len(match.group(0)) > _BARE_VALUE_SLACK:
                continue
            if 8 <= len(digits) <= 15 and not _LABELLED.search(line[: match.start()]):
                if not re.fullmatch(r"(19|20)\d\d\D*(19|20)\d\d", match.group(0).strip()):
                    found.append(f"Phone: {match.group(0).strip()}.")
    if not found:
        return text
    unique = list(dict.fromkeys(found))
    return text + "\n\n## Contact details\n\n" + "\n".join(f"- {line}" for line in unique)


def pdf_document(source: str, data: bytes, *, name: str) -> Document:
    """The text of every page of a PDF; SourceError for a scanned or empty PDF."""
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
    except (PdfReadError, ValueError, KeyError) as exc:
        raise SourceError(f"unreadable PDF ({exc})") from exc
    text = "\n\n".join(page for page in pages if page)
    if not text.strip():
        raise SourceError("no text in PDF (scanned images only, or empty)")
    title = ""
    if reader.metadata and reader.metadata.title:
        title = str(reader.metadata.title)
    return Document(source=source, title=title or _name_as_title(name), text=text)


def markdown_document(source: str, text: str, *, name: str) -> Document:
    """A Markdown or plain-text file; its first heading (or file name) is the title."""
    if not text.strip():
        raise SourceError("the file is empty")
    return Document(source=source, title=_first_heading(text) or _name_as_title(name), text=text)


def _first_heading(text: str) -> str:
    match = _MARKDOWN_HEADING.search(text)
    return match.group(1).strip() if match else ""


def _clean_title(title: str) -> str:
    return _TITLE_SUFFIX.sub("", title.strip()) if title else ""


def _name_as_title(name: str) -> str:
    stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return stem.replace("-", " ").replace("_", " ").strip().capitalize() or name
