"""Related posts (shared tags, then category, then recency) and next/previous posts."""

import heapq
from collections import defaultdict
from collections.abc import Iterable, Sequence


def _tag_slugs(article) -> set[str]:
    return {tag.slug for tag in getattr(article, "tags", None) or ()}


def _newest_first(articles: Iterable) -> list:
    return sorted(articles, key=lambda a: (a.date, a.slug), reverse=True)


class RelatedIndex:
    """Articles by tag and by category, to rank related posts without comparing all."""

    def __init__(self, articles: Sequence):
        self.by_tag: dict[str, list] = defaultdict(list)
        self.by_category: dict[str, list] = defaultdict(list)
        for article in _newest_first(articles):
            for slug in _tag_slugs(article):
                self.by_tag[slug].append(article)
            self.by_category[article.category.slug].append(article)

    def related(self, article, limit: int, exclude: Iterable = ()) -> list:
        """Up to `limit` posts sharing the most tags, then the category, newest first.

        Posts that share neither a tag nor the category are not related; `exclude`
        (for example the posts already listed as recent) is left out.
        """
        skip = {id(article), *(id(other) for other in exclude)}
        shared: dict[int, int] = defaultdict(int)
        found: dict[int, object] = {}
        for slug in _tag_slugs(article):
            for other in self.by_tag[slug]:
                if id(other) not in skip:
                    shared[id(other)] += 1
                    found[id(other)] = other
        category = article.category.slug

        def rank(other) -> tuple:
            same = other.category.slug == category
            return (shared[id(other)], same, other.date, other.slug)

        chosen = heapq.nlargest(limit, found.values(), key=rank)
        if len(chosen) < limit:
            for other in self.by_category[category]:
                if id(other) not in skip and id(other) not in found:
                    chosen.append(other)
                    if len(chosen) == limit:
                        break
        return chosen


def neighbours(articles: Sequence) -> dict[int, tuple]:
    """For each article (by id): the (older, newer) post next to it, or None."""
    ordered = _newest_first(articles)
    result = {}
    for position, article in enumerate(ordered):
        newer = ordered[position - 1] if position > 0 else None
        older = ordered[position + 1] if position + 1 < len(ordered) else None
        result[id(article)] = (older, newer)
    return result
