#!/usr/bin/env bash
# Scores recognition with ../shared/eval and writes the table into BENCHMARKS.md (between markers).
set -euo pipefail
bin=${1:-.build/release/actorgraph}
shared=${2:-../shared}
eval_dir=$shared/eval
if [ ! -d "$eval_dir" ]; then echo "eval: $eval_dir not found; nothing to score" >&2; exit 0; fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

score() { # name gold pred [extra scorer args...]
  local name=$1 gold=$2 pred=$3; shift 3
  python3 "$eval_dir/score.py" --gold "$gold" --pred "$pred" --json "$tmp/$name.json" "$@" > "$tmp/$name.txt"
  python3 - "$tmp/$name.json" "$name" <<'PY'
import json, sys
m = json.load(open(sys.argv[1])); name = sys.argv[2]
def get(*path):
    d = m
    for p in path:
        if not isinstance(d, dict) or p not in d: return None
        d = d[p]
    return d
strict = m.get("strict", {})
def f(t):
    v = strict.get(t, {})
    return "%.3f" % v["f1"] if isinstance(v, dict) and "f1" in v else "–"
micro = strict.get("micro", {})
cp = strict.get("country", {}).get("precision")
row = [name, f("person"), f("country") + (" (P %.3f)" % cp if cp is not None else ""), f("organization"),
       "%.3f" % micro.get("f1", 0), "%.3f" % micro.get("precision", 0), "%.3f" % micro.get("recall", 0)]
doc = m.get("doc", {}).get("micro", m.get("doc", {}))
pairs = m.get("pairs", {})
row.append("%.3f" % doc["f1"] if isinstance(doc, dict) and "f1" in doc else "–")
row.append("%.3f" % pairs["f1"] if isinstance(pairs, dict) and "f1" in pairs else "–")
print("| " + " | ".join(row) + " |")
PY
}

"$bin" extract "$eval_dir/dev/conll-valid.jsonl" > "$tmp/dev.jsonl"
"$bin" extract "$shared/seeds" > "$tmp/seeds.jsonl"
"$bin" extract "$eval_dir/fixtures/offsets-corpus" > "$tmp/off.jsonl"
{
  echo "| data | person F1 | country F1 | organization F1 | micro F1 | micro P | micro R | doc actors F1 | sentence pairs F1 |"
  echo "|---|---|---|---|---|---|---|---|---|"
  score "dev (all)" "$eval_dir/dev/conll-valid-gold.jsonl" "$tmp/dev.jsonl"
  score "dev (-news)" "$eval_dir/dev/conll-valid-gold.jsonl" "$tmp/dev.jsonl" --only-docs "$eval_dir/dev/conll-valid-news.ids"
  score "seed articles" "$eval_dir/seeds/gold-mentions.jsonl" "$tmp/seeds.jsonl" --corpus "$shared/seeds"
  score "offsets fixture" "$eval_dir/fixtures/offsets-gold.jsonl" "$tmp/off.jsonl" --corpus "$eval_dir/fixtures/offsets-corpus"
} > "$tmp/table.md"
cat "$tmp/table.md"
python3 - "$tmp/table.md" <<'PY'
import sys, re, datetime
table = open(sys.argv[1]).read()
path = "BENCHMARKS.md"
try: text = open(path).read()
except FileNotFoundError: text = "# Benchmarks\n\n<!-- eval:start -->\n<!-- eval:end -->\n"
block = ("<!-- eval:start -->\nStrict mention-level F1 from `make eval` (" + datetime.date.today().isoformat() +
         "; reproduce: `make eval`, which runs `scripts/eval.sh`):\n\n" + table + "<!-- eval:end -->")
text = re.sub(r"<!-- eval:start -->.*?<!-- eval:end -->", lambda _: block, text, flags=re.S)
open(path, "w").write(text)
PY
