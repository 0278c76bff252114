"""Rule packs (rules.md "Rule packs", cli.md "Rule packs").

A pack is a set of rules for one platform or one law, shipped with
campaignlint: a family letter, its rules (``checks/<module>/``, each rule
class names its ``pack``) and its data under ``rules/`` (word lists, patterns,
legal texts, each entry with its source).  A pack's rules run only when the
pack is enabled: by the configuration (``packs``, ``extend-packs``), the
command line (``--packs``, ``--extend-packs``) or a campaign's own ``packs``.

This module only describes the packs; the configuration (``config.py``)
decides which are on.
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import N_


@dataclass(frozen=True)
class Pack:
    name: str
    family: str
    title: str
    #: on when the configuration says nothing
    default: bool
    #: where the pack's rules apply
    scope: str
    #: its data files under ``rules/``
    data: tuple[str, ...]
    #: why the pack is on or off by default (docs)
    why_default: str


PACKS: dict[str, Pack] = {
    pack.name: pack
    for pack in (
        Pack("email", "D", "deliverability and hygiene of e-mails", False,
             N_("messages on channels of kind `email`"),
             ("rules/email.toml", "rules/<lang>/email.toml", "rules/<lang>/spam.toml"),
             N_("off by default: many teams' sending platforms add the sender name and the unsubscribe footer "
                "themselves, so D001 and D002 would turn every existing e-mail file red; turn it on when the "
                "files are the whole e-mail (or declare `unsubscribe platform` and `sender` on the channel)")),
        Pack("google-ads", "R", "responsive search ads", True, N_("messages on `google_ads`"),
             ("rules/google_ads.toml",),
             N_("on by default: it mirrors Google's own editorial review, so an ad it flags would be "
                "disapproved anyway, and it reads only `google_ads` messages")),
        Pack("meta", "W", "Facebook, Instagram, Threads, Meta ads", True,
             N_("W001 on `facebook`, `instagram`, `threads`, `meta_ads`; W002 and W003 on `meta_ads`"),
             ("rules/meta.toml", "rules/<lang>/meta.toml"),
             N_("on by default: it mirrors Meta's ad review and accessibility basics, and it reads only "
                "messages on Meta's platforms")),
        Pack("fr-legal", "L", "French advertising law", False, N_("every message of a campaign that enables it"),
             ("rules/fr/legal.toml",),
             N_("off by default: French law binds only campaigns aimed at France; turn it on in the "
                "configuration, or with `packs fr-legal` in the campaign")),
    )
}

DEFAULT_PACKS: tuple[str, ...] = tuple(name for name, pack in PACKS.items() if pack.default)
BY_FAMILY: dict[str, Pack] = {pack.family: pack for pack in PACKS.values()}


def pack_for_code(code: str) -> Pack | None:
    """The pack a rule code (or code prefix such as ``D`` or ``L00``) belongs to."""
    return BY_FAMILY.get(code[:1]) if code else None


def unknown_packs(names: list[str]) -> list[str]:
    return [name for name in names if name not in PACKS]


def describe_unknown(name: str) -> str:
    import difflib

    close = difflib.get_close_matches(name, list(PACKS), n=1)
    from .i18n import gettext as _

    hint = _(" (did you mean `{name}`?)").format(name=close[0]) if close else ""
    return _("`{name}` is not a rule pack{hint}; the packs are {packs}").format(
        name=name, hint=hint, packs=", ".join(f"`{p}`" for p in PACKS))
