"""Who an article is owed to: the news agency it comes from, read from its dateline ("KYIV,
Ukraine (AP) —", "(Reuters) -", a Russian agency between slashes, an Arabic one in
parentheses), its byline or its own address, and the publisher it was read on. Pages, feeds
and JSON-LD name them; never this site as author."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from django.utils.translation import gettext

# A dateline sits in the first line; later a "(AP)" is more likely a quote or an aside.
DATELINE_CHARS = 200
# A credit line at the end ("— AFP", "© Reuters 2026") is short; a longer one is a sentence.
CREDIT_LINE_CHARS = 40


@dataclass(frozen=True)
class Agency:
    name: str  # as credited on pages: "Associated Press"
    url: str  # its own site, for JSON-LD; "" for a name an editor typed that is not listed
    marks: tuple[str, ...] = ()  # how datelines and bylines write it: "AP", "The AP"
    hosts: tuple[str, ...] = ()  # sites it publishes on besides its url's

    def all_hosts(self) -> tuple[str, ...]:
        own = _host(self.url)
        return (own, *self.hosts) if own else self.hosts


AGENCIES: tuple[Agency, ...] = (
    Agency(
        "Agence France-Presse",
        "https://www.afp.com/",
        ("AFP", "Agence France Presse", "أ ف ب", "أ.ف.ب"),
    ),
    Agency("Associated Press", "https://www.ap.org/", ("AP",), ("apnews.com",)),
    Agency("Reuters", "https://www.reuters.com/", ("رويترز", "Рейтер")),
    Agency("dpa", "https://www.dpa.com/", ("DPA", "Deutsche Presse-Agentur")),
    Agency("EFE", "https://efe.com/", ("Agencia EFE",)),
    Agency("ANSA", "https://www.ansa.it/"),
    Agency(
        "Xinhua",
        "https://english.news.cn/",
        ("Xinhua News Agency", "新华社"),
        ("news.cn", "xinhuanet.com"),
    ),
    Agency("TASS", "https://tass.com/", ("ТАСС", "ИТАР-ТАСС", "ITAR-TASS"), ("tass.ru",)),
    Agency("RIA Novosti", "https://ria.ru/", ("РИА Новости", "RIA")),
    Agency("Anadolu Agency", "https://www.aa.com.tr/", ("AA", "Anadolu", "Anadolu Ajansı")),
    Agency("KUNA", "https://www.kuna.net.kw/", ("Kuwait News Agency", "كونا")),
    Agency("WAM", "https://www.wam.ae/", ("Emirates News Agency", "وام")),
    Agency("Saudi Press Agency", "https://www.spa.gov.sa/", ("SPA", "واس")),
    Agency("Qatar News Agency", "https://www.qna.org.qa/", ("QNA", "قنا")),
    Agency("United News of India", "https://www.uniindia.com/", ("UNI",)),
    Agency("Press Trust of India", "https://www.ptinews.com/", ("PTI",)),
    Agency("Asian News International", "https://www.aninews.in/", ("ANI",)),
    Agency(
        "Kyodo News", "https://english.kyodonews.net/", ("Kyodo", "共同通信"), ("kyodonews.net",)
    ),
    Agency("Yonhap", "https://en.yna.co.kr/", ("Yonhap News Agency", "연합뉴스"), ("yna.co.kr",)),
    Agency("Bernama", "https://www.bernama.com/"),
    Agency("Antara", "https://en.antaranews.com/", ("ANTARA",), ("antaranews.com",)),
    Agency("PA Media", "https://pa.media/", ("PA", "Press Association")),
    Agency("Interfax", "https://www.interfax.ru/", ("Интерфакс",), ("interfax.com",)),
    Agency("Ukrinform", "https://www.ukrinform.net/", ("Укрінформ",), ("ukrinform.ua",)),
    Agency("IRNA", "https://www.irna.ir/", ("Islamic Republic News Agency", "ایرنا")),
    Agency("MENA", "https://www.mena.org.eg/", ("Middle East News Agency", "أ ش أ")),
    Agency("PAP", "https://www.pap.pl/", ("Polska Agencja Prasowa",)),
    Agency("Lusa", "https://www.lusa.pt/"),
    Agency("Jiji Press", "https://www.jiji.com/", ("Jiji", "時事通信")),
    Agency("UPI", "https://www.upi.com/", ("United Press International",)),
    Agency("Bloomberg", "https://www.bloomberg.com/", ("Bloomberg News",)),
)

# "By Reuters", "The Associated Press", "AFP staff", "Reuters News Agency": the agency itself.
_BY = re.compile(r"^(?:by|par|von|por|di|da|от)\s+", re.IGNORECASE)
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_STAFF = re.compile(r"[\s-]+(?:staff|news|news agency|wire|reporters?|agency)$", re.IGNORECASE)
# "Jane Doe, Associated Press", "Jane Doe (AFP)", "Jane Doe | Reuters", "Jane Doe for AP".
_PERSON_AND_ORG = re.compile(
    r"^(?P<person>.+?)\s*(?:,|\||/|\(|\s[-–—]\s|\sfor\s)\s*(?P<org>[^,|/(]+?)\s*\)?\s*$",
    re.IGNORECASE,
)
# An end credit: "— AFP", "(Reuters)", "© AP 2026", "Source: Xinhua".
_CREDIT_LINE = re.compile(
    r"^[\s\-–—(©]*(?:(?:source|fuente|quelle|источник)\s*:\s*)?"
    r"(?P<org>[^()©\d:]+?)[\s).]*(?:\d{4})?[\s.]*$",
    re.IGNORECASE,
)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


@cache
def _by_mark() -> dict[str, Agency]:
    found: dict[str, Agency] = {}
    for agency in AGENCIES:
        for mark in (agency.name, *agency.marks):
            found.setdefault(_key(mark), agency)
    return found


@cache
def _marks_pattern() -> re.Pattern[str]:
    # Longest first, so "ИТАР-ТАСС" is read whole rather than as its "ТАСС".
    marks = sorted(_by_mark(), key=len, reverse=True)
    return re.compile("|".join(re.escape(m) for m in marks), re.IGNORECASE)


def agency_named(name: str) -> Agency | None:
    """The listed agency a name or mark stands for ("AP", "The Associated Press", "Reuters
    staff"), or None."""
    words = _STAFF.sub("", _THE.sub("", _BY.sub("", name.strip()))).strip(" .")
    return _by_mark().get(_key(words)) or _by_mark().get(_key(name.strip(" .")))


def agency_of_name(name: str) -> Agency | None:
    """An Article.agency value as an Agency: listed, or typed by an editor (no URL)."""
    if not name.strip():
        return None
    return agency_named(name) or Agency(name.strip(), "")


def byline(author: str) -> tuple[str, Agency | None]:
    """The person in a byline and the agency it names: "Jane Doe, AP" -> ("Jane Doe", AP);
    "By Reuters" -> ("", Reuters); "Jane Doe" -> ("Jane Doe", None)."""
    author = " ".join(author.split())
    whole = agency_named(author)
    if whole is not None:
        return "", whole
    parts = _PERSON_AND_ORG.match(author)
    if parts is not None:
        agency = agency_named(parts["org"])
        if agency is not None:
            person = parts["person"].strip(" ,")
            # "Reuters/AFP": two agencies, no person; the first is credited.
            first = agency_named(person)
            return ("", first) if first is not None else (_BY.sub("", person), agency)
    return author, None


def _in_parentheses(line: str) -> Agency | None:
    """ "KYIV, Ukraine (AP) —", "(Reuters) -", "New Delhi, Dec 7 (PTI)", "الرياض (واس) -"."""
    found: list[tuple[Agency, str]] = []
    for match in re.finditer(r"\(\s*([^()]{1,40}?)\s*\)", line):
        agency = _by_mark().get(_key(match[1]))
        if agency is None:
            continue
        before = _key(line[: match.start()])
        # "the Associated Press (AP) said": an abbreviation explained, not a dateline.
        if any(before.endswith(_key(m)) for m in (agency.name, *agency.marks)):
            continue
        found.append((agency, line[match.end() :].lstrip()[:1]))
    # The credit is the one the dash or colon follows; "Amaravati (AP), Dec 7 (PTI)" names a
    # place (Andhra Pradesh) before its comma.
    # Nothing after it: a photo caption's credit ("Smoke over the port (AFP)"), not the story's.
    dashed = [agency for agency, then in found if then and then in "-–—:"]
    unqualified = [agency for agency, then in found if then not in ("", ",")]
    return next(iter(dashed or unqualified), None)


def _in_slashes(line: str) -> Agency | None:
    """Russian datelines name the agency between slashes, sometimes with a correspondent."""
    # "МОСКВА, 7 декабря. /ТАСС/.", "/Корр. ТАСС Иван Петров/."
    for found in re.finditer(r"/([^/\n]{1,80})/", line):
        if re.search(r"\w\.\w", found[1]):  # a web address, not a credit
            continue
        mark = _marks_pattern().search(found[1])
        if mark is not None and _is_word(found[1], mark):
            return _by_mark()[_key(mark[0])]
    return None


def _after_dash(line: str) -> Agency | None:
    """The agency after the dateline's dash, then a full stop."""
    # "МОСКВА, 7 дек — РИА Новости."
    for found in re.finditer(r"(?:^|\s)[-–—]{1,2}\s*([^.,:\-–—]{1,40}?)\s*[.,:]", line):
        agency = _by_mark().get(_key(found[1]))
        if agency is not None:
            return agency
    return None


def _is_word(text: str, mark: re.Match[str]) -> bool:
    before = text[mark.start() - 1] if mark.start() else " "
    after = text[mark.end()] if mark.end() < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def from_dateline(text: str) -> Agency | None:
    """The agency a story's dateline names, read from its first line."""
    first = text.lstrip().partition("\n")[0][:DATELINE_CHARS]
    return _in_parentheses(first) or _in_slashes(first) or _after_dash(first)


def from_credit_line(text: str) -> Agency | None:
    """The agency a short last line names: "— AFP", "(Reuters)", "© AP 2026"."""
    last = text.rstrip().rpartition("\n")[2].strip()
    if not last or len(last) > CREDIT_LINE_CHARS:
        return None
    found = _CREDIT_LINE.match(last)
    return agency_named(found["org"]) if found else None


def from_address(url: str) -> Agency | None:
    """The agency whose own site the article was read on (apnews.com, tass.com)."""
    host = _host(url)
    if not host:
        return None
    for agency in AGENCIES:
        if any(host == h or host.endswith(f".{h}") for h in agency.all_hosts()):
            return agency
    return None


def credited(text: str, author: str = "", source: str = "", source_url: str = "") -> Agency | None:
    """The agency an article is owed to: its byline's, its dateline's, its end credit's, or
    the agency's own site it was published on; None for a publisher's own story."""
    return (
        byline(author)[1]
        or from_dateline(text)
        or from_credit_line(text)
        or from_address(source_url)
        or agency_named(source)
    )


@dataclass(frozen=True)
class Credit:
    """Everyone an article names: a person, the agency, the publisher it was read on."""

    person: str
    agency: Agency | None
    publisher: str  # "" when unknown
    publisher_url: str  # the publisher's home, "" when unknown
    original_url: str  # the article where it was read, "" when unknown

    @property
    def publisher_is_agency(self) -> bool:
        if self.agency is None or not self.publisher:
            return False
        same_site = self.publisher_url and from_address(self.publisher_url) == self.agency
        return bool(same_site) or agency_named(self.publisher) == self.agency

    @property
    def organisation(self) -> str:
        """Who to credit, in words: "Reuters via The Straits Times", "AFP", "BBC News"."""
        if self.agency is None:
            return self.publisher
        if not self.publisher or self.publisher_is_agency:
            return self.agency.name
        return gettext("%(agency)s via %(publisher)s") % {
            "agency": self.agency.name,
            "publisher": self.publisher,
        }

    @property
    def author(self) -> str:
        """The byline if a person wrote it, else the organisation; "" when nothing is known."""
        return self.person or self.organisation


def _home(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/" if parts.scheme and parts.netloc else ""


def credit_for(person: str, agency: str, publisher: str, original_url: str) -> Credit:
    """The credit from an article's fields (author, agency, source, source_url)."""
    return Credit(
        person=person.strip(),
        agency=agency_of_name(agency),
        publisher=publisher.strip(),
        publisher_url=_home(original_url),
        original_url=original_url,
    )
