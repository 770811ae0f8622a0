import InternMatchIO

/// Small datasets held in memory, as an upload holds them, for the tests of messy exports.
enum ExportFixtures {
  /// Two worksites in `it`, one seat each.
  static let worksites = "id,cluster,capacity\nW1,it,1\nW2,it,1\n"

  /// The bytes of each file: text as UTF-8, or the bytes given.
  static func files(_ texts: [String: String], bytes: [String: [UInt8]] = [:]) -> DatasetSource {
    var files = texts.mapValues { Array($0.utf8) }
    if files["worksites.csv"] == nil, bytes["worksites.csv"] == nil {
      files["worksites.csv"] = Array(worksites.utf8)
    }
    files.merge(bytes) { $1 }
    return .files(files)
  }

  /// The dataset read from `source`, or `nil`, and every issue's description (warnings when
  /// it reads, errors and warnings when it does not).
  static func read(_ source: DatasetSource, encoding: TextEncoding = .utf8) -> (
    dataset: Dataset?, issues: [String]
  ) {
    do {
      let d = try DatasetReader.read(source, encoding: encoding)
      return (d, d.warnings.map(\.description))
    } catch {
      return (nil, error.issues.map(\.description))
    }
  }
}
