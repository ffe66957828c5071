#!/usr/bin/env python3
"""Draws the dev/test split of the real articles once (eval/README.md, "The real articles").

    python3 eval/real/draw_split.py ROWS... > eval/real/manifest.tsv

Reads manifest rows from ROWS (tab-separated; a header line and an 11th split column are
ignored), sorts them by id, and within each topic draws a third of the articles
(rounded up) for the test split with Python's random.Random(SEED).sample, the rest
being dev. Writes the manifest with its header. Run once: after that the split is the
manifest's, and new articles are appended as dev.
"""

import math
import random
import sys

SEED = 20261204
COLUMNS = ["id", "url", "publisher", "date", "topic", "corpus", "query", "sha256", "words",
           "truncated", "split"]


def main(paths):
    rows = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            rows += [line.rstrip("\n").split("\t")[:10] for line in f
                     if line.strip() and not line.startswith("id\t")]
    rows.sort(key=lambda r: r[0])
    rng = random.Random(SEED)
    test = set()
    for topic in sorted({r[4] for r in rows}):
        ids = [r[0] for r in rows if r[4] == topic]
        test |= set(rng.sample(ids, math.ceil(len(ids) / 3)))
    print("\t".join(COLUMNS))
    for r in rows:
        print("\t".join(r[:10] + ["test" if r[0] in test else "dev"]))


if __name__ == "__main__":
    main(sys.argv[1:])
