// The InternMatch library: one import for programs that place students.
//
//     import InternMatch
//     let instance = try PlacementInstance(students: students, worksites: worksites)
//     let result = try OptimalStrategy().place(instance)

@_exported import InternMatchGenerator
@_exported import InternMatchIO
@_exported import InternMatchModel
@_exported import InternMatchPipeline
@_exported import InternMatchReport
@_exported import InternMatchSolvers
