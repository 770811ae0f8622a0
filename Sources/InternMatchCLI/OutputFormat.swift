import ArgumentParser

/// What a command prints on stdout: text for people, or JSON for tools.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
  /// Lines for a person.
  case text
  /// One JSON document (for `solve` and `rematch`, the exact bytes of summary.json).
  case json
}
