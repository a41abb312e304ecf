#!/usr/bin/env python3
"""Benchmark corpora: the dev corpus replicated to a size, and a synthetic news-like generator.

usage: corpora.py replicate DEV_JSONL OUT_JSONL MEGABYTES
       corpora.py document DEV_JSONL OUT_TXT MEGABYTES  (one plain-text document: the dev texts, blank-line separated)
       corpora.py synthetic OUT_JSONL MEGABYTES [SEED]
       corpora.py graph OUT_JSON NODES [SEED]          (a graph file for render benchmarks)
       corpora.py gazetteer OUT_FILE ALIASES [SEED]     (a large person gazetteer)
"""
import json
import random
import sys


def replicate(dev, out, megabytes):
    lines = [json.loads(l) for l in open(dev, encoding="utf-8") if l.strip()]
    target = int(megabytes * 1_000_000)
    written = 0
    copy = 0
    with open(out, "w", encoding="utf-8") as fh:
        while written < target:
            for d in lines:
                rec = {"id": f"r{copy}-{d['id']}", "text": d["text"]}
                s = json.dumps(rec, ensure_ascii=False) + "\n"
                fh.write(s)
                written += len(s.encode("utf-8"))
                if written >= target:
                    break
            copy += 1


def document(dev, out, megabytes):
    texts = [json.loads(l)["text"] for l in open(dev, encoding="utf-8") if l.strip()]
    target = int(megabytes * 1_000_000)
    written = 0
    with open(out, "w", encoding="utf-8") as fh:
        while written < target:
            for t in texts:
                s = t.strip() + "\n\n"
                fh.write(s)
                written += len(s.encode("utf-8"))
                if written >= target:
                    break


SUBJECTS = ["Qatar", "Pakistan", "the United States", "Russia", "China", "NATO", "the Taliban", "Iran", "India",
            "Germany", "France", "the European Union", "the United Nations", "Turkey", "Saudi Arabia", "Japan",
            "President Joe Biden", "Prime Minister Imran Khan", "Vladimir Putin", "Antony Blinken", "Xi Jinping",
            "Afghan officials", "Pakistani authorities", "Qatari mediators", "Reuters", "the World Bank"]
VERBS = ["met", "criticised", "welcomed", "called on", "signed an agreement with", "held talks with", "warned",
         "praised", "accused", "urged", "thanked", "rejected a proposal from"]
TAILS = ["on Tuesday.", "in Doha on Friday.", "over the weekend, officials said.", "amid rising tensions.",
         "after months of stalled negotiations.", "according to a statement.", "during a visit to Kabul.",
         "as markets fell 2.5 percent.", "in a telephone call, the ministry said."]
FILLER = ["The talks lasted several hours and covered trade, security and refugees.",
          "Analysts said the meeting could open the way to a wider settlement.",
          "No date was set for a further round.",
          "Prices of crude oil rose by 1.2 percent in early trading.",
          "The statement gave no further details."]


def synthetic(out, megabytes, seed=1):
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    written = 0
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        while written < target:
            sentences = []
            for _ in range(rng.randint(4, 12)):
                if rng.random() < 0.3:
                    sentences.append(rng.choice(FILLER))
                else:
                    a, b = rng.sample(SUBJECTS, 2)
                    s = f"{a} {rng.choice(VERBS)} {b} {rng.choice(TAILS)}"
                    sentences.append(s[0].upper() + s[1:])
            day = f"2021-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            rec = {"id": f"s{n}", "date": day, "text": " ".join(sentences)}
            line = json.dumps(rec) + "\n"
            fh.write(line)
            written += len(line)
            n += 1


def graph(out, nodes, seed=1):
    rng = random.Random(seed)
    ids = [f"person:p{i:05d}" for i in range(nodes)]
    groups = max(2, nodes // 40)
    edges = {}
    for i in range(nodes):
        g = i % groups
        for _ in range(3):
            j = rng.randrange(nodes) if rng.random() < 0.15 else (g + groups * rng.randrange(max(1, nodes // groups))) % nodes
            if j == i:
                continue
            a, b = sorted((ids[i], ids[j]))
            edges[(a, b)] = edges.get((a, b), 0) + rng.randint(1, 5)
    # Counts that fit together, as the graph file's consistency check asks: an actor is in at least as many
    # windows as any of its ties, and no actor in more windows than the corpus has.
    windows = {n: 1 for n in ids}
    for (a, b), c in edges.items():
        windows[a] += c
        windows[b] += c
    total = sum(windows.values())
    types = ["person", "country", "organization"]
    doc = {"format": "actorgraph-graph", "version": 1, "options": {"window": "sentence", "count": "windows", "evidence": 0},
           "totals": {"windows": total, "documents": nodes},
           "nodes": [{"id": n, "name": f"Actor {k}", "type": types[k % 3], "mentions": windows[n],
                      "documents": max(1, windows[n] // 4), "windows": windows[n]}
                     for k, n in enumerate(ids)],
           "edges": [{"source": a, "target": b, "count": c, "documents": 1, "evidence": []}
                     for (a, b), c in sorted(edges.items())]}
    json.dump(doc, open(out, "w"))


def gazetteer(out, aliases, seed=1):
    rng = random.Random(seed)
    syll = ["ka", "lo", "mi", "ra", "den", "tor", "vi", "sa", "nu", "bel", "gar", "fi", "zo", "han", "ler", "mun"]
    def word():
        return "".join(rng.choice(syll) for _ in range(rng.randint(2, 4))).capitalize()
    with open(out, "w", encoding="utf-8") as fh:
        n = 0
        k = 0
        while n < aliases:
            name = f"{word()} {word()} {k}"
            fh.write(f"person = {name}\n  alias: {word()} {word()} {word()}\n")
            n += 2
            k += 1


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "replicate":
        replicate(sys.argv[2], sys.argv[3], float(sys.argv[4]))
    elif cmd == "document":
        document(sys.argv[2], sys.argv[3], float(sys.argv[4]))
    elif cmd == "synthetic":
        synthetic(sys.argv[2], float(sys.argv[3]), int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    elif cmd == "graph":
        graph(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    elif cmd == "gazetteer":
        gazetteer(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    else:
        sys.exit(__doc__)
