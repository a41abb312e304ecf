#!/usr/bin/env python3
"""ActorGraph's benchmark suite (`make bench`): throughput, memory, load and render times, and the peer
matchers, measured in one run on this machine; the tables go into BENCHMARKS.md between bench markers.

Environment: BENCH_FULL=1 adds the 1 GB synthetic corpus and runs the peers on 50 MB (slow: spaCy is ~0.6 MB/s).
"""
import datetime
import os
import platform
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.join(ROOT, ".build/release/actorgraph")
WORK = os.path.join(ROOT, ".bench")
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
DEV = os.path.join(SHARED, "eval/dev/conll-valid.jsonl")
PY = sys.executable
FULL = os.environ.get("BENCH_FULL") == "1"
VENV_PY = os.path.join(ROOT, ".venv-bench/bin/python")


def run(cmd, stdout=subprocess.DEVNULL):
    """Runs cmd; returns (seconds, peak RSS in MB)."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    seconds = time.perf_counter() - start
    err = p.stderr.read().decode() if p.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"bench: {' '.join(cmd)} failed:\n{err}")
    return seconds, usage.ru_maxrss / 1024


def best(cmd, repeat=3):
    runs = [run(cmd) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs)


def mb(path):
    return os.path.getsize(path) / 1e6


def corpus(name, kind, *args):
    """Makes .bench/NAME once: `replicate DEV MB` or `synthetic MB`."""
    path = os.path.join(WORK, name)
    if not os.path.exists(path):
        script = os.path.join(ROOT, "scripts/bench/corpora.py")
        if kind == "replicate":
            subprocess.check_call([PY, script, "replicate", args[0], path, args[1]])
        else:
            subprocess.check_call([PY, script, "synthetic", path, args[0]])
    return path


def main():
    os.makedirs(WORK, exist_ok=True)
    rows = []
    cmds = []
    def note(cmd):
        cmds.append(" ".join(os.path.relpath(c, ROOT) if c.startswith(ROOT) else c for c in cmd))

    c5 = corpus("dev-5mb.jsonl", "replicate", DEV, "5")
    c50 = corpus("dev-50mb.jsonl", "replicate", DEV, "50")
    big = corpus("synthetic-1gb.jsonl" if FULL else "synthetic-250mb.jsonl", "synthetic", "1000" if FULL else "250")
    out = os.path.join(WORK, "out")

    # Throughput and memory.
    table = []
    for path in (c5, c50):
        size = mb(path)
        for label, cmd in [
            ("tokenizer + splitter only, 1 core", [BIN, "extract", path, "--no-default-gazetteer", "--no-default-patterns", "--jobs", "1", "-o", out + ".jsonl"]),
            ("gazetteer only (no patterns), 1 core", [BIN, "build", path, "--no-default-patterns", "--jobs", "1", "-o", out + ".json"]),
            ("build, 1 core", [BIN, "build", path, "--jobs", "1", "-o", out + ".json"]),
            ("build, 2 cores", [BIN, "build", path, "--jobs", "2", "-o", out + "-2.json"]),
            ("extract --format jsonl to a file, 1 core", [BIN, "extract", path, "--jobs", "1", "-o", out + ".jsonl"]),
        ]:
            seconds, rss = best(cmd, 3 if size < 10 else 1)
            note(cmd)
            table.append((os.path.basename(path), f"{size:.1f}", label, f"{seconds:.2f}", f"{size / seconds:.1f}", f"{rss:.0f}"))
    same = open(out + ".json", "rb").read() == open(out + "-2.json", "rb").read()
    size = mb(big)
    for label, cmd in [("build, 2 cores", [BIN, "build", big, "-o", out + "-big.json"])]:
        seconds, rss = run(cmd)
        note(cmd)
        table.append((os.path.basename(big), f"{size:.0f}", label, f"{seconds:.1f}", f"{size / seconds:.1f}", f"{rss:.0f}"))

    # Load times.
    empty = os.path.join(WORK, "empty.jsonl")
    open(empty, "w").close()
    base, _ = best([BIN, "extract", empty, "--no-default-gazetteer", "--no-default-patterns"], 5)
    full, full_rss = best([BIN, "extract", empty], 5)
    gz = os.path.join(WORK, "million.gazetteer")
    if not os.path.exists(gz):
        subprocess.check_call([PY, os.path.join(ROOT, "scripts/bench/corpora.py"), "gazetteer", gz, "1000000"])
    million, million_rss = best([BIN, "extract", empty, "--no-default-gazetteer", "--no-default-patterns", "--gazetteer", gz], 1)
    note([BIN, "extract", empty, "--no-default-gazetteer", "--no-default-patterns", "--gazetteer", gz])

    # Render times.
    render = []
    for nodes in (100, 1000, 5000):
        g = os.path.join(WORK, f"graph-{nodes}.json")
        if not os.path.exists(g):
            subprocess.check_call([PY, os.path.join(ROOT, "scripts/bench/corpora.py"), "graph", g, str(nodes)])
        for engine in ("dot", "neato", "fdp", "sfdp", "circo", "twopi"):
            if nodes >= 5000 and engine in ("neato", "fdp", "circo", "twopi") and not FULL:
                render.append((nodes, engine, "skipped (BENCH_FULL=1)"))
                continue
            cmd = [BIN, "render", g, "-o", os.path.join(WORK, f"r-{nodes}-{engine}.svg"), "--layout", engine]
            p = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
            if p.returncode != 0:
                render.append((nodes, engine, "refused: " + p.stderr.strip().splitlines()[-1][:90]))
                continue
            seconds, _ = run(cmd)
            note(cmd)
            render.append((nodes, engine, f"{seconds:.2f} s"))

    # Peers.
    peers = []
    aliases = os.path.join(WORK, "aliases.tsv")
    with open(aliases, "w") as fh:
        subprocess.check_call([BIN, "gazetteer", "export", "--aliases"], stdout=fh)
    alias_count = sum(1 for _ in open(aliases)) - 1
    peer_corpus = c50 if FULL else c5
    ours_seconds, _ = best([BIN, "build", peer_corpus, "--jobs", "1", "-o", out + ".json"], 1)
    ours = mb(peer_corpus) / ours_seconds
    if os.path.exists(VENV_PY):
        for name in ("entityruler", "phrasematcher", "spacy-tokenizer", "ahocorasick"):
            p = subprocess.run([VENV_PY, os.path.join(ROOT, "scripts/bench/peers.py"), aliases, peer_corpus, name],
                               capture_output=True, text=True)
            if p.returncode != 0:
                peers.append((name, "failed: " + p.stderr.strip().splitlines()[-1][:80], "", ""))
                continue
            _, megabytes, seconds, matches = p.stdout.split()
            rate = float(megabytes) / float(seconds)
            peers.append((name, f"{rate:.2f}", f"{ours / rate:.1f}×", matches))

    # Report.
    cpu = ""
    try:
        cpu = re.search(r"model name\s*:\s*(.*)", open("/proc/cpuinfo").read()).group(1)
    except Exception:
        pass
    lines = [f"Measured {datetime.date.today().isoformat()} on {platform.machine()}, {os.cpu_count()} cores ({cpu}), "
             f"release build, `make bench` (scripts/bench/bench.py). Times are wall-clock; the best of 3 runs below 10 MB.", "",
             "| corpus | MB | what | seconds | MB/s | peak RSS MB |", "|---|---|---|---|---|---|"]
    lines += ["| " + " | ".join(r) + " |" for r in table]
    lines += ["", f"`--jobs 2` output byte-identical to `--jobs 1`: {'yes' if same else 'NO'}.", "",
              f"Start-up with the default gazetteer and patterns: {(full - base) * 1000:.0f} ms over an empty start "
              f"({base * 1000:.0f} ms), peak RSS {full_rss:.0f} MB. A 1,000,000-alias gazetteer: {million:.2f} s, peak RSS {million_rss:.0f} MB.",
              "", "Render (libgvc in-process, SVG) of generated graphs:", "", "| nodes | engine | time |", "|---|---|---|"]
    lines += [f"| {n} | {e} | {t} |" for n, e, t in render]
    lines += ["", f"Peers on {os.path.basename(peer_corpus)} ({mb(peer_corpus):.0f} MB) with the same {alias_count} aliases "
              f"(ActorGraph build, 1 core: {ours:.2f} MB/s):", "", "| matcher | MB/s | ActorGraph is | matches |", "|---|---|---|---|"]
    lines += ["| " + " | ".join(p) + " |" for p in peers] or ["| (peers not installed: run `make bench`) | | | |"]
    lines += ["", "Commands (from the repository root):", ""] + [f"    {c}" for c in dict.fromkeys(cmds)]
    block = "<!-- bench:start -->\n" + "\n".join(lines) + "\n<!-- bench:end -->"
    path = os.path.join(ROOT, "BENCHMARKS.md")
    text = open(path).read() if os.path.exists(path) else "# Benchmarks\n\n"
    if "<!-- bench:start -->" in text:
        text = re.sub(r"<!-- bench:start -->.*?<!-- bench:end -->", lambda _: block, text, flags=re.S)
    else:
        text += "\n## Speed and memory\n\n" + block + "\n"
    open(path, "w").write(text)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
