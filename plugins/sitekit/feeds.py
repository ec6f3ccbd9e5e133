"""Feed titles exactly as the author wrote them.

Pelican strips anything that looks like a tag from a title before putting it in a feed,
so a title such as `<script> & "quotes"` loses text. The feed writer escapes titles
itself, so the original title can go in unchanged.
"""


def restore_titles(context: dict, feed) -> None:
    """Give each feed item the full title of the article it links to."""
    titles = {article.url: article.title for article in context.get("articles", [])}
    prefix = context.get("SITEURL", "") + "/"
    for item in feed.items:
        title = titles.get(item["link"].removeprefix(prefix))
        if title is not None:
            item["title"] = title
