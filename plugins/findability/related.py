"""Related posts (shared tags, then category, then recency) and next/previous posts."""

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from itertools import chain


def _tag_slugs(article) -> set[str]:
    return {tag.slug for tag in getattr(article, "tags", None) or ()}


class RelatedIndex:
    """Articles by tag and by category, to rank related posts without comparing all.

    Articles are kept as their position in newest-first order, so that "newest
    first" is a plain sort of integers: ranking a post's candidates stays cheap on a
    site with a thousand posts sharing a dozen tags.
    """

    def __init__(self, articles: Sequence):
        self.ordered = sorted(articles, key=lambda a: (a.date, a.slug), reverse=True)
        self.position = {id(article): at for at, article in enumerate(self.ordered)}
        self.tags = [_tag_slugs(article) for article in self.ordered]
        self.category = [article.category.slug for article in self.ordered]
        self.by_tag: dict[str, list[int]] = defaultdict(list)
        self.by_category: dict[str, list[int]] = defaultdict(list)
        for at in range(len(self.ordered)):
            for slug in self.tags[at]:
                self.by_tag[slug].append(at)
            self.by_category[self.category[at]].append(at)

    def related(self, article, limit: int, exclude: Iterable = ()) -> list:
        """Up to `limit` posts sharing the most tags, then the category, newest first.

        Posts that share neither a tag nor the category are not related; `exclude`
        (for example the posts already listed as recent) is left out.
        """
        me = self.position[id(article)]
        skip = {me, *(self.position[id(other)] for other in exclude)}
        shared = Counter(chain.from_iterable(self.by_tag[t] for t in self.tags[me]))
        for at in skip:
            shared.pop(at, None)
        category = self.category[me]
        # Most shared tags first, then the same category, then the newest.
        chosen = sorted(
            shared, key=lambda at: (-shared[at], self.category[at] != category, at)
        )[:limit]
        for at in self.by_category[category]:
            if len(chosen) >= limit:
                break
            if at not in skip and at not in shared:
                chosen.append(at)
        return [self.ordered[at] for at in chosen]

    def neighbours(self) -> dict[int, tuple]:
        """For each article (by id): the (older, newer) post next to it, or None."""
        last = len(self.ordered) - 1
        return {
            id(article): (
                self.ordered[at + 1] if at < last else None,
                self.ordered[at - 1] if at > 0 else None,
            )
            for at, article in enumerate(self.ordered)
        }
