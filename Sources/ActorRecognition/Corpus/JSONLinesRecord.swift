/// One line of a JSON Lines corpus: `{"id": "...", "text": "...", "date": "YYYY-MM-DD"}`, date optional.
enum JSONLinesRecord {
    static func document(line: ArraySlice<UInt8>, file: String, lineNumber: Int) throws(InputError) -> Document {
        let value: JSONValue
        let invalidByte: Int?
        do {
            (value, invalidByte) = try JSONValue.parseNotingInvalidUTF8(line)
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
        case .number(let d)? where d.rounded() == d && abs(d) < 9.0e15: id = String(Int64(d))
        case .number?:
            // 1e999 parses as infinity and 1e300 is past Int64: converting them would trap.
            throw InputError(file: file, line: lineNumber, "has an \"id\" that is a number but not a whole number of at most 15 digits; write the id as a string")
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
        // Invalid UTF-8 in the line is repaired like in a text file, and warned about (or refused) by the corpus.
        return Document(id: id, text: DocumentText(text, firstInvalidByteOffset: invalidByte), date: date, source: "\(file):\(lineNumber)")
    }
}
