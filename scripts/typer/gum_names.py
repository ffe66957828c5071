#!/usr/bin/env python3
"""Named-entity spans from GUM, as training data for kg's name typer.

GUM (the Georgetown University Multilayer corpus, in Universal Dependencies as
UD_English-GUM) marks every entity mention with a type (person, place,
organization, ...). This script keeps the *named* ones: within each mention of a
person, place or organization, the longest run of proper nouns (PROPN, joined by
"of", "the", "and", "for", "de", "&" or a hyphen) is the name. It writes one JSON
line per sentence:

    {"doc": "GUM_news_iodine", "split": "train", "text": "...",
     "names": [[start_char, end_char, "person"], ...]}

Only the genres GUM publishes under CC BY (its LICENSE.txt: Wikinews news,
interviews and biographies, Wikivoyage, OpenStax textbooks, Creative Commons
vlogs, public-domain speeches and the Santa Barbara conversations) are read, so
the weights trained from them can ship under CC BY 4.0 with attribution.

Usage:
    git clone https://github.com/UniversalDependencies/UD_English-GUM /tmp/gum
    git -C /tmp/gum checkout afb41ee
    python3 scripts/typer/gum_names.py /tmp/gum > /tmp/gum-names.jsonl

The split (train, dev, test) is GUM's own (not-to-release/file-lists).
"""

import json
import os
import sys

GENRES = ("news", "interview", "bio", "voyage", "textbook", "vlog", "speech", "conversation")
TYPES = ("person", "place", "organization")
JOINERS = {"of", "the", "and", "for", "de", "&", "-", "'s"}


def read_list(root, name):
    path = os.path.join(root, "not-to-release", "file-lists", name)
    with open(path, encoding="utf-8") as f:
        return {line.strip() for line in f if line.strip()}


def sentences(path):
    """Yields (text, tokens) per sentence; a token is (form, upos, misc)."""
    text, toks = None, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# text = "):
                text = line[len("# text = "):]
            elif not line:
                if toks and text is not None:
                    yield text, toks
                text, toks = None, []
            elif not line.startswith("#"):
                cols = line.split("\t")
                if "-" in cols[0] or "." in cols[0]:
                    continue
                toks.append((cols[1], cols[3], cols[9]))
    if toks and text is not None:
        yield text, toks


def offsets(text, toks):
    """Character offsets of each token in the sentence text."""
    out, pos = [], 0
    for form, _, _ in toks:
        at = text.find(form, pos)
        if at < 0:
            return None
        out.append((at, at + len(form)))
        pos = at + len(form)
    return out


def mentions(toks):
    """Entity mentions as (first_token, last_token, etype), from the MISC Entity field."""
    open_, out = {}, []
    for i, (_, _, misc) in enumerate(toks):
        ent = next((f[len("Entity="):] for f in misc.split("|") if f.startswith("Entity=")), None)
        if not ent:
            continue
        j = 0
        while j < len(ent):
            if ent[j] == "(":
                k = j + 1
                while k < len(ent) and ent[k] not in "()":
                    k += 1
                body = ent[j + 1:k]
                parts = body.split("-")
                gid, etype = parts[0], parts[1] if len(parts) > 1 else ""
                if k < len(ent) and ent[k] == ")":
                    out.append((i, i, etype))
                    k += 1
                else:
                    open_.setdefault(gid, []).append((i, etype))
                j = k
            else:
                k = j
                while k < len(ent) and ent[k] not in "()":
                    k += 1
                gid = ent[j:k]
                if k < len(ent) and ent[k] == ")" and open_.get(gid):
                    start, etype = open_[gid].pop()
                    out.append((start, i, etype))
                    k += 1
                j = max(k, j + 1)
    return out


def name_run(toks, a, b):
    """The longest run of proper nouns in tokens a..=b, with joiners inside."""
    best, i = None, a
    while i <= b:
        if toks[i][1] != "PROPN":
            i += 1
            continue
        j, last = i, i
        while j + 1 <= b and (toks[j + 1][1] == "PROPN" or toks[j + 1][0].lower() in JOINERS):
            j += 1
            if toks[j][1] == "PROPN":
                last = j
        if best is None or last - i > best[1] - best[0]:
            best = (i, last)
        i = last + 1
    return best


def main():
    root = sys.argv[1]
    dev, test = read_list(root, "files.dev"), read_list(root, "files.test")
    src = os.path.join(root, "not-to-release", "sources")
    for name in sorted(os.listdir(src)):
        doc = name[: -len(".conllu")]
        if doc.split("_")[1] not in GENRES:
            continue
        split = "dev" if doc in dev else "test" if doc in test else "train"
        for text, toks in sentences(os.path.join(src, name)):
            offs = offsets(text, toks)
            if offs is None:
                continue
            names = set()
            for a, b, etype in mentions(toks):
                if etype not in TYPES:
                    continue
                run = name_run(toks, a, b)
                if run:
                    names.add((offs[run[0]][0], offs[run[1]][1], etype))
            print(json.dumps({"doc": doc, "split": split, "text": text,
                              "names": sorted(names)}, ensure_ascii=False))


if __name__ == "__main__":
    main()
