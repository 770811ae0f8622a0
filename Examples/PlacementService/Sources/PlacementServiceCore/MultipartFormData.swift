import Foundation

/// A `multipart/form-data` body split into its parts (RFC 7578 over RFC 2046's multipart syntax).
///
/// ```swift
/// let body = Array("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nhi\r\n--b--\r\n".utf8)
/// let parts = try MultipartFormData.parts(of: body, boundary: "b")
/// (parts[0].name, String(decoding: parts[0].contents, as: UTF8.self))  // ("a", "hi")
/// ```
///
/// Bytes before the first delimiter (the preamble) and after the last (the epilogue) are
/// ignored, as RFC 2046 says; part contents are kept byte for byte.
///
/// - Complexity: O(n·b) in the worst case for a body of n bytes and a boundary of b, O(n) in
///   practice (a delimiter is only compared where a CR LF `-` `-` begins).
enum MultipartFormData {
  /// One part: its form field's name and file name (from `Content-Disposition`), and contents.
  struct Part {
    var name: String?
    var filename: String?
    var contents: ArraySlice<UInt8>
  }

  /// The parts of `body`, whose delimiter lines are `--boundary`.
  ///
  /// - Throws: ``DatasetUpload/Malformed`` when a delimiter, a part's headers or the closing
  ///   delimiter is missing.
  static func parts(of body: [UInt8], boundary: String) throws(DatasetUpload.Malformed) -> [Part] {
    let delimiter = Array("--\(boundary)".utf8)
    let crlf: [UInt8] = [13, 10]
    // The first delimiter opens the body or follows a CR LF that ends the preamble.
    var cursor: Int
    if body.starts(with: delimiter) {
      cursor = delimiter.count
    } else if let found = firstIndex(of: crlf + delimiter, in: body, from: 0) {
      cursor = found + crlf.count + delimiter.count
    } else {
      throw DatasetUpload.Malformed(message: "multipart body without its boundary '\(boundary)'")
    }
    var parts: [Part] = []
    while true {
      // After a delimiter: `--` closes the body; else transport padding and CR LF open a part.
      if body[cursor...].starts(with: [45, 45]) { return parts }
      while cursor < body.count, body[cursor] == 32 || body[cursor] == 9 { cursor += 1 }
      guard body[cursor...].starts(with: crlf) else {
        throw DatasetUpload.Malformed(message: "multipart delimiter not followed by a line end")
      }
      cursor += crlf.count
      guard let headersEnd = firstIndex(of: crlf + crlf, in: body, from: cursor - crlf.count)
      else {
        throw DatasetUpload.Malformed(message: "multipart part without the end of its headers")
      }
      let headers = String(decoding: body[cursor..<max(cursor, headersEnd)], as: UTF8.self)
      let contentStart = headersEnd + 2 * crlf.count
      guard let contentEnd = delimiterLine(crlf + delimiter, in: body, from: contentStart)
      else {
        throw DatasetUpload.Malformed(message: "multipart body without its closing boundary")
      }
      var part = Part(contents: body[contentStart..<max(contentStart, contentEnd)])
      for line in headers.split(separator: "\r\n") {
        guard let colon = line.firstIndex(of: ":"),
          line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            == "content-disposition"
        else { continue }
        let fields = HeaderParameters.split(String(line[line.index(after: colon)...]))
        let parameters = HeaderParameters.parameters(fields.dropFirst())
        part.name = parameters["name"]
        part.filename = parameters["filename"]
      }
      parts.append(part)
      cursor = contentEnd + crlf.count + delimiter.count
    }
  }

  /// The first index at or after `start` where a delimiter line begins: `pattern` (CR LF and
  /// the delimiter) followed by `--`, or by optional spaces and tabs and CR LF. Anything else
  /// after it (`--b-not-quite` for boundary `b`) is part of the contents.
  static func delimiterLine(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
    var from = start
    while let found = firstIndex(of: pattern, in: bytes, from: from) {
      var next = found + pattern.count
      if bytes[next...].starts(with: [45, 45]) { return found }
      while next < bytes.count, bytes[next] == 32 || bytes[next] == 9 { next += 1 }
      if bytes[next...].starts(with: [13, 10]) { return found }
      from = found + 1
    }
    return nil
  }

  /// The first index at or after `start` where `pattern` occurs in `bytes`.
  static func firstIndex(of pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
    guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
    var i = max(start, 0)
    let last = bytes.count - pattern.count
    // A plain scan for the first byte, then a comparison: the patterns are short and begin with
    // CR, which a CSV has only at line ends.
    while i <= last {
      if bytes[i] == first, bytes[i..<(i + pattern.count)].elementsEqual(pattern) { return i }
      i += 1
    }
    return nil
  }
}
