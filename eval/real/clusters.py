#!/usr/bin/env python3
"""Cross-article entity clusters on the real articles (eval/clusters/README.md, the metric).

    python3 eval/real/clusters.py [--split dev] [--kg target/release/kg]

Builds a knowledge base with the real `kg init` and `kg add` from the texts of the split
(eval/real/text/, refilled from the manifest), then scores its entities against clusters
taken from the gold files: every non-statement gold entity of an article is one item; its
names are the gold name and aliases; its cluster is the slug of the gold name, which the
annotators kept the same across articles for one real thing ("Vladimir Putin", "North
Korea", "Chinese Ministry of Foreign Affairs"). An item is found as the base entity that
takes part in a fact from that article and goes by one of its names (canonical name or
alias, any case, a leading "the" dropped; the earliest name wins), as in
tests/cli/clusters.rs. B-cubed precision, recall and F1 over the items found; coverage is
the share found. Only the split's aggregate is printed. Exits 1 when texts are missing.
"""

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def slug(name):
    s = name.lower().replace("'", "").replace("\u2019", "")
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def norm(name):
    s = " ".join(name.lower().split())
    return s[4:] if s.startswith("the ") else s


def b_cubed(gold, predicted):
    n = len(gold)
    p = r = 0.0
    for i in range(n):
        same_pred = [j for j in range(n) if predicted[j] == predicted[i]]
        same_gold = [j for j in range(n) if gold[j] == gold[i]]
        both = sum(1 for j in same_pred if gold[j] == gold[i])
        p += both / len(same_pred)
        r += both / len(same_gold)
    p, r = p / n, r / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev", choices=["dev", "test"])
    ap.add_argument("--kg", default=str(ROOT / "target/release/kg"))
    args = ap.parse_args()
    rows = [
        dict(zip(lines[0].split("\t"), line.split("\t")))
        for lines in [(HERE / "manifest.tsv").read_text(encoding="utf-8").splitlines()]
        for line in lines[1:]
        if line.strip()
    ]
    ids = [r["id"] for r in rows if r["split"] == args.split]
    texts = [HERE / "text" / f"{i}.txt" for i in ids]
    missing = [t.name for t in texts if not t.exists()]
    if missing:
        print(f"clusters.py: {len(missing)} texts missing; run fill.py", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as d:
        subprocess.run([args.kg, "init", "-q"], cwd=d, check=True)
        subprocess.run(
            [args.kg, "add", "-q", *map(str, texts)], cwd=d, check=True, stdout=subprocess.DEVNULL
        )
        base = json.loads((Path(d) / "kg.json").read_text(encoding="utf-8"))
    sources = {}
    for f in base["facts"]:
        frm = [f["source"]] + [a["source"] for a in f.get("also", [])]
        for end in ("subject", "object"):
            sources.setdefault(f[end], set()).update(frm)
    entities = [
        (e["id"], [norm(e["name"])] + [norm(a) for a in e.get("aliases", [])])
        for e in base["entities"]
    ]
    gold, predicted, total = [], [], 0
    for i in ids:
        g = json.loads((HERE / "gold" / f"{i}.json").read_text(encoding="utf-8"))
        for e in g["entities"]:
            if e["kind"] == "statement":
                continue
            total += 1
            names = [e["name"]] + e.get("aliases", [])
            found = None
            for n in names:
                found = next(
                    (eid for eid, ns in entities if norm(n) in ns and i in sources.get(eid, ())),
                    None,
                )
                if found:
                    break
            if found:
                gold.append(slug(e["name"]))
                predicted.append(found)
    p, r, f1 = b_cubed(gold, predicted)
    shared = len({c for c in gold if gold.count(c) > 1})
    print(
        f"{args.split}: {len(ids)} articles, {total} gold entities, {len(gold)} found "
        f"(coverage {len(gold) / total:.3f}); {shared} real things found in more than one "
        f"article; B-cubed precision {p:.3f}, recall {r:.3f}, F1 {f1:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
