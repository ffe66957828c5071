"""The scale benchmark (issue 8): kg's one-shot queries as whole processes on synthetic
knowledge bases, next to networkx, igraph and rustworkx loading the same file and
answering the same query. Run through bench/run.sh, which builds kg and the venv.

For each size it generates the base (cargo example kg_gen, kept in the data folder),
checks that `kg path --format json` finds paths as long as networkx's for every pair in
the pairs file, then times each command: one untimed warm-up run (warm page cache), then
--runs runs (median, min-max, peak RSS from wait4). Writes its section of bench/results.md
(between the markers), keeping the rest of the file.
"""

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000, "10M": 10_000_000}
PEERS = ("networkx", "igraph", "rustworkx")
BIG = 1_000_000  # from this size on, slow runs (kg add, peers) are repeated fewer times


def measure(cmd, runs, warmup=True, before=None, ok=(0,)):
    """Runs cmd (warm-up first), returning walls, peak RSS in MB and the last stdout."""
    walls, rss = [], []
    out = b""
    for i in range(runs + (1 if warmup else 0)):
        if before:
            before()
        start = time.perf_counter()
        # stderr to a file, so that a chatty child cannot block on a full pipe.
        with tempfile.TemporaryFile() as errf:
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=errf)
            out_chunks = proc.stdout.read()
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
            errf.seek(0)
            err = errf.read()
        code = os.waitstatus_to_exitcode(status)
        if code not in ok:
            sys.exit(f"run.py: {' '.join(map(str, cmd))} exited {code}:\n{err.decode()}")
        out = out_chunks
        if warmup and i == 0:
            continue
        walls.append(wall)
        rss.append(usage.ru_maxrss / 1024)
    return walls, max(rss), out


def summary(walls):
    return statistics.median(walls), min(walls), max(walls)


def fmt_s(s):
    if s is None:
        return "–"
    if s < 1:
        return f"{s * 1000:.1f} ms"
    return f"{s:.2f} s"


def fmt_range(walls):
    med, lo, hi = summary(walls)
    return fmt_s(med), f"{fmt_s(lo)} – {fmt_s(hi)}"


def machine():
    model = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kb = int(f.readline().split()[1])
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    return {
        "cpu": model,
        "nproc": os.cpu_count(),
        "ram": f"{mem_kb / 1024 / 1024:.1f} GiB",
        "kernel": platform.release(),
        "python": platform.python_version(),
        "commit": commit + (" (with uncommitted changes)" if dirty else ""),
    }


def kg_hops(kg, base, a, b):
    """Hops of kg's shortest path between two names, None when kg finds none."""
    proc = subprocess.run(
        [kg, "-g", base, "path", "--format", "json", "--", a, b], capture_output=True
    )
    if proc.returncode == 1:
        return None
    if proc.returncode != 0:
        sys.exit(f"run.py: kg path {a!r} {b!r} failed:\n{proc.stderr.decode()}")
    paths = json.loads(proc.stdout)["paths"]
    return paths[0]["hops"] if paths else None


def bench_size(label, facts, args, kg, gen, python, data):
    base = data / f"kg-{label}.json"
    pairs_file = Path(str(base) + ".pairs.json")
    if not base.exists() or not pairs_file.exists():
        print(f"run.py: generating {base}", flush=True)
        t = time.perf_counter()
        subprocess.run(
            [gen, "--facts", str(facts), "--seed", str(args.seed), "-o", base], check=True
        )
        print(f"run.py: generated in {time.perf_counter() - t:.1f} s", flush=True)
    q = json.loads(pairs_file.read_text())
    big = facts >= BIG
    runs = args.runs
    slow_runs = args.big_runs if big else args.runs
    rows = []

    # Same answers: kg path against networkx, every pair.
    print(f"run.py: [{label}] checking path lengths against networkx", flush=True)
    nx_out = subprocess.run(
        [python, ROOT / "bench/peers.py", "networkx", base, pairs_file, "--lengths"],
        capture_output=True,
        check=True,
    )
    nx_lengths = json.loads(nx_out.stdout)["lengths"]
    mismatches = []
    for p, want in zip(q["pairs"], nx_lengths):
        got = kg_hops(kg, base, p["from"]["name"], p["to"]["name"])
        if got != want:
            mismatches.append(f"{p['from']['name']} -> {p['to']['name']}: kg {got}, networkx {want}")
    check = {
        "pairs": len(q["pairs"]),
        "connected": sum(p["connected"] for p in q["pairs"]),
        "mismatches": mismatches,
    }
    if mismatches:
        print("run.py: MISMATCH\n  " + "\n  ".join(mismatches), flush=True)

    pair = next(p for p in q["pairs"] if p["connected"])
    near, typical = q["near_hub"], q["typical"]
    # The snapshot: built by the first query after the JSON changed (timed once, alone).
    snap = Path(str(base) + ".snap")
    print(f"run.py: [{label}] building the snapshot", flush=True)
    walls, rss, _ = measure(
        ["env", "KG_SNAPSHOT=always", kg, "-g", base, "show", typical["name"]],
        1,
        warmup=False,
        before=lambda: snap.unlink(missing_ok=True),
    )
    rows.append({"op": "snapshot", "tool": "kg", "what": "snapshot build", "walls": walls, "rss": rss})
    kg_cmds = [
        ("path", "kg path A B (connected)", ["path", "--", pair["from"]["name"], pair["to"]["name"]], (0,)),
    ]
    if q.get("worst"):
        w = q["worst"]
        kg_cmds.append(
            ("worst", "kg path A B (no path)", ["path", "--", w["from"]["name"], w["to"]["name"]], (1,))
        )
    kg_cmds += [
        ("neighbours", "kg neighbours X --depth 2", ["neighbours", near["name"], "--depth", "2"], (0,)),
        ("show", "kg show X", ["show", typical["name"]], (0,)),
        ("dot", "kg dot --around X --depth 1", ["dot", "--around", near["name"], "--depth", "1"], (0,)),
    ]
    for key, what, argv, ok in kg_cmds:
        print(f"run.py: [{label}] {what}", flush=True)
        walls, rss, _ = measure([kg, "-g", base, *argv], runs, ok=ok)
        rows.append({"op": key, "tool": "kg", "what": what, "walls": walls, "rss": rss})

    # kg add of one article: to a hard link of the base in its own name (its own snapshot,
    # lock and journal; the base's bytes are shared, and a base that were rewritten would
    # get a new file, leaving the original alone). On a base read through a snapshot, kg
    # add appends to the journal and leaves the base as it is; each run starts from no
    # journal. The link's snapshot is built once, untimed.
    articles = sorted((ROOT / "graph/articles").glob("*.txt"))
    work = data / f"kg-{label}.add.json"
    for leftover in data.glob(f"kg-{label}.add.json*"):
        leftover.unlink()
    os.link(base, work)
    journal = Path(str(work) + ".journal")
    subprocess.run([kg, "-q", "-g", work, "show", typical["name"]], check=True, stdout=subprocess.DEVNULL)
    before = work.stat()
    print(f"run.py: [{label}] kg add", flush=True)
    walls, rss, _ = measure(
        [kg, "-q", "-g", work, "add", *articles],
        runs,
        before=lambda: journal.unlink(missing_ok=True),
    )
    after = work.stat()
    if (after.st_ino, after.st_size, after.st_mtime_ns) != (before.st_ino, before.st_size, before.st_mtime_ns):
        sys.exit(f"run.py: kg add rewrote {work} instead of appending to its journal")
    if not journal.exists():
        sys.exit(f"run.py: kg add wrote no journal beside {work}")
    rows.append({"op": "add", "tool": "kg", "what": f"kg add {len(articles)} article", "walls": walls, "rss": rss})
    for leftover in data.glob(f"kg-{label}.add.json*"):
        leftover.unlink()

    # The peers: a fresh process per run; load and queries timed inside it.
    for lib in PEERS:
        print(f"run.py: [{label}] {lib}", flush=True)
        loads, queries, walls, rss = [], {}, [], 0.0
        for i in range(slow_runs + (0 if big else 1)):
            w, r, out = measure(
                [python, ROOT / "bench/peers.py", lib, base, pairs_file], 1, warmup=False
            )
            if not big and i == 0:
                continue
            res = json.loads(out)
            loads.append(res["load"])
            walls += w
            rss = max(rss, r)
            for k, v in res["queries"].items():
                queries.setdefault(k, []).append(v)
        rows.append({"op": "load", "tool": lib, "walls": loads, "rss": rss, "process": walls})
        for k, v in queries.items():
            rows.append({"op": k, "tool": lib, "walls": v, "load": loads, "rss": rss})
    return {
        "label": label,
        "facts": q["facts"],
        "entities": q["entities"],
        "sources": q["sources"],
        "bytes": base.stat().st_size,
        "runs": runs,
        "slow_runs": slow_runs,
        "big": big,
        "queries": q,
        "check": check,
        "rows": rows,
    }


OPS = [
    ("snapshot", "snapshot build (first query after the JSON changed; once)"),
    ("path", "path A B, connected pair"),
    ("worst", "path A B, no path (giant component to outside)"),
    ("neighbours", "neighbours X --depth 2 (X next to the hub)"),
    ("show", "show X"),
    ("dot", "dot --around X --depth 1"),
    ("add", "add one article"),
]


def table(res):
    q = res["queries"]
    lines = [
        f"### {res['label']} facts ({res['facts']:,} facts, {res['entities']:,} entities, "
        f"{res['sources']} sources, {res['bytes'] / 1e6:.0f} MB of JSON)",
        "",
        f"Pairs checked against networkx: {res['check']['pairs']} "
        f"({res['check']['connected']} connected), "
        + ("all the same length." if not res["check"]["mismatches"] else
           f"**{len(res['check']['mismatches'])} mismatches**: " + "; ".join(res["check"]["mismatches"])),
        "",
        f"Queries: connected pair {q['pairs'][0]['from']['name']!s} → {q['pairs'][0]['to']['name']!s}; "
        f"hub {q['hub']['name']} ({q['hub']['degree']:,} facts); X = {q['near_hub']['name']} "
        f"(next to the hub); show {q['typical']['name']}."
        + (f" No-path pair: {q['worst']['from']['name']} → {q['worst']['to']['name']} "
           f"(outside the giant component)." if q.get("worst") else ""),
        "",
        "| query | tool | whole process, median | min – max | peers: load, median | peers: query, median | peak RSS | runs |",
        "|---|---|---|---|---|---|---|---|",
    ]
    by = {(r["op"], r["tool"]): r for r in res["rows"]}
    for op, what in OPS:
        r = by.get((op, "kg"))
        if r:
            med, rng = fmt_range(r["walls"])
            lines.append(f"| {what} | **kg** | **{med}** | {rng} | | | {r['rss']:.0f} MB | {len(r['walls'])} |")
        for lib in PEERS:
            p = by.get((op, lib))
            if not p:
                continue
            load = by[("load", lib)]
            whole, _ = fmt_range(load["process"])
            qmed, qrng = fmt_range(p["walls"])
            lines.append(
                f"| {what} | {lib} | (process {whole}) | query {qrng} | {fmt_range(load['walls'])[0]} "
                f"| {qmed} | {p['rss']:.0f} MB | {len(p['walls'])} |"
            )
    return "\n".join(lines)


def write_results(results, args, started, path):
    m = machine()
    out = [
        f"Run {started:%Y-%m-%d %H:%M} UTC with `{args.command}` (see bench/README.md).",
        "",
        f"- machine: {m['cpu']}, {m['nproc']} cores (`nproc`), {m['ram']} RAM, Linux {m['kernel']}; "
        "shared with other work while it ran, so expect noise",
        f"- kg commit: {m['commit']}, release build; queries read the memory-mapped snapshot "
        "(`KG_SNAPSHOT=auto`: bases of 1 MiB or more), built by the untimed warm-up run",
        f"- peers: Python {m['python']}, versions pinned in bench/requirements.txt",
        f"- kg: one untimed warm-up run, then {args.runs} runs per command (kg add: to a "
        "hard link of the base with its own snapshot, built once untimed; it appends to the "
        "base's journal, removed before each run; the run checks that the base was not rewritten)",
        f"- peers: a fresh Python process per run, loading the file with json.load and "
        f"building a directed multigraph; {args.runs} runs after a warm-up below 1M facts, "
        f"{args.big_runs} run{'' if args.big_runs == 1 else 's'} without warm-up from 1M on. Load and query are timed inside "
        "the process; \"process\" is the whole process's median wall time (interpreter start, "
        "imports, load and every query); peak RSS is the process's",
        "- whole process = fork/exec to exit, output read through a pipe; peak RSS from wait4",
        "",
    ]
    for res in results:
        out += [table(res), ""]
    path.write_text(replace_section(path.read_text() if path.exists() else "", "\n".join(out)))


BEGIN = "<!-- bench/run.py writes from here -->"
END = "<!-- bench/run.py writes up to here -->"


def replace_section(old, section):
    """The results file with this run in place of the last one: the text between BEGIN and
    END is run.py's, everything around it (the other benchmarks' figures) is kept. A file
    without the markers gets the run appended."""
    if BEGIN in old and END in old:
        head, rest = old.split(BEGIN, 1)
        tail = rest.split(END, 1)[1]
        return f"{head}{BEGIN}\n{section}\n{END}{tail}"
    return f"{old.rstrip()}\n\n{BEGIN}\n{section}\n{END}\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--with-10m", action="store_true", help="also run 10M facts (slow)")
    ap.add_argument("--sizes", help="comma-separated sizes instead (10k,100k,1M,10M)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--big-runs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--data", default=os.environ.get("KG_BENCH_DATA", str(ROOT / "target/bench-data")))
    ap.add_argument("--kg", required=True)
    ap.add_argument("--gen", required=True)
    ap.add_argument("--output", default=str(ROOT / "bench/results.md"))
    ap.add_argument("--command", default="bash bench/run.sh")
    args = ap.parse_args()
    labels = args.sizes.split(",") if args.sizes else ["10k", "100k", "1M"] + (["10M"] if args.with_10m else [])
    data = Path(args.data)
    data.mkdir(parents=True, exist_ok=True)
    started = datetime.datetime.now(datetime.timezone.utc)
    results = []
    for label in labels:
        results.append(bench_size(label, SIZES[label], args, args.kg, args.gen, sys.executable, data))
        write_results(results, args, started, Path(args.output))
        print(f"run.py: wrote {args.output}", flush=True)
    if any(r["check"]["mismatches"] for r in results):
        sys.exit("run.py: kg path and networkx disagree (see the results)")


if __name__ == "__main__":
    main()
