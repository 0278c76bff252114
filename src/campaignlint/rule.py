"""What a rule is, and the registry of every rule.

A rule is one small class: its code, name, default severity, whether it can
fix, its documentation (what it checks — the docstring —, why it matters, an
example that fires and its correction, its settings) and its ``check``, side
by side.  Defining the class registers it in ``REGISTRY``; rules live in
``campaignlint/checks/<family>/``, one module per rule or small group, and
``campaignlint.registry.load_all_rules`` imports them all.  Rules that a
campaign declares itself (custom ``rule`` blocks) come from a *rule provider*
(``PROVIDERS``, ``checks/custom.py``) and run the same way.
"""

from __future__ import annotations

import enum
import math
import inspect
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Iterable

from .findings import Applicability, Edit, Finding, Fix, Severity
from .i18n import N_
from .i18n import gettext as _

if TYPE_CHECKING:  # pragma: no cover
    from .context import CampaignContext, FileContext, ProjectContext

FAMILIES = {
    "E": ("frontend", N_("The file itself: syntax, keywords, values, references")),
    "O": ("objectives", N_("Objectives are SMART")),
    "K": ("kpis", N_("KPIs")),
    "S": ("segments", N_("Segments and coverage")),
    "F": ("funnel", N_("Funnel and customer journey")),
    "C": ("channels", N_("Channel constraints: lengths and formats")),
    "T": ("tone", N_("Tone and voice")),
    "M": ("consistency", N_("Consistency of the message across channels")),
    "U": ("tracking", N_("Tracking links")),
    "B": ("budget", N_("Budget")),
    "P": ("planning", N_("Planning and coordination")),
    "N": ("hygiene", N_("The linter's own hygiene")),
    "V": ("personalisation", N_("Personalisation: merge tags")),
    "A": ("assets", N_("Creative assets")),
    "G": ("consent", N_("Consent")),
    "J": ("journeys", N_("Journeys: triggered messages")),
    # rule packs (campaignlint.packs): run only when their pack is enabled
    "D": ("email", N_("Pack `email`: deliverability and hygiene of e-mails")),
    "R": ("google_ads", N_("Pack `google-ads`: responsive search ads")),
    "W": ("meta", N_("Pack `meta`: Facebook, Instagram, Threads, Meta ads")),
    "L": ("fr_legal", N_("Pack `fr-legal`: French advertising law")),
}


@dataclass(frozen=True)
class Setting:
    """A configurable threshold: its key in the configuration file."""

    key: str
    default: Any
    description: str
    kind: type = float
    minimum: float | None = None
    maximum: float | None = None

    def validate(self, value: Any) -> Any:
        if self.kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if (not isinstance(value, self.kind) or isinstance(value, bool)
                or (isinstance(value, float) and not math.isfinite(value))):  # nan passes every bound
            kind = _("a number") if self.kind in (int, float) else _("a {kind}").format(kind=self.kind.__name__)
            raise ValueError(_("`{key}` must be {kind}, not {value}").format(key=self.key, kind=kind,
                                                                             value=repr(value)))
        if self.minimum is not None and value < self.minimum:
            raise ValueError(_("`{key}` must be at least {minimum}, not {value}").format(
                key=self.key, minimum=self.minimum, value=value))
        if self.maximum is not None and value > self.maximum:
            raise ValueError(_("`{key}` must be at most {maximum}, not {value}").format(
                key=self.key, maximum=self.maximum, value=value))
        return value


class FixAvailability(str, enum.Enum):
    """Whether a rule offers a fix: never, for some of its findings, or for all.

    Availability belongs to the rule; *applicability* (safe or unsafe) belongs to
    each fix (``findings.Fix.applicability``), as in Ruff: one rule may offer a
    safe fix for one finding and an unsafe one for another (T003 replaces an
    exact term safely, an inflected form unsafely)."""

    NONE = "none"
    SOMETIMES = "sometimes"
    ALWAYS = "always"


REGISTRY: dict[str, "Rule"] = {}
BY_NAME: dict[str, "Rule"] = {}
#: rule providers: functions that yield the rules a campaign declares itself (its `rule` blocks, X),
#: rules that are not classes of the package; each is called with the campaign's context
#: and its rules then run like the registered ones (``registry.campaign_rules``)
PROVIDERS: list[Callable[["CampaignContext"], Iterable["Rule"]]] = []


def rule_provider(provider: Callable[["CampaignContext"], Iterable["Rule"]]):
    """Register ``provider`` (a decorator): ``provider(ctx)`` yields the rules of ``ctx.campaign``."""
    PROVIDERS.append(provider)
    return provider


class Rule:
    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.WARNING
    #: whether the rule offers fixes (see FixAvailability)
    fix_availability: ClassVar[FixAvailability] = FixAvailability.NONE
    #: the applicabilities its fixes can have, safest first (empty when it never fixes)
    fix_applicability: ClassVar[tuple[Applicability, ...]] = ()
    #: when a fix is safe and when it is not, in words (shown by `explain` and the docs)
    fix_note: ClassVar[str] = ""
    #: why it matters: the marketing reason
    why: ClassVar[str] = ""
    #: a fragment of a .camp file that makes the rule fire
    example: ClassVar[str] = ""
    #: the same fragment, corrected
    correction: ClassVar[str] = ""
    settings: ClassVar[tuple[Setting, ...]] = ()
    #: when the rule runs and what it reads:
    #: "campaign": ``check(ctx)`` once per campaign (a CampaignContext);
    #: "file": ``check_file(ctx)`` once per file (a FileContext);
    #: "suppressions": ``check_suppressions(ctx, suppressions)`` once per file, after
    #: every other rule and the ``# noqa`` comments were applied (N001);
    #: "project": ``summarize(ctx)`` once per file in the file phase (a FileContext: the
    #: small JSON facts the rule needs of that file, cached with its findings), then
    #: ``check_project(ctx)`` once per run over the summaries of every campaign file of
    #: the run (a ProjectContext; v2, cli.md "Project-scope rules");
    #: "front-end": raised by the front end while reading the file (E001–E008, in
    #: ``campaignlint.frontend.problems``), no check
    scope: ClassVar[str] = "campaign"
    #: the rule reads analyses of copy (tokens, lemmas: ``ctx.nlp``; lookup tables, no model)
    needs_nlp: ClassVar[bool] = False
    #: the rule pack it belongs to (``campaignlint.packs``), None for built-in families
    pack: ClassVar[str | None] = None
    #: for pack rules: the law, standard or platform page the rule enforces
    source: ClassVar[str] = ""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        legacy = cls.__dict__.get("fix")
        if isinstance(legacy, Applicability):  # the round-1 spelling `fix = Applicability.SAFE`
            raise TypeError(f"{cls.__name__}: declare `fix_availability` and `fix_applicability`, not `fix`")
        if cls.fix_applicability and cls.fix_availability is FixAvailability.NONE:
            cls.fix_availability = FixAvailability.SOMETIMES
        if cls.code:
            instance = cls()
            if cls.code in REGISTRY:  # pragma: no cover - programming error
                raise RuntimeError(f"rule code {cls.code} defined twice")
            REGISTRY[cls.code] = instance
            BY_NAME[cls.name] = instance

    # -- documentation -------------------------------------------------
    @property
    def what(self) -> str:
        return inspect.cleandoc(self.__doc__ or "")

    @property
    def summary(self) -> str:
        return self.what.split("\n\n")[0].replace("\n", " ")

    @property
    def fixable(self) -> bool:
        return self.fix_availability is not FixAvailability.NONE

    @property
    def family(self) -> str:
        return FAMILIES.get(self.code[0], ("custom", "Custom rules"))[1]

    # -- checking ------------------------------------------------------
    def check(self, ctx: "CampaignContext") -> Iterable[Finding]:
        return ()

    def check_file(self, ctx: "FileContext") -> Iterable[Finding]:
        return ()

    def summarize(self, ctx: "FileContext") -> Any:
        """Project scope: what ``check_project`` needs of this file, as JSON data (None: nothing)."""
        return None

    def check_project(self, ctx: "ProjectContext") -> Iterable[Finding]:
        return ()

    def check_suppressions(self, ctx: "FileContext", suppressions: list) -> Iterable[Finding]:
        return ()


def fix(applicability: Applicability, edits: Iterable[Edit], description: str) -> Fix:
    return Fix(applicability, tuple(sorted(edits, key=lambda e: (e.start, e.end))), description)
