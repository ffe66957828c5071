#!/usr/bin/env python3
"""Checks the real-article gold files and the manifest (eval/real/README.md).

    python3 eval/real/check.py            every gold file and manifest row
    python3 eval/real/check.py ID...      only those articles

For each gold file: the graph-file shape, ids that are the slug of their names, known
kinds and relations, declared endpoints, ISO date prefixes, integer counts, no evidence
or span, `optional` only as true, and no statement named by a run of 10 or more words
copied from the article's text (when the text is here). For each manifest row (in
manifest.tsv or a parts/*.tsv file): ten or eleven columns, and, when the text is here,
its sha256 and word count. Exits 1 when anything is wrong, printing one line per problem.
"""

import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = {"person", "institution", "country", "place", "animal", "group", "agreement",
         "statement", "thing"}
RELATIONS = {"sent", "received", "stated", "deployed-to", "leads", "member-of",
             "located-in", "signed", "fought", "cooperates-with"}
STATIC = {"leads", "member-of", "located-in", "cooperates-with"}
FACT_KEYS = {"subject", "relation", "object", "source", "count", "date", "optional"}
DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
COLUMNS = ["id", "url", "publisher", "date", "topic", "corpus", "query", "sha256", "words",
           "truncated", "split"]
TOPICS = {"animals", "relations", "general"}
COPIED_WORDS = 10


def slug(name):
    out = ""
    for c in name:
        if c.isalnum():
            out += c.lower()
        elif c in "'\u2019":
            pass
        elif out and not out.endswith("-"):
            out += "-"
    return out.strip("-") or "entity"


def words(text):
    return re.findall(r"[\w']+", text.lower().replace("\u2019", "'"))


def body(text):
    head, sep, rest = text.partition("\n\n")
    return rest if sep else text


def copied(name, text_words):
    """True when `name` holds a run of COPIED_WORDS words that the text holds too."""
    w = words(name)
    if len(w) < COPIED_WORDS:
        return False
    runs = {tuple(text_words[i:i + COPIED_WORDS])
            for i in range(len(text_words) - COPIED_WORDS + 1)}
    return any(tuple(w[i:i + COPIED_WORDS]) in runs for i in range(len(w) - COPIED_WORDS + 1))


def check_gold(path, problems):
    stem = path.stem
    say = lambda msg: problems.append(f"{path.relative_to(HERE.parent.parent)}: {msg}")
    try:
        g = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        return say(f"not JSON: {e}")
    if g.get("version") != 1:
        say("version is not 1")
    sources = g.get("sources", [])
    if len(sources) != 1 or sources[0].get("id") != stem:
        say(f"needs exactly one source whose id is {stem}")
    elif not DATE.match(str(sources[0].get("date", ""))):
        say("the source has no ISO date")
    text_path = HERE / "text" / f"{stem}.txt"
    text_words = words(body(text_path.read_text(encoding="utf-8"))) if text_path.exists() else []
    ents = {}
    for e in g.get("entities", []):
        eid, name, kind = e.get("id"), e.get("name", ""), e.get("kind")
        if eid in ents:
            say(f"entity {eid} declared twice")
        ents[eid] = e
        if eid != slug(name):
            say(f"entity id {eid!r} is not the slug of its name {name!r} ({slug(name)!r})")
        if kind not in KINDS:
            say(f"entity {eid}: unknown kind {kind!r}")
        aliases = e.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
            say(f"entity {eid}: aliases must be a list of names")
        if kind == "statement" and copied(name, text_words):
            say(f"statement {eid}: {COPIED_WORDS} or more words in a row copied from the text")
    used = set()
    seen = set()
    for i, f in enumerate(g.get("facts", [])):
        where = f"fact {i} ({f.get('subject')} {f.get('relation')} {f.get('object')})"
        extra = set(f) - FACT_KEYS
        if extra:
            say(f"{where}: fields not allowed here: {', '.join(sorted(extra))}")
        rel = f.get("relation")
        if rel not in RELATIONS:
            say(f"{where}: unknown relation")
        for end in ("subject", "object"):
            if f.get(end) not in ents:
                say(f"{where}: {end} is not a declared entity")
            used.add(f.get(end))
        if f.get("source") != stem:
            say(f"{where}: source must be {stem}")
        if "date" in f and not DATE.match(str(f["date"])):
            say(f"{where}: date {f['date']!r} is not an ISO prefix")
        if "date" in f and rel in STATIC:
            say(f"{where}: {rel} takes no date")
        if "count" in f and (not isinstance(f["count"], int) or f["count"] < 0):
            say(f"{where}: count must be a whole number")
        if "optional" in f and f["optional"] is not True:
            say(f"{where}: optional is written only as true")
        if rel == "stated" and ents.get(f.get("object"), {}).get("kind") != "statement":
            say(f"{where}: the object of stated must be a statement")
        key = (f.get("subject"), rel, f.get("object"), f.get("date"))
        if key in seen:
            say(f"{where}: stated twice")
        seen.add(key)
    for eid in ents:
        if eid not in used:
            say(f"entity {eid} takes part in no fact")


def manifest_rows():
    files = [HERE / "manifest.tsv"] + sorted((HERE / "parts").glob("*.tsv"))
    for path in files:
        if not path.exists():
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("id\t"):
                continue
            yield path, n, line.split("\t")


def check_row(path, n, cols, problems):
    say = lambda msg: problems.append(f"{path.relative_to(HERE.parent.parent)}:{n}: {msg}")
    if len(cols) not in (10, 11):
        return say(f"{len(cols)} columns, expected 10 (11 with split)")
    row = dict(zip(COLUMNS, cols))
    if not re.match(r"^\d{4}-\d{2}-\d{2}-[a-z0-9-]+$", row["id"]):
        say(f"id {row['id']!r} is not YYYY-MM-DD-slug")
    if not row["id"].startswith(row["date"]):
        say("the id does not start with the date")
    if row["topic"] not in TOPICS:
        say(f"topic {row['topic']!r} is not one of {sorted(TOPICS)}")
    if row["truncated"] not in ("yes", "no"):
        say("truncated is yes or no")
    if "split" in row and row["split"] not in ("dev", "test"):
        say("split is dev or test")
    if not (HERE / "gold" / f"{row['id']}.json").exists():
        say("no gold file")
    text = HERE / "text" / f"{row['id']}.txt"
    if text.exists():
        data = text.read_bytes()
        if hashlib.sha256(data.split(b"\n\n", 1)[-1]).hexdigest() != row["sha256"]:
            say("sha256 differs from the text's")
        n_words = len(body(data.decode("utf-8")).split())
        if str(n_words) != row["words"]:
            say(f"words is {row['words']}, the text has {n_words}")
        head = data.decode("utf-8").split("\n\n", 1)[0]
        if f"date: {row['date']}" not in head.splitlines():
            say("the text's date: line differs from the manifest")


def main(ids):
    problems = []
    golds = sorted((HERE / "gold").glob("*.json"))
    if ids:
        golds = [g for g in golds if g.stem in ids]
    for g in golds:
        check_gold(g, problems)
    for path, n, cols in manifest_rows():
        if not ids or cols[0] in ids:
            check_row(path, n, cols, problems)
    for p in problems:
        print(p)
    print(f"{len(golds)} gold files checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(set(sys.argv[1:])))
