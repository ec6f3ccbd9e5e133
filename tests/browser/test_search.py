"""Site search in real Chromium, under the strict CSP: Dutch words, stemmed, offline."""

import pytest


def search(probe, query: str) -> list[str]:
    """Type a query on /zoeken/, submit it and return the titles found."""
    probe.goto("/zoeken/")
    probe.page.get_by_label("Waar wil je over lezen?").fill(query)
    probe.page.get_by_role("button", name="Zoeken").click()
    status = probe.page.locator(".search-status")
    status.filter(has_text="gevonden").wait_for()
    return probe.page.locator(".search-list h3 a").all_inner_texts()


@pytest.mark.browser
def test_a_word_from_the_post_finds_it(probe):
    titles = search(probe, "administratie")
    assert "Dilemma's" in titles
    link = probe.page.get_by_role("link", name="Dilemma's")
    assert link.get_attribute("href") == "/blog/dilemmas/"
    result = probe.page.locator(".search-list li").filter(has=link)
    assert "administratie" in result.locator("mark").first.inner_text().lower()
    assert probe.csp_violations() == []
    assert probe.errors == []
    assert probe.foreign_requests() == []


@pytest.mark.browser
# ("uitbestede" used to pass here only through Pagefind's guess "uit", see below.)
@pytest.mark.parametrize("query", ["administraties", "doelstelling", "uitbesteed"])
def test_an_inflected_form_finds_the_post_through_dutch_stemming(probe, query):
    assert "Dilemma's" in search(probe, query)


@pytest.mark.browser
def test_a_word_that_is_nowhere_finds_nothing_and_says_so(probe):
    assert search(probe, "paraplu") == []
    assert "Niets gevonden" in probe.page.locator(".search-status").inner_text()


@pytest.mark.browser
def test_the_status_repeats_the_query_as_typed(probe):
    # "$&" in a replacement string is the replaced text: "voor “{q}”" came back.
    search(probe, "qwzx$&")
    assert "“qwzx$&”" in probe.page.locator(".search-status").inner_text()


@pytest.mark.browser
def test_the_query_in_the_address_runs_on_load_and_the_page_passes_axe(probe):
    probe.goto("/zoeken/?q=planning")
    probe.page.locator(".search-status").filter(has_text="gevonden").wait_for()
    titles = probe.page.locator(".search-list h3 a").all_inner_texts()
    assert {"Dilemma's", "Testpost 1 over de planning"} <= set(titles)
    assert (
        probe.page.get_by_label("Waar wil je over lezen?").input_value() == "planning"
    )
    assert probe.page.locator("#zoeken-zonder-js").is_hidden()
    assert probe.axe_violations() == []
    assert probe.csp_violations() == []
    assert probe.foreign_requests() == []


@pytest.mark.browser
def test_the_post_chrome_and_the_forms_are_not_indexed(probe):
    # "Recente blogposts" and the share box are on every post, outside its body.
    assert search(probe, "WhatsApp") == []
    # The contact form's labels are not content either.
    assert search(probe, "verplicht") == []


@pytest.mark.browser
def test_a_word_only_a_page_contains_finds_that_page(probe):
    # Only the services page (Diensten) names the farriers, "hoefsmeden".
    assert search(probe, "hoefsmeden") == ["Diensten"]
    link = probe.page.locator(".search-list a")
    assert link.get_attribute("href") == "/diensten/"
    # Stemmed: the singular finds it too.
    assert "Diensten" in search(probe, "paardenfysiotherapeut")
    # Pages hidden from lists (privacy, thank-you) stay out of search as well.
    # (Pagefind answers a word it does not know with near matches elsewhere.)
    assert "Privacyverklaring" not in search(probe, "Autoriteit")


def words_of(text: str) -> set[str]:
    return {word.strip(".,:;!?()'\"") for word in text.split()}


def page_words(probe, path: str) -> set[str]:
    text = probe.page.evaluate(
        f"fetch({path!r}).then((r) => r.text())"
        ".then((t) => new DOMParser().parseFromString(t, 'text/html'))"
        ".then((d) => d.querySelector('[data-pagefind-body]').textContent)"
    )
    return words_of(text)


@pytest.mark.browser
@pytest.mark.parametrize(
    ("query", "path", "starts", "ends"),
    [
        # At the top of the services page: the excerpt starts with its title.
        ("hoefsmeden", "/diensten/", "Diensten. Ik werk", True),
        # At the end of the post: it starts mid-text and ends with the text.
        ("Liefs", "/blog/dilemmas/", "… ", False),
    ],
)
def test_excerpts_are_cut_at_words_and_marked_with_an_ellipsis(
    probe, query, path, starts, ends
):
    search(probe, query)
    result = probe.page.locator(".search-list li").filter(
        has=probe.page.locator(f"a[href='{path}']")
    )
    shown = result.locator("p").inner_text()
    assert shown.startswith(starts)
    assert shown.endswith(" …") is ends
    # Every word shown is a whole word of the page: none is cut in half.
    assert words_of(shown) - {"…"} <= page_words(probe, path)


@pytest.mark.browser
@pytest.mark.parametrize("javascript_enabled", [False])
def test_without_javascript_the_form_submits_and_points_elsewhere(
    browser, base_url, javascript_enabled
):
    context = browser.new_context(java_script_enabled=javascript_enabled)
    page = context.new_page()
    page.goto(base_url + "/zoeken/")
    page.get_by_label("Waar wil je over lezen?").fill("administratie")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url("**/zoeken/?q=administratie")
    message = page.locator("#zoeken-zonder-js")
    assert message.is_visible()
    assert message.get_by_role("link", name="Archief").is_visible()
    context.close()


@pytest.mark.browser
def test_a_hostile_title_in_the_results_is_shown_as_text(probe):
    dialogs = []
    probe.page.on("dialog", lambda dialog: (dialogs.append(dialog), dialog.dismiss()))
    titles = search(probe, "testbuild")
    assert titles == ["""<script>alert("titel")</script> Paard & "wagen" 'n test"""]
    assert probe.page.locator(".search-list script").count() == 0
    assert dialogs == [] and probe.csp_violations() == []


@pytest.mark.browser
@pytest.mark.parametrize("query", ["hoefijzerxyz", "administratiexyz planning"])
def test_a_word_that_only_begins_like_a_known_word_finds_nothing(probe, query):
    # Pagefind would answer with the longest known word it begins with ("hoe").
    assert search(probe, query) == []
    assert "Niets gevonden" in probe.page.locator(".search-status").inner_text()


@pytest.mark.browser
def test_an_unfinished_word_still_finds_the_words_it_begins(probe):
    assert "Diensten" in search(probe, "hoefsm")


@pytest.mark.browser
def test_the_post_about_a_word_ranks_above_pages_that_mention_it(probe):
    probe.page.set_viewport_size({"width": 390, "height": 844})
    # Dilemma's is about administratie (its tags); Diensten and Over mij mention it.
    titles = search(probe, "administratie")
    assert titles[0] == "Dilemma's"
    assert titles.index("Dilemma's") < titles.index("Diensten")
    # A title that holds the word comes first.
    assert search(probe, "planning")[:2] == [
        "Testpost 1 over de planning",
        "Testpost 2 over de planning",
    ]
    assert probe.csp_violations() == []
    assert probe.errors == []
