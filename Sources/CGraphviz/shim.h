// The C surface ActorGraphRendering uses: Graphviz's own headers plus a few
// static inline helpers for what Swift cannot call (C varargs, function-like
// macros) or must not touch under Swift 6's strict concurrency (mutable C
// globals such as Agdirected), and for a signature that changed across versions.
#ifndef ACTORGRAPH_CGRAPHVIZ_SHIM_H
#define ACTORGRAPH_CGRAPHVIZ_SHIM_H

#include <stddef.h>
#include <stdint.h>
#include <graphviz/graphviz_version.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/// A graph descriptor built by hand. Reading `Agdirected`, `Agstrictundirected`
/// and friends would touch mutable C globals, which Swift 6 rejects as unsafe.
static inline Agdesc_t actorgraph_graph_kind(int directed, int strict) {
    Agdesc_t kind = {0};
    kind.directed = directed ? 1 : 0;
    kind.strict = strict ? 1 : 0;
    kind.no_loop = 0;
    kind.maingraph = 1;
    return kind;
}

/// `gvRenderData` with one length type for every Graphviz version: its
/// out-parameter is `unsigned int *` up to 12.x and `size_t *` from 13.0
/// (whose graphviz_version.h is the first to define GRAPHVIZ_VERSION_MAJOR).
static inline int actorgraph_render_data(GVC_t *gvc, Agraph_t *graph, const char *format,
                                         char **result, size_t *length) {
#if defined(GRAPHVIZ_VERSION_MAJOR) && GRAPHVIZ_VERSION_MAJOR >= 13
    size_t native_length = 0;
#else
    unsigned int native_length = 0;
#endif
    int status = gvRenderData(gvc, graph, format, result, &native_length);
    *length = (size_t)native_length;
    return status;
}

/// `agerr` without varargs, which Swift cannot call: reports `message` verbatim.
static inline int actorgraph_report(agerrlevel_t level, const char *message) {
    return agerr(level, "%s", message);
}

/// The creation sequence number of a graph object (the `AGSEQ` macro), used to
/// list edges in the order the DOT source declared them.
static inline uint64_t actorgraph_sequence(void *object) {
    return (uint64_t)AGSEQ(object);
}

/// The tail and head of an edge. `agtail` and `aghead` are macros in 2.43,
/// which Swift cannot call.
static inline Agnode_t *actorgraph_tail(Agedge_t *edge) {
    return agtail(edge);
}

static inline Agnode_t *actorgraph_head(Agedge_t *edge) {
    return aghead(edge);
}

#endif
