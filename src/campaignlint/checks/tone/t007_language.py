"""T007 wrong-language: a text field not in the message's language."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...i18n import gettext as _
from ...findings import Finding, Severity
from ...rule import Rule, Setting
from ._shared import field_label, language_root

if TYPE_CHECKING:  # pragma: no cover
    from ...context import CampaignContext


_LANGUAGE_NAMES = {"fr": "French", "en": "English", "es": "Spanish", "de": "German",
                   "it": "Italian", "pt": "Portuguese", "nl": "Dutch"}


def _language_name(code: str) -> str:
    return _LANGUAGE_NAMES.get(code, f"`{code}`")


def _language(text: str, _language: object) -> tuple[str | None, float]:
    """The fact "language": the detected language and its confidence."""
    from ...language.detect import detect_language

    return detect_language(text)


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
        from ...language.detect import LANGUAGES
        from ...language.readability import prose_word_tuple

        nlp = ctx.nlp
        min_words = ctx.setting("language-min-words")
        min_confidence = ctx.setting("language-min-confidence")
        for message in ctx.campaign.messages:
            expected = language_root(message.language)
            if expected not in LANGUAGES:
                continue
            for text in message.copy_texts():
                words = prose_word_tuple(text.value)  # memoised per text (T006 and T009 read them too)
                if len(words) < min_words:
                    continue
                found, confidence = nlp.fact("language", text.value, None, _language)
                if found is None or found == expected or confidence < min_confidence:
                    continue
                yield ctx.finding(
                    self, text.span,
                    _("{field_label} of message `{message}` reads as {language_name} (confidence "
                      "{confidence:.2f}), but the message's language is {language_name2}: translate it, or "
                      "set the message's `language`").format(
                        field_label=field_label(message, text), message=message.name,
                        language_name=_language_name(found), confidence=confidence,
                        language_name2=_language_name(expected)),
                )
