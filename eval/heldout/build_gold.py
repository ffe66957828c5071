#!/usr/bin/env python3
"""Write the held-out gold graphs from the compact specs in eval/heldout/specs.py.

Usage: python3 eval/heldout/build_gold.py [SET], then `python3 eval/check_spans.py` to
check them. SET is a set folder holding specs.py and articles/ (default: eval/heldout);
the gold graphs go to SET/gold/, in kg's canonical form (what
`cargo run --example canon_gold -- SET/gold/*.json` writes: facts in kg's order, a
fact's "optional" after its span).

A spec names each fact by subject, relation, object and an *anchor*: a piece of text
that occurs once in the article; the evidence is the whole sentence around the anchor
(sentences end at '.', '?' or '!', optionally followed by a closing quote, then a
space or a line break), and the span is its byte range in the article file. Entities
that are not declared are statements (named by the object string). A fact's attribute
dict may hold "count", "date" and "optional": True (written as "optional": true, a fact
the guideline lets an extractor state or leave out).
"""

import importlib.util
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SET = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else HERE
sys.path.insert(0, str(ROOT / "eval"))
from check_spans import RELATIONS, slug  # noqa: E402

_spec = importlib.util.spec_from_file_location("specs", SET / "specs.py")
_specs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_specs)
SPECS = _specs.SPECS
# kg's order of relations (src/model/relation.rs), for the facts' canonical order
RELATION_ORDER = ["sent", "received", "stated", "deployed-to", "leads", "member-of",
                  "located-in", "signed", "fought", "cooperates-with"]
assert set(RELATION_ORDER) == RELATIONS

END = re.compile(r'[.?!]"?(?= |\n|$)')


def sentence(text, anchor):
    i = text.find(anchor)
    if i < 0 or text.find(anchor, i + 1) >= 0:
        raise SystemExit(f"anchor {anchor!r} is missing or not unique")
    start = 0
    for m in END.finditer(text, 0, i):
        start = m.end()
    while text[start] in " \n":
        start += 1
    m = END.search(text, i + len(anchor) - 1)
    end = m.end() if m else len(text)
    return start, end


def build(stem, spec):
    rel_path = f"{SET.relative_to(ROOT).as_posix()}/articles/{stem}.txt"
    text = (ROOT / rel_path).read_text(encoding="utf-8")
    date = text.split("\n")[1][len("date: "):]
    entities = {}
    for name, kind, *aliases in spec["entities"]:
        entities[name] = {"id": slug(name), "name": name, "kind": kind}
        if aliases:
            entities[name]["aliases"] = sorted(aliases[0])
    facts = []
    for subj, rel, obj, anchor, *extra in spec["facts"]:
        opts = extra[0] if extra else {}
        if set(opts) - {"count", "date", "optional"} or opts.get("optional", True) is not True:
            raise SystemExit(f"{stem}: bad attributes {opts!r} for {subj} {rel} {obj}")
        for n in (subj, obj):
            if n not in entities:
                entities[n] = {"id": slug(n), "name": n, "kind": "statement"}
        s, e = sentence(text, anchor)
        ev = text[s:e]
        bs = len(text[:s].encode("utf-8"))
        be = bs + len(ev.encode("utf-8"))
        f = {"subject": slug(subj), "relation": rel, "object": slug(obj)}
        f.update({k: opts[k] for k in ("count", "date") if k in opts})
        f.update({"source": stem, "evidence": ev, "span": [bs, be]})
        if opts.get("optional"):
            f["optional"] = True
        facts.append(f)
    # kg's canonical order (Fact::sort_key in src/model/fact.rs); a missing date or count
    # comes first
    facts.sort(key=lambda f: (f["subject"], RELATION_ORDER.index(f["relation"]), f["object"],
                              (f.get("date") is not None, f.get("date") or ""), f["source"],
                              f["span"], f["evidence"],
                              (f.get("count") is not None, f.get("count") or 0)))
    doc = {
        "version": 1,
        "sources": [{"id": stem, "title": spec["title"], "date": date, "path": rel_path}],
        "entities": sorted(entities.values(), key=lambda e: e["id"]),
        "facts": facts,
    }
    (SET / "gold").mkdir(exist_ok=True)
    out = SET / "gold" / f"{stem}.json"
    out.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


for stem, spec in SPECS.items():
    build(stem, spec)
