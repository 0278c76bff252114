"""T — tone and voice.

The voice (``campaign.voice``: the brand's style guide refined by the
campaign's) says how the brand speaks: its tone words, tu or vous, how many
exclamation marks, which words to prefer or avoid, how easy the copy must be to
read.  The channel profile adds what the channel's audience expects (its tone
words and minimum reading ease).  These rules read every text field of every
message (and of its A/B variants), in the message's language.

Heavy lifting lives in :mod:`campaignlint.language`: tu/vous detection
(``address``), term matching with inflected forms (``terms``, spaCy: only T003
and T008 set ``needs_nlp``), reading ease (``readability``), language
detection (``detect``) and measured tone (``tone``).  Word lists are data:
``rules/<lang>/hype.txt``, ``rules/<lang>/tone.toml`` (acronyms allowed in
capitals), ``rules/tones.toml`` (tone-word bounds).
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Iterable, Iterator

from ..findings import Applicability, Finding, Severity
from ..language.scanning import EMAIL, bare_domain
from ..model import Campaign, Message, TextField
from ..rule import Rule, Setting, fix
from ..source import Span

if TYPE_CHECKING:  # pragma: no cover
    from ..context import CampaignContext
    from ..language.address import Marker


# --------------------------------------------------------------- helpers

def _root(language: str | None) -> str:
    """``"fr-CA"`` → ``"fr"`` (same as ``language.nlp.language_root``, without importing it)."""
    if not language:
        return ""
    return re.split(r"[-_]", language.strip(), maxsplit=1)[0].lower()


def _field_label(message: Message, text: TextField) -> str:
    """``body``, or ``subject of variant b`` for a variant's field."""
    for variant in message.variants:
        if any(t is text for t in variant.texts):
            return f"{text.field} of variant {variant.name}"
    return text.field


def _line(ctx: "CampaignContext", span: Span) -> int | None:
    source = ctx.source(span.path)
    if source is None:
        return None
    return source.position(span.start)[0]


def _quote(s: str, limit: int = 40) -> str:
    s = " ".join(s.split())
    return f"« {s if len(s) <= limit else s[: limit - 1].rstrip() + '…'} »"


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _versions(message: Message) -> list[tuple[str | None, list[TextField]]]:
    """What a reader receives: the message's own fields, then each variant's
    fields over the message's (a variant replaces the fields it sets)."""
    out: list[tuple[str | None, list[TextField]]] = [(None, list(message.texts))]
    for variant in message.variants:
        replaced = {t.field for t in variant.texts}
        texts = [t for t in message.texts if t.field not in replaced] + list(variant.texts)
        out.append((variant.name, texts))
    return out


def _unaccent_upper(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c)).upper()


# --------------------------------------------------------------- T001, T002: tu / vous

_PRONOUN = {"formal": "vous", "informal": "tu"}


def _markers(message: Message, texts: Iterable[TextField]) -> dict[str, list[tuple[Span, "Marker"]]]:
    """The formal and informal markers of ``texts``, with their source spans, in source order."""
    from ..language.address import detect_address

    found: dict[str, list[tuple[Span, Marker]]] = {"formal": [], "informal": []}
    for text in texts:
        result = detect_address(text.value, message.language)
        for kind, markers in (("formal", result.formal), ("informal", result.informal)):
            for marker in markers:
                found[kind].append((text.span_of(marker.start, marker.end), marker))
    for kind in found:
        found[kind].sort(key=lambda item: (item[0].path, item[0].start))
    return found


def _describe_marker(ctx: "CampaignContext", kind: str, span: Span, marker: "Marker") -> str:
    line = _line(ctx, span)
    where = f"line {line}" if line is not None else ""
    if marker.text.lower() == _PRONOUN[kind]:
        return where
    return f"« {marker.text} », {where}" if where else f"« {marker.text} »"


class MixedAddress(Rule):
    """One message mixes the informal and the formal address (tu and vous).

    All the text fields of a message are read together: a subject in *vous*
    and a body in *tu* is a mix too.  An A/B variant is read as the reader
    receives it (its own fields over the message's).  The finding points at
    the first marker of the less used address (a pronoun, a possessive, an
    imperative such as « Profite » or « Découvrez »).  French only: English has
    no tu/vous distinction.  Words inside hashtags, URLs and promo codes never
    count.
    """

    code = "T001"
    name = "mixed-address"
    severity = Severity.ERROR
    why = (
        "Tutoiement and vouvoiement set the relationship with the reader; switching "
        "between them inside one message reads as a copy-paste from two briefs and "
        "damages trust. French style guides ask brands to choose one address per "
        "audience and keep it in every text of a message, subject line included."
    )
    example = (
        'message email_rentree {\n  channel email\n  language fr\n'
        '  subject "Vous cherchez un cartable ?"\n'
        '  body "Profite de -20 % sur toute la papeterie avec le code RENTREE20."\n}'
    )
    correction = (
        'message email_rentree {\n  channel email\n  language fr\n'
        '  subject "Vous cherchez un cartable ?"\n'
        '  body "Profitez de -20 % sur toute la papeterie avec le code RENTREE20."\n}'
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        voice = ctx.campaign.voice
        wanted = voice.address if voice and voice.address in ("formal", "informal") else None
        for message in ctx.campaign.messages:
            if _root(message.language) != "fr":
                continue
            base_mixed = False
            for variant, texts in _versions(message):
                if variant is not None and base_mixed:
                    break  # already reported on the message itself
                found = _markers(message, texts)
                if not (found["formal"] and found["informal"]):
                    continue
                if variant is None:
                    base_mixed = True
                minority = self._minority(found, wanted)
                majority = "formal" if minority == "informal" else "informal"
                m_span, m_marker = found[minority][0]
                j_span, j_marker = found[majority][0]
                where = f"message `{message.name}`" + (f" (variant {variant})" if variant else "")
                yield ctx.finding(
                    self, m_span,
                    f"{where} mixes « {_PRONOUN[majority]} » ({_describe_marker(ctx, majority, j_span, j_marker)}) "
                    f"and « {_PRONOUN[minority]} » ({_describe_marker(ctx, minority, m_span, m_marker)}): "
                    f"address the reader one way throughout "
                    f"({_plural(len(found['formal']), 'formal marker')}, "
                    f"{_plural(len(found['informal']), 'informal marker')})",
                )

    @staticmethod
    def _minority(found: dict, wanted: str | None) -> str:
        n_formal, n_informal = len(found["formal"]), len(found["informal"])
        if n_formal != n_informal:
            return "formal" if n_formal < n_informal else "informal"
        if wanted is not None:  # a tie: the address the voice does not want
            return "formal" if wanted == "informal" else "informal"
        # a tie: the address that appears last
        return "formal" if found["formal"][0][0].start > found["informal"][0][0].start else "informal"


class AddressDiffersFromVoice(Rule):
    """The message's address differs from the voice's `address`.

    With `address formal` no *tu* may appear (and no *vous* with `address
    informal`); `address any`, or no `address`, never fires.  The finding
    points at the first marker of the wrong address in the message (all its
    fields and variants) and says how many there are.  A message that mixes
    both addresses gets this finding too (besides T001): it tells which of the
    two to keep.  French only.
    """

    code = "T002"
    name = "address-differs-from-voice"
    severity = Severity.WARNING
    why = (
        "Whether a brand says tu or vous is a positioning choice made once, in the "
        "style guide: a premium or institutional brand that suddenly says tu, or a "
        "young brand that switches to vous on one channel, sounds like another brand. "
        "Keeping the address of the voice everywhere is part of a consistent "
        "multichannel identity."
    )
    example = (
        'voice { address formal }\n\nmessage ig_teaser {\n  channel instagram\n  language fr\n'
        '  body "Découvre notre collection en lin, tissée au Portugal."\n}'
    )
    correction = (
        'voice { address formal }\n\nmessage ig_teaser {\n  channel instagram\n  language fr\n'
        '  body "Découvrez notre collection en lin, tissée au Portugal."\n}'
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        voice = ctx.campaign.voice
        if voice is None or voice.address not in ("formal", "informal"):
            return
        wrong = "informal" if voice.address == "formal" else "formal"
        for message in ctx.campaign.messages:
            if _root(message.language) != "fr":
                continue
            found = _markers(message, message.copy_texts())
            if not found[wrong]:
                continue
            span, marker = found[wrong][0]
            n = len(found[wrong])
            also = f"; {_plural(n, 'place')} in all" if n > 1 else ""
            yield ctx.finding(
                self, span,
                f"message `{message.name}` says « {_PRONOUN[wrong]} » (« {marker.text} »{also}) "
                f"but the voice's address is {voice.address}: write « {_PRONOUN[voice.address]} »",
            )


# --------------------------------------------------------------- T003: preferred and avoided terms

class AvoidedTerm(Rule):
    """A term the voice `avoid`s, or an old term the voice `prefer`s another one `over`.

    Terms match their inflected forms (plural, feminine, conjugated: "écolos"
    matches "écolo") and across an elision ("d'industriel"), on whole words,
    case-insensitively; hashtags and URLs are not searched.  A word inside an
    occurrence of the preferred term itself is left alone.

    Fix: replace a `prefer … over` match with the preferred term, keeping its
    capitalisation ("Écolo" → "Éco-responsable").  Safe when the copy has the
    old term exactly; unsafe when it has an inflected form ("écolos"), since
    the preferred term may need agreeing by hand.  An `avoid`ed term has no
    replacement: no fix.
    """

    code = "T003"
    name = "avoided-term"
    severity = Severity.WARNING
    fix_applicability = (Applicability.SAFE, Applicability.UNSAFE)
    fix_note = "safe when the copy has the old term exactly; unsafe where the match is an inflected form"
    needs_nlp = True
    why = (
        "A style guide's word list is how a brand keeps one vocabulary across "
        "teams, agencies and channels: « éco-responsable » rather than the flippant "
        "« écolo », no « prix cassés » for a brand that does not sell on price. "
        "Every stray word erodes the positioning the guide protects."
    )
    example = (
        'voice { prefer "éco-responsable" over "écolo" }\n\nmessage ig_teaser {\n'
        '  channel instagram\n  language fr\n  body "Une veste écolo pour courir en ville."\n}'
    )
    correction = (
        'voice { prefer "éco-responsable" over "écolo" }\n\nmessage ig_teaser {\n'
        '  channel instagram\n  language fr\n  body "Une veste éco-responsable pour courir en ville."\n}'
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        voice = ctx.campaign.voice
        if voice is None or not (voice.prefer or voice.avoid):
            return
        preferred_for: dict[str, str] = {}
        for preference in voice.prefer:
            for old in preference.over:
                if old.strip():
                    preferred_for.setdefault(old, preference.preferred)
        avoided = [t.value for t in voice.avoid if t.value.strip() and t.value not in preferred_for]
        terms = list(preferred_for) + avoided
        if not terms:
            return
        from ..language.terms import find_terms, replace_preserving_case

        preferred_terms = sorted(set(preferred_for.values()))
        for message in ctx.campaign.messages:
            for text in message.copy_texts():
                matches = find_terms(text.value, message.language, terms)
                if not matches:
                    continue
                keep = find_terms(text.value, message.language, preferred_terms) if preferred_terms else []
                inside = _inside_other_term(matches, keep)
                for match, is_inside in zip(matches, inside):
                    if is_inside:
                        continue  # the word is part of the preferred term ("mode" in "mode durable")
                    span = text.span_of(match.start, match.end)
                    label = _field_label(message, text)
                    form = "" if match.matched.lower() == match.term.lower() else f" (a form of « {match.term} »)"
                    if match.term in preferred_for:
                        preferred = preferred_for[match.term]
                        replacement = replace_preserving_case(match.matched, preferred)
                        the_fix = None
                        if not any(c in replacement for c in '"\\\n'):
                            applicability = Applicability.SAFE if match.exact else Applicability.UNSAFE
                            the_fix = fix(applicability, [ctx.replace(span, replacement)],
                                          f"replace « {match.matched} » with « {replacement} »")
                        yield ctx.finding(
                            self, span,
                            f"{label} of message `{message.name}` says « {match.matched} »{form}: "
                            f"the voice prefers « {preferred} »",
                            fix=the_fix,
                        )
                    else:
                        yield ctx.finding(
                            self, span,
                            f"{label} of message `{message.name}` says « {match.matched} »{form}, "
                            f"a term the voice avoids: rephrase it",
                        )


def _inside_other_term(matches: list, keep: list) -> list[bool]:
    """For each match: does some ``keep`` match of another term contain it?

    ``k.start <= m.start and m.end <= k.end and k.term != m.term`` for some
    ``k``, answered for all matches in one sweep by start (not matches × keep):
    among the ``keep`` matches starting at or before ``m``, the furthest end of
    a term other than ``m``'s is the furthest end overall, or the furthest end
    of the other terms when the furthest belongs to ``m``'s own term.
    """
    if not keep:
        return [False] * len(matches)
    spans = sorted((k.start, k.end, k.term) for k in keep)
    answer = [False] * len(matches)
    best_end, best_term, second_end = -1, None, -1  # second: furthest end of a term other than best_term
    j = 0
    for i in sorted(range(len(matches)), key=lambda i: matches[i].start):
        m = matches[i]
        while j < len(spans) and spans[j][0] <= m.start:
            _, end, term = spans[j]
            j += 1
            if term == best_term:
                best_end = max(best_end, end)
            elif end > best_end:
                best_end, best_term, second_end = end, term, best_end
            else:
                second_end = max(second_end, end)
        other_end = best_end if best_term != m.term else second_end
        answer[i] = other_end >= m.end
    return answer


# --------------------------------------------------------------- T004: exclamation marks

# "!" and the full-width "！" count one; "‼" two; "⁉" one.  URLs are skipped.
_EXCLAMATION = re.compile(r"[!！‼⁉]")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


def exclamation_marks(text: str) -> list[tuple[int, int]]:
    """``(offset, weight)`` of every exclamation mark of ``text`` outside URLs."""
    urls = [m.span() for m in _URL.finditer(text)]  # in text order, not overlapping
    out = []
    next_url = 0
    for m in _EXCLAMATION.finditer(text):
        while next_url < len(urls) and urls[next_url][1] <= m.start():
            next_url += 1
        if next_url < len(urls) and urls[next_url][0] <= m.start():
            continue
        out.append((m.start(), 2 if m.group() == "‼" else 1))
    return out


class TooManyExclamations(Rule):
    """More exclamation marks in one text field than the voice's `max exclamations`.

    Counted per text field (subject, body, each headline…): "!!!" is three, a
    French "!" after a space counts like any other ("‼" is two).  Marks inside
    URLs do not count.  The finding points at the first mark over the limit.
    When the voice sets no `max exclamations` (or there is no voice), the
    limit is the setting `default-max-exclamations` (2: "!!!" is always too
    many).
    """

    code = "T004"
    name = "too-many-exclamations"
    severity = Severity.WARNING
    settings = (Setting("default-max-exclamations", 2,
                        "exclamation marks allowed per text when the voice sets no `max exclamations`", int, 0),)
    why = (
        "Exclamation marks are the cheapest way to sound excited, and they wear out "
        "fast: copy that exclaims every sentence reads as pushy, gets flagged by spam "
        "filters in subject lines and is refused by ad platforms in headlines. A "
        "style guide caps them so that the one that remains carries weight."
    )
    example = (
        'voice { max exclamations 1 }\n\nmessage tiktok_essai {\n  channel tiktok\n  language fr\n'
        '  body "La nouvelle veste est là !!! Venez l\'essayer !"\n}'
    )
    correction = (
        'voice { max exclamations 1 }\n\nmessage tiktok_essai {\n  channel tiktok\n  language fr\n'
        '  body "La nouvelle veste est là. Venez l\'essayer !"\n}'
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        voice = ctx.campaign.voice
        if voice is not None and voice.max_exclamations is not None:
            limit, source = voice.max_exclamations, f"more than the voice allows (max exclamations {voice.max_exclamations} per text)"
        else:
            limit = ctx.setting("default-max-exclamations")
            source = f"more than the default of {limit} per text (the voice sets no `max exclamations`)"
        for message in ctx.campaign.messages:
            for text in message.copy_texts():
                marks = exclamation_marks(text.value)
                total = sum(w for _, w in marks)
                if total <= limit:
                    continue
                count = 0
                first_over = marks[0][0]
                for offset, weight in marks:
                    count += weight
                    if count > limit:
                        first_over = offset
                        break
                yield ctx.finding(
                    self, text.span_of(first_over, first_over + 1),
                    f"{_field_label(message, text)} of message `{message.name}` has "
                    f"{_plural(total, 'exclamation mark')}, {source}",
                )


# --------------------------------------------------------------- T005: shouting

_CHUNK = re.compile(r"[^\W_]+")
_CODE_LIKE = re.compile(r"(?<![\w-])(?=[\w-]*\d)[\w][\w-]*")
# e-mail addresses ([\w.+-]+@[\w-]+(?:\.[\w-]+)+) and bare domains, found in
# linear time (see ``language.scanning``)
_EMAIL = EMAIL
_BARE_DOMAIN = bare_domain(r"(?i)(?<![\w@.])[a-z0-9][\w-]*(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?")


def _shouting_data(language: str) -> tuple[frozenset[str], frozenset[str]]:
    """(allowed words in capitals, promo-code cue words) for ``language``."""
    from ..resources import load_toml, rules_path

    root = _root(language)
    if not root or not rules_path(root, "tone.toml").is_file():
        return frozenset(), frozenset()
    data = load_toml(root, "tone.toml").get("shouting", {})
    return (frozenset(_unaccent_upper(w) for w in data.get("allowed", [])),
            frozenset(w.lower() for w in data.get("code_cues", [])))


def _campaign_names(campaign: Campaign) -> frozenset[str]:
    """Words that are names, written in capitals on purpose: brand, senders, offer codes, opt-outs."""
    words: set[str] = set()

    def add(value: str | None) -> None:
        if value:
            words.update(_unaccent_upper(w) for w in _CHUNK.findall(value))

    if campaign.brand is not None:
        add(campaign.brand.name)
        add(campaign.brand.display_name)
    for offer in campaign.offers.values():
        add(offer.code)
    for message in campaign.messages:
        for text in message.copy_texts():
            if text.field == "sender":
                add(text.value)
        profile = campaign.channel_profile(message.channel)
        if profile is not None:
            add(profile.opt_out)
    return frozenset(words)


def shouting_runs(text: str, language: str, names: frozenset[str] = frozenset(),
                  min_letters: int = 4) -> list[tuple[int, int]]:
    """Stretches of ``text`` written in capitals that read as shouting.

    A run is a sequence of words in capitals (separated only by spaces and
    punctuation) holding at least one word of ``min_letters`` letters or more.
    Words that never shout: acronyms and keywords of ``rules/<lang>/tone.toml``,
    ``names`` (brand, sender, offer codes: compared in capitals without
    accents), words with digits ("HIVER30", "VOUS-10"), a word right after a
    code cue ("code BIENVENUE"), hashtags, @mentions, URLs, domains and e-mail
    addresses.  Returns ``(start, end)`` offsets.
    """
    from ..text.extract import extract_hashtags, extract_mentions, extract_urls

    allowed, cues = _shouting_data(language)
    masked = [(s.start, s.end) for s in (*extract_hashtags(text), *extract_mentions(text), *extract_urls(text))]
    for pattern in (_EMAIL, _BARE_DOMAIN, _CODE_LIKE):
        masked.extend(m.span() for m in pattern.finditer(text))
    masked.sort()
    # words come in text order: sweep the masked spans (sorted by start) once,
    # keeping the furthest end of those starting at or before the word
    next_mask, covered_until = 0, -1
    runs: list[tuple[int, int]] = []
    current: list[tuple[int, int, int]] = []  # (start, end, letters)
    previous_word = ""

    def close() -> None:
        if current and any(letters >= min_letters for _, _, letters in current):
            runs.append((current[0][0], current[-1][1]))
        current.clear()

    for m in _CHUNK.finditer(text):
        word, (start, end) = m.group(), m.span()
        cue_before = previous_word.lower() in cues
        previous_word = word
        while next_mask < len(masked) and masked[next_mask][0] <= start:
            covered_until = max(covered_until, masked[next_mask][1])
            next_mask += 1
        if start < covered_until or not word.isalpha() or not word.isupper():
            close()
            continue
        key = _unaccent_upper(word)
        if key in allowed or key in names or cue_before:
            close()
            continue
        current.append((start, end, len(word)))
    close()
    return runs


class Shouting(Rule):
    """Shouting: words of 4 or more letters in capitals that are not acronyms, brand names or codes.

    Neighbouring words in capitals make one finding ("LES SOLDES SONT LÀ").
    Never shouting: the acronyms and keywords listed in
    ``rules/<lang>/tone.toml`` (RGPD, STOP, GDPR…), the brand's name, SMS
    senders, the channel's opt-out text, offer codes and any promo-code-like
    word with digits ("HIVER40"), a word right after « code », hashtags,
    mentions and URLs.  The `sender` field itself is not checked.
    """

    code = "T005"
    name = "shouting"
    severity = Severity.WARNING
    settings = (Setting("shouting-min-letters", 4, "a word in capitals shouts from this many letters", int, 2),)
    why = (
        "Capitals read as shouting: they are harder to read (word shapes disappear), "
        "look like spam to filters and readers, and clash with any voice that is not "
        "deliberately loud. Ad platforms refuse headlines in capitals. Emphasis "
        "comes better from the words themselves."
    )
    example = 'message ig_post {\n  channel instagram\n  language fr\n  body "ÉNORME PROMO sur la rentrée"\n}'
    correction = 'message ig_post {\n  channel instagram\n  language fr\n  body "-20 % sur la rentrée"\n}'

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        from .google_ads.assets import takes_over_shouting

        names = _campaign_names(ctx.campaign)
        min_letters = ctx.setting("shouting-min-letters")
        for message in ctx.campaign.messages:
            for text in message.copy_texts():
                if text.field == "sender":
                    continue
                for start, end in shouting_runs(text.value, message.language, names, min_letters):
                    if takes_over_shouting(ctx, message, text, start, end):  # R008 reports it (pack google-ads)
                        continue
                    yield ctx.finding(
                        self, text.span_of(start, end),
                        f"{_field_label(message, text)} of message `{message.name}` shouts: "
                        f"{_quote(text.value[start:end])} is in capitals; write it in normal case "
                        "(acronyms, brand names and codes are fine)",
                    )


# --------------------------------------------------------------- T006: readability

def _num(x: float) -> str:
    return f"{x:g}" if x == int(x) else f"{x:.1f}"


class HardToRead(Rule):
    """A body is harder to read than the channel's or the voice's minimum (the stricter).

    Only `body` fields (of the message and its variants) are scored: subjects,
    headlines and calls to action are too short for a reading-ease formula.
    The score is the Flesch reading ease of the message's language (Flesch for
    English, Kandel–Moles for French; higher is easier).  Bodies of fewer than
    `readability-min-words` words (default 30) are not scored.
    """

    code = "T006"
    name = "hard-to-read"
    severity = Severity.WARNING
    settings = (Setting("readability-min-words", 30, "bodies shorter than this are not scored", int, 1),)
    why = (
        "Marketing copy is skimmed on a phone, between two other things: long "
        "sentences and long words lose readers before the call to action. A "
        "minimum reading ease, set by the channel or the style guide, keeps the "
        "copy plain: short sentences, everyday words, one idea each."
    )
    example = (
        'voice { readability 50 }\n\nmessage email_lancement {\n  channel email\n  language fr\n'
        '  body "Conformément à nos engagements environnementaux, l\'intégralité de nos collections '
        'printanières bénéficie désormais d\'une traçabilité exhaustive, de la fibre jusqu\'à '
        'l\'atelier de confection, permettant à chacun d\'apprécier rigoureusement la '
        'provenance véritable de chaque vêtement proposé."\n}'
    )
    correction = (
        'voice { readability 50 }\n\nmessage email_lancement {\n  channel email\n  language fr\n'
        '  body "Nous suivons chaque vêtement de la fibre à l\'atelier. Vous savez d\'où vient ce '
        'que vous portez. Le coton est bio. Le lin pousse en France. Nos ateliers sont au Portugal."\n}'
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        from ..language.readability import readability

        campaign = ctx.campaign
        voice = campaign.voice
        min_words = ctx.setting("readability-min-words")
        for message in campaign.messages:
            profile = campaign.channel_profile(message.channel)
            sources = []
            if profile is not None and profile.readability is not None:
                sources.append((float(profile.readability), f"the {profile.name} channel"))
            if voice is not None and voice.readability is not None:
                sources.append((float(voice.readability), "the voice"))
            if not sources:
                continue
            limit = max(value for value, _ in sources)
            setters = [who for value, who in sources if value == limit]
            others = [f"{who} asks {_num(value)}" for value, who in sources if value != limit]
            for text in message.copy_texts():
                if text.field != "body":
                    continue
                score = readability(text.value, message.language, min_words=min_words)
                if score is None or score.score >= limit:
                    continue
                note = f" ({', '.join(others)})" if others else ""
                yield ctx.finding(
                    self, text.span,
                    f"{_field_label(message, text)} of message `{message.name}` has a reading ease of "
                    f"{_num(round(score.score, 1))} ({score.words} words in {_plural(score.sentences, 'sentence')}), "
                    f"below the minimum of {_num(limit)} set by {' and '.join(setters)}{note}; "
                    f"formula: {score.formula}. Use shorter sentences and everyday words",
                )


# --------------------------------------------------------------- T007: language

_LANGUAGE_NAMES = {"fr": "French", "en": "English", "es": "Spanish", "de": "German",
                   "it": "Italian", "pt": "Portuguese", "nl": "Dutch"}


def _language_name(code: str) -> str:
    return _LANGUAGE_NAMES.get(code, f"`{code}`")


class WrongLanguage(Rule):
    """A text field is not in the message's language.

    The language is detected from stop words (no model, offline) for French,
    English, Spanish, German, Italian, Portuguese and Dutch.  A text is judged
    only when it has at least `language-min-words` words of prose (default 10;
    URLs, hashtags, codes and numbers left out) and the detection's confidence
    reaches `language-min-confidence` (default 0.5): a call to action or a
    product name never fires.  Messages in another language are not judged.
    """

    code = "T007"
    name = "wrong-language"
    severity = Severity.WARNING
    settings = (
        Setting("language-min-words", 10, "texts with fewer prose words are not judged", int, 1),
        Setting("language-min-confidence", 0.5, "the detection must be at least this sure (0-1)", float, 0, 1),
    )
    why = (
        "Copy pasted from another market's brief, or left untranslated, reaches "
        "readers who may not understand it and tells them the brand did not write "
        "for them; a French newsletter with an English paragraph also confuses "
        "spam filters and screen readers, which follow the declared language."
    )
    example = (
        'message ig_teaser {\n  channel instagram\n  language fr\n'
        '  body "Our spring collection is woven from organic cotton and recycled fibres. '
        'Discover how it is made."\n}'
    )
    correction = (
        'message ig_teaser {\n  channel instagram\n  language fr\n'
        '  body "Notre collection de printemps est tissée en coton bio et fibres recyclées. '
        'Découvrez comment elle est fabriquée."\n}'
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        from ..language.detect import LANGUAGES, detect_language
        from ..language.readability import prose_words

        min_words = ctx.setting("language-min-words")
        min_confidence = ctx.setting("language-min-confidence")
        for message in ctx.campaign.messages:
            expected = _root(message.language)
            if expected not in LANGUAGES:
                continue
            for text in message.copy_texts():
                if len(prose_words(text.value)) < min_words:
                    continue
                found, confidence = detect_language(text.value)
                if found is None or found == expected or confidence < min_confidence:
                    continue
                yield ctx.finding(
                    self, text.span,
                    f"{_field_label(message, text)} of message `{message.name}` reads as "
                    f"{_language_name(found)} (confidence {confidence:.2f}), but the message's language "
                    f"is {_language_name(expected)}: translate it, or set the message's `language`",
                )


# --------------------------------------------------------------- T008: hype

class HypeWords(Rule):
    """Unsubstantiated superlatives and hype words ("le meilleur", "révolutionnaire", "best ever").

    The words come from ``rules/<lang>/hype.txt`` and match their inflected
    forms ("la meilleure", "révolutionnaires"); hashtags and URLs are not
    searched.  Information only: a superlative backed by a figure or a source
    in the same copy is fine, but the linter cannot tell.
    """

    code = "T008"
    name = "hype-word"
    severity = Severity.INFO
    needs_nlp = True
    why = (
        "Superlatives nobody can check (« le meilleur prix du web », « révolutionnaire ») "
        "make readers discount the whole message, and in France an unproven "
        "comparative claim can be a misleading commercial practice. A concrete fact "
        "(« lavable à 30 °C, garanti deux ans ») persuades better."
    )
    example = (
        'message ig_post {\n  channel instagram\n  language fr\n'
        '  body "La veste la plus révolutionnaire de la saison."\n}'
    )
    correction = (
        'message ig_post {\n  channel instagram\n  language fr\n'
        '  body "Une veste déperlante qui sèche en deux heures."\n}'
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        from ..language.terms import find_hype

        for message in ctx.campaign.messages:
            for text in message.copy_texts():
                for match in find_hype(text.value, message.language):
                    yield ctx.finding(
                        self, text.span_of(match.start, match.end),
                        f"{_field_label(message, text)} of message `{message.name}` says "
                        f"« {match.matched} », a claim nobody can check: back it with a fact "
                        "(a figure, a test, a source) or say what is concretely better",
                    )


# --------------------------------------------------------------- T009: measured tone

class ToneOutOfBounds(Rule):
    """A text's measured tone is outside the bounds of the tone words of its channel and the voice.

    Each text field is measured (:func:`campaignlint.language.tone.measure_tone`):
    exclamation marks per sentence, share of words in capitals, emoji,
    address (French), mean sentence length and reading ease.  Each tone word
    declared by the channel (`tone` of its profile) or the voice maps to
    bounds in ``rules/tones.toml`` ("informative": at most 0.5 exclamation
    marks per sentence…); every bound crossed is one finding, which names the
    measured value, the tone word and who declared it.  Unknown tone words
    have no bounds.  A reading-ease bound no stricter than the channel's or
    voice's `readability` is left to T006.  The `sender` field is not
    measured.
    """

    code = "T009"
    name = "tone-out-of-bounds"
    severity = Severity.WARNING
    why = (
        "Tone words in a style guide (« inspirant », « chaleureux », "
        "« authoritative ») only help if they are kept: a LinkedIn post meant to "
        "be authoritative that exclaims three times, or a caring message full of "
        "emoji, contradicts the positioning the brand chose for that channel."
    )
    example = (
        'message li_post {\n  channel linkedin\n'
        '  body "Big news! Our forecasts now explain themselves! Try it today!"\n}'
    )
    correction = (
        'message li_post {\n  channel linkedin\n'
        '  body "Our forecasts now explain themselves, driver by driver. Try it on your own data."\n}'
    )

    def check(self, ctx: "CampaignContext") -> Iterator[Finding]:
        from ..language.tone import check_tone, measure_tone

        campaign = ctx.campaign
        voice = campaign.voice
        voice_tones = list(voice.tone) if voice else []
        for message in campaign.messages:
            profile = campaign.channel_profile(message.channel)
            channel_tones = list(profile.tone) if profile else []
            if not (voice_tones or channel_tones):
                continue
            declared: dict[str, list[str]] = {}
            for tone in channel_tones:
                declared.setdefault(tone.strip().lower(), []).append(f"the {profile.name} channel")
            for tone in voice_tones:
                declared.setdefault(tone.strip().lower(), []).append("the voice")
            readability_floor = max(
                [float(x) for x in (profile.readability if profile else None,
                                    voice.readability if voice else None) if x is not None],
                default=None,
            )
            for text in message.copy_texts():
                if text.field == "sender" or not text.value.strip():
                    continue
                features = measure_tone(text.value, message.language)
                by_bound: dict[str, list] = {}
                for violation in check_tone(features, list(declared)):
                    if (violation.bound == "min_readability" and text.field == "body"
                            and readability_floor is not None and violation.limit <= readability_floor):
                        continue  # T006 reports it
                    by_bound.setdefault(violation.bound, []).append(violation)
                for bound, violations in by_bound.items():
                    # one finding per bound: the strictest tone word, naming the others
                    lower_is_stricter = not bound.startswith("min_")
                    violations.sort(key=lambda v: v.limit if lower_is_stricter else -v.limit)
                    strictest, others = violations[0], violations[1:]
                    who = " and ".join(declared.get(strictest.tone, []))
                    also = ""
                    if others:
                        also = "; " + ", ".join(f"'{v.tone}'" for v in others) + (
                            " is" if len(others) == 1 else " are") + " crossed too"
                    yield ctx.finding(
                        self, text.span,
                        f"{_field_label(message, text)} of message `{message.name}`: {strictest.message}, "
                        f"a tone declared by {who}{also}",
                    )
