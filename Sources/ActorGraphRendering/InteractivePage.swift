import ActorGraph
import ActorRecognition
import Foundation

/// The interactive page: one self-contained HTML file holding the SVG from libgvc inline, the graph's data
/// as JSON, and the script and stylesheet that make it explorable. It fetches nothing, so it works offline;
/// its Content Security Policy forbids every fetch and admits only its own script, by hash.
///
/// Names and sentences from the text reach the page in three ways, each inert: inside the SVG, escaped by
/// Graphviz's SVG writer; inside the JSON block, escaped by `JSONText` (which writes `<`, `>` and `&` as
/// `\u003c`, `\u003e`, `\u0026`, so `</script>` cannot occur); and in the title, escaped by `Markup`. The
/// script inserts every name with `textContent`, never as markup.
struct InteractivePage {
    var graph: CooccurrenceGraph
    var drawing: GraphDrawing
    var style: GraphStyle
    var engine: LayoutEngine

    /// The page around `svg`, the SVG Graphviz rendered for `drawing`.
    func html(svg: [UInt8]) -> [UInt8] {
        let title = style.title.flatMap { $0.isEmpty ? nil : $0 } ?? "ActorGraph"
        let script = PageScript.source
        let hash = Data(SHA256.hash(Array(script.utf8))).base64EncodedString()
        var out: [UInt8] = []
        out.reserveCapacity(svg.count * 2)
        out += Array("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-\(hash)'; style-src 'unsafe-inline'; img-src data:">
            <meta name="generator" content="actorgraph render (Graphviz \(Markup.escaped(Graphviz.version)))">
            <title>\(Markup.escaped(title.replacingOccurrences(of: "\n", with: " ")))</title>
            <style>
            \(PageStylesheet.source)</style>
            </head>
            <body>
            <header>
            <h1 id="title" title="\(Markup.escaped(title))">\(Markup.escaped(title.replacingOccurrences(of: "\n", with: " ")))</h1>
            <div class="controls">
            <div class="search"><input id="search" type="search" placeholder="Find an actor…" autocomplete="off" spellcheck="false" aria-label="Find an actor" aria-controls="matches"><ul id="matches" role="listbox" hidden></ul></div>
            <label class="filter" for="threshold"><span id="threshold-label"></span><input id="threshold" type="range" min="0" max="0" step="1" value="0"></label>
            <button id="reset" type="button" title="Show the whole graph">Whole graph</button>
            </div>
            </header>
            <main>
            <div id="canvas" tabindex="0" aria-label="The graph: drag to pan, scroll to zoom, click an actor for its ties">

            """.utf8)
        out += inlineSVG(svg)
        out += Array("""
            </div>
            <aside id="panel" hidden aria-live="polite">
            <button id="close" type="button" aria-label="Close">×</button>
            <h2 id="panel-name"></h2>
            <p id="panel-facts"></p>
            <h3 id="panel-heading"></h3>
            <ol id="neighbours"></ol>
            </aside>
            <div id="hovercard" hidden></div>
            </main>
            <script type="application/json" id="graph-data">
            """.utf8)
        out += dataJSON(title: title)
        out += Array("</script>\n<script>".utf8)
        out += Array(script.utf8)
        out += Array("</script>\n</body>\n</html>\n".utf8)
        return out
    }

    /// The `<svg>` element without the XML declaration, doctype and comments that precede it.
    private func inlineSVG(_ svg: [UInt8]) -> [UInt8] {
        let open = Array("<svg".utf8)
        var start = 0
        if svg.count >= open.count {
            for i in 0...(svg.count - open.count) where svg[i..<(i + open.count)].elementsEqual(open) {
                start = i
                break
            }
        }
        return Array(svg[start...])
    }

    /// The graph as the script reads it: nodes in the graph's order, ties with their weights and evidence.
    private func dataJSON(title: String) -> [UInt8] {
        var out: [UInt8] = []
        func key(_ k: String) { out += Array("\"\(k)\": ".utf8) }
        func string(_ s: String) { JSONText.appendString(s, to: &out) }
        func raw(_ s: String) { out += Array(s.utf8) }

        raw("{")
        key("title"); string(title)
        raw(", "); key("measure"); string(style.measure.rawValue)
        raw(", "); key("coloring"); string(style.coloring.rawValue)
        raw(", "); key("documents"); raw(String(graph.totalDocuments))
        raw(",\n"); key("communities"); raw("[")
        for (k, c) in drawing.communities.enumerated() {
            raw(k == 0 ? "" : ", ")
            raw("{"); key("index"); raw(String(c.index))
            raw(", "); key("members"); raw(String(c.members))
            raw(", "); key("top"); string(c.top)
            raw(", "); key("color"); string(Palette.swatch(ofCommunity: c.index).border)
            raw("}")
        }
        raw("],\n"); key("nodes"); raw("[")
        for (k, n) in drawing.nodes.enumerated() {
            raw(k == 0 ? "\n" : ",\n")
            raw("{"); key("id"); string(n.id)
            raw(", "); key("name"); string(n.name)
            raw(", "); key("type"); string(n.type.rawValue)
            raw(", "); key("community"); raw(String(n.community))
            raw(", "); key("mentions"); raw(String(n.mentions))
            raw(", "); key("documents"); raw(String(n.documents))
            raw(", "); key("degree"); raw(String(n.degree))
            raw(", "); key("strength"); raw(n.strength.isFinite ? CooccurrenceGraph.format(n.strength) : "0")
            raw(", "); key("color"); string(n.swatch.border)
            raw("}")
        }
        raw("],\n"); key("edges"); raw("[")
        for (k, e) in drawing.edges.enumerated() {
            let edge = graph.edges[e.index]
            raw(k == 0 ? "\n" : ",\n")
            raw("{"); key("id"); string(e.id)
            raw(", "); key("s"); raw(String(e.source))
            raw(", "); key("t"); raw(String(e.target))
            raw(", "); key("w"); raw(e.weight.isFinite ? JSONText.number(e.weight) : "0")
            raw(", "); key("label"); string(CooccurrenceGraph.format(e.weight))
            raw(", "); key("count"); raw(String(edge.count))
            raw(", "); key("documents"); raw(String(edge.documents))
            raw(", "); key("evidence"); raw("[")
            for (j, ev) in edge.evidence.enumerated() {
                raw(j == 0 ? "" : ", ")
                raw("{"); key("doc"); string(ev.document)
                if let date = ev.date { raw(", "); key("date"); string(date.description) }
                raw(", "); key("text"); string(ev.text)
                raw(", "); key("spans"); raw("[[\(ev.sourceSpan.lowerBound), \(ev.sourceSpan.upperBound)], [\(ev.targetSpan.lowerBound), \(ev.targetSpan.upperBound)]]")
                raw("}")
            }
            raw("]}")
        }
        raw("\n]}\n")
        return out
    }
}
