#!/usr/bin/env python3
"""Saves a search excerpt as text/ID.txt when it rebuilds the manifest's body (eval/real/README.md).

    python3 eval/real/place.py ID EXCERPT [--title HEADLINE]

EXCERPT is a file holding the `excerpt` of the search result whose address is the
manifest's `url`, exactly as the search tool returned it. The stored copy carries page
furniture that the saved body left out (a headline, bylines, captions, "Read more"
lines) and sometimes a ` date YYYY-MM-DD ` prefix; which of it went is not recorded, so
this tries the ways a body is cut from an excerpt and keeps the one whose sha256 is the
manifest's:

- the excerpt as it is, and without the search tool's date prefix;
- a run of whole lines, kept with their own line breaks, or re-joined as paragraphs
  (one line per paragraph, or lines inside a paragraph joined by a space) separated by
  one, two or three line breaks;
- up to 40 lines dropped before it and 15 after it, up to three short lines (twelve
  words or fewer) dropped inside it;
- the last paragraph cut after any of its sentences (a copy that stops mid-sentence).

Only bodies with the manifest's word count are hashed. On a match it writes text/ID.txt:
the header (`source:`, `date:` and `title:` from the manifest and HEADLINE, else the
first line dropped before the body, else the headline the address spells, title-cased,
else the id's slug) and the body, and prints `ok ID`.
Otherwise it prints `no match ID` and exits 1: furniture inside a line, or a layout none
of the above gives, must first be taken out of EXCERPT by hand (whole lines only, never
the article's words).
"""

import csv
import hashlib
import itertools
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATE_PREFIX = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s+")
SENTENCE_END = re.compile(r"[.!?][\"\u201d\u2019)']*(?=\s|$)")
LEAD, TRAIL, SHORT_WORDS, INNER_DROPS = 40, 15, 12, 3


def slug_title(url):
    """The headline a page's address spells ("…/dan-joyce-to-retire-at-end-of-january/…"),
    title-cased: the longest path segment of four or more words, ids dropped; None when
    the address spells none."""
    path = url.split("://", 1)[-1].split("?", 1)[0].split("#", 1)[0]
    best = []
    for segment in path.split("/")[1:]:
        segment = re.sub(r"\.(html?|aspx?|php|cms)$", "", segment)
        words = [w for w in re.split(r"[-_]+", segment) if w]
        # A trailing id ("article_d886c1ef", "h4thg48", "2446642") is no headline word.
        while words and any(c.isdigit() for c in words[-1]) and not (
            words[-1].isdigit() and len(words[-1]) <= 4
        ):
            words.pop()
        alpha = [w for w in words if w.isalpha()]
        if len(alpha) >= 4 and len(alpha) >= len(words) - 2 and len(words) > len(best):
            best = words
    return " ".join(w[:1].upper() + w[1:] for w in best) or None


def manifest_row(id_):
    with open(HERE / "manifest.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["id"] == id_:
                return row
    return None


def sha(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cuts(paragraph):
    """The paragraph itself, then cut after each of its sentences, the last first."""
    yield paragraph
    ends = [m.end() for m in SENTENCE_END.finditer(paragraph)]
    for end in reversed(ends):
        if end < len(paragraph):
            yield paragraph[:end]


def layouts(excerpt):
    """(unit list, joiners) pairs: the ways the excerpt splits into paragraphs."""
    lines = excerpt.split("\n")
    nonempty = [line for line in lines if line.strip()]
    yield nonempty, ("\n\n", "\n", "\n\n\n")
    yield [line.strip() for line in nonempty], ("\n\n", "\n")
    paragraphs = [p for p in re.split(r"\n\s*\n", excerpt) if p.strip()]
    yield [" ".join(x.strip() for x in p.split("\n") if x.strip()) for p in paragraphs], (
        "\n\n",
        "\n",
    )
    yield [p.strip("\n") for p in paragraphs], ("\n\n", "\n", "\n\n\n")


def verbatim(excerpt, words):
    """Runs of whole lines kept exactly as the excerpt spaces them (any blank lines)."""
    starts = [0] + [m.end() for m in re.finditer(r"\n", excerpt)]
    for a in starts[: LEAD + 1]:
        rest = excerpt[a:].rstrip()
        if not rest or rest[0].isspace():
            continue
        for c in cuts(rest):
            if len(c.split()) == words:
                yield c + "\n", excerpt[:a]
        for b in [m.start() for m in re.finditer(r"\n", rest)]:
            if len(rest[:b].split()) == words:
                yield rest[:b].rstrip() + "\n", excerpt[:a]


def candidates(excerpt, words):
    """(body, the lines before it) for every way of cutting `excerpt` listed above."""
    yield from verbatim(excerpt, words)
    for units, joiners in layouts(excerpt):
        count = [len(u.split()) for u in units]
        n = len(units)
        for s in range(0, min(LEAD, n)):
            for e in range(n, max(s, n - TRAIL), -1):
                kept_all = units[s:e]
                base = sum(count[s:e])
                if base < words:
                    break
                short = [
                    i
                    for i in range(1, len(kept_all) - 1)
                    if len(kept_all[i].split()) <= SHORT_WORDS
                ]
                for k in range(INNER_DROPS + 1):
                    for drop in itertools.combinations(short, k):
                        total = base - sum(len(kept_all[i].split()) for i in drop)
                        if total < words:
                            continue
                        kept = [u for i, u in enumerate(kept_all) if i not in drop]
                        last = kept[-1]
                        for cut in cuts(last):
                            if total - len(last.split()) + len(cut.split()) != words:
                                continue
                            for joiner in joiners:
                                yield joiner.join(kept[:-1] + [cut]) + "\n", "\n".join(
                                    units[:s]
                                )


def main(argv):
    args = argv[1:]
    title = None
    if "--title" in args:
        k = args.index("--title")
        title = args[k + 1] if k + 1 < len(args) else None
        del args[k : k + 2]
    if len(args) != 2 or title == "":
        print(__doc__.split("\n\n")[1].strip(), file=sys.stderr)
        return 2
    id_, path = args
    row = manifest_row(id_)
    if row is None:
        print(f"place.py: no article {id_!r} in manifest.tsv", file=sys.stderr)
        return 2
    raw = Path(path).read_text(encoding="utf-8")
    words = int(row["words"])
    for excerpt in dict.fromkeys([raw, DATE_PREFIX.sub("", raw, count=1)]):
        for body, before in candidates(excerpt, words):
            if sha(body) != row["sha256"]:
                continue
            dropped = [line.strip() for line in before.split("\n") if line.strip()]
            headline = title or (dropped[0] if dropped else None)
            if not headline:
                headline = slug_title(row["url"]) or id_.split("-", 3)[3].replace(
                    "-", " "
                ).capitalize()
            header = (
                f"source: {row['publisher']}, {row['url']}\n"
                f"date: {row['date']}\ntitle: {headline}\n\n"
            )
            (HERE / "text").mkdir(exist_ok=True)
            (HERE / "text" / f"{id_}.txt").write_text(header + body, encoding="utf-8")
            print(f"ok {id_}")
            return 0
    print(f"no match {id_}")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
