import Foundation

/// The dataset files of an upload, by name, decoded from a request body.
///
/// Two encodings are accepted:
/// - `application/json` (also when the request has no `Content-Type`): one object whose members
///   are file names and whose values are the files' text, such as
///   `{"students.csv": "id,school,cluster\n…", "worksites.csv": "…"}`;
/// - `multipart/form-data`, as a browser form or `curl -F students.csv=@students.csv` sends it:
///   each part is the file its field name names or, failing that, its file name; parts with no
///   content and no file name (a file input left empty) are skipped.
///
/// ```swift
/// let files = try DatasetUpload.files(
///   body: Array(#"{"students.csv": "id,school,cluster\n"}"#.utf8), contentType: nil)
/// files.keys  // ["students.csv"]
/// ```
///
/// Every name must be one of ``fileNames``; a name given twice, another name, a value that is
/// not text or a body that is not of its media type make the request malformed (400).
///
/// - Complexity: O(body size).
public enum DatasetUpload {
  /// The files a dataset may have (`Datasets/README.md` describes each).
  public static let fileNames = [
    "students.csv", "worksites.csv", "clusters.csv", "rankings.csv", "employers.csv",
    "links.csv", "pins.csv", "policy.json",
  ]

  /// Why a body is not an upload: a message for the person who sent it.
  public struct Malformed: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong with the request.
    public var message: String
    public var description: String { message }
  }

  /// The files of `body`, sent with media type `contentType` (the `Content-Type` header).
  ///
  /// - Throws: ``Malformed`` when the body is not a dataset upload.
  public static func files(body: [UInt8], contentType: String?) throws(Malformed) -> [String:
    [UInt8]]
  {
    let media = contentType.map { MediaType($0) } ?? MediaType(type: "application/json")
    switch media.type {
    case "application/json":
      return try jsonFiles(body)
    case "multipart/form-data":
      guard let boundary = media.parameters["boundary"], !boundary.isEmpty else {
        throw Malformed(message: "multipart/form-data without a boundary parameter")
      }
      return try multipartFiles(body, boundary: boundary)
    default:
      throw Malformed(
        message:
          "unsupported Content-Type '\(media.type)': send application/json or multipart/form-data")
    }
  }

  /// The files of a JSON object of texts.
  static func jsonFiles(_ body: [UInt8]) throws(Malformed) -> [String: [UInt8]] {
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: Data(body))
    } catch {
      throw Malformed(message: "the body is not JSON: \(error.localizedDescription)")
    }
    guard let members = object as? [String: Any] else {
      throw Malformed(message: "the body must be a JSON object of file names and their text")
    }
    var files: [String: [UInt8]] = [:]
    for (name, value) in members {
      try check(name)
      guard let text = value as? String else {
        throw Malformed(message: "'\(name)' must be the file's text, as a JSON string")
      }
      files[name] = Array(text.utf8)
    }
    return files
  }

  /// The files of a `multipart/form-data` body.
  static func multipartFiles(_ body: [UInt8], boundary: String) throws(Malformed) -> [String:
    [UInt8]]
  {
    var files: [String: [UInt8]] = [:]
    for part in try MultipartFormData.parts(of: body, boundary: boundary) {
      if part.contents.isEmpty, part.filename?.isEmpty ?? true { continue }
      let name =
        [part.name, part.filename].compactMap { $0 }.first(where: fileNames.contains)
        ?? part.name ?? part.filename ?? ""
      try check(name)
      guard files[name] == nil else {
        throw Malformed(message: "the upload holds '\(name)' twice")
      }
      files[name] = Array(part.contents)
    }
    return files
  }

  /// Throws unless `name` is a dataset file's.
  static func check(_ name: String) throws(Malformed) {
    guard fileNames.contains(name) else {
      throw Malformed(
        message: "'\(name)' is not a dataset file (expected "
          + fileNames.joined(separator: ", ") + ")")
    }
  }
}

/// A media type as a `Content-Type` header gives it: `type/subtype`, lowercased, and parameters.
struct MediaType {
  /// `type/subtype`, lowercased.
  var type: String
  /// Parameters by lowercased name, values unquoted.
  var parameters: [String: String] = [:]

  init(type: String) { self.type = type }

  /// Parses `multipart/form-data; boundary="abc"`.
  init(_ header: String) {
    let fields = HeaderParameters.split(header)
    type = (fields.first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
    parameters = HeaderParameters.parameters(fields.dropFirst())
  }
}

/// The `;`-separated fields of a header such as `Content-Type` or `Content-Disposition`.
enum HeaderParameters {
  /// The fields of `header`, split at `;` outside quoted strings.
  static func split(_ header: String) -> [String] {
    var fields: [String] = []
    var field = ""
    var quoted = false
    var escaped = false
    for character in header {
      if escaped {
        escaped = false
      } else if quoted, character == "\\" {
        escaped = true
      } else if character == "\"" {
        quoted.toggle()
      } else if character == ";", !quoted {
        fields.append(field)
        field = ""
        continue
      }
      field.append(character)
    }
    fields.append(field)
    return fields
  }

  /// `name=value` fields by lowercased name, quoted values unquoted (`\"` and `\\` unescaped).
  static func parameters(_ fields: some Sequence<String>) -> [String: String] {
    var parameters: [String: String] = [:]
    for field in fields {
      guard let equals = field.firstIndex(of: "=") else { continue }
      let name = field[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
      var value = field[field.index(after: equals)...].trimmingCharacters(in: .whitespaces)
      if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
        var unquoted = ""
        var escaped = false
        for character in value.dropFirst().dropLast() {
          if !escaped, character == "\\" {
            escaped = true
            continue
          }
          escaped = false
          unquoted.append(character)
        }
        value = unquoted
      }
      parameters[name] = value
    }
    return parameters
  }
}
