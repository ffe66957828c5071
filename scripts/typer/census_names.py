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
frequent surnames, r a surname ranked 2,001 to 5,000.
"""

import os
import sys

SURNAMES = 5000
COMMON = 2000


def main():
    root = sys.argv[1]
    flags = {}
    for name in ("dist.female.first", "dist.male.first"):
        with open(os.path.join(root, name), encoding="ascii") as f:
            for line in f:
                word = line.split()[0].lower()
                if "g" not in flags.get(word, ""):
                    flags[word] = flags.get(word, "") + "g"
    with open(os.path.join(root, "dist.all.last"), encoding="ascii") as f:
        ranked = sorted((int(p[3]), p[0].lower()) for p in (line.split() for line in f))
    for rank, word in ranked[:SURNAMES]:
        flags[word] = flags.get(word, "") + ("s" if rank <= COMMON else "r")
    print("# Given names and surnames for the name typer (src/extract/typer.rs): word, then")
    print("# flags (g given name; s one of the 2,000 most frequent surnames; r one ranked 2,001")
    print("# to 5,000). From the 1990 US Census name files (public domain), as shipped by the")
    print("# PyPI package `names` 0.3.0 (MIT); made by scripts/typer/census_names.py.")
    for word in sorted(flags):
        print(f"{word}\t{flags[word]}")


if __name__ == "__main__":
    main()
