import ArgumentParser
import InternMatch

/// The dataset directory argument shared by commands that read a dataset, with the encoding of
/// its files.
struct DatasetArgument: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "Dataset directory with students.csv and worksites.csv (see Datasets/README.md).",
      valueName: "dataset-dir"))
  var directory: String

  @Option(
    help: ArgumentHelp(
      "Encoding of the dataset's files: utf-8, windows-1252 (files that are not UTF-8, as "
        + "Excel's \"CSV\" saves them) or utf-16 (files with a UTF-16 byte-order mark).",
      valueName: "encoding"))
  var encoding: TextEncoding = .utf8

  /// Reads the dataset.
  func read() throws(DatasetError) -> Dataset {
    try DatasetReader.read(directory: directory, encoding: encoding)
  }
}

extension TextEncoding: ExpressibleByArgument {}
