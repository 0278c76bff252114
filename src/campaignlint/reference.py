"""The keyword reference (docs/reference.md): ``python -m campaignlint.reference > docs/reference.md``.

Every block and its attributes, the kinds of value, the closed vocabularies and
the tone words with their measured bounds.  The vocabularies come from the
resolver's own constants and ``rules/tones.toml``; the attribute tables are
written here, and ``tests/test_reference.py`` checks them against the resolver
(the keywords each block accepts, found by asking it) and checks that every
example reads without an error.
"""

from __future__ import annotations

from dataclasses import dataclass

from .frontend.resolve.brand import ADDRESSES
from .frontend.resolve.campaign import ATTRIBUTIONS
from .frontend.resolve.channel import CHANNEL_KINDS, COUNTING_UNITS, MAX_KEYS, TIERS, WEEKDAYS
from .frontend.resolve.consent import CONSENT_BASES, RELATIONSHIPS
from .frontend.resolve.custom_rule import SEVERITIES
from .model import DEFAULT_FUNNEL, TEXT_FIELDS
from .resources import load_toml
from .text.merge_tags import NO_SYNTAX, SYNTAXES


@dataclass(frozen=True)
class Attribute:
    keyword: str
    takes: str
    default: str
    meaning: str


@dataclass(frozen=True)
class Block:
    place: str  # as the resolver names it (E002 messages)
    title: str
    intro: str
    example: str
    attributes: tuple[Attribute, ...]


A = Attribute
V2 = " (v2: see [language.md](language.md#v2-personalisation-assets-consent-journeys-caps))"
TEXT = "a text in quotes (or a long text in `\"\"\"`)"
NONE = "—"

BLOCKS: tuple[Block, ...] = (
    Block("file (at the top level)", "A file", "What a `.camp` file holds at its top level, in any order.",
          'import "brand.camp"\n\nsegment fideles { persona "Claire, 45 ans, cliente depuis 5 ans" }',
          (A("import", "a path in quotes, relative to the file", NONE, "read the brands, channels, segments and "
             "rules of another file"),
           A("brand", "`brand NAME { … }`", NONE, "a brand and its voice (below)"),
           A("channel", "`channel NAME { … }`", NONE, "a channel profile: its limits and conventions (below)"),
           A("segment", "`segment NAME { … }`", NONE, "an audience shared by campaigns (below)"),
           A("rule", "`rule NAME { … }`", NONE, "a custom rule (below)"),
           A("campaign", "`campaign NAME { … }`", NONE, "a campaign (below)"),
           A("variable", "`variable NAME { … }`", NONE, "a merge-tag variable: `max length`, `may_be_empty`, "
             "`fallback`, `alias`" + V2),
           A("event", "`event NAME { … }`", NONE, "a journey event (`description`) that messages wait for" + V2))),
    Block("brand", "`brand`", "Who speaks: shared by the campaigns that name it with `brand NAME`.",
          'brand verdure {\n  name "Verdure"\n  language fr\n  website "verdure.fr"\n'
          '  voice { tone inspiring, warm; address formal }\n}',
          (A("name", "a text", "the block's name", "the brand as written in copy"),
           A("language", "a language code (`fr`, `en`…)", "`en`", "the language of its campaigns"),
           A("website", "a domain or URL in quotes", NONE, "its own site: links elsewhere are external"),
           A("voice", "`voice { … }`", NONE, "how it speaks (below)"),
           A("variable", "`variable NAME { … }`", NONE, "a merge-tag variable of the brand" + V2),
           A("frequency", "`CHANNEL N per week|month|day`, separated by commas", NONE,
             "the most messages a person gets per channel" + V2))),
    Block("voice", "`voice` (in a brand or a campaign)", "The brand's way of speaking; a campaign's voice adds to it.",
          'brand verdure {\n  voice {\n    tone inspiring, warm\n    address formal\n    max exclamations 1\n'
          '    prefer "éco-responsable" over "écolo"\n    avoid "pas cher"\n    readability 50\n  }\n}',
          (A("tone", "tone words, separated by commas", NONE, "see [Tone words](#tone-words): each sets measured "
             "bounds (rule T009)"),
           A("address", "one of " + ", ".join(f"`{a}`" for a in ADDRESSES), NONE, "`vous` (formal) or `tu` "
             "(informal) in French copy"),
           A("max", "`exclamations N` or `emoji N`", NONE, "at most N per text"),
           A("prefer", '`"word" over "other", "other"`', NONE, "the brand's word for a thing"),
           A("avoid", "texts in quotes", NONE, "words the brand never uses"),
           A("accept", "texts in quotes", NONE, "words written as they are (acronyms, exam and product names): "
             "never shouting, hype or avoided"),
           A("readability", "a number (0–100)", NONE, "the lowest reading ease its copy may have"),
           A("accept", "texts in quotes (`\"DELE\", \"EV3\"`)", NONE, "words in capitals the brand writes on "
             "purpose (exam names, product codes): never shouting (T005, T009)"),
           A("captions", "`required` or `optional`", NONE,
             "whether the brand's videos must carry captions (A006)" + V2))),
    Block("channel", "`channel` (a profile)", "A channel's limits and conventions. Built-in profiles exist for the "
          "usual channels (see [channels.md](channels.md)); a `channel` block at the top level overrides or adds one.",
          'channel sms {\n  kind sms\n  counting gsm\n  limit body 160\n  max segments 1\n  require opt_out\n'
          '  opt_out "STOP au 36173"\n  quiet_hours 21:00 .. 08:00\n  quiet_days sunday\n}',
          (A("kind", "one of " + ", ".join(f"`{k}`" for k in CHANNEL_KINDS), NONE, "what sort of channel it is"),
           A("counting", "one of " + ", ".join(f"`{u}`" for u in COUNTING_UNITS), "`chars`",
             "how lengths are counted"),
           A("limit", "a text field and a number (`limit body 160`)", NONE, "the hard limit of that field"),
           A("recommend", "a text field and a number", NONE, "the recommended length of that field"),
           A("max", "one of " + ", ".join(f"`{k}`" for k in MAX_KEYS) + " and a number", NONE,
             "at most N in a message"),
           A("require", "field names (text fields, `link`, `opt_out`, `unsubscribe`)", NONE,
             "what every message on it must have"),
           A("opt_out", "a text", NONE, "the opt-out wording (SMS)"),
           A("cta", "`field` or `inline`", "`field`", "whether the platform has a call-to-action field "
             "(`inline`: a link or phone number in the text is the call to action, rule F002)"),
           A("gsm", "`table android` or `table standard`", "`table android`", "which GSM 03.38 table counts SMS "
             "characters: `android` (what senders use: a small `ç` forces UCS-2) or `standard` (3GPP)"),
           A("quiet_hours", "a time range (`21:00 .. 08:00`)", NONE, "no sending between these times"),
           A("quiet_days", "weekday names (" + ", ".join(WEEKDAYS[:2]) + " … sunday)", NONE, "no sending these days"),
           A("tone", "tone words", NONE, "the channel's own tone (see [Tone words](#tone-words))"),
           A("readability", "a number", NONE, "the lowest reading ease on this channel"),
           A("stages", "funnel stage names", NONE, "the stages this channel serves"),
           A("utm_source", "a text", NONE, "the `utm_source` its links must carry"),
           A("utm_medium", "a text", NONE, "the `utm_medium` its links must carry"),
           A("cta", "`field` or `inline`", "`field`", "`inline`: no call-to-action field, a link or phone "
             "number in the text is the call to action (F002)"),
           A("gsm", "`gsm table android|standard`", "`android`", "how SMS are counted: `android` as senders "
             "do (small ç forces UCS-2), `standard` the 3GPP table"),
           A("asset", "`asset image|video|thumbnail { … }`", NONE, "what it accepts of that kind: `ratios`, `width`, "
             "`height` (pixel ranges), `recommend width|height|size` (soft bounds, warnings), `max size`, "
             "`duration`, `max alt`, `captions`" + V2),
           A("placement", "`placement NAME { … }`", NONE, "a placement of the channel (reels, stories…)" + V2),
           A("merge", "`merge tags SYNTAX`: " + ", ".join(f"`{s}`" for s in (*SYNTAXES, NO_SYNTAX)), NONE,
             "the merge-tag syntax of its sending tool (`none`: nothing is substituted)" + V2),
           A("sender", "a text", NONE, "the sender name" + V2),
           A("footer", "a text", NONE, "read as the end of every body" + V2),
           A("unsubscribe", '`"https://…"` or `platform`', NONE, "how people unsubscribe" + V2),
           A("budget", "an amount", NONE, "only in a campaign's `channel` block: what it spends there"),
           A("tier", "one of " + ", ".join(f"`{t}`" for t in TIERS), NONE,
             "only in a campaign's `channel` block: how proven the channel is"),
           A("owner", "a text", NONE, "only in a campaign's `channel` block: who runs it"))),
    Block("segment", "`segment`", "An audience. At the top level it is shared; in a campaign it is the campaign's.",
          'segment fideles {\n  persona "Claire, 45 ans, cliente depuis 5 ans"\n  size 12_000\n'
          '  channels email, sms\n}',
          (A("persona", "a text", NONE, "the person the copy speaks to"),
           A("description", "a text", NONE, "who is in it"),
           A("size", "a whole number", NONE, "how many people"),
           A("channels", "channel names", NONE, "where they can be reached"),
           A("language", "a language code", "the campaign's", "their language"),
           A("relationship", "one of " + ", ".join(f"`{k}`" for k in RELATIONSHIPS), NONE,
             "who they are to the brand" + V2),
           A("market", "`b2c` or `b2b`", NONE, "the market" + V2),
           A("consent", "`CHANNEL BASIS` pairs (`email soft-opt-in, sms opt-in`); CHANNEL a channel or a kind, "
             "BASIS one of " + ", ".join(f"`{b}`" for b in CONSENT_BASES), NONE,
             "the consent held per channel" + V2),
           A("frequency", "`CHANNEL N per week|month|day`", NONE, "the most messages per channel" + V2))),
    Block("campaign", "`campaign`", "A campaign: its frame, its channels, objectives, offers and messages.",
          'campaign ete_2027 {\n  name "L\'été en lin"\n  brand verdure\n  period 2027-06-01 .. 2027-08-31\n'
          '  budget 20_000 EUR\n  channel instagram { owner "Équipe social"; budget 14_000 EUR; tier proven }\n}',
          (A("name", "a text", "the block's name", "the campaign as people call it"),
           A("brand", "a brand name", NONE, "who speaks (its voice and language apply)"),
           A("language", "a language code", "the brand's, else `en`", "the language of the copy"),
           A("theme", "a text", NONE, "what the campaign is about"),
           A("theme_keywords", "texts in quotes", NONE, "words the copy should use"),
           A("period", "a date range (`2027-06-01 .. 2027-08-31`)", NONE, "when it runs"),
           A("timezone", 'a time zone in quotes (`"Europe/Paris"`)', NONE, "the zone of every date and time"),
           A("budget", "an amount", NONE, "the whole budget"),
           A("owner", "a text", NONE, "who is responsible"),
           A("attribution", "one of " + ", ".join(f"`{a}`" for a in ATTRIBUTIONS), NONE,
             "how conversions are credited"),
           A("funnel", "stage names, in order", ", ".join(f"`{s}`" for s in DEFAULT_FUNNEL), "the funnel stages"),
           A("clv", "an amount", NONE, "a customer's lifetime value"),
           A("margin", "a percentage", NONE, "the margin on a sale"),
           A("target_cpa", "an amount", NONE, "the target cost per acquisition"),
           A("voice", "`voice { … }`", NONE, "adds to the brand's voice"),
           A("segment", "`segment NAME { … }` or `segment NAME`", NONE, "an audience of this campaign"),
           A("channel", "`channel NAME { … }` or `channel NAME`", NONE, "a channel it uses (budget, tier, owner)"),
           A("objective", "`objective NAME { … }`", NONE, "what it must achieve (below)"),
           A("offer", "`offer NAME { … }`", NONE, "a discount or a price (below)"),
           A("message", "`message NAME { … }`", NONE, "a piece of copy on a channel (below)"),
           A("rule", "`rule NAME { … }`", NONE, "a custom rule for this campaign only"),
           A("variable", "`variable NAME { … }`", NONE, "a merge-tag variable of this campaign" + V2),
           A("event", "`event NAME { … }`", NONE, "a journey event of this campaign" + V2),
           A("category", "a name (`food`…)", NONE, "the product category the packs read" + V2),
           A("packs", "pack names (`email, fr-legal`)", NONE, "the rule packs this campaign uses" + V2))),
    Block("objective", "`objective`", "What the campaign must achieve, measurably.",
          'campaign c {\n  period 2027-06-01 .. 2027-08-31\n  objective abonnes {\n'
          '    text "Gagner 15 % d\'abonnés Instagram d\'ici fin août"\n    metric followers\n    target +15%\n'
          '    deadline 2027-08-31\n    kpi followers\n  }\n}',
          (A("text", "a text", NONE, "the objective in words"),
           A("metric", "a name", NONE, "what is measured"),
           A("baseline", "a number, percentage or amount", NONE, "where it starts"),
           A("target", "a number, percentage or amount", NONE, "where it must get"),
           A("deadline", "a date", NONE, "by when"),
           A("within", "a duration (`8 weeks`)", NONE, "by when, counted from the start"),
           A("owner", "a text", NONE, "who answers for it"),
           A("kpi", "KPI names", NONE, "the indicators that track it"),
           A("stage", "a funnel stage", NONE, "the stage it belongs to"))),
    Block("offer", "`offer`", "A discount or a price, with its code, dates and landing page.",
          'campaign c {\n  period 2027-12-01 .. 2027-12-24\n  offer buche {\n    discount 15%\n'
          '    code "BUCHE15"\n    starts 2027-12-01\n    ends 2027-12-24\n  }\n}',
          (A("discount", "a percentage or an amount", NONE, "how much off"),
           A("code", "a text", NONE, "the promo code"),
           A("price", "an amount", NONE, "the price"),
           A("starts", "a date", NONE, "first day"),
           A("ends", "a date, or a date and time", NONE, "last day"),
           A("landing", "a URL in quotes", NONE, "the page it leads to"),
           A("terms", "a text", NONE, "the conditions"),
           A("reference", "`price AMOUNT`", NONE, "the reference price a discount is computed from" + V2),
           A("terms_link", "a URL in quotes", NONE, "the page with the conditions" + V2))),
    Block("message", "`message`", "A piece of copy sent on one channel. Text fields: "
          + ", ".join(f"`{f}`" for f in TEXT_FIELDS) + " (each a text; `headline` and `description` may repeat).",
          'campaign c {\n  period 2027-06-01 .. 2027-08-31\n  message teaser {\n    channel web\n'
          '    stage awareness\n    at 2027-06-01 09:00\n    headline "Le lin revient"\n'
          '    body "Découvrez la collection été."\n    link "https://verdure.fr/ete"\n  }\n}',
          (A("channel", "a channel name", NONE, "where it goes"),
           A("segment", "segment names (also `segments`)", NONE, "who it is for"),
           A("segments", "segment names", NONE, "the same as `segment`"),
           A("stage", "a funnel stage", NONE, "the stage it serves"),
           A("at", "a date and time", NONE, "when it is sent"),
           A("language", "a language code", "the campaign's", "the language of its copy"),
           A("offer", "an offer name", NONE, "the offer it promotes"),
           A("variant", "`variant NAME { … }`", NONE, "an A/B variant: the fields it changes"),
           A("link", "a URL in quotes (may repeat)", NONE, "a link in the message"),
           A("placement", "a placement name", NONE, "where on the channel it goes" + V2),
           A("image", '`image "path" { … }`', NONE, "an image with `alt`, `ratio`, `size`…" + V2),
           A("video", '`video "path" { … }`', NONE, "a video with `duration`, `ratio`, `captions`…" + V2),
           A("thumbnail", '`thumbnail "path" { … }`', NONE, "a video's cover image" + V2),
           A("trigger", "an event name (`trigger panier_abandonne`)", NONE,
             "sent when the event happens (not with `at`)" + V2),
           A("after", "`event NAME DURATION` or `message NAME DURATION`", NONE,
             "sent that long after an event or a message (not with `at`)" + V2),
           A("unless", "event names", NONE, "not sent if one of these happened" + V2),
           A("send", "`window TIME .. TIME` or `days DAY .. DAY`", NONE, "when it may be sent" + V2),
           A("skip", "`holidays`", NONE, "not sent on public holidays" + V2),
           A("unsubscribe", '`"https://…"` or `platform`', NONE, "how people unsubscribe" + V2),
           A("category", "a name", "the campaign's", "the product category" + V2),
           A("influencer", "a handle in quotes", NONE, "the influencer who posts it" + V2))
          + tuple(A(f, TEXT, NONE, "copy") for f in TEXT_FIELDS)),
    Block("rule", "`rule` (a custom rule)", "A team's own rule; see [configuration.md](configuration.md).",
          'rule pas_gratuit {\n  message "Dites « offert », pas « gratuit »"\n  severity warning\n'
          '  forbid "gratuit"\n  suggest "offert"\n}',
          (A("message", "a text", NONE, "what the finding says"),
           A("severity", "one of " + ", ".join(f"`{s}`" for s in SEVERITIES), "`warning`", "how serious"),
           A("channels", "channel names", "all", "only on these channels"),
           A("stages", "funnel stage names", "all", "only at these stages"),
           A("segments", "segment names", "all", "only for these segments"),
           A("fields", "text field names", "all", "only in these fields"),
           A("forbid", "texts in quotes", NONE, "words the copy must not contain"),
           A("require", "texts in quotes", NONE, "words the copy must contain"),
           A("pattern", "a regular expression in quotes", NONE, "a pattern the copy must not match"),
           A("require_pattern", "a regular expression in quotes", NONE, "a pattern the copy must match"),
           A("max_length", "a whole number", NONE, "the longest a text may be"),
           A("suggest", "a text", NONE, "the replacement for `forbid` (a safe fix)"),
           A("code", "a code in quotes (`ACME001`)", "the rule's name", "the code findings carry"))),
)

VALUE_KINDS = (
    ("a name", "`verdure`, `ete_2027`", "letters, digits and `_`, starting with a letter"),
    ("a text", '`"Soldes d\'hiver"`, `"""…"""`', 'straight double quotes; `\\"`, `\\n`, `\\u{1F331}` escapes; '
     "a long text between `\"\"\"` spans lines"),
    ("a number", "`12`, `12_000`, `2.5`", "a point before decimals, `_` between thousands"),
    ("a percentage", "`15%`, `+15 %`", "a number and `%`"),
    ("an amount", "`34.90 EUR`, `34.90 €`, `20_000 USD`", "a number, then a currency code or sign"),
    ("a date", "`2027-06-01`", "year-month-day"),
    ("a date and time", "`2027-06-01 09:00`", "a date, a space or `T`, a time"),
    ("a time", "`09:00`", "hours and minutes with a colon"),
    ("a duration", "`8 weeks`, `3 days`", "a number and years, months, weeks, days, hours or minutes"),
    ("a range", "`2027-06-01 .. 2027-08-31`, `21:00 .. 08:00`", "two values around `..`"),
)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def tone_section() -> list[str]:
    table = load_toml("tones.toml")
    tones = table.get("tones", {})
    bounds = sorted({key for values in tones.values() for key in values})
    lines = ["## Tone words", "",
             "A `voice` or a `channel` declares tone words (`tone inspiring, warm`); rule T009 measures the copy "
             "against the bounds of each word. Any other word is an error (E003, which lists these words).", "",
             "| tone | " + " | ".join(f"`{b}`" for b in bounds) + " |",
             "|---|" + "---|" * len(bounds)]
    for name in sorted(tones):
        lines.append(f"| `{name}` | " + " | ".join(str(tones[name].get(b, "")) for b in bounds) + " |")
    suggest = table.get("suggest", {})
    if suggest:
        lines += ["", "French words are understood as suggestions only (E003 says *did you mean*): "
                  + ", ".join(f"{word} → `{tone}`" for word, tone in sorted(suggest.items())) + "."]
    return lines


def render() -> str:
    lines = ["# Keyword reference", "",
             "<!-- generated by `python -m campaignlint.reference > docs/reference.md`: do not edit by hand -->", "",
             "Every block of a `.camp` file, the attributes it takes, the kind of value each takes and its default "
             "(— : none). The language itself (statements, blocks, comments, `# noqa`) is in "
             "[language.md](language.md); the rules in [rules.md](rules.md).", "",
             "## Values", "", "| kind | examples | written |", "|---|---|---|"]
    lines += [f"| {kind} | {examples} | {_cell(how)} |" for kind, examples, how in VALUE_KINDS]
    lines.append("")
    for block in BLOCKS:
        lines += [f"## {block.title}", "", block.intro, "", "```", block.example, "```", "",
                  "| attribute | takes | default | meaning |", "|---|---|---|---|"]
        lines += [f"| `{a.keyword}` | {_cell(a.takes)} | {_cell(a.default)} | {_cell(a.meaning)} |"
                  for a in block.attributes]
        lines.append("")
    lines += tone_section()
    lines.append("")
    return "\n".join(lines)


def documented_keywords() -> dict[str, set[str]]:
    """Per resolver place, the keywords this reference documents."""
    return {block.place: {a.keyword for a in block.attributes} for block in BLOCKS}


def main() -> None:  # pragma: no cover - exercised through the command line
    import sys

    sys.stdout.write(render())


if __name__ == "__main__":  # pragma: no cover
    main()
