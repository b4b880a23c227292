"""Clues from around a mention: a person's name ("Michael Jordan"), words that pick a reading.

Word lists are the tagger's grammar, not data about countries, so they live here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from embassies.news.tagging.curated import Reading
from embassies.news.tagging.lexicon import Case, Kind
from embassies.news.tagging.matcher import Mention


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Capitalised words that stand before a place without being a first name: sentence openers,
# directions, titles, landforms ("In Paris", "Central London", "Lake Chad", "King Abdullah").
NOT_NAMES = _words("""
    the a an in on at to from and but or of for with by as while when after before since if so
    yet both neither either unlike like across inside outside within near via into over under
    between through throughout towards toward against about around beyond despite during until
    upon whereas although though because whether where how why what which who whose that this
    these those then now today yesterday tomorrow tonight meanwhile also even only just still
    already all every each many some most more such no not here there said says told visit
    visiting visited north south east west northern southern eastern western central greater
    old new inner outer upper lower downtown metro metropolitan occupied annexed rural urban
    coastal mainland neighbouring neighboring nearby lake mount river sea gulf port fort cape
    bay isle island islands republic kingdom empire state province region city county district
    capital president king queen prince princess emperor sultan emir sheikh pope mayor governor
    minister premier chancellor general ambassador envoy soviet tsarist imperial nazi communist
    democratic federal modern ancient medieval colonial independent free united catholic
    orthodox jewish muslim christian monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
""") | _words("""
    à au aux en de du des le la les selon depuis pour avec dans sur et vers chez entre contre
    a al del desde según para con y el los las hacia sobre entre contra
    в во на из с со к ко по от до у о об за при и для через после перед
""")  # the same openers in French, Spanish and Russian: "Selon Moscou", "В Москве"
PERSON_TITLES = _words("mr mrs ms miss dr sir lord lady dame")
# Capitalised words that follow a place-like first name without making it a person
# ("Jordan Valley", "Paris Agreement", "Washington DC", "Georgia Senate").
NOT_SURNAMES = _words("""
    times post daily news today herald tribune observer journal gazette mail river valley delta
    basin lake sea bay gulf coast mountains rift senate house state states government ministry
    army police airlines airways air national republic kingdom city county province region
    street road avenue square bridge dam airport port harbour harbor station stock exchange cup
    open marathon olympics games embassy consulate president prime premier foreign defence
    defense king queen crown royal central federal supreme court parliament assembly council
    congress bank border armed forces navy electoral commission university college school
    institute museum agreement accord accords convention treaty declaration protocol process
    summit conference talks club peace motor metro zoo mayor governor dc d tech democrats
    republicans democratic republican legislature secretary attorney health power energy
    telecom ltd inc group football fc united rovers olympic stadium time standard
""")
# Words right before a name that make it a place even where the text also has a person so
# called ("Chad Miller ... camps in eastern Chad").
PLACE_CUES = _words("""
    in to from of into across near visit visited visiting eastern western northern southern
    central neighbouring neighboring lake republic kingdom towards toward via throughout inside
    outside within with and between against for about over
""")

_WORD = re.compile(r"[^\W\d_][\w-]*")
_AFTER = re.compile(r" ([^\W\d_][\w-]*)")
_TITLE_WORD = re.compile(r"[^\W\d_]{4,}")


def word_before(text: str, start: int) -> str:
    """The word right before a mention, with only a space between them (no punctuation)."""
    if start < 2 or text[start - 1] != " ":
        return ""
    # str.rfind and one anchored match: a regular expression searching backwards cost more
    # than finding the names
    space = text.rfind(" ", max(0, start - 40), start - 1)
    word = text[space + 1 : start - 1]
    return word if _WORD.fullmatch(word) else ""


def word_after(text: str, end: int) -> str:
    match = _AFTER.match(text, end)
    return match.group(1) if match else ""


def is_title_case(text: str) -> bool:
    """ "Russia Warns Washington Over Sanctions": capitals there say nothing about names."""
    words = _TITLE_WORD.findall(text)
    return len(words) >= 3 and len([w for w in words if w[0].isupper()]) >= 0.6 * len(words)


def _capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


def looks_like_person(text: str, mention: Mention) -> bool:
    """ "Michael Jordan", "Denzel Washington", "Chad Johnson", "Mr London"."""
    term = mention.term
    if term.person or term.kind in (Kind.CAPITAL, Kind.CITY):
        before = word_before(text, mention.start)
        if before.lower() in PERSON_TITLES:
            return True
        if _capitalised(before) and before.lower() not in NOT_NAMES:
            return True
    if term.person:
        after = word_after(text, mention.end)
        return _capitalised(after) and after.lower() not in NOT_SURNAMES
    return False


# For a city's name also used for a person in the same text, only words that take a place:
# "talks with Chad" is a country, "his split with Pereira" is a man, not the Colombian city.
CITY_CUES = PLACE_CUES - _words("with and for about over against between")


def has_place_cue(text: str, mention: Mention) -> bool:
    cues = CITY_CUES if mention.term.kind in (Kind.CITY, Kind.CAPITAL) else PLACE_CUES
    return word_before(text, mention.start).lower() in cues


def choose_reading(readings: tuple[Reading, ...], padded_folded: str) -> Reading | None:
    """The reading whose clue words occur most often; None when no clue occurs at all."""
    counts = [sum(padded_folded.count(f" {clue} ") for clue in r.clues) for r in readings]
    if not counts or max(counts) == 0:
        return None
    return readings[counts.index(max(counts))]


# Datelines: where a wire story was filed, written before its first sentence in every agency's
# style ("KYIV, Ukraine (AP) —", "AMMAN -", "Moscow:", "MOSCOU, 7 décembre (AFP) -",
# "МОСКВА, 7 декабря. /ТАСС/.", "Wellington/New Delhi, Mar 10 (UNI)"). Only the shape counts:
# capitalised words, then a date, an agency in brackets or slashes, or a dash or colon.
# Runs of letters are possessive: a word given back letter by letter can never end a dateline,
# and trying it made lines that are not datelines the slowest part of tagging.
_PLACE_WORD = r"[^\W\d_](?:[\w'’]++|[.\-])*"
_DATELINE = re.compile(
    rf"(?P<city>{_PLACE_WORD}(?:[ /]{_PLACE_WORD}){{0,3}})"
    rf"(?:\s*,\s*(?P<region>{_PLACE_WORD}(?: {_PLACE_WORD}){{0,2}})(?!\w))?"
    r"(?:\s*\[(?P<bracket>[^\]\n]{2,30})\])?"
    r"(?P<date>\s*,?\s*\b(?:\d{1,2}\.?\s+[^\W\d_]++\.?|[^\W\d_]++\.?\s+\d{1,2}\.?)(?:,?\s*\d{4})?,?)?"
    r"\s*(?:(?P<agency>\([^()\n]{1,40}\)|/[^/\n]{1,30}/\.?)\s*\.?\s*(?:—|–|--?|::?|\|)?"
    r"|(?:—|–|--?(?=\s)|::?|\|)|$)"
)
_WEEKDAY = re.compile(
    r"\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b[\s,.:|—–-]*(?=\S|$)"
)
_DATE_OR_AGENCY = re.compile(r"[\d(/]")
_SEPARATED = re.compile(r"(?:[—–:|./]|--?)\s*$")
DATELINE_LINES = 4  # a caption, subheading or date may come first
DATELINE_CHARS = 600
DATELINE_REACH = 120  # "BUENOS AIRES, Argentina, March 2, (AP):" and the like fit in this
_CONNECTORS = _words("de del da do di la le el al of the and y et")


class Dateline(NamedTuple):  # a tuple: made for every story, moved into the cleaned text
    """Offsets in the text it was found in."""

    start: int
    city_end: int
    place_end: int  # the city and any region or country after it
    end: int  # where the story itself starts
    region: str  # "Ukraine" in "KYIV, Ukraine (AP)", "Ga." in "AUGUSTA, Ga. (AP)"
    region_start: int  # where the region starts; place_end when there is none

    def moved(self, to: Callable[[int], int]) -> Dateline:
        """The same dateline with its offsets mapped into another text."""
        return Dateline(
            to(self.start),
            to(self.city_end),
            to(self.place_end),
            to(self.end),
            self.region,
            to(self.region_start),
        )


def _caseless(letter: str) -> bool:
    """A letter of a script without capitals (Arabic): it may start a name as a capital does."""
    return letter.isalpha() and not letter.isupper() and not letter.islower()


def _place_words_ok(place: str) -> bool:
    """Capitalised words, but for connectors inside ("Rio de Janeiro")."""
    words = place.replace("/", " ").split()
    last = len(words) - 1
    for at, word in enumerate(words):
        if word[0].isupper() or _caseless(word[0]):
            continue
        if at in (0, last) or word.lower() not in _CONNECTORS:
            return False
    return True


def _line_dateline(line: str, at: int) -> Dateline | None:
    # A dateline starts with a capital and is short: the expression sees only that much.
    head, caseless = line[:DATELINE_REACH], _caseless(line[0])
    if caseless and not _DATE_OR_AGENCY.search(head):
        return None  # without capitals, only a date or an agency tells a dateline apart
    match = _DATELINE.match(head) if line[0].isupper() or caseless else None
    if match is None:
        return None
    city, own, bracket, date, agency = match.group("city", "region", "bracket", "date", "agency")
    region = own or bracket or ""
    if not (agency or date or region) and match.end() == len(line):
        return None  # a line that is only a name: a heading, unless "Amman, Jordan"
    if caseless and not (date or agency):
        return None  # any sentence before a colon has the shape
    place = f"{city} {region}" if region else city
    if agency and not (date or place.isupper() or _SEPARATED.search(match.group())):
        return None  # "The Supreme Court (STF) ruled": an abbreviation, not an agency
    if not _place_words_ok(place) or (date and len(date) > 30):
        return None
    place_end = match.start("date") if date else match.end("city")
    place_end = max(place_end, match.end("region") if region else 0, match.end("bracket"))
    region_start = (
        (match.start("region") if own else match.start("bracket")) if region else place_end
    )
    day = _WEEKDAY.match(line, match.end())  # "Pretoria | Wednesday": the day is the date
    end = day.end() if day else match.end()
    city_end = at + match.end("city")
    return Dateline(at, city_end, at + place_end, at + end, region, at + region_start)


def named_again(text: str, dateline: Dateline) -> bool:
    """Whether the story names its dateline's city again, capitalised ("DAVOS, Switzerland —
    ... met in Davos"): then it happens there, and was not merely filed from a bureau."""
    rest = text[dateline.end :]
    for city in text[dateline.start : dateline.city_end].split("/"):
        city = city.strip()
        cased = city.lower() != city.upper()  # Arabic has no case: no case-blind search
        # Most stories never name it again: a plain test before any pattern.
        if (city.lower() not in rest.lower()) if cased else (city not in rest):
            continue
        # A pattern that starts with the name is searched fast: the word boundary before it
        # is checked apart.
        name = re.compile(rf"{re.escape(city)}(?!\w)", re.IGNORECASE if cased else 0)
        for found in name.finditer(text, dateline.end):
            first, before = found.group()[0], text[found.start() - 1]
            if not (before.isalnum() or before == "_") and (first.isupper() or _caseless(first)):
                return True
    return False


def find_datelines(text: str) -> list[Dateline]:
    """Candidate datelines at the start of the first lines, first first; offsets in `text`."""
    found: list[Dateline] = []
    at, first = 0, len(text) - len(text.lstrip())  # where the first words start
    for line in text[:DATELINE_CHARS].split("\n")[: DATELINE_LINES * 2]:
        if stripped := line.strip():
            start = at + line.index(stripped[0])
            # Wires in a script without capitals (Arabic) open their first line with it.
            later_caseless = start > first and _caseless(stripped[0])
            if not later_caseless and (dateline := _line_dateline(stripped, start)):
                found.append(dateline)
        at += len(line) + 1
    return found


# Part of a longer proper name: a place name followed by one of these capitalised words names
# an outlet, a brand, an institution, a street, a treaty or a team, not the place ("Jerusalem
# Post", "Turkish Airlines", "Saudi German Hospital", "Lebanon Street", "Almaty Declaration",
# "Manchester United").
NAME_ENDS = _words("""
    times post daily herald tribune observer journal gazette chronicle telegraph express
    independent today mirror star airlines airways hospital hospitals clinic street road
    avenue boulevard lane hill declaration agreement agreements accord accords treaty
    convention conventions protocol consensus principles charter format club cooperation
    organisation organization consultations fc united rovers wanderers athletic albion hotspur
""")
# Capitalised words after a country's name that keep it the country: its institutions and
# offices, and parts of it ("Ukraine President", "Kenya Defence Forces", "Chad Basin").
COUNTRY_FOLLOWERS = NOT_SURNAMES - NAME_ENDS | _words("""
    minister ministers ministry foreign interior finance trade justice armed force forces
    navy coast guard customs immigration intelligence security special envoy embassy
    embassies high commission delegation team squad national mission chief general colonel
    spokesman spokeswoman spokesperson officials authorities authority airport vice deputy
    speaker opposition federation central bank stock market constitution constitutional
    election elections electoral war crisis conflict sanctions relations talks border and or
    reconstruction recovery peace aid relief humanitarian conference summit
    monday tuesday wednesday thursday friday saturday sunday
""")
# "Communist Party of ..." and the like name an organisation, whatever the place after it.
_ORGANISATION = r"(?:Party|Front|Movement|League|Alliance|University|Institute|Museum|Times) of "
_ORGANISATION_WORDS = re.compile(_ORGANISATION)
_ORGANISATION_OF = re.compile(rf"\b{_ORGANISATION}(?:[^\W\d_][\w'’-]*,? ){{0,3}}(?:and )?$")
ORGANISATION_REACH = 80  # characters back from the name
_NEWS_AGENCY = re.compile(r" [Nn]ews [Aa]gency\b")


def _following_words(text: str, end: int, most: int = 3) -> list[str]:
    """The capitalised words right after a name, spaces only between them."""
    words: list[str] = []
    while len(words) < most and _capitalised(after := word_after(text, end)):
        words.append(after.lower())
        end += len(after) + 1
    return words


def _of_organisation(text: str, start: int) -> bool:
    """ "Communist Party of Vietnam", "Party of Guinea and Cape Verde" before a name. The
    expression that says so searches slowly (it ends at the name): the words are looked for
    first, and most texts have none of them."""
    begin = max(0, start - ORGANISATION_REACH)
    return bool(
        _ORGANISATION_WORDS.search(text, begin, start)
        and _ORGANISATION_OF.search(text, begin, start)
    )


def in_longer_name(text: str, mention: Mention, starts: frozenset[int], plain: bool) -> bool:
    """ "Turkey Hill", "Jerusalem Post", "Party of Guinea": the name is not a place here.
    `starts`: where names start in the text ("Russia Ukraine war" is two places); `plain`:
    capitals say nothing here (a title in title case), so only the next word counts."""
    start, end = mention.start, mention.end
    if "\u0400" <= text[start] <= "\u04ff":
        # Russian puts a country in the genitive before a name ("Президент Казахстана
        # Касым-Жомарт Токаев"): a capital after it says nothing about a longer name.
        return False
    # Cheap tests first: this runs for every name found.
    if text.endswith(("of ", "nd "), 0, start) and _of_organisation(text, start):
        return True
    after = text[end + 1 : end + 2]
    if text[end : end + 1] != " " or not after.isalpha() or not (after.isupper() or after == "n"):
        return False
    if _NEWS_AGENCY.match(text, end):
        return True
    following = _following_words(text, mention.end, 1 if plain else 3)
    if any(word in NAME_ENDS for word in following):
        return True
    # A country's own name is rarely followed by another capitalised word that is not one of
    # its institutions: "Turkey Hill", "Chad Smith". Abbreviations ("US Navy") are exempt.
    term = mention.term
    country_word = term.kind in (Kind.NAME, Kind.METONYM) and term.case is Case.TITLE
    if plain or not country_word or not following or text[mention.start : mention.end].isupper():
        return False  # "BELFAST, NORTHERN IRELAND (NYT)": capitals say nothing there
    return following[0] not in COUNTRY_FOLLOWERS and mention.end + 1 not in starts


# Roles: news names the place where things happen after "in" ("a landslide in Papua New
# Guinea", "fighting in eastern Congo"); it names the states that back a side or react to it
# with "-backed" or a verb of reaction ("Rwandan-backed rebels", "Australia pledged aid").
LOCATIVES = _words("in inside into across throughout")
_SIDE = re.compile(
    r"-(?:backed|led|aligned|allied|funded|supported|sponsored|brokered|made|built|supplied|"
    r"based|trained|armed)\b"
    r"|(?:['’]s (?:government|foreign ministry))?,? "
    r"(?:said it |says it |has |have |had |also |will |would |was |is |quickly )*"
    r"(?:condemn(?:s|ed)?|welcome[sd]?|urge[sd]?|praise[sd]?|critici[sz]e[sd]?|denie[sd]|deny|"
    r"pledge[sd]?|offer(?:s|ed)?|send(?:s|ing)?|sent|expressed|called on|congratulate[sd]?|"
    r"voiced|mourn(?:s|ed)?|donate[sd]?|dispatch(?:es|ed)?|airlift(?:s|ed)?|evacuate[sd]?)\b",
)
_DIRECTIONS = _words("north south east west northern southern eastern western central")
# How the words of LOCATIVES and _DIRECTIONS end, with the space before a name.
_PLACE_ENDINGS = tuple({f"{word[-3:]} " for word in LOCATIVES | _DIRECTIONS})
ACTION_PLACE = 1.5
SIDE_STATE = 0.5


def role(text: str, mention: Mention) -> float:
    """A factor on a mention's weight: the place of the action counts more than the states
    that back a side or react to the event."""
    if _SIDE.match(text, mention.end):
        return SIDE_STATE
    if not text.endswith(_PLACE_ENDINGS, 0, mention.start):
        return 1.0  # most names: no "in" or direction before them, and no word to cut out
    before = word_before(text, mention.start).lower()
    if before in _DIRECTIONS:
        before = word_before(text, mention.start - len(before) - 1).lower()
    return ACTION_PLACE if before in LOCATIVES else 1.0


# An aside: a relative clause set off by a comma ("The minister, who studied in Canada, said"),
# in the languages the tagger reads. A country named only there is named in passing.
_ASIDE = re.compile(
    r"[,،]\s(?:who|which|whose|qui|que|quien|quienes|cuyo|cuya|который|которая|которое|которые|"
    r"которого|которой|الذي|التي|الذين)\s[^.,;:!?()\"“”«»]*$"
)
ASIDE_REACH = 80  # characters back from the name: a short clause


def in_aside(text: str, mention: Mention) -> bool:
    """ "..., who studied in Canada, ...": the name sits in a relative clause."""
    before = text[max(0, mention.start - ASIDE_REACH) : mention.start]
    if "," not in before and "،" not in before:
        return False  # no comma, no clause: the common case, without a regular expression
    return bool(_ASIDE.search(before))
