"""French, Spanish, Russian and Arabic: names in the forms each language writes them, demonyms,
capitals and metonyms, and the language's own words that look like a country and are not."""

from __future__ import annotations

import csv

import pytest

from embassies.countries import reference
from embassies.news.tagging import languages, tag_text
from embassies.news.tagging.fold import squeeze
from embassies.news.tagging.matcher import find_mentions


def codes(text: str) -> list[str]:
    """The countries a text concerns."""
    return [tag.code for tag in tag_text(text).concerned()]


def matched(text: str) -> dict[str, str]:
    """Each name found, as written -> the country it stands for first."""
    text = squeeze(text)
    return {text[m.start : m.end]: m.term.codes[0] for m in find_mentions(text) if m.term.codes}


# --- forms ---------------------------------------------------------------------------------


def test_russian_names_are_declined_by_rule() -> None:
    assert {"России", "Россию", "Россией"} <= languages.russian_forms("Россия")
    assert {"Украины", "Украине", "Украиной"} <= languages.russian_forms("Украина")
    assert {"Ирана", "Ирану", "Ираном", "Иране"} <= languages.russian_forms("Иран")
    assert {"Китая", "Китае"} <= languages.russian_forms("Китай")
    assert "Южной Кореи" in languages.russian_forms("Южная Корея")
    assert "Соединенных Штатов" in languages.russian_forms("Соединенные Штаты")
    assert "Белого дома" in languages.russian_forms("Белый дом")
    assert languages.russian_forms("США") == {"США"}
    assert languages.russian_forms("Чили") == {"Чили"}


def test_russian_demonyms_take_every_gender_number_and_case() -> None:
    forms = languages.russian_adjective_forms("российский")
    assert {"российская", "российского", "российских", "российскими", "российскую"} <= forms


def test_arabic_names_take_joined_clitics_and_the_article() -> None:
    forms = languages.arabic_forms("العراق")
    assert {"العراق", "والعراق", "بالعراق", "للعراق", "وبالعراق", "وللعراق"} <= forms
    assert {"سوريا", "لسوريا", "وسوريا", "بسوريا"} <= languages.arabic_forms("سوريا")
    assert "الولايات المتحدة" in languages.arabic_forms("الولايات المتحدة")
    assert "بالولايات المتحدة" in languages.arabic_forms("الولايات المتحدة")


def test_arabic_nisba_has_feminine_and_plural_forms() -> None:
    assert {"روسي", "الروسية", "الروسيين", "روسيون"} <= languages.nisba_forms("روسي")
    # Written with the article in the data: bare تركي is also a first name (Turki).
    assert "تركي" not in languages.nisba_forms("التركي")
    assert "التركية" in languages.nisba_forms("التركي")


def test_arabic_keys_ignore_diacritics_hamza_seats_and_casual_endings() -> None:
    assert languages.arabic_key("عُمان") == languages.arabic_key("عمان")
    assert languages.arabic_key("الأردن") == languages.arabic_key("الاردن")
    assert languages.arabic_key("سورية") == languages.arabic_key("سوريه")
    assert languages.arabic_key("مصرى") == languages.arabic_key("مصري")
    assert languages.arabic_key("المتّحدة") == languages.arabic_key("المتحدة")
    assert languages.arabic_key("مـصر") == languages.arabic_key("مصر")


def test_french_and_spanish_demonyms_agree() -> None:
    assert languages.french_forms("français") >= {"française", "françaises"}
    assert languages.french_forms("algérien") >= {"algérienne", "algériens", "algériennes"}
    assert languages.french_forms("turc") >= {"turque", "turcs"}
    assert languages.french_forms("russe") == {"russe", "russes"}
    assert languages.spanish_forms("ruso") == {"ruso", "rusa", "rusos", "rusas"}
    assert languages.spanish_forms("francés") >= {"francesa", "franceses"}
    assert languages.spanish_forms("alemán") >= {"alemana", "alemanes"}
    assert languages.spanish_forms("iraní") >= {"iraníes"}
    assert languages.spanish_forms("estadounidense") >= {"estadounidenses"}


# --- the tagger ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La Russie et l'Ukraine ont échangé des prisonniers.", ["RU", "UA"]),
        ("Los cancilleres de Argentina y de Brasil se reunieron.", ["AR", "BR"]),
        ("Россия и Казахстан подписали соглашение.", ["RU", "KZ"]),
        ("وقعت مصر والأردن اتفاقية للتعاون.", ["EG", "JO"]),
    ],
)
def test_country_names_in_each_language(text: str, expected: list[str]) -> None:
    assert sorted(codes(text)) == sorted(expected)


def test_russian_case_forms_are_found() -> None:
    found = matched("Санкции против России, переговоры с Россией, ситуация на Украине.")
    assert found == {"России": "RU", "Россией": "RU", "Украине": "UA"}
    assert codes("Делегация Южной Кореи прибыла в Анкару.") == ["KR", "TR"]
    assert codes("Делегация Соединенных Штатов прибыла.") == ["US"]
    assert codes("Представители США выступили.") == ["US"]  # not the islands "(США)" qualifies


def test_arabic_prefixed_names_are_found() -> None:
    found = matched("وصل الوفد بالعراق وقدم الدعم للعراق والكويت ولسوريا")
    assert found == {"بالعراق": "IQ", "للعراق": "IQ", "والكويت": "KW", "ولسوريا": "SY"}


def test_arabic_casual_spellings_are_found() -> None:
    assert codes("زار الوفد المصرى المدينة.") == ["EG"]
    assert codes("وأكد أن سوريه مستعدة.") == ["SY"]
    assert codes("وقال إن امريكا مستعدة.") == ["US"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La diplomatie française a salué les autorités algériennes.", ["FR", "DZ"]),
        ("Los ministros franceses y las autoridades rusas.", ["FR", "RU"]),
        ("Los estadounidenses votaron.", ["US"]),
        ("Российский министр встретился с американскими коллегами.", ["RU", "US"]),
        ("التقى الرئيس الروسي بنظيره السعودي.", ["RU", "SA"]),
        ("وأشاد بدعم الأشقاء الكويتيين.", ["KW"]),
    ],
)
def test_demonyms(text: str, expected: list[str]) -> None:
    assert sorted(codes(text)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le ministre est arrivé lundi à Moscou.", "RU"),
        ("El ministro llegó el lunes a Pekín.", "CN"),
        ("Переговоры прошли в Москве.", "RU"),
        ("وصل الوزير إلى موسكو.", "RU"),
        ("Le Kremlin a démenti.", "RU"),
        ("El portavoz del Kremlin lo negó.", "RU"),
        ("Представитель Кремля это опроверг.", "RU"),
        ("ونفى الكرملين ذلك.", "RU"),
        ("La Maison Blanche a démenti.", "US"),
        ("La Casa Blanca lo negó.", "US"),
        ("Представитель Белого дома это опроверг.", "US"),
        ("ونفى البيت الأبيض ذلك.", "US"),
    ],
)
def test_capitals_and_seats_of_government(text: str, expected: str) -> None:
    assert codes(text) == [expected]


def test_french_au_and_du_before_a_name() -> None:
    """ "u k" (a form of "U.K.") inside "du Kenya" must not hide the name after it."""
    assert codes("Des élections au Kenya et du Sénégal.") == ["KE", "SN"]


def test_amman_is_jordan_where_the_text_says_so_and_oman_is_oman() -> None:
    assert codes("أمطار غزيرة في عمان، وقالت السلطات في الأردن إن الطرق أغلقت.") == ["JO"]
    assert codes("استضافت سلطنة عمان المحادثات.") == ["OM"]


@pytest.mark.parametrize(
    "text",
    [
        "Того же мнения придерживаются аналитики.",  # the pronoun, not Togo
        "حصلت الحكومة على دعم مالي جديد.",  # "financial", not Mali
        "ألقى الأمير تركي الفيصل محاضرة.",  # a first name, not Turkish
        "زار مسقط رأسه.",  # "his birthplace", not Muscat
        "La gripe española de 1918.",
        "Servimos el té en tazas de china fina.",  # lower case: porcelain, not China
        "Bruxelles a proposé de nouvelles règles aux Vingt-Sept.",  # the EU, not Belgium
    ],
)
def test_words_of_the_language_that_are_no_country(text: str) -> None:
    assert codes(text) == []


# --- the data file -------------------------------------------------------------------------


def test_every_data_row_is_sourced_and_valid() -> None:
    known = {f.code for f in reference.all_countries()}
    kinds = {"name", "demonym", "metonym", "capital", "region", "city", "block", "skip"}
    with languages.PATH.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) > 400
    for row in rows:
        assert row["lang"] in languages.LANGUAGES, row
        assert row["kind"] in kinds, row
        assert row["source"].strip(), row
        assert all(name.strip() for name in row["names"].split("|")), row
        assert row["code"] in known or (row["kind"] == "block" and not row["code"]), row


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("В Москве прошли переговоры о поставках зерна.", ["RU"]),
        ("Selon Moscou, les pourparlers reprendront lundi.", ["RU"]),
        ("Según Moscú, las conversaciones se reanudarán el lunes.", ["RU"]),
    ],
)
def test_a_capital_after_a_sentence_opening_word_is_no_surname(
    text: str, expected: list[str]
) -> None:
    assert codes(text) == expected


def test_a_russian_genitive_before_a_persons_name_is_the_country() -> None:
    text = "Президент Казахстана Касым-Жомарт Токаев провел переговоры в Пекине."
    assert "KZ" in codes(text)


def test_an_efe_dateline_is_read_as_one() -> None:
    """ "(EFE).-": the bureau's city is no mention, the story's country is the primary."""
    text = (
        "BOGOTÁ, 7 dic (EFE).- El Gobierno de Venezuela anunció este lunes la reapertura de "
        "su frontera con Brasil para el paso de mercancías."
    )
    tagging = tag_text(text, title="Venezuela reabre la frontera")
    assert tagging.primary == "VE"
    assert [c.code for c in tagging.countries if c.passing] == ["CO"]


def test_an_arabic_bureau_dateline_is_read_as_one() -> None:
    """Arabic has no capitals: its first line's city, date and agency make the dateline, and a
    bureau's city the story never names again is only in passing."""
    text = (
        "دبي 7 ديسمبر (رويترز) - أعلنت وزارة الخارجية اليمنية أن قوات الحوثي أطلقت "
        "صاروخين على ناقلة نفط قبالة سواحل اليمن، دون وقوع إصابات بين أفراد الطاقم."
    )
    tagging = tag_text(text, title="هجوم على ناقلة نفط قبالة اليمن")
    assert tagging.primary == "YE"
    assert [c.code for c in tagging.concerned()] == ["YE"]
    assert [c.code for c in tagging.countries if c.passing] == ["AE"]


def test_an_arabic_sentence_before_a_colon_later_in_the_text_is_no_dateline() -> None:
    text = (
        "القاهرة 7 ديسمبر (أ ش أ) - أكد وزير الخارجية المصري دعم بلاده للحل السياسي.\n"
        "وقال الوزير في تونس: إن الحوار هو السبيل الوحيد."
    )
    tagging = tag_text(text)
    assert tagging.primary == "EG"
    assert "TN" in [c.code for c in tagging.concerned()]
