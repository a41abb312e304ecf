#!/usr/bin/env python3
"""Read actorgraph's exports back with other tools and compare them with the graph file.

    python readback.py GRAPH_JSON_FILE EXPORT_DIR

EXPORT_DIR holds g.graphml, g.gexf, g.json (node-link), g.nodes.csv, g.edges.csv and g.dot, all exported
from GRAPH_JSON_FILE (an actorgraph graph file). Each is read with NetworkX (GraphML, GEXF, node-link JSON),
the csv module (CSV, undoing the formula-defence `'` prefix) or pydot (DOT, skipped with a note when pydot is
not installed), and checked against the graph file: the same node ids, the same undirected edges, the same
`count` per edge, the same node names and types, and the same node attributes where the format carries them.

Prints one line per format and a summary `readback: N passed, M failed`; exits 1 when any format differs
(the differences are listed), 2 on bad usage or an unreadable graph file.
"""

import csv
import json
import math
import os
import sys

try:
    import networkx as nx
except ImportError:  # pragma: no cover - reported as a usage problem
    nx = None

RESERVED_NODE_COLUMNS = {"id", "name", "label", "type", "mentions", "documents", "windows"}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_LISTED = 10


# --- the graph file -------------------------------------------------------------------------------------

class Expected:
    """What every export must say, taken from the graph file."""

    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        if data.get("format") != "actorgraph-graph":
            raise ValueError(f"{path}: is not an actorgraph graph file (no \"format\": \"actorgraph-graph\")")
        self.nodes = {}  # id -> (name, type)
        self.attributes = {}  # id -> {key: value}
        for n in data["nodes"]:
            self.nodes[n["id"]] = (n["name"], n["type"])
            self.attributes[n["id"]] = dict(n.get("attributes", {}))
        self.counts = {}  # frozenset({source, target}) -> count
        for e in data["edges"]:
            self.counts[edge_key(e["source"], e["target"])] = e["count"]
        keys = sorted({k for attrs in self.attributes.values() for k in attrs}, key=lambda k: k.encode("utf-8"))
        taken = RESERVED_NODE_COLUMNS | set(keys)
        self.columns = {}  # attribute key -> exported name (the writers' rename rule)
        for k in keys:
            name = k
            if k in RESERVED_NODE_COLUMNS:
                name = "attr." + k
                while name in taken:
                    name = "attr." + name
                taken.add(name)
            self.columns[k] = name


def edge_key(a, b):
    return (a, b) if a.encode("utf-8") <= b.encode("utf-8") else (b, a)


# --- what each format may change ------------------------------------------------------------------------

def xml_text(s):
    """Text as an XML 1.0 file can hold it: C0 controls other than tab, LF, CR, and U+FFFE/U+FFFF dropped."""
    return "".join(c for c in s if not ((ord(c) < 0x20 and c not in "\t\n\r") or c in "\ufffe\uffff"))


def dot_text(s):
    """Text as actorgraph's DOT writer keeps it: CR, other C0 controls and DEL dropped."""
    return "".join(c for c in s if c == "\n" or not (ord(c) < 0x20 or ord(c) == 0x7F))


def same(s):
    return s


def unguard_csv(cell):
    """Undo the formula defence: a cell whose leading run of `'` is followed by = + - @ tab or CR had one `'` added."""
    rest = cell.lstrip("'")
    if len(rest) < len(cell) and rest.startswith(FORMULA_START):
        return cell[1:]
    return cell


def unquote_dot(value):
    """A pydot attribute value or id as the text it stands for."""
    if value is None:
        return None
    value = str(value)
    if len(value) >= 2 and value[0] == '"' and value[-1] == '"':
        out, i, body = [], 0, value[1:-1]
        while i < len(body):
            c = body[i]
            if c == "\\" and i + 1 < len(body):
                nxt = body[i + 1]
                if nxt in '"\\':
                    out.append(nxt)
                    i += 2
                    continue
                if nxt == "n":
                    out.append("\n")
                    i += 2
                    continue
            out.append(c)
            i += 1
        return "".join(out)
    return value


# --- the comparison ---------------------------------------------------------------------------------------

class Readback:
    """The nodes and edges one export holds, in the graph file's terms."""

    def __init__(self):
        self.nodes = {}  # id -> (name, type)
        self.attributes = {}  # id -> {exported column: value}, only for formats that carry attributes
        self.counts = {}  # edge key -> count
        self.edge_total = 0
        self.problems = []


def compare(expected, got, normalize, check_attributes=True):
    """A list of differences between the graph file and one export (empty when they agree)."""
    problems = list(got.problems)

    def listed(label, items):
        items = sorted(items, key=repr)
        more = f" (and {len(items) - MAX_LISTED} more)" if len(items) > MAX_LISTED else ""
        return f"{label}: " + ", ".join(repr(i) for i in items[:MAX_LISTED]) + more

    want_ids = {normalize(i) for i in expected.nodes}
    have_ids = set(got.nodes)
    if want_ids != have_ids:
        if want_ids - have_ids:
            problems.append(listed("nodes missing", want_ids - have_ids))
        if have_ids - want_ids:
            problems.append(listed("unexpected nodes", have_ids - want_ids))
    for node_id, (name, typ) in expected.nodes.items():
        nid = normalize(node_id)
        if nid not in got.nodes:
            continue
        have_name, have_type = got.nodes[nid]
        if have_name != normalize(name):
            problems.append(f"node {node_id!r}: name {have_name!r}, expected {normalize(name)!r}")
        if have_type != typ:
            problems.append(f"node {node_id!r}: type {have_type!r}, expected {typ!r}")
        if check_attributes:
            have_attrs = got.attributes.get(nid, {})
            for key, value in expected.attributes[node_id].items():
                column = expected.columns[key]
                if column not in have_attrs:
                    problems.append(f"node {node_id!r}: attribute {column!r} is missing")
                    continue
                have = have_attrs[column]
                if isinstance(have, (int, float)) and not isinstance(have, bool):
                    ok = math.isclose(float(value), float(have), rel_tol=1e-12)
                else:
                    ok = str(have) == normalize(value)
                if not ok:
                    problems.append(f"node {node_id!r}: attribute {column!r} is {have!r}, expected {value!r}")

    want_edges = {edge_key(normalize(a), normalize(b)): c for (a, b), c in expected.counts.items()}
    if got.edge_total != len(got.counts):
        problems.append(f"{got.edge_total} edges read, but only {len(got.counts)} distinct pairs")
    if set(want_edges) != set(got.counts):
        if set(want_edges) - set(got.counts):
            problems.append(listed("edges missing", set(want_edges) - set(got.counts)))
        if set(got.counts) - set(want_edges):
            problems.append(listed("unexpected edges", set(got.counts) - set(want_edges)))
    wrong = [(k, got.counts[k], c) for k, c in want_edges.items() if k in got.counts and got.counts[k] != c]
    for (a, b), have, want in wrong[:MAX_LISTED]:
        problems.append(f"edge {a!r} -- {b!r}: count {have!r}, expected {want!r}")
    if len(wrong) > MAX_LISTED:
        problems.append(f"(and {len(wrong) - MAX_LISTED} more edges with a wrong count)")
    return problems


def add_edge(got, a, b, count):
    got.edge_total += 1
    try:
        got.counts[edge_key(a, b)] = int(count)
    except (TypeError, ValueError):
        got.problems.append(f"edge {a!r} -- {b!r}: count {count!r} is not an integer")


# --- readers ------------------------------------------------------------------------------------------------

def from_networkx(g, name_key, expected):
    got = Readback()
    if g.is_directed():
        got.problems.append("the graph was read as directed")
    for node_id, data in g.nodes(data=True):
        got.nodes[node_id] = (data.get(name_key), data.get("type"))
        got.attributes[node_id] = {k: v for k, v in data.items() if k in expected.columns.values()}
    for a, b, data in g.edges(data=True):
        add_edge(got, a, b, data.get("count"))
    # nx.Graph merges parallel edges: count the edges the file declares, not the pairs.
    got.edge_total = g.graph.get("_declared_edges", g.number_of_edges())
    return got


def read_graphml(path, expected):
    g = nx.read_graphml(path)
    return from_networkx(g, "name", expected)


def read_gexf(path, expected):
    g = nx.read_gexf(path)
    got = from_networkx(g, "label", expected)
    if any("spells" in d for _, _, d in g.edges(data=True)) and g.graph.get("mode") != "dynamic":
        got.problems.append("edges have spells but the graph is not mode=\"dynamic\"")
    return got


def read_node_link(path, expected):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if "links" not in data:
        return failed_read("has no \"links\" key")
    declared = len(data["links"])
    g = nx.node_link_graph(data, edges="links")
    g.graph["_declared_edges"] = declared
    return from_networkx(g, "name", expected)


def read_csv(nodes_path, edges_path, expected):
    got = Readback()
    with open(nodes_path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, strict=True))
    if not rows:
        return failed_read(f"{nodes_path} is empty")
    header = [unguard_csv(h) for h in rows[0]]
    for field in ("id", "name", "type"):
        if field not in header:
            got.problems.append(f"{os.path.basename(nodes_path)} has no {field!r} column")
            return got
    for k, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            got.problems.append(f"{os.path.basename(nodes_path)} line {k}: {len(row)} cells, header has {len(header)}")
            continue
        cells = dict(zip(header, row))
        node_id = unguard_csv(cells["id"])
        got.nodes[node_id] = (unguard_csv(cells["name"]), unguard_csv(cells["type"]))
        got.attributes[node_id] = {c: unguard_csv(v) for c, v in cells.items() if c in expected.columns.values() and v != ""}
    with open(edges_path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, strict=True))
    if not rows or rows[0][:2] != ["source", "target"] or "count" not in rows[0]:
        got.problems.append(f"{os.path.basename(edges_path)} does not start with the header source,target,…,count")
        return got
    header = rows[0]
    for k, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            got.problems.append(f"{os.path.basename(edges_path)} line {k}: {len(row)} cells, header has {len(header)}")
            continue
        cells = dict(zip(header, row))
        add_edge(got, unguard_csv(cells["source"]), unguard_csv(cells["target"]), cells["count"])
    return got


def read_dot(path, expected):
    import pydot  # only called when installed

    graphs = pydot.graph_from_dot_file(path)
    if not graphs:
        return failed_read("pydot read no graph")
    g = graphs[0]
    got = Readback()
    if g.get_type() != "graph":
        got.problems.append(f"the graph is {g.get_type()!r}, not an undirected 'graph'")
    for node in g.get_nodes():
        node_id = unquote_dot(node.get_name())
        if node_id in ("node", "edge", "graph"):
            continue  # default statements
        attrs = node.get_attributes()
        got.nodes[node_id] = (unquote_dot(attrs.get("label")), unquote_dot(attrs.get("type")))
    for edge in g.get_edges():
        attrs = edge.get_attributes()
        add_edge(got, unquote_dot(edge.get_source()), unquote_dot(edge.get_destination()), unquote_dot(attrs.get("count")))
    return got


def failed_read(message):
    got = Readback()
    got.problems.append(message)
    return got


# --- main -----------------------------------------------------------------------------------------------------

def main(argv):
    if len(argv) != 3:
        print("usage: readback.py GRAPH_JSON_FILE EXPORT_DIR", file=sys.stderr)
        return 2
    if nx is None:
        print("readback: error: NetworkX is not installed for this Python (run 'make pydeps')", file=sys.stderr)
        return 2
    graph_path, folder = argv[1], argv[2]
    try:
        expected = Expected(graph_path)
    except (OSError, ValueError, KeyError) as e:
        print(f"readback: error: cannot read the graph file {graph_path}: {e}", file=sys.stderr)
        return 2

    def in_folder(name):
        return os.path.join(folder, name)

    checks = [
        ("GraphML", ["g.graphml"], lambda: read_graphml(in_folder("g.graphml"), expected), xml_text, True),
        ("GEXF", ["g.gexf"], lambda: read_gexf(in_folder("g.gexf"), expected), xml_text, True),
        ("node-link JSON", ["g.json"], lambda: read_node_link(in_folder("g.json"), expected), same, True),
        ("CSV", ["g.nodes.csv", "g.edges.csv"],
         lambda: read_csv(in_folder("g.nodes.csv"), in_folder("g.edges.csv"), expected), same, True),
        ("DOT", ["g.dot"], lambda: read_dot(in_folder("g.dot"), expected), dot_text, False),
    ]
    try:
        import pydot  # noqa: F401
        have_pydot = True
    except ImportError:
        have_pydot = False

    passed = failed = 0
    for label, files, read, normalize, attributes in checks:
        if label == "DOT" and not have_pydot:
            print("readback: DOT skipped: pydot is not installed")
            continue
        missing = [f for f in files if not os.path.isfile(in_folder(f))]
        if missing:
            problems = [f"{', '.join(missing)} not found in {folder}"]
        else:
            try:
                problems = compare(expected, read(), normalize, attributes)
            except Exception as e:  # a reader that chokes is a failure of that format, not of the script
                problems = [f"could not be read: {type(e).__name__}: {e}"]
        if problems:
            failed += 1
            print(f"readback: {label} ({', '.join(files)}) FAILED:")
            for p in problems:
                print(f"  {p}")
        else:
            passed += 1
            print(f"readback: {label} ok: {len(expected.nodes)} nodes, {len(expected.counts)} edges")
    print(f"readback: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
