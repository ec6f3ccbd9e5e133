"""A deterministic synthetic corpus: N Dutch-ish articles plus the site's real pages."""

import random
import shutil
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_CHECKLIST = "uitbesteden"
WORDS_PER_ARTICLE = 600

WORDS = tuple(
    """
paard paarden stal stalling weide manege rijbaan hoefsmid dierenarts voer hooi
ondernemer ondernemen administratie planning agenda klant klanten factuur facturen
offerte omzet uurtarief tijd week maand dag jaar taak taken doel doelen
doelstelling assistent virtueel hippisch ondersteuning uitbesteden overzicht rust
energie keuze twijfel beslissing investering rendement bedrijf werk werken
plannen bellen mailen regelen bijhouden controleren betalen boeken versturen
telefoon berichten afspraak afspraken les lessen training wedstrijd pension
eigenaar ruiter instructeur fokker handel vervoer trailer zadel hoofdstel
en of maar want dus omdat als dan toch ook nog wel niet geen heel erg
een de het van voor met op in aan bij naar over door zonder tussen
je jij jouw wij ons onze zij hun ik mijn zelf samen iedereen niemand
goed beter best snel rustig druk duidelijk concreet meetbaar haalbaar uitdagend
is zijn was heeft hebben kan kunnen moet moeten wil willen zal zullen
""".split()  # noqa: SIM905
)
CATEGORIES = ["Ondernemen", "Administratie", "Planning", "Paardenbranche"]
TAGS = [
    "uitbesteden",
    "administratie",
    "planning",
    "doelstellingen",
    "agenda",
    "facturen",
    "stalhouderij",
    "manege",
    "tijdwinst",
    "klanten",
    "telefoon",
    "offertes",
]
START = datetime(2020, 1, 6, 9, 0)


def sentence(rng: random.Random, low: int = 8, high: int = 16) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + rng.choice([".", ".", ".", "?", "!"])


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))


def body(rng: random.Random, index: int, total: int) -> str:
    """About 600 words: paragraphs under headings, two lists, links in and out."""
    blocks: list[str] = []
    words = 0
    while words < WORDS_PER_ARTICLE:
        kind = rng.random()
        if kind < 0.15 and blocks and not blocks[-1].startswith("#"):
            block = "## " + sentence(rng, 3, 6).rstrip(".?!")
        elif kind < 0.25:
            marker = rng.choice(["-", "1."])
            block = "\n".join(
                f"{marker} {sentence(rng, 4, 9)}" for _ in range(rng.randint(3, 5))
            )
        else:
            block = paragraph(rng)
            other = rng.randrange(total)
            if other != index and rng.random() < 0.5:
                link = f"({{filename}}bench-{other}.md)"
                block += f" Lees ook [{rng.choice(WORDS)}]{link}."
            if rng.random() < 0.3:
                block += (
                    f" Zie [{rng.choice(WORDS)}]"
                    f"(https://www.example.org/{rng.choice(WORDS)}/{index})."
                )
        blocks.append(block)
        words += len(block.split())
    return "\n\n".join(blocks) + "\n"


def article(rng: random.Random, index: int, total: int, own: bool) -> str:
    checklist = f"bench-{index}" if own and index % 2 else SHARED_CHECKLIST
    tags = ", ".join(sorted(rng.sample(TAGS, rng.randint(1, 3))))
    date = START + timedelta(hours=7 * index)
    header = [
        f"Title: {sentence(rng, 3, 7).rstrip('.?!')} {index}",
        f"Slug: bench-{index}",
        f"Date: {date:%Y-%m-%d %H:%M}",
        f"Category: {rng.choice(CATEGORIES)}",
        f"Tags: {tags}",
        f"Summary: {sentence(rng, 12, 24)}",
        f"Checklist: {checklist}",
    ]
    return "\n".join(header) + "\n\n" + body(rng, index, total)


def checklist_template() -> str:
    """The real shared checklist if there is one, else one shaped like the design."""
    folder = ROOT / "content" / "checklists"
    for path in sorted(folder.glob(f"{SHARED_CHECKLIST}.*")):
        return path.read_text(encoding="utf-8")
    items = "\n".join(f"- [ ] Taak {n} van de lijst" for n in range(1, 9))
    return f"# Uitbesteden\n\nWat kun je uitbesteden?\n\n## Taken\n\n{items}\n"


def build_corpus(
    target: Path, articles: int, own_checklists: bool = False, seed: int = 20261128
) -> Path:
    """Write the corpus into `target`/content and return that folder.

    The site's real content (pages, posts, images, worksheet and checklist definitions)
    is copied, and `articles` synthetic posts are added in posts/bench/ (the pages
    link to the real posts, so those stay). Every article shows the shared checklist;
    with `own_checklists`, odd articles name their own `bench-<n>` instead: a copy of
    the shared one with one extra item, so every checklist is distinct.
    """
    content = target / "content"
    if content.exists():
        shutil.rmtree(content)
    shutil.copytree(ROOT / "content", content)
    posts = content / "posts" / "bench"
    posts.mkdir()
    checklists = content / "checklists"
    checklists.mkdir(exist_ok=True)
    template = checklist_template()
    suffix = next(
        (p.suffix for p in sorted(checklists.glob(f"{SHARED_CHECKLIST}.*"))), ".md"
    )
    if not (checklists / f"{SHARED_CHECKLIST}{suffix}").exists():
        (checklists / f"{SHARED_CHECKLIST}{suffix}").write_text(template, "utf-8")
    rng = random.Random(seed)
    for index in range(articles):
        text = article(rng, index, articles, own_checklists)
        (posts / f"bench-{index}.md").write_text(text, encoding="utf-8")
        if own_checklists and index % 2:
            own = template.rstrip("\n") + f"\n\n- [ ] Eigen taak voor artikel {index}\n"
            (checklists / f"bench-{index}{suffix}").write_text(own, encoding="utf-8")
    return content
