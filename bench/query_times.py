#!/usr/bin/env python3
"""Times one kg query as a whole process: `query_times.py N KG BASE ARGS...` runs
`KG -q -g BASE ARGS` 1+N times and prints the first run's wall time, then the median
(min-max) wall time of the other N and their median CPU time (user + sys of the child,
from getrusage), in ms. On a shared machine the CPU time is the steadier figure: a run
that waits for a core shows it in its wall time only."""
import os
import resource
import statistics
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 5:
        sys.exit("usage: query_times.py N KG BASE ARGS...")
    n, kg, base, args = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
    walls, cpus = [], []
    for _ in range(n + 1):
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        p = subprocess.run([kg, "-q", "-g", base, *args],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        t1 = time.perf_counter()
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        walls.append((t1 - t0) * 1000)
        cpus.append((r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime) * 1000)
    rest = walls[1:]
    print(f"{os.path.basename(kg)} {os.path.basename(os.path.dirname(base))} {args[0]}: "
          f"first {walls[0]:.1f} / median of {n} {statistics.median(rest):.1f} "
          f"({min(rest):.1f}–{max(rest):.1f}) ms; CPU median {statistics.median(cpus[1:]):.1f} ms "
          f"(first {cpus[0]:.1f}) exit {p.returncode}")


if __name__ == "__main__":
    main()
