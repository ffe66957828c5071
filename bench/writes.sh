#!/usr/bin/env bash
# The writes at scale (issue 18), apart from bench/run.sh (and never part of `cargo test`):
# on a generated graph file of N facts, 1,000 articles are added through the journal
# (`kg add`, one call each) and the base is compacted, which migrates it to a knowledge
# base; then 1,000 more articles are added; before they are compacted, one article is
# removed from the journal (`kg remove` of the journal's first article, which merges
# the 999 after it again, and of its last), each on its own copy of the journalled base;
# then the base is compacted again; then one article of the base is removed (`kg
# remove`: one that changed no entity; one that did, pending, then the compact that
# settles it, and with `--settle`), and two entities merged (`kg merge`), each on its own
# copy of the compacted base. `kg path A B` is timed right after each write (the first query,
# which builds the snapshot when the write did not), then 5 more runs (median). Each
# write is one run, whole process (wall time from `date`, peak RSS from `/usr/bin/time`).
# Prints a Markdown table.
#
# Usage: bash bench/writes.sh [--facts 1000000] [--articles 1000] [--skip-migration] [--made-up]
#            [--sources N]
# --sources N generates the graph file with N sources (articles once migrated: tens of
# facts each, as real news gives) instead of a few hundred of thousands of facts each;
# its files are named apart (facts-N-sM.json, migrated-N-sM.path).
# Data goes to $KG_BENCH_DATA (default target/bench-data): the graph file, and a folder
# per step (kept, to look closer; delete them when done). --skip-migration reuses the
# knowledge base an earlier run migrated (its folder is named in migrated-N.path).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
target="${CARGO_TARGET_DIR:-$root/target}"
data="${KG_BENCH_DATA:-$target/bench-data}"
facts=1000000
articles=1000
skip_migration=0
made_up=0
sources=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --facts) facts="$2"; shift 2 ;;
        --articles) articles="$2"; shift 2 ;;
        --skip-migration) skip_migration=1; shift ;;
        --made-up) made_up=1; shift ;;
        --sources) sources="$2"; shift 2 ;;
        *) echo "writes.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done

cargo build --release --quiet --bin kg --example kg_gen --example journal_bench
kg="$target/release/kg"
mkdir -p "$data"
# journal_bench makes its folders in the temporary folder: keep them with the data.
export TMPDIR="$data"

tag="$facts"
if [[ $sources != 0 ]]; then tag="$facts-s$sources"; fi
plain="$data/facts-$tag.json"
if [[ ! -f "$plain" || ! -f "$plain.pairs.json" ]]; then
    "$target/release/examples/kg_gen" --facts "$facts" --seed 1 --sources "$sources" -o "$plain"
fi
# The first connected pair the generator chose, for `kg path`.
mapfile -t pair < <(python3 -c '
import json, sys
q = json.load(open(sys.argv[1]))
p = next(p for p in q["pairs"] if p["connected"])
print(p["from"]["name"]); print(p["to"]["name"])
m = [p for p in q["pairs"] if p["connected"]][3]
print(m["from"]["name"]); print(m["to"]["name"])' "$plain.pairs.json")
a="${pair[0]}"
b="${pair[1]}"
# Two entities to merge: the ends of another connected pair.
merge_a="${pair[2]}"
merge_b="${pair[3]}"

# `timed LABEL CMD...`: runs CMD once, prints a table row (wall time, peak RSS).
timed() {
    local label="$1"
    shift
    local t start end
    t="$(mktemp)"
    start="$(date +%s%N)"
    /usr/bin/time -f "%M" -o "$t" "$@" >/dev/null
    end="$(date +%s%N)"
    printf '| %s | %s | %d MB |\n' "$label" "$(human $(((end - start) / 1000)))" \
        $(($(cat "$t") / 1024))
    rm -f "$t"
}

# `human MICROSECONDS`: "2.9 ms" or "3.51 s".
human() {
    awk -v us="$1" 'BEGIN { if (us < 1e6) printf "%.1f ms", us / 1e3; else printf "%.2f s", us / 1e6 }'
}

# `queries BASE WRITE`: `kg path A B` on BASE right after WRITE (the first query), then
# the median of 5 more.
queries() {
    timed "kg path A B, the first query after $2" "$kg" -q -g "$1" path "$a" "$b"
    local times=() s
    for _ in 1 2 3 4 5; do
        s="$(date +%s%N)"
        "$kg" -q -g "$1" path "$a" "$b" >/dev/null
        times+=($((($(date +%s%N) - s) / 1000)))
    done
    printf '| kg path A B after %s, median of 5 | %s | |\n' "$2" \
        "$(human "$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)")"
}

# `copy DIR`: a new folder with hard links to DIR's base, snapshot and spans file (a
# write replaces the base by a rename, so the linked files stay as they are); prints its
# base.
copy() {
    local to
    to="$(mktemp -d "$data/write-XXXXXX")"
    ln "$1/kg.json" "$to/kg.json"
    ln "$1/kg.json.snap" "$to/kg.json.snap"
    if [[ -f "$1/kg.json.spans" ]]; then ln "$1/kg.json.spans" "$to/kg.json.spans"; fi
    echo "$to/kg.json"
}

# `journalled BASE FIRST`: a folder holding a hard link to BASE with ARTICLES synthetic
# articles (from number FIRST) in its journal; prints the folder.
journalled() {
    KG_BENCH_FIRST="$2" KG_BENCH_KEEP=1 "$target/release/examples/journal_bench" \
        "$kg" "$1" "$articles" "$a" "$b" | sed -n 's/^kept //p'
}

echo "| write ($facts facts, $articles-article journal) | wall | peak RSS |"
echo "|---|---|---|"
record="$data/migrated-$tag.path"
if [[ $made_up == 1 ]]; then
    record="$data/made-up-$tag.path"
    kb="$data/kb-$tag.json"
    if [[ ! -f "$kb" ]]; then
        cp "$plain" "$kb"
        truncate -s -3 "$kb" # the closing "\n}\n"; then the kb section, default decisions
        printf ',\n  "kb": {\n    "version": 1,\n    "decisions": "fnv1a64:cbf29ce484222325",\n    "articles": [\n      {\n        "source": {\n          "id": "seed"\n        },\n        "entities": [],\n        "facts": []\n      }\n    ]\n  }\n}\n' >>"$kb"
    fi
    echo "$kb" >"$record"
elif [[ $skip_migration == 0 || ! -f "$record" ]]; then
    dir1="$(journalled "$plain" 0)"
    timed "kg compact: migrates the plain graph file" "$kg" -q -g "$dir1/kg.json" compact
    echo "$dir1/kg.json" >"$record"
fi
migrated="$(cat "$record")"
dir2="$(journalled "$migrated" 1000)"
# An article out of the journal (added since the last compact): the journal's first and
# its last, each on its own copy of the journalled base (the journal copied, not linked).
mapfile -t in_journal < <(python3 -c '
import json, sys
lines = open(sys.argv[1]).read().splitlines()[1:]
for l in (lines[0], lines[-1]):
    print(json.loads(l)["article"]["source"]["id"])' "$dir2/kg.json.journal")
for which in first last; do
    if [[ $which == first ]]; then gone="${in_journal[0]}"; else gone="${in_journal[1]}"; fi
    retracted="$(copy "$dir2")"
    cp "$dir2/kg.json.journal" "$retracted.journal"
    timed "kg remove ARTICLE, the journal's $which article (of $articles)" \
        "$kg" -q -g "$retracted" remove "$gone"
    queries "$retracted" "remove from the journal ($which)"
done
timed "kg compact: a knowledge base ($(du -m "$migrated" | cut -f1) MB)" \
    "$kg" -q -g "$dir2/kg.json" compact
queries "$dir2/kg.json" "compact"
# One article of the base out (the last added, which changed no entity: to the journal),
# on its own copy of the compacted base.
last="$(grep -o '"id": "wire-[^"]*"' "$dir2/kg.json" | tail -1 | sed 's/^"id": "//; s/"$//')"
withdrawn="$(copy "$dir2")"
timed "kg remove ARTICLE, of the base, changed no entity (to the journal)" \
    "$kg" -q -g "$withdrawn" remove "$last"
[[ -f "$withdrawn.journal" ]] || echo "| (that remove took the whole-base path: no journal) | | |"
queries "$withdrawn" "remove of a base article (journal)"
# One article out (the first added, which changed the entities): pending (its facts
# hidden, its entities settled by the next compact, which is timed too), and settled at
# once (`--settle`: the component replay); and two entities made one, each on its own
# copy of the compacted base.
article="$(grep -m1 -o '"id": "wire-[^"]*"' "$dir2/kg.json" | sed 's/^"id": "//; s/"$//')"
removed="" settled="" merged=""
if [[ $made_up == 0 ]]; then
    removed="$(copy "$dir2")"
    timed "kg remove ARTICLE, changed the entities (pending)" "$kg" -q -g "$removed" remove "$article"
    queries "$removed" "remove (pending)"
    timed "kg compact after it (settles the removal, then folds)" "$kg" -q -g "$removed" compact
    settled="$(copy "$dir2")"
    timed "kg remove --settle ARTICLE, changed the entities (the component replay)" \
        "$kg" -q -g "$settled" remove --settle "$article"
    queries "$settled" "remove --settle"
    merged="$(copy "$dir2")"
    timed "kg merge A B" "$kg" -q -g "$merged" merge "$merge_a" "$merge_b"
    queries "$merged" "merge"
fi
echo
echo "A, B: $a, $b. ARTICLE: $article (changed the entities), $last (changed none). In the journal: ${in_journal[*]}. Merged: $merge_a, $merge_b."
echo "Folders kept: $migrated (base), $dir2 (compacted), $withdrawn, ${removed:-} ${settled:-} ${merged:-}."
