"""Words people use around country and city names in a search, in the languages we meet most.

Phrases are separated by "|" and normalised on load (`embassies.lib.text.normalize`: no
accents, lower case, punctuation to spaces), so they are written here as people write them.
"""

from __future__ import annotations

from embassies.directory.kinds import Kind
from embassies.lib.text import normalize

# The kind of mission each phrase asks for; plurals and common misspellings included.
_KIND_PHRASES: dict[Kind, str] = {
    Kind.EMBASSY: """embassy|embassies|embasy|embassey|embasssy|embessy|ambassy|botschaft|botschaften|
        ambassade|ambassades|embajada|embajadas|ambasciata|embaixada|ambasada|ambasadu|ambasady|
        velvyslanectví|veleposlaništvo|nagykövetség|büyükelçilik|büyükelçiliği|ambassad|ambassaden|
        suurlähetystö|saatkond|vēstniecība|pasiuntinybė|posolstvo|посольство|посольства|посольств|
        посолство|амбасада|посольстві|سفارة|السفارة|سفارت|שגרירות|大使馆|大使館|đại sứ quán|
        kedutaan|kedutaan besar|sefaret|sefareti|de facto embassy|diplomatic mission""",
    Kind.HIGH_COMMISSION: """high commission|high commissions|high comission|high commision|
        haut-commissariat|hochkommissariat|alta comisión|alto comissariado|высокая комиссия""",
    Kind.CONSULATE_GENERAL: """consulate general|consulates general|consulate-general|
        consul general|general consulate|consulat général|generalkonsulat|consulado general|
        consulado-geral|consolato generale|konsulat generalny|consulaat-generaal|
        generalkonsulatet|генеральное консульство|генконсульство|генконсульства|القنصلية العامة|
        总领事馆|總領事館|başkonsolosluk|başkonsolosluğu""",
    Kind.CONSULATE: """consulate|consulates|consulat|consulats|konsulat|konsulate|consulado|
        consulados|consolato|consulaat|consul|konsul|konzulát|konzulátus|konsulaatti|консульство|
        консульства|консульстве|قنصلية|القنصلية|领事馆|領事館|konsolosluk|konsolosluğu|
        consular office""",
    Kind.HONORARY_CONSULATE: """honorary consulate|honorary consul|honorary consulates|
        honourary consul|consulat honoraire|consul honoraire|honorarkonsulat|honorarkonsul|
        consulado honorario|cónsul honorario|consolato onorario|console onorario|
        почетное консульство|почётное консульство|почетный консул|fahri konsolosluk|fahri konsolos""",
    Kind.CONSULAR_AGENCY: "consular agency|agence consulaire|agencia consular",
    Kind.APOSTOLIC_NUNCIATURE: """apostolic nunciature|nunciature|nunciatura|nunziatura|
        nuntiatur|nunciatura apostólica|nunziatura apostolica|apostolische nuntiatur|
        nonciature|nonciature apostolique|нунциатура|apostolic delegation""",
    Kind.PERMANENT_MISSION: """permanent mission|mission permanente|ständige vertretung|
        misión permanente""",
    Kind.INTERESTS_SECTION: """interests section|interest section|interests sections|
        section d'intérêts|sección de intereses|interessenvertretung|секция интересов""",
    Kind.REPRESENTATIVE_OFFICE: """representative office|representation office|
        economic and cultural office|taipei economic and cultural office|
        taipei representative office|taipei mission|teco|tecro|bureau de représentation|
        oficina económica y cultural de taipei|de facto consulate""",
    Kind.LIAISON_OFFICE: "liaison office|bureau de liaison",
    Kind.TRADE_OFFICE: "trade office|trade mission",
    Kind.SUBNATIONAL_OFFICE: "government office",
}


def _phrases(text: str) -> list[str]:
    return [key for part in text.split("|") if (key := normalize(part))]


KIND_WORDS: dict[str, Kind] = {
    phrase: kind for kind, text in _KIND_PHRASES.items() for phrase in _phrases(text)
}

# Kind phrases that also name the sender: Taiwan's offices, the Holy See's nunciatures.
KIND_IMPLIES_SENDING: dict[str, str] = {
    **dict.fromkeys(
        _phrases(
            "taipei economic and cultural office|taipei representative office|"
            "taipei mission|teco|tecro|oficina económica y cultural de taipei"
        ),
        "TW",
    ),
    **{p: "VA" for p, k in KIND_WORDS.items() if k == Kind.APOSTOLIC_NUNCIATURE},
}

# Words that put the next place in the host's role ("in", "à", "в") ...
HOST_MARKERS = frozenset(
    _phrases("in|at|à|au|aux|en|em|no|na|dans|im|te|to|inside|w|we|v|vo|в|во|на|у|في")
)
# ... or in the sending state's role ("of", "de", "von").
SENDING_MARKERS = frozenset(
    _phrases("of|de|du|des|d|del|della|di|do|da|dos|das|von|der|van|af|for|from")
)
# Words that carry no meaning for search, in any role.
STOPWORDS = (
    frozenset(
        _phrases(
            "the|a|an|and|et|und|y|e|i|l|la|le|les|el|los|las|il|lo|gli|die|das|den|dem|"
            "where|is|are|what|how|find|me|my|nearest|near|closest|address|phone|number|contact|"
            "located|location|office|offices|city|country|please|где|находится|адрес"
        )
    )
    - HOST_MARKERS
    - SENDING_MARKERS
)

# Adjective endings stripped to reach a demonym ("deutsche" -> "deutsch", "francaise" ->
# "francais"); only exact hits in the name index count.
ADJECTIVE_ENDINGS = (
    "ische",
    "isches",
    "ischen",
    "ischer",
    "es",
    "en",
    "er",
    "em",
    "e",
    "a",
    "o",
    "as",
    "os",
    "s",
)

# Russian and other Cyrillic case endings.
CYRILLIC_ENDINGS = "аеёиоуыэюяйь"
