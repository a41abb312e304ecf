/// One line of a JSON Lines corpus: `{"id": "...", "text": "...", "date": "YYYY-MM-DD"}`, date optional.
enum JSONLinesRecord {
    static func document(line: ArraySlice<UInt8>, file: String, lineNumber: Int) throws(InputError) -> Document {
        let value: JSONValue
        do {
            value = try JSONValue.parse(line)
        } catch {
            throw InputError(file: file, line: lineNumber, column: error.offset + 1, "is not valid JSON: \(error.message)")
        }
        guard case .object = value else {
            throw InputError(file: file, line: lineNumber, "is \(value.kindName), not a JSON object with \"id\" and \"text\"")
        }
        guard let textValue = value["text"] else {
            throw InputError(file: file, line: lineNumber, "has no \"text\" field")
        }
        guard let text = textValue.stringValue else {
            throw InputError(file: file, line: lineNumber, "has a \"text\" field that is \(textValue.kindName), not a string")
        }
        let id: String
        switch value["id"] {
        case .string(let s)?: id = s
        case .number(let d)? where d.rounded() == d: id = String(Int64(d))
        case nil: id = "line-\(lineNumber)"
        case let other?: throw InputError(file: file, line: lineNumber, "has an \"id\" that is \(other.kindName), not a string")
        }
        var date: Day? = nil
        if let d = value["date"], d != .null {
            guard let s = d.stringValue, let day = Day(s) else {
                throw InputError(file: file, line: lineNumber, "has a \"date\" that is not a real day written YYYY-MM-DD")
            }
            date = day
        }
        return Document(id: id, text: DocumentText(text), date: date, source: "\(file):\(lineNumber)")
    }
}
