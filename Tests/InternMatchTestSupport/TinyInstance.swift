import InternMatch

/// The `Datasets/tiny` dataset, read through the library.
public enum TinyInstance {
  /// Reads `Datasets/tiny`.
  public static func make() throws -> PlacementInstance {
    try DatasetReader.read(directory: Paths.dataset("tiny")).instance
  }
}
