"""A seeded generator of realistic campaign corpora for the benchmark and the fuzzer.

``generate(folder, files, seed)`` writes a small project:

* ``campaignlint.toml`` (empty: default configuration; it also pins the project root),
* ``brands/verdure.camp`` and ``brands/northwind.camp``: shared brand files (voice, segments,
  a refined SMS channel), imported by every campaign,
* ``campaigns/NNNN_<lang>.camp``: one campaign a file, French or English, with objectives,
  offers, channels and 10 to 40 messages spread over every built-in channel, the copy
  assembled from sentence pools so that no two files carry the same texts.

It returns a ``Corpus`` listing the files and every piece of copy with its language, so
that the benchmark's floor can run one batched spaCy pass over exactly the texts the
linter sees.  The same ``seed`` always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

CHANNELS = [
    "twitter", "x", "instagram", "tiktok", "linkedin", "facebook", "threads", "bluesky",
    "mastodon", "youtube", "pinterest", "google_ads", "meta_ads", "email", "sms", "push",
    "whatsapp", "web", "blog",
]

FR = {
    "openers": [
        "Bonjour,", "Chère cliente, cher client,", "Bonjour à vous,", "Salut la communauté,",
    ],
    "sentences": [
        "Notre nouvelle collection est tissée en lin et en chanvre cultivés en Europe.",
        "Chaque pièce est fabriquée dans nos ateliers du Portugal, à deux pas de la mer.",
        "Le lin demande peu d'eau et aucun pesticide : une matière idéale pour l'été.",
        "Découvrez comment nos couturières assemblent une chemise en moins d'une heure.",
        "Nos teintures végétales gardent leurs couleurs lavage après lavage.",
        "Cette saison, nous avons réduit de moitié le plastique de nos colis.",
        "Vous nous avez demandé des tailles plus grandes : elles arrivent en juin.",
        "Nos clients fidèles profitent en avant-première des nouveautés.",
        "Lavez vos vêtements à trente degrés et séchez-les à l'air libre.",
        "La livraison est offerte dès cinquante euros d'achat, partout en France.",
        "Nous plantons un arbre pour chaque commande passée ce mois-ci.",
        "Rendez-vous dans nos boutiques de Nantes, Lyon et Bordeaux pour essayer la collection.",
        "Notre atelier de réparation remet en état vos pièces préférées.",
        "Le coton biologique de nos tee-shirts est certifié GOTS.",
        "Partagez vos tenues avec le mot-dièse #LEteEnLin : nous publierons nos préférées.",
        "Cette robe légère se porte du bureau jusqu'à la plage.",
    ],
    "subjects": [
        "L'été en lin : {d} sur la collection", "Nos coulisses au Portugal", "Merci de porter le lin avec nous",
        "Dernier jour pour profiter de {d}", "La collection {season} est arrivée", "Vos conseils d'entretien",
    ],
    "ctas": ["Découvrir la collection", "Voir nos conseils", "J'en profite", "Réserver mon essayage"],
    "headlines": ["Lin et chanvre d'Europe", "Fabriqué au Portugal", "Livraison offerte", "Collection {season}"],
    "push": ["Votre panier vous attend", "La collection {season} est en ligne", "Plus que 24 h pour {d}"],
    "closers": ["Bel été à vous.", "À très vite.", "L'équipe Verdure"],
    "seasons": ["été", "automne", "hiver", "printemps"],
    "theme": "L'été en lin",
    "objective": "Vendre {n} pièces de la collection d'ici le {date}",
}

EN = {
    "openers": ["Hi there,", "Hello,", "Dear customer,", "Good morning,"],
    "sentences": [
        "Northwind now shows the drivers behind every forecast change, line by line.",
        "Your forecast moved by four percent. Can you explain why?",
        "Connect your ERP in an hour and see your first driver report the same day.",
        "Finance teams use Northwind to close the month two days faster.",
        "Every number links back to the transactions that produced it.",
        "Invite your controller and review the plan together in one shared view.",
        "Our onboarding team helps you map your chart of accounts in a single call.",
        "Scenario planning lets you test a price change before you commit to it.",
        "Budget owners get a weekly summary of what changed and why.",
        "We never train models on your data, and you can export everything at any time.",
        "Join the webinar to see how a manufacturer cut planning time in half.",
        "Forecasts you can explain build trust with your board.",
        "Start a fourteen-day trial with your own data, no credit card needed.",
        "Our customers report forty percent fewer spreadsheet versions after one quarter.",
    ],
    "subjects": [
        "Forecasts you can explain", "See what moved your plan", "Your trial ends in {n} days",
        "Save {d} on annual plans", "The {season} release is here",
    ],
    "ctas": ["Start trial", "Book a demo", "See the report", "Join the webinar"],
    "headlines": ["Forecasts You Can Explain", "See What Moved Your Plan", "Try Northwind Free", "Plan With Confidence"],
    "push": ["Your driver report is ready", "New: the {season} release", "Your trial ends soon"],
    "closers": ["Best regards,", "The Northwind team", "Talk soon,"],
    "seasons": ["spring", "summer", "autumn", "winter"],
    "theme": "forecasts you can explain",
    "objective": "Book {n} forecasting demos by {date}",
}

BRAND_FR = '''# Verdure — vêtements éco-responsables : le guide de style partagé.

brand verdure {
  name "Verdure"
  language fr
  website "verdure.fr"
  voice {
    tone inspiring, warm
    address formal
    max exclamations 1
    max emoji 2
    prefer "éco-responsable" over "écolo", "eco-friendly"
    avoid "pas cher", "prix cassés"
    readability 40
  }
}

segment citadins_actifs {
  persona "Léa, 31 ans, graphiste à Nantes, va au travail à vélo"
  size 38_000
  channels instagram, email, tiktok, pinterest
}

segment clients_fideles {
  description "Clients ayant commandé au moins deux fois en douze mois"
  size 8_200
  channels email, sms, push, whatsapp
}

channel sms {
  opt_out "STOP au 36173"
}
'''

BRAND_EN = '''# Northwind Analytics: the shared style guide.

brand northwind {
  name "Northwind Analytics"
  language en
  website "northwind.io"
  voice {
    tone authoritative, informative
    address any
    max exclamations 0
    max emoji 0
    prefer "sign up" over "signup"
    avoid "game-changer", "synergy"
  }
}

segment finance_leads {
  persona "Marcus, FP&A lead at a 500-person manufacturer"
  size 12_000
  channels linkedin, email, google_ads, youtube
}

segment customers {
  description "Paying customers on an annual plan"
  size 2_400
  channels email, push, web, blog
}
'''


@dataclass
class Corpus:
    root: Path
    files: list[Path] = field(default_factory=list)  # the campaign files (brand files excluded)
    brand_files: list[Path] = field(default_factory=list)
    copy: list[tuple[str, str]] = field(default_factory=list)  # (text, language) of every message text


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _long(text: str, indent: str) -> str:
    lines = text.split("\n")
    body = "\n".join(f"{indent}  {line}" if line else "" for line in lines)
    return f'"""\n{body}\n{indent}"""'


class _Writer:
    def __init__(self, rng: random.Random, lang: str, index: int):
        self.rng = rng
        self.lang = lang
        self.words = FR if lang == "fr" else EN
        self.index = index
        self.copy: list[tuple[str, str]] = []

    def pick(self, key: str) -> str:
        return self.rng.choice(self.words[key])

    def fill(self, template: str) -> str:
        return template.format(
            d=f"-{self.rng.choice([10, 15, 20, 25])} %" if self.lang == "fr" else f"{self.rng.choice([10, 15, 20])}%",
            n=self.rng.randint(3, 14), season=self.pick("seasons"),
        )

    def prose(self, sentences: int) -> str:
        chosen = self.rng.sample(self.words["sentences"], k=min(sentences, len(self.words["sentences"])))
        return " ".join(chosen)

    def text(self, value: str) -> str:
        self.copy.append((value, self.lang))
        return value

    def message(self, number: int, channel: str, start: dt.date, days: int, offers: list[str], segments: list[str]) -> str:
        rng = self.rng
        at = dt.datetime.combine(start + dt.timedelta(days=rng.randrange(days)), dt.time(rng.choice([9, 10, 12, 14, 18])))
        site = "verdure.fr" if self.lang == "fr" else "northwind.io"
        name = f"{channel}_{number}"
        stage = rng.choice(["awareness", "consideration", "conversion", "loyalty"])
        lines = [f"  message {name} {{", f"    channel {channel}", f"    segments {rng.choice(segments)}",
                 f"    stage {stage}", f"    at {at:%Y-%m-%d %H:%M}"]
        if offers and rng.random() < 0.4:
            lines.append(f"    offer {rng.choice(offers)}")
        link = f"https://{site}/c{self.index}?utm_source={channel}&utm_medium=social&utm_campaign=c{self.index}"

        def field(key: str, value: str, long: bool = False) -> None:
            value = self.text(value)
            lines.append(f"    {key} {_long(value, '    ') if long else _quote(value)}")

        if channel == "email":
            field("subject", self.fill(self.pick("subjects")))
            field("preheader", self.prose(1))
            body = "\n\n".join([self.pick("openers"), self.prose(rng.randint(2, 4)), self.prose(rng.randint(1, 3)), self.pick("closers")])
            field("body", body, long=True)
            field("cta", self.pick("ctas"))
            lines.append(f"    link {_quote(link)}")
        elif channel == "sms":
            lines.append('    sender "VERDURE"' if self.lang == "fr" else '    sender "NORTHWIND"')
            stop = "STOP au 36173" if self.lang == "fr" else "STOP"
            field("body", f"{self.fill(self.pick('subjects'))}. {site}/c{self.index} {stop}")
        elif channel == "google_ads":
            for headline in rng.sample(self.words["headlines"], 3):
                field("headline", self.fill(headline))
            for _ in range(2):
                field("description", self.prose(1)[:88])
            field("cta", self.pick("ctas"))
            lines.append(f"    link {_quote(link)}")
        elif channel == "meta_ads":
            field("headline", self.fill(self.pick("headlines")))
            field("body", self.prose(1))
            lines.append(f"    link {_quote(link)}")
        elif channel == "push":
            field("title", self.fill(self.pick("push")))
            field("body", self.prose(1)[:110])
        elif channel in ("youtube", "pinterest"):
            field("title", self.fill(self.pick("headlines")))
            field("description", self.prose(rng.randint(1, 3)), long=True)
            lines.append(f"    link {_quote(link)}")
        elif channel in ("web", "blog"):
            field("title", self.fill(self.pick("subjects")))
            field("body", "\n\n".join(self.prose(rng.randint(2, 4)) for _ in range(rng.randint(2, 4))), long=True)
        elif channel in ("twitter", "x", "bluesky", "threads", "mastodon"):
            field("body", self.prose(1) + (" #LEteEnLin" if self.lang == "fr" else " #FPandA"))
            lines.append(f"    link {_quote(link)}")
        else:  # instagram, tiktok, linkedin, facebook, whatsapp
            field("body", self.prose(rng.randint(2, 3)), long=rng.random() < 0.5)
            if rng.random() < 0.5:
                lines.append(f"    link {_quote(link)}")
        lines.append("  }")
        return "\n".join(lines)


def campaign_text(rng: random.Random, index: int, lang: str,
                  messages: int | None = None) -> tuple[str, list[tuple[str, str]]]:
    """One campaign file (text) and its copy (``messages``: how many; 10 to 40 if not given)."""
    w = _Writer(rng, lang, index)
    fr = lang == "fr"
    year = 2027 + index % 3
    start = dt.date(year, rng.randint(1, 9), 1)
    days = rng.choice([30, 45, 60, 90])
    end = start + dt.timedelta(days=days - 1)
    currency = "EUR" if fr else "USD"
    channels = rng.sample(CHANNELS, k=rng.randint(6, len(CHANNELS)))
    segments = ["citadins_actifs", "clients_fideles"] if fr else ["finance_leads", "customers"]
    out = [
        f"import \"../brands/{'verdure' if fr else 'northwind'}.camp\"",
        "",
        f"# {'Campagne' if fr else 'Campaign'} {index}: {'générée pour le banc d’essai' if fr else 'generated for the benchmark'}.",
        f"campaign c{index} {{",
        f"  name {_quote(w.text(w.fill(w.pick('subjects'))))}",
        f"  brand {'verdure' if fr else 'northwind'}",
        f"  theme {_quote(w.words['theme'])}",
        f"  period {start:%Y-%m-%d} .. {end:%Y-%m-%d}",
        f"  timezone {_quote('Europe/Paris' if fr else 'America/Chicago')}",
        f"  budget {rng.randint(10, 90)}_000 {currency}",
        f"  owner {_quote('Claire Martin' if fr else 'Dana Whitfield')}",
        "  attribution linear",
        f"  clv {rng.randint(100, 900)} {currency}",
        "  margin 40%",
        "",
    ]
    out += [f"  segment {s}" for s in segments]
    for channel in channels:
        out.append(f"  channel {channel} {{ owner {_quote('Équipe ' + channel if fr else channel + ' team')}; budget {rng.randint(1, 9)}_000 {currency} }}")
    out += [
        "",
        "  objective ventes {",
        f"    text {_quote(w.words['objective'].format(n=rng.randint(200, 3000), date=f'{end:%d/%m/%Y}'))}",
        "    metric orders",
        f"    target {rng.randint(200, 3000)}",
        f"    deadline {end:%Y-%m-%d}",
        "    kpi conversion_rate, cpa",
        "    stage conversion",
        "  }",
    ]
    offers = []
    for number in range(rng.randint(1, 3)):
        name = f"offre{number}" if fr else f"offer{number}"
        offers.append(name)
        o_start = start + dt.timedelta(days=rng.randrange(days // 2))
        out += [
            f"  offer {name} {{",
            f"    discount {rng.choice([10, 15, 20])}%",
            f"    code {_quote(('LIN' if fr else 'NW') + str(rng.randint(10, 99)))}",
            f"    starts {o_start:%Y-%m-%d}",
            f"    ends {min(end, o_start + dt.timedelta(days=14)):%Y-%m-%d}",
            "  }",
        ]
    out.append("")
    for number in range(messages if messages is not None else rng.randint(10, 40)):
        channel = channels[number % len(channels)] if number < len(channels) else rng.choice(channels)
        out.append(w.message(number, channel, start, days, offers, segments))
        out.append("")
    out.append("}")
    return "\n".join(out) + "\n", w.copy


def generate(folder: Path, files: int, seed: int = 2027) -> Corpus:
    """Write ``files`` campaign files (plus two brand files) under ``folder``."""
    folder = Path(folder)
    rng = random.Random(seed)
    (folder / "brands").mkdir(parents=True, exist_ok=True)
    (folder / "campaigns").mkdir(parents=True, exist_ok=True)
    (folder / "campaignlint.toml").write_text("# benchmark corpus: default configuration\n", encoding="utf-8")
    corpus = Corpus(folder)
    for name, text in (("verdure.camp", BRAND_FR), ("northwind.camp", BRAND_EN)):
        path = folder / "brands" / name
        path.write_text(text, encoding="utf-8")
        corpus.brand_files.append(path)
    for index in range(files):
        lang = "fr" if rng.random() < 0.6 else "en"
        text, copy = campaign_text(rng, index, lang)
        path = folder / "campaigns" / f"{index:04d}_{lang}.camp"
        path.write_text(text, encoding="utf-8")
        corpus.files.append(path)
        corpus.copy.extend(copy)
    return corpus


def generate_one(folder: Path, messages: int, seed: int = 2027, lang: str = "fr") -> Corpus:
    """A project of one campaign file holding ``messages`` messages (plus the brand files)."""
    folder = Path(folder)
    rng = random.Random(seed)
    (folder / "brands").mkdir(parents=True, exist_ok=True)
    (folder / "campaigns").mkdir(parents=True, exist_ok=True)
    (folder / "campaignlint.toml").write_text("# benchmark corpus: default configuration\n", encoding="utf-8")
    corpus = Corpus(folder)
    for name, text in (("verdure.camp", BRAND_FR), ("northwind.camp", BRAND_EN)):
        path = folder / "brands" / name
        path.write_text(text, encoding="utf-8")
        corpus.brand_files.append(path)
    text, copy = campaign_text(rng, 0, lang, messages)
    path = folder / "campaigns" / f"big_{messages}_{lang}.camp"
    path.write_text(text, encoding="utf-8")
    corpus.files.append(path)
    corpus.copy.extend(copy)
    return corpus


if __name__ == "__main__":  # pragma: no cover - manual use
    import sys

    target = Path(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    made = generate(target, count)
    print(f"{len(made.files)} files, {len(made.copy)} texts in {target}")
