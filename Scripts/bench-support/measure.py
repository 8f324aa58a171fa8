#!/usr/bin/env python3
"""Times a command several times and samples its memory, for Scripts/bench.

  measure.py RUNS CMD ARG...   prints {"median": s, "min": s, "max": s, "anonMB": peak, "fileMB": peak}

Memory is sampled from /proc/PID/status every half millisecond: RssAnon is the process's own
memory; RssFile counts pages of mapped files (the search index), which are the page cache's.
Standard output of the command is discarded.
"""
import json
import statistics
import subprocess
import sys
import time


def run_once(command):
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    peak = {"RssAnon": 0, "RssFile": 0}
    while process.poll() is None:
        try:
            with open(f"/proc/{process.pid}/status") as status:
                for line in status:
                    key = line.split(":")[0]
                    if key in peak:
                        peak[key] = max(peak[key], int(line.split()[1]))
        except (FileNotFoundError, ProcessLookupError, ValueError):
            pass
        time.sleep(0.0005)
    elapsed = time.perf_counter() - start
    if process.returncode != 0:
        sys.exit(f"measure.py: {' '.join(command)} exited with {process.returncode}")
    return elapsed, peak


def main():
    runs = int(sys.argv[1])
    results = [run_once(sys.argv[2:]) for _ in range(runs)]
    times = [elapsed for elapsed, _ in results]
    print(json.dumps({
        "median": round(statistics.median(times), 4), "min": round(min(times), 4),
        "max": round(max(times), 4),
        "anonMB": round(max(peak["RssAnon"] for _, peak in results) / 1024),
        "fileMB": round(max(peak["RssFile"] for _, peak in results) / 1024),
    }))


main()
