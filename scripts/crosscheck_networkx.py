#!/usr/bin/env python3
"""Cross-checks ActorGraph's analytics against NetworkX.

    python crosscheck_networkx.py GRAPH_JSON ANALYTICS_JSON

GRAPH_JSON is an ActorGraph graph file (Docs/graph-format.md); each edge's weight is its "count" (or its
"weight" where the file has one, as under the decay window: the value the `count` measure uses).
ANALYTICS_JSON is {"pagerank": {id: v}, "betweenness": {id: v}, "communities": [[id]], "modularity": x},
computed with the `count` measure, and optionally "betweenness_float_equality": {id: v}, our betweenness with
path lengths compared exactly. The checks (see Docs/analytics.md):

  pagerank            max |ours - nx.pagerank(G, alpha=0.85, weight="weight")| <= 1e-6 (run to tol=1e-13)
  betweenness         max |ours - nx.betweenness_centrality(G, weight="distance", normalized=True)| <= 1e-6,
                      distance = 1/weight in exact arithmetic (L/weight with L the weights' LCM)
  betweenness, float distances (when given)
                      the same with distance = 1/weight as floats, against "betweenness_float_equality"
  modularity value    |ours - nx.community.modularity(G, our communities, weight="weight")| <= 1e-9
  modularity quality  ours >= 0.97 * modularity of nx.community.louvain_communities(G, weight="weight", seed=1)

Prints one line per check and closes with `crosscheck: N passed, M failed`. Exits 0 when all pass, 1 when
one fails, 2 when the input or NetworkX is missing.
"""

import json
import math
import sys
from fractions import Fraction

PAGERANK_TOLERANCE = 1e-6
BETWEENNESS_TOLERANCE = 1e-6
MODULARITY_TOLERANCE = 1e-9
QUALITY_RATIO = 0.97


def fail_setup(message):
    print(f"error: {message}", file=sys.stderr)
    sys.exit(2)


try:
    import networkx as nx
except ImportError:
    fail_setup(f"NetworkX is not installed for {sys.executable}; run `make pydeps` (it creates .venv with "
               "networkx) or point ACTORGRAPH_PYTHON at a Python that has it")


def read_json(path, what):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as error:
        fail_setup(f"{path}: cannot read the {what}: {error}")


def build_graph(graph_file):
    """The graph with "weight" per edge; the same graph with "distance" = 1/weight for the ties that have
    a positive weight (ActorGraph walks no tie of weight 0); and with "distance" = 1/weight in exact
    arithmetic: L/weight for L the least common multiple of the weights when they are integers (a Python
    int, so sums are exact at any size), else a Fraction."""
    data = read_json(graph_file, "graph file")
    if data.get("format") != "actorgraph-graph":
        fail_setup(f"{graph_file}: not an ActorGraph graph file (its \"format\" is not \"actorgraph-graph\")")
    G = nx.Graph()
    G.add_nodes_from(node["id"] for node in data["nodes"])
    for edge in data["edges"]:
        weight = float(edge.get("weight", edge["count"]))
        G.add_edge(edge["source"], edge["target"], weight=max(weight, 0.0))
    D = nx.Graph()
    D.add_nodes_from(G)
    D.add_edges_from((u, v, {"distance": 1 / w}) for u, v, w in G.edges(data="weight") if w > 0)
    positive = [w for _, _, w in G.edges(data="weight") if w > 0]
    E = nx.Graph()
    E.add_nodes_from(G)
    if all(w.is_integer() for w in positive):
        scale = math.lcm(*(int(w) for w in positive)) if positive else 1
        E.add_edges_from((u, v, {"distance": scale // int(w)}) for u, v, w in G.edges(data="weight") if w > 0)
    else:
        E.add_edges_from((u, v, {"distance": 1 / Fraction(w)}) for u, v, w in G.edges(data="weight") if w > 0)
    return G, D, E


def pagerank(G, **options):
    """nx.pagerank; its default implementation needs SciPy, so without SciPy the pure-Python one, which runs
    the same power iteration."""
    try:
        return nx.pagerank(G, alpha=0.85, weight="weight", **options)
    except ImportError:
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
        return _pagerank_python(G, alpha=0.85, weight="weight", **options)


def max_difference(ours, theirs):
    """The largest |ours - theirs| and where, or None when the node sets differ."""
    if set(ours) != set(theirs):
        return None
    node = max(theirs, key=lambda n: abs(ours[n] - theirs[n]), default=None)
    return (abs(ours[node] - theirs[node]), node) if node is not None else (0.0, None)


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        sys.exit(2)
    G, D, E = build_graph(argv[1])
    ours = read_json(argv[2], "analytics file")
    passed = failed = 0

    def report(ok, name, detail):
        nonlocal passed, failed
        passed += ok
        failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {name}: {detail}")

    print(f"graph: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges, "
          f"{nx.number_connected_components(G)} components")

    # A tight tolerance, so the check measures the two computations rather than where each stopped.
    theirs = pagerank(G, tol=1e-13, max_iter=1000)
    diff = max_difference(ours["pagerank"], theirs)
    if diff is None:
        report(False, "pagerank", "the actors differ from the graph's")
    else:
        report(diff[0] <= PAGERANK_TOLERANCE, "pagerank",
               f"max |diff| = {diff[0]:.3g} (at {diff[1]}), tolerance {PAGERANK_TOLERANCE:g}")
        default = max_difference(ours["pagerank"], pagerank(G))
        print(f"     pagerank at NetworkX's default tol=1e-6: max |diff| = {default[0]:.3g}")

    # Path lengths are float sums, so two paths of equal length can differ in the last bit depending on the
    # order of their ties; NetworkX compares them exactly and then counts only one. ActorGraph counts both
    # (relative tolerance 1e-12), which is what NetworkX computes when the lengths are exact: distance =
    # L/weight for integer weights (betweenness does not change when all lengths are scaled by L).
    exact = nx.betweenness_centrality(E, weight="distance", normalized=True)
    diff = max_difference(ours["betweenness"], exact)
    if diff is None:
        report(False, "betweenness", "the actors differ from the graph's")
    else:
        report(diff[0] <= BETWEENNESS_TOLERANCE, "betweenness",
               f"max |diff| = {diff[0]:.3g} (at {diff[1]}), tolerance {BETWEENNESS_TOLERANCE:g}, "
               "NetworkX with exact distances")

    floats = nx.betweenness_centrality(D, weight="distance", normalized=True)
    rounding = max_difference(exact, floats)
    print(f"     NetworkX with float distances 1/weight differs from exact distances by up to {rounding[0]:.3g}")
    if "betweenness_float_equality" in ours:
        # Ours with path lengths compared exactly, as NetworkX compares them: the same arithmetic.
        diff = max_difference(ours["betweenness_float_equality"], floats)
        if diff is None:
            report(False, "betweenness, float distances", "the actors differ from the graph's")
        else:
            report(diff[0] <= BETWEENNESS_TOLERANCE, "betweenness, float distances",
                   f"max |diff| = {diff[0]:.3g} (at {diff[1]}) with lengths compared exactly on both sides, "
                   f"tolerance {BETWEENNESS_TOLERANCE:g}")

    communities = [set(c) for c in ours["communities"]]
    try:
        value = nx.community.modularity(G, communities, weight="weight")
    except nx.NetworkXError as error:
        report(False, "modularity value", f"our communities are not a partition of the actors: {error}")
        value = None
    if value is not None:
        diff = abs(value - ours["modularity"])
        report(diff <= MODULARITY_TOLERANCE, "modularity value",
               f"ours {ours['modularity']:.12f}, NetworkX on our {len(communities)} communities {value:.12f}, "
               f"|diff| = {diff:.3g}, tolerance {MODULARITY_TOLERANCE:g}")

    reference = nx.community.louvain_communities(G, weight="weight", seed=1)
    reference_value = nx.community.modularity(G, reference, weight="weight")
    ratio = ours["modularity"] / reference_value if reference_value else float("inf")
    report(ratio >= QUALITY_RATIO, "modularity quality",
           f"ours {ours['modularity']:.6f} ({len(communities)} communities) / NetworkX Louvain "
           f"{reference_value:.6f} ({len(reference)} communities) = {ratio:.4f}, at least {QUALITY_RATIO}")

    print(f"crosscheck: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
