"""E — the file itself: the ``Problem`` the front end emits, and the E-rules' documentation.

The front end does not run rules: it reports what it meets while reading a file
as ``Problem``s (code, span, message), which the engine turns into findings.
The classes below document each code (``scope = "front-end"``: no ``check`` of
their own) and say where in this package it is raised:

* E001 ``parser`` / ``syntax_errors`` (and a bad escape, kept on the value by ``literals``);
* E002–E005, E007 ``resolve``;  E003 also for values ``literals`` could not decode;
* E006 ``loader``;  E008 ``decode`` (the bytes), ``literals`` (a text over the limit).

This module is light (no Lark, no pydantic): ``decode`` uses it on cached runs.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..findings import Applicability, Fix, Severity
from ..rule import Rule
from ..source import Span


@dataclass
class Problem:
    """What the front end found wrong in a file: an E-code, where, and the message."""

    code: str
    span: Span
    message: str
    fix: Fix | None = None  # a safe correction when the meaning is certain (``hints``)


class InvalidSyntax(Rule):
    """The file cannot be read: a syntax error.

    Reports where reading stopped, what was found there and what was expected,
    in plain words: an unclosed text, a missing `}`, a value campaignlint does
    not understand.  What French writing habits produce is named and corrected
    (``hints``): an amount with the currency sign first (`€34.90`), « » or “ ”
    as quotes, a narrow non-breaking space inside a number, `10h00` for a time.
    """

    code = "E001"
    name = "syntax-error"
    severity = Severity.ERROR
    scope = "front-end"
    fix_applicability = (Applicability.SAFE,)
    fix_note = ("Safe, and only offered when the meaning is certain: `€34.90` → `34.90 €`, `« BUCHE15 »` → "
                "`\"BUCHE15\"`, `10h00` → `10:00`, `1 234 €` (narrow space) → `1_234 €`.")
    why = (
        "A file that cannot be read cannot be checked at all: until it is fixed, "
        "none of the campaign's other problems can be seen."
    )
    example = 'message teaser {\n  body "Portez le changement\n}'
    correction = 'message teaser {\n  body "Portez le changement"\n}'


class UnknownKeyword(Rule):
    """A keyword that does not belong where it is written.

    Each block (campaign, message, offer…) has its own attributes; a misspelt
    or misplaced one is reported with the closest valid spelling.
    """

    code = "E002"
    name = "unknown-keyword"
    severity = Severity.ERROR
    scope = "front-end"
    why = (
        "A misspelt attribute is silently meaningless: `sujet` instead of `subject` "
        "means the email has no subject line as far as every check is concerned."
    )
    example = 'message newsletter {\n  channel email\n  sujet "Nos nouveautés"\n}'
    correction = 'message newsletter {\n  channel email\n  subject "Nos nouveautés"\n}'


class InvalidValue(Rule):
    """A value of the wrong kind, or out of range.

    A date where a number is expected, 2027-02-30, a `period` that ends before
    it starts, a `margin` over 100%, a time zone that does not exist, a word
    outside a closed vocabulary (a tone word that rules/tones.toml does not
    define, an `address` other than formal or informal: the known words are
    listed, with the closest one).  A number written the French way (`34,90
    EUR`, `1 234 EUR`) is named as such, with its corrected spelling.
    """

    code = "E003"
    name = "invalid-value"
    severity = Severity.ERROR
    scope = "front-end"
    fix_applicability = (Applicability.SAFE,)
    fix_note = ("Safe, for a number written the French way when its meaning is certain: `34,90 EUR` → `34.90 EUR`, "
                "`1 234,50 EUR` → `1_234.50 EUR`. No fix for `1,234` (decimals or thousands?), nor when the "
                "corrected value would still not be what the attribute takes (`price 34,90`: which currency?).")
    why = (
        "Dates, budgets and percentages drive the planning and budget checks: a "
        "wrong value silently skews every result built on it."
    )
    example = "campaign soldes {\n  period 2027-02-01 .. 2027-02-30\n}"
    correction = "campaign soldes {\n  period 2027-02-01 .. 2027-02-28\n}"


class UndefinedReference(Rule):
    """A reference to a channel, segment, offer, brand or funnel stage that is not defined.

    The message says which name was not found and suggests the closest defined
    one.  KPI and metric names are open: teams have their own.
    """

    code = "E004"
    name = "undefined-reference"
    severity = Severity.ERROR
    scope = "front-end"
    why = (
        "A message sent to a segment that does not exist reaches nobody, and an "
        "offer name with a typo means the price and code checks cannot compare "
        "the copy with the real offer."
    )
    example = "message relance {\n  channel sms\n  segments loyal_custmers\n}"
    correction = "message relance {\n  channel sms\n  segments loyal_customers\n}"


class DuplicateDefinition(Rule):
    """The same name defined twice for the same kind of thing in one scope.

    An `offer` and an `objective` may share a name; two `message`s may not.
    An attribute set twice in one block is reported too.
    """

    code = "E005"
    name = "duplicate-definition"
    severity = Severity.ERROR
    scope = "front-end"
    why = (
        "With two messages called `teaser`, reports, schedules and A/B results "
        "cannot tell which one is meant."
    )
    example = 'message teaser { channel instagram }\nmessage teaser { channel tiktok }'
    correction = 'message teaser_ig { channel instagram }\nmessage teaser_tt { channel tiktok }'


class ImportProblem(Rule):
    """An `import` that cannot be followed.

    The file is missing, lies outside the project folder, is part of an import
    cycle, or could not be read.
    """

    code = "E006"
    name = "import-problem"
    severity = Severity.ERROR
    scope = "front-end"
    why = (
        "The brand's style guide and shared segments usually come from an imported "
        "file; if it cannot be read, the voice and audience checks run without them."
    )
    example = 'import "marque.camp"   # the file is called brand.camp'
    correction = 'import "brand.camp"'


class MissingAttribute(Rule):
    """A required attribute is missing.

    A `campaign` needs a `period`, a `message` needs a `channel`, a custom
    `rule` needs a `message` and one check.
    """

    code = "E007"
    name = "missing-required-attribute"
    severity = Severity.ERROR
    scope = "front-end"
    why = (
        "Without a period nothing can be scheduled or checked against the calendar; "
        "without a channel a message's length and format cannot be checked."
    )
    example = 'campaign printemps {\n  name "Portez le changement"\n}'
    correction = 'campaign printemps {\n  name "Portez le changement"\n  period 2027-03-01 .. 2027-05-31\n}'


class UnreadableFile(Rule):
    """The file is not valid UTF-8, or is larger than the configured maximum.

    The message gives the byte offset of the first byte that cannot be read.
    """

    code = "E008"
    name = "unreadable-file"
    severity = Severity.ERROR
    scope = "front-end"
    why = (
        "Copy pasted from a word processor sometimes arrives in another encoding: "
        "accents would be garbled in every message that ships."
    )
    example = "(a file saved as Latin-1: `é` is the byte 0xE9)"
    correction = "(the same file saved as UTF-8)"
