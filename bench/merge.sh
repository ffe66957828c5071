#!/usr/bin/env bash
# `kg merge A B` at scale (issue 18), through the journal: on the made-up knowledge base of
# bench/writes.sh --made-up (a generated graph file of N facts with a "kb" section of one
# empty article), its snapshot built by a first query, two entities are merged (the ends
# of the fourth connected pair the generator chose, as writes.sh merges), then `kg path
# A B` is timed (the first query, then the median of 5). Whole process, one run: wall
# time from `date`, peak RSS from `/usr/bin/time`. Prints a Markdown table.
#
# With --kb FILE (a knowledge base kg wrote from the generated graph file of --facts N facts,
# e.g. the one `kg compact` migrated it to, with its snapshot beside it), the merge is made
# on hard links of FILE and its snapshot instead, and `kg compact` after it is timed too:
# its articles explain its graph, so the compact writes what the whole-base merge writes.
#
# Usage: bash bench/merge.sh [--facts 1000000] [--kb FILE]
# Data goes to $KG_BENCH_DATA (default target/bench-data); delete it when done.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
target="${CARGO_TARGET_DIR:-$root/target}"
data="${KG_BENCH_DATA:-$target/bench-data}"
facts=1000000
kb_from=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --facts) facts="$2"; shift 2 ;;
        --kb) kb_from="$(realpath "$2")"; shift 2 ;;
        *) echo "merge.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
cargo build --release --quiet --bin kg --example kg_gen
kg="$target/release/kg"
mkdir -p "$data"
plain="$data/facts-$facts.json"
if [[ ! -f "$plain" || ! -f "$plain.pairs.json" ]]; then
    "$target/release/examples/kg_gen" --facts "$facts" --seed 1 -o "$plain"
fi
mapfile -t pair < <(python3 -c '
import json, sys
q = json.load(open(sys.argv[1]))
c = [p for p in q["pairs"] if p["connected"]]
for p in (c[0], c[3]):
    print(p["from"]["name"]); print(p["to"]["name"])' "$plain.pairs.json")
a="${pair[0]}" b="${pair[1]}" merge_a="${pair[2]}" merge_b="${pair[3]}"
dir="$(mktemp -d "$data/merge-XXXXXX")"
kb="$dir/kg.json"
if [[ -n "$kb_from" ]]; then
    ln "$kb_from" "$kb"
    ln "$kb_from.snap" "$kb.snap"
else
    cp "$plain" "$kb"
    truncate -s -3 "$kb"
    printf ',\n  "kb": {\n    "version": 1,\n    "decisions": "fnv1a64:cbf29ce484222325",\n    "articles": [\n      {\n        "source": {\n          "id": "seed"\n        },\n        "entities": [],\n        "facts": []\n      }\n    ]\n  }\n}\n' >>"$kb"
fi
"$kg" -q -g "$kb" stats >/dev/null # builds the snapshot (or checks the one linked)

human() {
    awk -v us="$1" 'BEGIN { if (us < 1e6) printf "%.1f ms", us / 1e3; else printf "%.2f s", us / 1e6 }'
}
timed() {
    local label="$1" t start end
    shift
    t="$(mktemp)"
    start="$(date +%s%N)"
    /usr/bin/time -f "%M" -o "$t" "$@" >/dev/null
    end="$(date +%s%N)"
    printf '| %s | %s | %d MB |\n' "$label" "$(human $(((end - start) / 1000)))" $(($(cat "$t") / 1024))
    rm -f "$t"
}
echo "| write ($facts facts, $(du -m "$kb" | cut -f1) MB base) | wall | peak RSS |"
echo "|---|---|---|"
timed "kg merge A B (through the journal)" "$kg" -q -g "$kb" merge "$merge_a" "$merge_b"
[[ -f "$kb.journal" ]] || echo "| (that merge took the whole-base path: no journal) | | |"
timed "kg path A B, the first query after it" "$kg" -q -g "$kb" path "$a" "$b"
times=()
for _ in 1 2 3 4 5; do
    s="$(date +%s%N)"
    "$kg" -q -g "$kb" path "$a" "$b" >/dev/null
    times+=($((($(date +%s%N) - s) / 1000)))
done
printf '| kg path A B after it, median of 5 | %s | |\n' "$(human "$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)")"
timed "kg show B (the merged entity, by its old name)" "$kg" -q -g "$kb" show "$merge_b"
journal_bytes="$(wc -c <"$kb.journal")"
if [[ -n "$kb_from" ]]; then
    timed "kg compact after it (the merge folded in, snapshot written)" "$kg" -q -g "$kb" compact
    [[ -f "$kb.journal" ]] && echo "| (the journal is still there: the compact failed) | | |"
    timed "kg path A B, the first query after the compact" "$kg" -q -g "$kb" path "$a" "$b"
fi
echo
echo "A, B: $a, $b. Merged: $merge_a, $merge_b. Journal: $journal_bytes bytes. Folder: $dir."
