import ArgumentParser

/// The dataset directory argument shared by commands that read a dataset.
struct DatasetArgument: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "Dataset directory with students.csv and worksites.csv (see Datasets/README.md).",
      valueName: "dataset-dir"))
  var directory: String
}
