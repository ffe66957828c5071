#!/usr/bin/env python3
"""Check kg's gold graph files.

Usage: python3 eval/check_spans.py [GOLD.json ...]
(default: eval/gold/*.json, eval/heldout/gold/*.json and eval/constructions/gold/*.json)

For every gold file it checks that:
  * it has kg's graph-file shape (format version 1): known kinds and relations,
    unique non-empty entity ids, facts whose subject and object name an entity,
    ISO-8601 date prefixes, positive counts;
  * every entity id is the slug of its name (the rule of `slug()` in
    src/model/entity.rs);
  * the file has exactly one source, whose id is the file's stem, whose date matches
    the article's `date:` header line and whose path (relative to the repository
    root) names the article;
  * every fact names that source, has evidence and a span, and the article's bytes
    at `span` ([start, end) byte offsets in the whole file, header included) are
    exactly the evidence.

Prints one line per problem and exits 1 if there was any, else prints a summary.
"""

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

KINDS = {"person", "institution", "country", "place", "animal", "group",
         "agreement", "statement", "thing"}
RELATIONS = {"sent", "received", "stated", "deployed-to", "leads", "member-of",
             "located-in", "signed", "fought", "cooperates-with"}
DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def slug(name):
    """Python twin of kg's slug(): alphanumerics lowercased, apostrophes dropped,
    every other run of characters one '-', no '-' at either end."""
    out = []
    for c in name:
        if c.isalnum():
            out.append(c.lower())
        elif c in "'\u2019":
            continue
        elif out and out[-1] != "-":
            out.append("-")
    while out and out[-1] == "-":
        out.pop()
    return "".join(out) or "entity"


def check(path):
    problems = []

    def bad(msg):
        problems.append(f"{path}: {msg}")

    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        bad(f"cannot read JSON: {e}")
        return problems, 0
    if doc.get("version") != 1:
        bad(f"version is {doc.get('version')!r}, expected 1")
    for key in doc:
        if key not in ("version", "sources", "entities", "facts"):
            bad(f"unexpected top-level key {key!r}")

    sources = doc.get("sources", [])
    if len(sources) != 1:
        bad(f"expected exactly one source, found {len(sources)}")
        return problems, 0
    src = sources[0]
    if src.get("id") != path.stem:
        bad(f"source id {src.get('id')!r} is not the file stem {path.stem!r}")
    article_path = ROOT / src.get("path", "")
    if not src.get("path") or not article_path.is_file():
        bad(f"source path {src.get('path')!r} names no file")
        return problems, 0
    if article_path.stem != path.stem:
        bad(f"article {src['path']} does not have the gold file's stem")
    data = article_path.read_bytes()
    lines = data.decode("utf-8").split("\n")
    if not (lines[0].startswith("source: ") and lines[1].startswith("date: ")
            and lines[2] == ""):
        bad(f"{src['path']}: header is not 'source: ...', 'date: ...', blank line")
    elif lines[1][len("date: "):] != src.get("date"):
        bad(f"source date {src.get('date')!r} differs from the article's {lines[1]!r}")
    if src.get("date") is not None and not DATE.match(src["date"]):
        bad(f"source date {src['date']!r} is not ISO-8601")

    ids = set()
    for e in doc.get("entities", []):
        eid, name = e.get("id", ""), e.get("name", "")
        if not eid:
            bad(f"entity {name!r} has no id")
        if eid in ids:
            bad(f"entity id {eid!r} is used twice")
        ids.add(eid)
        if not name.strip():
            bad(f"entity {eid!r} has an empty name")
        elif slug(name) != eid:
            bad(f"entity id {eid!r} is not the slug of its name ({slug(name)!r})")
        if e.get("kind") not in KINDS:
            bad(f"entity {eid!r} has unknown kind {e.get('kind')!r}")
        aliases = e.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            bad(f"entity {eid!r}: aliases must be a list of strings")

    facts = doc.get("facts", [])
    used = set()
    for n, f in enumerate(facts):
        where = f"fact {n} ({f.get('subject')} {f.get('relation')} {f.get('object')})"
        for role in ("subject", "object"):
            if f.get(role) not in ids:
                bad(f"{where}: {role} names no entity")
            used.add(f.get(role))
        if f.get("relation") not in RELATIONS:
            bad(f"{where}: unknown relation")
        if "date" in f and not DATE.match(str(f["date"])):
            bad(f"{where}: date {f['date']!r} is not ISO-8601")
        if "count" in f and not (isinstance(f["count"], int) and f["count"] > 0):
            bad(f"{where}: count {f['count']!r} is not a positive integer")
        if f.get("source") != src.get("id"):
            bad(f"{where}: source {f.get('source')!r} is not {src.get('id')!r}")
        span, evidence = f.get("span"), f.get("evidence")
        if not (isinstance(span, list) and len(span) == 2 and isinstance(evidence, str)):
            bad(f"{where}: needs evidence and a [start, end] span")
            continue
        start, end = span
        if not (0 <= start <= end <= len(data)):
            bad(f"{where}: span {span} is out of the article ({len(data)} bytes)")
            continue
        if data[start:end] != evidence.encode("utf-8"):
            bad(f"{where}: bytes at {span} are {data[start:end][:60]!r}..., "
                f"not the evidence {evidence[:60]!r}...")
    for eid in sorted(ids - used):
        bad(f"entity {eid!r} is in no fact")
    return problems, len(facts)


def main(argv):
    paths = [Path(a) for a in argv] or (
        sorted((ROOT / "eval" / "gold").glob("*.json"))
        + sorted((ROOT / "eval" / "heldout" / "gold").glob("*.json"))
        + sorted((ROOT / "eval" / "constructions" / "gold").glob("*.json")))
    if not paths:
        print("no gold files found", file=sys.stderr)
        return 1
    problems, total = [], 0
    for p in paths:
        found, n = check(p)
        problems += found
        total += n
        print(f"{p.name}: {n} facts{'' if not found else f', {len(found)} problems'}")
    for line in problems:
        print(line, file=sys.stderr)
    if problems:
        return 1
    print(f"ok: {len(paths)} gold files, {total} facts")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
