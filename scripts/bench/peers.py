#!/usr/bin/env python3
"""The matchers users would pick instead, on the same corpus and the same alias list.

usage: peers.py ALIASES_TSV CORPUS_JSONL NAME   (NAME: entityruler | phrasematcher | spacy-tokenizer | ahocorasick)
Prints: NAME <megabytes> <setup seconds> <matching seconds> <matches>
Setup is loading the library and building the matcher from the aliases; matching is the corpus alone, read
into memory before the clock starts.
"""
import json
import sys
import time


def texts(path):
    for line in open(path, encoding="utf-8"):
        if line.strip():
            yield json.loads(line)["text"]


def aliases(path):
    out = []
    with open(path, encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 4 and parts[3] != "capital":  # alias, actor, type, kind
                out.append((parts[0], parts[2]))
    return out


def main():
    alias_path, corpus, name = sys.argv[1:4]
    al = aliases(alias_path)
    docs = list(texts(corpus))
    megabytes = sum(len(t.encode("utf-8")) for t in docs) / 1e6
    matches = 0
    setup_start = time.perf_counter()
    if name in ("entityruler", "phrasematcher", "spacy-tokenizer"):
        import spacy
        from spacy.matcher import PhraseMatcher
        nlp = spacy.blank("en")
        if name == "entityruler":
            ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": None})
            ruler.add_patterns([{"label": t.upper(), "pattern": a} for a, t in al])
        elif name == "phrasematcher":
            matcher = PhraseMatcher(nlp.vocab)
            matcher.add("ACTOR", [nlp.make_doc(a) for a, _ in al])
        setup = time.perf_counter() - setup_start
        start = time.perf_counter()
        if name == "entityruler":
            for doc in nlp.pipe(docs, batch_size=256):
                matches += len(doc.ents)
        elif name == "phrasematcher":
            for doc in nlp.pipe(docs, batch_size=256):
                matches += len(matcher(doc))
        else:
            for doc in nlp.pipe(docs, batch_size=256):
                matches += len(doc)
        seconds = time.perf_counter() - start
    elif name == "ahocorasick":
        import ahocorasick
        automaton = ahocorasick.Automaton()
        for a, t in al:
            automaton.add_word(a, (len(a), t))
        automaton.make_automaton()
        setup = time.perf_counter() - setup_start
        start = time.perf_counter()
        for t in docs:
            n = len(t)
            for end, (length, _) in automaton.iter(t):
                s = end - length + 1
                if (s == 0 or not t[s - 1].isalnum()) and (end + 1 == n or not t[end + 1].isalnum()):
                    matches += 1
        seconds = time.perf_counter() - start
    else:
        sys.exit(__doc__)
    print(f"{name} {megabytes:.3f} {setup:.3f} {seconds:.3f} {matches}")


if __name__ == "__main__":
    main()
