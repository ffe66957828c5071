#!/usr/bin/env python3
"""Says which real articles are here, missing or changed (eval/real/README.md).

    python3 eval/real/fill.py

For every row of eval/real/manifest.tsv: `ok ID` when text/ID.txt is here and the
sha256 of its body (the bytes after the header's blank line) is the manifest's;
`missing ID` or `changed ID` otherwise, each followed by the URL to look for and the
query that finds it in the search tool's corpus. Exits 1 when any article is missing or
changed.
"""

import hashlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def body(data):
    """The bytes after the header's blank line: what the manifest's sha256 covers."""
    return data.split(b"\n\n", 1)[1] if b"\n\n" in data else data


def rows():
    lines = (HERE / "manifest.tsv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    for line in lines[1:]:
        if line.strip():
            yield dict(zip(header, line.split("\t")))


def main():
    counts = {"ok": 0, "missing": 0, "changed": 0}
    for row in rows():
        path = HERE / "text" / f"{row['id']}.txt"
        if not path.exists():
            state = "missing"
        elif hashlib.sha256(body(path.read_bytes())).hexdigest() != row["sha256"]:
            state = "changed"
        else:
            state = "ok"
        counts[state] += 1
        print(f"{state:8} {row['id']}")
        if state != "ok":
            print(f"         url:   {row['url']}")
            print(f"         query: {row['query']} ({row['corpus']} corpus)")
    print(", ".join(f"{n} {state}" for state, n in counts.items()))
    return 0 if counts["ok"] == sum(counts.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
