import PlacementServiceCore
import Testing

@Suite("DatasetUpload: request bodies as dataset files")
struct DatasetUploadTests {
  /// A multipart body of `parts` (field name, file name, contents) with boundary `b`.
  func form(_ parts: [(String?, String?, String)], boundary: String = "b") -> [UInt8] {
    var body = ""
    for (name, filename, contents) in parts {
      var disposition = "form-data"
      if let name { disposition += "; name=\"\(name)\"" }
      if let filename { disposition += "; filename=\"\(filename)\"" }
      body += "--\(boundary)\r\nContent-Disposition: \(disposition)\r\n\r\n\(contents)\r\n"
    }
    return Array((body + "--\(boundary)--\r\n").utf8)
  }

  @Test("contents are kept byte for byte, line ends and near-delimiters included")
  func contentsExact() throws {
    let tricky = "id,school\r\nA,s\r\n--b-not-quite\r\n-"
    let files = try DatasetUpload.files(
      body: form([("students.csv", "x.csv", tricky), ("worksites.csv", nil, "")]),
      contentType: "multipart/form-data; boundary=b")
    #expect(files["students.csv"] == Array(tricky.utf8))
    // An empty part without a file name is an input left empty: skipped.
    #expect(files["worksites.csv"] == nil)
  }

  @Test("the field name decides the file, else the file name (an input with `multiple`)")
  func namesFromFilename() throws {
    let files = try DatasetUpload.files(
      body: form([("files", "students.csv", "a"), ("files", "worksites.csv", "b")]),
      contentType: "Multipart/Form-Data; charset=utf-8; boundary=\"b\"")
    #expect(files == ["students.csv": Array("a".utf8), "worksites.csv": Array("b".utf8)])
  }

  @Test(
    "a file twice, an unknown file or a body without its closing delimiter is malformed",
    arguments: [
      ([("students.csv", nil, "a"), ("students.csv", nil, "b")], "twice"),
      ([("notes", "notes.txt", "a")], "'notes'"),
    ] as [([(String?, String?, String)], String)])
  func malformed(parts: [(String?, String?, String)], says: String) {
    let error = #expect(throws: DatasetUpload.Malformed.self) {
      try DatasetUpload.files(body: form(parts), contentType: "multipart/form-data; boundary=b")
    }
    #expect(error?.message.contains(says) == true)
  }

  @Test("a multipart body cut before its closing delimiter is malformed")
  func unterminated() {
    let body = Array("--b\r\nContent-Disposition: form-data; name=\"students.csv\"\r\n\r\nA".utf8)
    let error = #expect(throws: DatasetUpload.Malformed.self) {
      try DatasetUpload.files(body: body, contentType: "multipart/form-data; boundary=b")
    }
    #expect(error?.message.contains("closing") == true)
  }

  @Test("a JSON body without Content-Type is read as JSON")
  func jsonByDefault() throws {
    let files = try DatasetUpload.files(
      body: Array(#"{"policy.json": "{\"seed\": 3}"}"#.utf8), contentType: nil)
    #expect(files == ["policy.json": Array(#"{"seed": 3}"#.utf8)])
  }
}
