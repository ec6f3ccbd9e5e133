"""Each post in its own language and by its own author; code and tables fit a phone."""

import json

from tests.publish.hosting import PUBLIC
from tests.support.html import soup, text_of

GUEST = "blog/gastpost-engels/index.html"


def article_ld(page) -> dict:
    for script in page.find_all("script", type="application/ld+json"):
        data = json.loads(script.string)
        if data["@type"] == "BlogPosting":
            return data
    raise AssertionError("no BlogPosting")


def test_a_post_with_lang_en_says_so_on_the_page_and_the_article(site):
    page = soup(site / GUEST)
    assert page.html["lang"] == "en"
    assert page.select_one("article.post")["lang"] == "en"
    assert article_ld(page)["inLanguage"] == "en"
    # The Dutch site around it, and the Dutch labels in it, say they are Dutch.
    for part in (
        "header",
        "main",
        "footer",
        ".post-meta",
        ".post-terms",
        ".author-box",
    ):
        assert page.select_one(part)["lang"] == "nl", part
    dutch = soup(site / "blog/dilemmas/index.html")
    assert dutch.html["lang"] == dutch.select_one("article.post")["lang"] == "nl"
    assert soup(site / "index.html").html["lang"] == "nl"


def test_a_guest_author_gets_his_own_author_box_and_no_over_mij(site):
    page = soup(site / GUEST)
    box = text_of(page.select_one(".author-box"))
    assert "Geschreven door Jane Guest" in box
    assert "Jane runs a riding school" in box
    assert "paardenbranche" not in box and "Meer over mij" not in box
    # His own initial in the byline, not hers.
    assert text_of(page.select_one(".post-meta .avatar")) == "J"
    assert article_ld(page)["author"] == {"@type": "Person", "name": "Jane Guest"}
    owner = article_ld(soup(site / "blog/dilemmas/index.html"))["author"]
    assert owner["url"] == PUBLIC + "/over-mij/"


def test_code_is_keyboard_reachable_and_tables_scroll_in_a_labelled_region(site):
    page = soup(site / "blog/lange-inhoud/index.html")
    assert [pre.get("tabindex") for pre in page.select(".post-body pre")] == ["0"]
    region = page.select_one(".post-body .table-scroll")
    assert region["role"] == "region" and region["aria-label"] == "Tabel"
    assert region["tabindex"] == "0" and region.table is not None


def test_the_menu_ends_with_its_call_to_action(site):
    items = soup(site / "index.html").select(".menu li")
    assert [text_of(li) for li in items][-2:] == ["Zoeken", "Contact"]
    assert "menu-cta" in items[-1]["class"]


def test_a_post_marks_blog_as_the_current_part_of_the_menu(site):
    menu = soup(site / "blog/dilemmas/index.html").select_one(".menu")
    current = menu.select("[aria-current]")
    assert [(text_of(a), a["aria-current"]) for a in current] == [("Blog", "true")]
    home = soup(site / "index.html").select_one(".menu [aria-current]")
    assert (text_of(home), home["aria-current"]) == ("Home", "page")


def test_the_worksheet_offers_one_way_to_keep_and_folds_the_rest(site):
    end = soup(site / "blog/dilemmas/index.html").select_one("[data-tools]")
    shown = end.select_one(".ws-save")
    assert [text_of(b) for b in shown.select("a, button:not([hidden])")] == [
        "Stuur per e\u2011mail"
    ]
    more = end.select_one("details.ws-more")
    assert text_of(more.summary) == "Meer opties"
    assert [b["data-action"] for b in more.select("button")] == [
        "text",
        "markdown",
        "print",
        "ics",
    ]


def test_no_button_breaks_a_word_at_its_hyphen(site):
    # "per e-" / "mail": a button's words are kept whole (U+2011 in strings.yaml).
    found = {}
    for page in sorted(site.rglob("*.html")):
        for button in soup(page).select("button, .button"):
            words = [w for w in text_of(button).split() if "-" in w.strip("-")]
            if words:
                found[(page.relative_to(site).as_posix(), text_of(button))] = words
    assert found == {}


def test_a_printed_call_to_action_shows_where_it_leads(site):
    cta = soup(site / "blog/dilemmas/index.html").select_one("[data-cta]")
    assert text_of(cta.select_one(".print-url")) == f"{PUBLIC}/contact/"


def test_an_article_loads_no_rules_of_the_other_pages(site):
    article = soup(site / "blog/dilemmas/index.html")
    head = [link["href"] for link in article.head.select("link[rel=stylesheet]")]
    assert len(head) == 1 and "/site." in head[0]
    body = [link["href"] for link in article.body.select("link[rel=stylesheet]")]
    assert len(body) == 1 and "/later." in body[0]
    home = soup(site / "index.html").head.select("link[rel=stylesheet]")
    assert [link["href"].split("/")[-1].split(".")[0] for link in home] == [
        "site",
        "pages",
    ]


def test_an_articles_end_waits_for_later_css_right_after_its_text(site):
    """What follows the text (tags, the author, the worksheet...) is styled by
    later.css, linked right after the text, so the head's stylesheet does not carry
    those rules and nothing above the link moves when they arrive."""
    article = soup(site / "blog/dilemmas/index.html")
    link = article.select_one(".post-body").find_next_sibling()
    assert link.name == "link" and "/later." in link["href"]
    assert link.find_next_sibling()["class"] == ["post-terms"]
    css = site / "theme" / "css"
    (head,) = css.glob("site.*.css")
    (later,) = css.glob("later.*.css")
    for rule in (".post-terms", ".author-box", ".cta{"):
        assert rule not in head.read_text("utf-8"), rule
        assert rule in later.read_text("utf-8"), rule


def test_service_cards_carry_their_icon_and_a_vanaf_price_when_set(tmp_path):
    from tests.support.funnel import build_with

    services = {"Planning": {"icon": "agenda", "price": "€ 35 per uur"}}
    site = build_with(tmp_path, SERVICES=services)
    for path, heading in (("diensten/index.html", "h2"), ("index.html", "h3")):
        cards = soup(site / path).select(".service")
        titles = [text_of(card.select_one(heading)) for card in cards]
        assert titles == [
            "Planning",
            "Administratie",
            "Agendabeheer",
            "Telefonische opvang",
        ], path
        assert all(card.select_one("svg.icon") for card in cards), path
        prices = [text_of(p) for card in cards for p in card.select(".service-price")]
        assert prices == ["vanaf € 35 per uur"], path


def test_each_home_service_card_leads_to_its_service_on_diensten(site):
    ids = [card["id"] for card in soup(site / "diensten/index.html").select(".service")]
    assert ids == ["planning", "administratie", "agendabeheer", "telefonische-opvang"]
    links = [
        card.select_one(".service-more a")
        for card in soup(site / "index.html").select(".home-services .service")
    ]
    assert [link["href"] for link in links] == [f"./diensten/#{id}" for id in ids]
    assert text_of(links[3]) == "Meer over telefonische opvang"


def test_card_titles_break_long_compounds_with_a_hyphen_but_search_reads_words(site):
    card_titles = [
        text_of(title)
        for page in sorted(site.rglob("*.html"))
        for title in soup(page).select(".post-card-title")
    ]
    assert any("Toe\u00adgan\u00adke\u00adlijk" in title for title in card_titles)
    for page in sorted(site.rglob("*.html")):
        for body in soup(page).select("[data-pagefind-body]"):
            assert "\u00ad" not in body.get_text(), page


def test_the_services_page_lists_tasks_questions_and_ends_in_one_band(site):
    page = soup(site / "diensten/index.html")
    cards = page.select(".service")
    assert len(cards) == 4 and all(len(card.select("li")) >= 3 for card in cards)
    questions = [text_of(h) for h in page.select(".faq .faq-item h3")]
    assert len(questions) >= 3 and all(q.endswith("?") for q in questions)
    band = page.select_one(".cta-band.next-step")
    assert band.find_parent("main") is None
    assert [text_of(b) for b in band.select(".button")] == [
        "Plan een gratis kennismaking"
    ]
    assert text_of(band.h2) == "Hoe begin je?"
    # How to begin is the band's; "Zo werkt het" would say it twice.
    assert page.select(".steps") == []
    # The home page shows each service's text, not its list of tasks.
    home = soup(site / "index.html").select(".service")
    assert len(home) == 4 and all(card.select("li") == [] for card in home)


def test_over_mij_is_her_card_her_story_what_she_does_and_how_it_works(site):
    """Without a photo or words made up: her card (her own drawing over her name and
    role, how she works), her story (her tip, who she works for), what she does (a
    row per service to its place on Diensten) and how it works (the steps); the
    band's button the one filled button."""
    page = soup(site / "over-mij/index.html")
    about = page.select_one("article.about")
    # Her card, right under the header: her own drawing (a desk, not the article's
    # cover: decorative, its size set: no shift), not her logo in a photo's slot.
    body = about.select_one(".page-header").find_next_sibling()
    card, story = body.find_all(recursive=False)
    assert "about-card" in card["class"] and "about-story" in story["class"]
    art = card.select_one(".about-id > img.about-art")
    assert "/img/desk" in art["src"] and art["src"].endswith(".svg")
    assert (art["alt"], art["width"], art["height"]) == ("", "480", "330")
    drawing = list((site / "theme" / "img").glob("desk.*.svg"))
    assert drawing and all(len(svg.read_bytes()) < 4096 for svg in drawing)
    assert card.select(".about-initial, .mark, .photo") == []
    name = text_of(card.select_one(".about-id p"))
    assert name == "Wilhelmien hippisch virtueel assistent"
    assert [text_of(dt) for dt in card.select("dt")][0] == "Werkwijze"
    # Her tip ("> " in over-mij.md) opens her story, her name under it; then who she
    # works for: the home page's audience, by name.
    quote = story.select_one("figure.about-quote")
    assert text_of(quote.blockquote).startswith("Mijn tip aan iedere ondernemer:")
    assert text_of(quote.figcaption) == "— Wilhelmien"
    audience = story.find_all(recursive=False)[-1]
    assert text_of(audience.h2) == "Voor wie ik werk"
    assert [text_of(li) for li in audience.select("li")] == [
        "Stallen",
        "Instructeurs",
        "Hoefsmeden",
        "Paardenfysio's",
    ]
    assert all(li.svg for li in audience.select("li"))
    # What she does: after her card and story, a row per service of Diensten, its
    # icon, its name the link to its place there, its first line; and the way to
    # all of Diensten.
    services, steps = body.find_next_siblings()
    assert services.h2.get_text() == "Waar ik je mee help"
    diensten = soup(site / "diensten/index.html")
    ids = [card["id"] for card in diensten.select(".service")]
    rows = services.select(".about-services-list > li")
    assert [row.h3.a["href"] for row in rows] == [f"../diensten/#{id}" for id in ids]
    assert [text_of(row.h3) for row in rows] == [
        text_of(h2) for h2 in diensten.select(".service h2")
    ]
    first = text_of(diensten.select_one(".service p"))
    assert text_of(rows[0].p) == first and all(row.svg for row in rows)
    more = services.select_one(".about-next a")
    assert text_of(more) == "Bekijk wat ik voor je uit handen neem"
    assert more["href"].endswith("/diensten/")
    # Words of other pages, not in the search index: a search finds them there.
    assert audience.has_attr("data-pagefind-ignore")
    assert services.has_attr("data-pagefind-ignore")
    # How it works: the three steps, the page's last section, on its band.
    assert "steps" in steps["class"] and len(steps.select(".step")) == 3
    # One main action: the band's; in the page no button at all.
    assert page.select("main a.button") == []
    band = page.select_one(".cta-band .button")
    assert text_of(band) == "Plan een gratis kennismaking"
    # The promises stay Diensten's alone.
    assert len(diensten.select(".services-promises .promises li")) == 3
    assert page.select(".promises") == []
    assert soup(site / "index.html").select(".promises") == []
    assert page.select(".photo") == []


def test_the_footer_ends_in_one_line_dated_by_the_newest_post(site):
    dates = [
        soup(page).select_one("article.post time")["datetime"]
        for page in (site / "blog").glob("*/index.html")
        if soup(page).select_one("article.post")
    ]
    year = max(dates)[:4]
    for path in ("index.html", "blog/dilemmas/index.html", "contact/index.html"):
        base = [text_of(li) for li in soup(site / path).select(".footer-base li")]
        assert base[0] == f"© {year} Hippisch virtueel assistent", path
        assert "Privacyverklaring" in base
        # Her KvK once, in the contact lines, not again in the base line.
        assert not any("KvK" in part for part in base), path


def test_the_footer_leaves_the_call_to_action_to_the_band_above_it(site):
    """Where the band before the footer asks for the conversation, the footer does not
    ask again, nor on the contact page, which is that action; elsewhere its link is
    the way to it."""
    for path in ("index.html", "diensten/index.html", "over-mij/index.html"):
        page = soup(site / path)
        assert page.select_one(".cta-band"), path
        assert page.select(".site-footer .footer-cta") == [], path
    assert soup(site / "contact/index.html").select(".footer-cta, .cta-band") == []
    for path in ("privacy/index.html", "blog/dilemmas/index.html", "blog/index.html"):
        page = soup(site / path)
        assert page.select(".cta-band") == [], path
        link = page.select_one(".site-footer .footer-cta")
        assert text_of(link) == "Plan een gratis kennismaking", path


def test_the_home_page_introduces_her_in_her_own_words(site):
    meet = soup(site / "index.html").select_one("section.meet")
    assert text_of(meet.h2) == "Even voorstellen"
    words = text_of(meet.select_one(".meet-quote blockquote"))
    # Her own words (the close of her post Dilemma's), not words put in her mouth,
    # and not what "Over mij" says already: the two pages do not echo each other.
    post = text_of(soup(site / "blog/dilemmas/index.html").select_one(".post-body"))
    assert (
        words
        == "Blijf bij jezelf, doe waar je goed in bent en maak je doelstellingen waar."
    )
    assert words in post
    about = text_of(soup(site / "over-mij/index.html").select_one("main"))
    assert words not in about
    # Without her photo no stand-in for it (an initial reads as a portrait to come):
    # her words signed with her name and role (no mark in a tile: it reads as a
    # placeholder avatar); the way to read on.
    assert "meet-words" in meet["class"] and meet.select(".meet-initial, .photo") == []
    sign = meet.select_one(".meet-quote > figcaption.meet-sign")
    assert text_of(sign.b) == "Wilhelmien"
    assert text_of(sign) == "Wilhelmien hippisch virtueel assistent"
    assert sign.select("img, svg, .mark") == []
    assert meet.select_one(".meet-more a")["href"].endswith("/over-mij/")


def test_every_section_of_the_home_page_opens_with_its_heading_and_intro(site):
    """Each section's heading, then one line of intro; no kicker over a heading that
    says it again ("Blog" over "Uit het blog")."""
    home = soup(site / "index.html")
    heads = {
        head.h2["id"]: [child.name for child in head.find_all(recursive=False)]
        for head in home.select("main section > header.section-head")
    }
    assert set(heads) == {"voor-wie", "diensten", "zo-werkt-het", "nieuwste"}
    for head in home.select("header.section-head"):
        intro = head.select_one("p.section-intro")
        assert head.h2.find_next_sibling() is intro and text_of(intro), head
        heading = text_of(head.h2).lower()
        for kicker in head.select(".kicker"):
            words = set(text_of(kicker).lower().split())
            assert not words & set(heading.split()), (text_of(kicker), heading)


def test_beside_her_words_the_home_page_says_how_and_where_she_works(site):
    facts = soup(site / "index.html").select_one("section.meet dl.meet-facts")
    terms = {text_of(dt): text_of(dt.find_next_sibling("dd")) for dt in facts("dt")}
    # The same facts as her card on "Over mij", none of its own.
    about = soup(site / "over-mij/index.html").select_one(".about-card dl")
    assert terms == {
        text_of(dt): text_of(dt.find_next_sibling("dd")) for dt in about("dt")
    }
    assert terms["Werkwijze"] == "Op afstand, door heel Nederland"


def test_with_her_photo_on_over_mij_the_home_introduces_her_beside_it(tmp_path):
    from PIL import Image

    from tests.conftest import copy_content
    from tests.support.funnel import build_with

    content = copy_content(tmp_path)
    (content / "images").mkdir(exist_ok=True)
    Image.new("RGB", (800, 800), "#7a4f24").save(content / "images" / "ik.jpg")
    about = content / "pages" / "over-mij.md"
    head, body = about.read_text("utf-8").split("\n\n", 1)
    photo = "Photo: images/ik.jpg\nPhoto_alt: Wilhelmien bij de stal"
    about.write_text(f"{head}\n{photo}\n\n{body}", "utf-8")
    output = build_with(tmp_path, content)
    meet = soup(output / "index.html").select_one("section.meet")
    # Her photo beside her words, signed as without it; on her card too.
    assert "meet-words" not in meet["class"] and meet.select(".meet-sign")
    assert meet.select_one(".photo img")["alt"] == "Wilhelmien bij de stal"
    card = soup(output / "over-mij/index.html").select_one(".about-card")
    assert card.select(".about-id :is(.mark, .about-art)") == []
    assert card.select_one(".about-id .photo img")["alt"] == "Wilhelmien bij de stal"


def test_the_newest_post_and_its_worksheet_are_one_feature_on_the_home_page(site):
    page = soup(site / "index.html")
    feature = page.select_one(".latest .feature")
    assert feature.select_one(".feature-post a")["href"].endswith("/blog/dilemmas/")
    assert feature.select_one(".teaser a.button")["href"].endswith("dilemmas/#werkblad")
    # Not a second invitation, and the post not twice.
    assert page.select(".teaser") == [feature.select_one(".teaser")]
    others = [a["href"] for a in page.select(".latest .post-list .post-card-title a")]
    assert others and not any(href.endswith("/dilemmas/") for href in others)
    # More posts than shown: the way to all of them, with the section's head.
    more = page.select_one(".latest > p.section-more a")
    assert text_of(more) == "Alle blogposts" and more["href"].endswith("/blog/")
    # The hero's illustration: a day's work, a time and a tick per row.
    rows = page.select(".hero-art .today-list li")
    assert len(rows) >= 3 and all(row.time and row.svg for row in rows)


def test_the_mail_form_says_so_and_the_questions_say_where_to_ask_more(site):
    contact = soup(site / "contact/index.html")
    assert text_of(contact.select_one("#contactformulier")) == "Mail je vraag"
    # One quiet line on what the mail button does, under it and its description;
    # not a second one at the top.
    notes = [text_of(p) for p in contact.select(".contact-form p")]
    assert sum("eigen e-mail" in note for note in notes) == 1
    button = contact.select_one("#contact-form button[type=submit]")
    hint = contact.select_one("#" + button["aria-describedby"])
    assert "eigen e-mailprogramma" in text_of(hint)
    assert button.find_next_sibling("p") is hint
    faq = soup(site / "diensten/index.html").select_one(".faq")
    ask = faq.select_one(".faq-ask")
    assert "Staat je vraag er niet bij?" in text_of(ask)
    assert ask.select_one('a[href$="/contact/#contactformulier"]')
    # The questions first (a fold each, her question its summary), then the ways to ask.
    parts = [div["class"][0] for div in faq.find_all(recursive=False)]
    assert parts == ["faq-head", "faq-list", "faq-ask"]
    assert [text_of(s) for s in faq.select("details.faq-item > summary > h3")] == [
        "Hoe werkt dat, op afstand?",
        "Moet ik meteen veel uitbesteden?",
        "Wat kost het?",
    ]


def test_the_header_and_footer_draw_the_mark_of_the_favicon(site):
    # One drawing of the horseshoe (theme/static/img/icon.svg): inline in the header
    # and the footer, decorative there, and the favicon itself.
    page = soup(site / "index.html")
    favicon = soup(site / page.select_one("link[rel=icon]")["href"]).svg
    marks = page.select(".brand > svg.mark, .footer-name > svg.mark")
    assert len(marks) == 2
    for mark in marks:
        assert mark.decode_contents() == favicon.decode_contents()
        assert mark["viewbox"] == favicon["viewbox"]
        assert mark["aria-hidden"] == "true"


def test_every_inner_page_opens_with_one_page_header(site):
    """Diensten, Over mij, Contact, privacy and the blog's lists open alike: a kicker
    on the title, and the page's opening paragraph as the lead, said once."""
    expect = {
        "diensten/index.html": ("Wat ik uit handen neem", "Diensten", "Ik werk voor"),
        "over-mij/index.html": ("Even voorstellen", "Over mij", "Ik ben Wilhelmien"),
        "contact/index.html": ("Kennismaken", "Contact", "Wil je weten"),
        "privacy/index.html": ("Je gegevens", "Privacyverklaring", "Deze website is"),
        "blog/index.html": ("Uit de praktijk", "Blog", "Alle blogposts"),
        "blog/archief/index.html": ("Blog", "Archief", "Alle blogposts op datum"),
        "zoeken/index.html": (None, "Zoeken", "Zoek op de hele website"),
    }
    for path, (kicker, title, lead) in expect.items():
        page = soup(site / path)
        headers = page.select("main .page-header")
        assert len(headers) == 1 and len(page.select("h1")) == 1, path
        header = headers[0]
        assert text_of(header.h1) == title, path
        found = header.select_one(".kicker")
        assert (text_of(found) if found else None) == kicker, path
        # The kicker and the title one group, whatever stands beside them.
        group = header.select_one(".page-title")
        assert group.h1 is header.h1 and (not found or found.parent is group), path
        if lead:
            words = text_of(header.select_one(".lead"))
            assert words.startswith(lead), path
            assert text_of(page.main).count(words) == 1, path
        else:
            assert header.select_one(".lead") is None, path


def test_the_home_page_links_to_all_services_and_posts_only_where_there_are_more(
    site, tmp_path
):
    """ "Alle diensten" with the services' cards (the page has each one's tasks); "Alle
    blogposts" only when the blog holds more posts than the home page shows: with her
    one post, no button that says there is just one."""
    import shutil

    from tests.conftest import ROOT
    from tests.support.funnel import build_with

    services = soup(site / "index.html").select_one("section.home-services")
    more = services.select_one(":scope > p.section-more a")
    assert text_of(more) == "Alle diensten" and more["href"].endswith("/diensten/")
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    home = soup(build_with(tmp_path, content) / "index.html")
    latest = home.select_one("section.latest")
    assert len(latest.select("article, .post-card")) == 1
    assert latest.select(".section-more") == []
    assert "Alle blogposts" not in text_of(latest)
