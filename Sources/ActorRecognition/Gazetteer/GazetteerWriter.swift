/// Writes a gazetteer back in its text format, so the effective gazetteer can be printed and re-read.
public enum GazetteerWriter {
    /// The gazetteer as text that `GazetteerParser` reads back to the same actors and aliases.
    public static func text(of g: Gazetteer) -> String {
        var out = "# ActorGraph effective gazetteer: \(g.actors.count) actors, \(g.aliases.count) aliases\n"
        var aliasesOf = [[Gazetteer.Alias]](repeating: [], count: g.actors.count)
        for a in g.aliases { aliasesOf[a.actor].append(a) }
        for (k, actor) in g.actors.enumerated() {
            let derived = Actor.derivedID(type: actor.type, name: actor.name)
            out += "\n\(actor.type.rawValue)\(actor.id == derived ? "" : " " + actor.id) = \(actor.name)\n"
            var rest = aliasesOf[k]
            if let first = rest.first, first.text == actor.name, first.kind == .name { rest.removeFirst() }
            func list(_ key: String, _ items: [Gazetteer.Alias]) {
                if !items.isEmpty { out += "  \(key): " + items.map(\.text).joined(separator: "; ") + "\n" }
            }
            let shortCaps = { (a: Gazetteer.Alias) in GazetteerParser.isShortCapitals(a.text) }
            list("alias", rest.filter { $0.kind == .name && (!$0.exactCase || shortCaps($0)) })
            list("exact", rest.filter { $0.kind == .name && $0.exactCase && !shortCaps($0) })
            list("demonym", rest.filter { $0.kind == .demonym })
            list("capital", rest.filter { $0.kind == .capital })
            if let c = actor.country { out += "  country: \(c)\n" }
            for r in actor.roles {
                out += "  role: \(r.title) | \(r.from.map { "\($0)" } ?? "") | \(r.to.map { "\($0)" } ?? "")\n"
            }
            for key in actor.attributes.keys.sorted() { out += "  \(key): \(actor.attributes[key]!)\n" }
        }
        return out
    }
}
