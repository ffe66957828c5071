#!/usr/bin/env python3
"""kg's list of given names and surnames (src/extract/lexicon/names.tsv), a feature of
the name typer: every first name of the 1990 US Census name files (female and male,
5,494 names) and its 5,000 most frequent surnames.

The Census files are public domain; they are read from the PyPI package `names` 0.3.0
(MIT licence), which ships them as dist.female.first, dist.male.first and
dist.all.last.

Usage:
    pip download --no-deps --no-binary :all: names==0.3.0 -d /tmp/names-pkg
    tar xzf /tmp/names-pkg/names-0.3.0.tar.gz -C /tmp/names-pkg
    python3 scripts/typer/census_names.py /tmp/names-pkg/names-0.3.0/names > src/extract/lexicon/names.tsv

Each line is a lowercase word and its flags: g a given name, s one of the 2,000 most
frequent surnames, r a surname ranked 2,001 to 5,000; then, for a given name borne at
least ten times as often by one sex as by the other (by the files' percentages), f or m
(what "she" and "he" can stand for in resolution), when at least 0.01% of that sex bear
it and it is more frequent as a given name than as a surname. Names common to both
("Kelly", "Terry"), rare ones ("Lin", often a family name written first) and names the
files do not have get no third column.
"""

import os
import sys

SURNAMES = 5000
COMMON = 2000
# How many times more often one sex must bear a given name for it to mark the sex, and
# the least share of that sex (in per cent) bearing it: rarer names ("Lin", "Ma") are
# mostly family names written first, and mark nothing.
GENDER_RATIO = 10
GENDER_SHARE = 0.01


def main():
    root = sys.argv[1]
    flags = {}
    share = {"f": {}, "m": {}}
    for name, sex in (("dist.female.first", "f"), ("dist.male.first", "m")):
        with open(os.path.join(root, name), encoding="ascii") as f:
            for line in f:
                parts = line.split()
                word = parts[0].lower()
                share[sex][word] = float(parts[1])
                if "g" not in flags.get(word, ""):
                    flags[word] = flags.get(word, "") + "g"
    with open(os.path.join(root, "dist.all.last"), encoding="ascii") as f:
        rows = [line.split() for line in f]
    ranked = sorted((int(p[3]), p[0].lower()) for p in rows)
    surname_share = {p[0].lower(): float(p[1]) for p in rows}
    for rank, word in ranked[:SURNAMES]:
        flags[word] = flags.get(word, "") + ("s" if rank <= COMMON else "r")
    print("# Given names and surnames for the name typer (src/extract/typer.rs): word, then")
    print("# flags (g given name; s one of the 2,000 most frequent surnames; r one ranked 2,001")
    print("# to 5,000), then f or m for a given name borne ten times as often by women or men,")
    print("# by at least 0.01% of them, and more often a given name than a surname.")
    print("# From the 1990 US Census name files (public domain), as shipped by the PyPI package")
    print("# `names` 0.3.0 (MIT); made by scripts/typer/census_names.py.")
    for word in sorted(flags):
        f, m = share["f"].get(word, 0.0), share["m"].get(word, 0.0)
        sex = "f" if f > GENDER_RATIO * m else "m" if m > GENDER_RATIO * f else ""
        if max(f, m) < GENDER_SHARE or max(f, m) <= surname_share.get(word, 0.0):
            sex = ""
        print(f"{word}\t{flags[word]}" + (f"\t{sex}" if sex else ""))


if __name__ == "__main__":
    main()
