"""Finding a site's pages: its sitemap (nested sitemaps too) or same-site links, robots.txt
respected, at most `page_limit` pages."""

from __future__ import annotations

import logging
import urllib.robotparser
from collections import deque
from urllib.parse import urldefrag, urljoin, urlparse
from xml.etree import ElementTree

import httpx
from lxml import html as lxml_html

from ingest.documents import SourceError
from ingest.loaders import HTML_TYPES, USER_AGENT, fetch

logger = logging.getLogger(__name__)

DEFAULT_PAGE_LIMIT = 200
_SKIPPED_SUFFIXES = (".css", ".js", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".ico", ".zip")


def is_sitemap_url(url: str) -> bool:
    """Whether a URL names a sitemap (sitemap.xml, sitemap_index.xml, …)."""
    path = urlparse(url).path.lower()
    return path.endswith(".xml") and "sitemap" in path.rsplit("/", 1)[-1]


def load_robots(client: httpx.Client, url: str) -> urllib.robotparser.RobotFileParser:
    """The site's robots.txt rules; a missing robots.txt allows everything."""
    parts = urlparse(url)
    robots = urllib.robotparser.RobotFileParser(f"{parts.scheme}://{parts.netloc}/robots.txt")
    try:
        fetched = fetch(client, robots.url)
        robots.parse(fetched.body.decode("utf-8", errors="replace").splitlines())
    except SourceError:
        robots.parse([])
    return robots


def sitemap_pages(
    client: httpx.Client, sitemap_url: str, *, page_limit: int = DEFAULT_PAGE_LIMIT
) -> list[str]:
    """The page URLs a sitemap lists, following sitemap indexes; SourceError if unreadable."""
    pages: list[str] = []
    pending = deque([sitemap_url])
    seen: set[str] = set()
    while pending and len(pages) < page_limit:
        url = pending.popleft()
        if url in seen:
            continue
        seen.add(url)
        fetched = fetch(client, url)
        try:
            root = ElementTree.fromstring(fetched.body)
        except ElementTree.ParseError as exc:
            raise SourceError(f"not a valid sitemap ({exc})") from exc
        kind = root.tag.rsplit("}", 1)[-1]
        locations = [
            (element.text or "").strip() for element in root.iter() if element.tag.endswith("loc")
        ]
        if kind == "sitemapindex":
            pending.extend(urljoin(url, loc) for loc in locations if loc)
        else:
            pages.extend(urljoin(url, loc) for loc in locations if loc)
    return list(dict.fromkeys(pages))[:page_limit]


def site_pages(
    client: httpx.Client, start_url: str, *, page_limit: int = DEFAULT_PAGE_LIMIT
) -> list[str]:
    """Pages of a site found by following same-site links from `start_url` (breadth first)."""
    robots = load_robots(client, start_url)
    site = urlparse(start_url).netloc
    queue = deque([_normalise(start_url)])
    seen = {queue[0]}
    found: list[str] = []
    while queue and len(found) < page_limit:
        url = queue.popleft()
        if not robots.can_fetch(USER_AGENT, url):
            continue
        try:
            fetched = fetch(client, url)
        except SourceError as exc:
            logger.info("crawl: skipping %s (%s)", url, exc.reason)
            found.append(url)  # still reported, with its reason, when it is ingested
            continue
        found.append(url)
        if fetched.content_type not in HTML_TYPES:
            continue
        for link in _links(fetched.body, fetched.url):
            if urlparse(link).netloc == site and link not in seen:
                seen.add(link)
                queue.append(link)
    return found


def _links(body: bytes, base_url: str) -> list[str]:
    try:
        tree = lxml_html.fromstring(body)
    except (ValueError, lxml_html.etree.ParserError):
        return []
    links = []
    for href in tree.xpath("//a/@href"):
        url = _normalise(urljoin(base_url, str(href)))
        if url.startswith(("http://", "https://")) and not url.lower().endswith(_SKIPPED_SUFFIXES):
            links.append(url)
    return links


def _normalise(url: str) -> str:
    return urldefrag(url)[0]
