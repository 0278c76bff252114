"""SMS encoding and segments (GSM 03.38), against the Unicode mapping table."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from campaignlint.text.counting import measure
from campaignlint.text.sms import (
    GSM_BASIC,
    GSM_EXTENSION,
    SmsInfo,
    spelling_replacements,
    gsm_replacement_fix,
    gsm_replacements,
    is_gsm,
    sms_info,
)

TABLE = Path(__file__).parent / "data" / "gsm0338.txt"


def _table():
    basic, extension = {}, {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line.startswith("0x"):
            continue  # comments, including the commented alternatives (#0x09 Ç, Greek capitals)
        code, unicode_value = line.split("\t")[:2]
        code, char = int(code, 16), chr(int(unicode_value, 16))
        if code > 0xFF:
            extension[char] = code & 0xFF
        elif code == 0x1B:
            continue  # the escape, shown as a no-break space: not a character of its own
        else:
            basic[char] = code
    return basic, extension


BASIC, EXTENSION = _table()


def test_table_sizes():
    assert len(BASIC) == 127 and len(EXTENSION) == 10


def test_our_alphabet_is_exactly_the_table():
    assert set(BASIC) == GSM_BASIC
    assert EXTENSION == GSM_EXTENSION


@pytest.mark.parametrize("char", sorted(BASIC), ids=lambda c: f"U+{ord(c):04X}")
def test_every_basic_character_costs_one_septet(char):
    # the table as the 3GPP / Unicode mapping reads it (`gsm table standard`)
    info = sms_info(char, "standard")
    assert (info.encoding, info.units, info.non_gsm) == ("GSM-7", 1, [])
    # as senders read it (the default): the same, but 0x09 is the capital Ç
    expected = ("UCS-2", 1, [(0, "ç")]) if char == "ç" else ("GSM-7", 1, [])
    info = sms_info(char)
    assert (info.encoding, info.units, info.non_gsm) == expected


@pytest.mark.parametrize("char", sorted(EXTENSION), ids=lambda c: f"U+{ord(c):04X}")
def test_every_extension_character_costs_two_septets(char):
    info = sms_info(char)
    assert (info.encoding, info.units, info.non_gsm) == ("GSM-7", 2, [])


def test_c_cedilla_as_senders_read_it_and_as_the_standard_table_does():
    # The Unicode table maps 0x09 to the small ç (the ETSI figure shows Ç; the
    # table keeps Ç only as a commented alternative).  Senders - Android's
    # GsmAlphabet, Twilio's segment calculator - put the capital Ç there and
    # send a small ç in UCS-2: that is the default; `gsm table standard` keeps
    # the table's reading.
    assert "#0x09\t0x00C7" in TABLE.read_text(encoding="utf-8")
    info = sms_info("Reçu, merci")
    assert (info.encoding, info.non_gsm) == ("UCS-2", [(2, "ç")])
    assert sms_info("ÇA COMMENCE").encoding == "GSM-7"
    assert sms_info("Façon", "standard").encoding == "GSM-7"
    info = sms_info("ÇA COMMENCE", "standard")
    assert (info.encoding, info.non_gsm) == ("UCS-2", [(0, "Ç")])
    assert gsm_replacement_fix("ÇA COMMENCE", "standard") == "CA COMMENCE"
    assert gsm_replacement_fix("Reçu") == "Recu"
    # a French SMS of 100 characters with one small ç: one UCS-2 part of 70 is not enough
    text = "Votre commande est reçue : retrait en boutique dès demain 10h avec votre carte. STOP au 36173"
    assert sms_info(text).segments == 2 and sms_info(text, "standard").segments == 1


def test_no_break_space_is_not_gsm():
    # 0x1B (escape) is listed as NBSP "for display": an NBSP cannot be sent in GSM-7
    info = sms_info("Soldes\u00a0!")
    assert info.encoding == "UCS-2" and info.non_gsm == [(6, "\u00a0")]


def test_greek_capitals_that_look_latin_are_not_gsm():
    assert sms_info("\u0391").encoding == "UCS-2"  # Greek capital alpha (commented in the table)
    assert sms_info("ΔΦΓΛΩΠΨΣΘΞ").encoding == "GSM-7"  # the ones with codes of their own


# --- segments: GSM-7 --------------------------------------------------------------


@pytest.mark.parametrize(
    "length, segments",
    [(1, 1), (159, 1), (160, 1), (161, 2), (306, 2), (307, 3), (459, 3), (460, 4), (153 * 10, 10)],
)
def test_gsm7_segment_boundaries(length, segments):
    info = sms_info("a" * length)
    assert info.encoding == "GSM-7" and info.units == length
    assert info.segments == segments == len(info.parts)
    if segments > 1:
        assert [len(part) for part in info.parts[:-1]] == [153] * (segments - 1)


def test_extension_characters_count_two_toward_160():
    assert sms_info("€" * 80).units == 160 and sms_info("€" * 80).segments == 1
    assert sms_info("€" * 80 + "a").segments == 2
    assert sms_info("a" * 159 + "€").segments == 2  # 161 septets


def test_escape_pair_is_never_split_across_parts():
    text = "a" * 152 + "€" + "b" * 20  # the € would take septets 153 and 154
    info = sms_info(text)
    assert info.units == 174 and info.segments == 2
    assert info.parts == ("a" * 152, "€" + "b" * 20)  # the first part holds only 152


def test_escape_pairs_can_add_a_segment():
    # 76 € = 152 septets per part (a 77th would need septets 153 and 154)
    text = "€" * 153  # 306 septets: divided by 153 that is 2 parts, honestly 3
    info = sms_info(text)
    assert info.units == 306
    assert info.segments == 3
    assert [len(p) for p in info.parts] == [76, 76, 1]


# --- segments: UCS-2 --------------------------------------------------------------


@pytest.mark.parametrize(
    "length, segments",
    [(70, 1), (71, 2), (134, 2), (135, 3), (201, 3), (202, 4)],
)
def test_ucs2_segment_boundaries(length, segments):
    info = sms_info("ê" * length)
    assert info.encoding == "UCS-2" and info.units == length
    assert info.segments == segments
    if segments > 1:
        assert [len(part) for part in info.parts[:-1]] == [67] * (segments - 1)


def test_emoji_is_never_split_across_parts():
    text = "Merci " + "ê" * 60 + "🌱" + " à bientôt chez Verdure"  # 🌱 would take units 67 and 68
    info = sms_info(text)
    assert info.encoding == "UCS-2"
    assert info.units == 6 + 60 + 2 + 23
    assert info.segments == 2
    assert info.parts[0] == "Merci " + "ê" * 60  # 66 units
    assert info.parts[1].startswith("🌱")


def test_emoji_count_two_units():
    info = sms_info("🌱" * 35)
    assert info.units == 70 and info.segments == 1
    assert sms_info("🌱" * 35 + "a").segments == 2


def test_empty_text():
    info = sms_info("")
    assert (info.encoding, info.units, info.segments, info.parts) == ("GSM-7", 0, 0, ())


# --- realistic French copy ----------------------------------------------------------

VERDURE_SMS = (
    "Verdure : -15 % sur la collection durable de printemps avec le code PRINTEMPS15 "
    "jusqu'au 31/03. verdure.fr/p STOP au 36173"
)


def test_plain_french_sms_fits_one_gsm7_segment():
    info = sms_info(VERDURE_SMS)
    assert info.encoding == "GSM-7"
    assert info.units == len(VERDURE_SMS) == 122
    assert info.segments == 1
    assert measure(VERDURE_SMS, "gsm") == 122


def test_one_typographic_apostrophe_switches_to_ucs2():
    text = VERDURE_SMS.replace("jusqu'au", "jusqu’au")
    info = sms_info(text)
    assert info.encoding == "UCS-2"
    assert info.non_gsm == [(text.index("’"), "’")]
    assert info.segments == 2  # 122 UTF-16 units > 70
    fixed = gsm_replacement_fix(text)
    assert fixed == VERDURE_SMS
    assert sms_info(fixed).segments == 1


def test_non_gsm_lists_every_offending_character_in_order():
    text = "Fête des mères : « -20 % » sur tout 🌸"
    info = sms_info(text)
    assert [c for _, c in info.non_gsm] == ["ê", "«", "»", "🌸"]
    assert all(text[i] == c for i, c in info.non_gsm)


def test_accented_letters_of_the_gsm_alphabet_stay_gsm7():
    assert is_gsm("Été : à très bientôt".replace("ô", "o"))
    assert sms_info("Découvrez nos nouveautés, où que vous soyez").encoding == "GSM-7"


# --- replacements -------------------------------------------------------------------


def test_replacement_fix_on_french_typography():
    text = "C’est l’été\u202f! « Cœur de lin » – 3 coloris… Ça vous tente\u00a0?"
    assert gsm_replacement_fix(text) == "C'est l'été ! \" Coeur de lin \" - 3 coloris... Ça vous tente ?"
    assert gsm_replacement_fix(text, "standard") == (
        "C'est l'été ! \" Coeur de lin \" - 3 coloris... Ca vous tente ?")


def test_replacement_fix_is_none_when_a_character_cannot_be_replaced():
    assert gsm_replacement_fix("Merci ❤️ à bientôt") is None
    assert gsm_replacement_fix("Promo 🌱") is None


def test_replacement_fix_leaves_gsm_text_unchanged():
    assert gsm_replacement_fix(VERDURE_SMS) == VERDURE_SMS


def test_replacement_fix_composes_decomposed_accents():
    assert gsm_replacement_fix("De\u0301couvrez") == "Découvrez"


def test_replacement_table_is_sound():
    table = gsm_replacements()
    assert len(table) > 50
    for char, replacement in table.items():
        assert len(char) == 1, char
        assert unicodedata.normalize("NFC", char) == char, char
        # Ç is GSM-7 as senders read it, not in the standard table: it needs its entry for that one
        assert not is_gsm(char) or not is_gsm(char, "standard"), f"{char!r} is already GSM-7"
        assert is_gsm(replacement) and is_gsm(replacement, "standard"), f"{replacement!r} (for {char!r}) is not GSM-7"
    for char in "’«»\u00a0\u202f…–—œŒêâîôûçÇ":
        assert char in table, char
    # the accented letters are apart: replacing them changes the spelling
    spelling = spelling_replacements()
    assert {"ç", "û", "ë", "ê"} <= set(spelling) and not {"’", "«", "\u00a0", "…", "œ"} & set(spelling)


# --- properties -----------------------------------------------------------------------

_ALPHABET = st.sampled_from(sorted(BASIC) + sorted(EXTENSION) + ["ê", "’", "🌱", "👍🏽", "\u00a0"])


@given(st.lists(_ALPHABET, max_size=400).map("".join))
def test_parts_are_honest(text):
    info = sms_info(text)
    assert isinstance(info, SmsInfo)
    assert "".join(info.parts) == text
    assert info.segments == len(info.parts)
    gsm = info.encoding == "GSM-7"
    assert gsm == is_gsm(text)

    def cost(part: str) -> int:
        if gsm:
            return sum(2 if c in GSM_EXTENSION else 1 for c in part)
        return len(part.encode("utf-16-le")) // 2

    assert info.units == cost(text)
    if info.segments == 1:
        assert info.units <= (160 if gsm else 70)
    elif info.segments > 1:
        capacity = 153 if gsm else 67
        for part, following in zip(info.parts, info.parts[1:]):
            assert 0 < cost(part) <= capacity
            assert cost(part + following[0]) > capacity  # each part is filled as far as it can be
        assert cost(info.parts[-1]) <= capacity
