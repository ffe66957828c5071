#!/usr/bin/env python3
"""Named-entity spans from WNUT-17 (Emerging Entities), as extra training data for
kg's name typer, in the JSON lines `gum_names.py` writes (all with split "train").

WNUT-17 (Derczynski et al. 2017, github.com/leondz/emerging_entities_17) is shared
under CC BY 4.0. Its person spans are persons, location places, corporation and group
organizations; creative works and products are left unmarked (so "other").

Usage:
    python3 scripts/typer/wnut_names.py emerging.dev.conll emerging.test.annotated >> names.jsonl
"""

import json
import sys

TYPES = {"person": "person", "location": "place", "corporation": "organization",
         "group": "organization"}


def sentences(path):
    toks = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if toks:
                    yield toks
                toks = []
                continue
            parts = line.split("\t")
            if len(parts) >= 2:
                toks.append((parts[0], parts[-1]))
    if toks:
        yield toks


def main():
    for n, path in enumerate(sys.argv[1:]):
        for i, toks in enumerate(sentences(path)):
            text, offs = "", []
            for form, _ in toks:
                if text:
                    text += " "
                offs.append((len(text), len(text) + len(form)))
                text += form
            names, cur = [], None
            for (form, tag), (a, b) in zip(toks, offs):
                if tag.startswith("B-") or (tag.startswith("I-") and cur is None):
                    if cur:
                        names.append(cur)
                    cur = [a, b, tag[2:]]
                elif tag.startswith("I-") and cur:
                    cur[1] = b
                else:
                    if cur:
                        names.append(cur)
                    cur = None
            if cur:
                names.append(cur)
            names = sorted([a, b, TYPES[t]] for a, b, t in names if t in TYPES)
            print(json.dumps({"doc": f"wnut_{n}_{i}", "split": "train", "text": text,
                              "names": names}, ensure_ascii=False))


if __name__ == "__main__":
    main()
