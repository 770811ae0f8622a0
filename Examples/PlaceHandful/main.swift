// Places a handful of students built in code, with the InternMatch library.
//
//     swift run PlaceHandful
import InternMatch

let worksites = [
  Worksite(
    id: "mount-sinai", employer: "Mount Sinai", cluster: "healthcare", capacity: 1, minimumAge: 16),
  Worksite(id: "con-ed", employer: "Con Edison", cluster: "engineering", capacity: 2),
  Worksite(
    id: "mta-shop", employer: "MTA", cluster: "automotive", capacity: 1,
    requiredCredentials: ["osha-10"]),
]
let students = [
  Student(
    id: "ana", school: "02M600", cluster: "healthcare", grade: 11, age: 16,
    preferences: ["mount-sinai", "con-ed"]),
  Student(
    id: "ben", school: "02M600", cluster: "healthcare", grade: 11, age: 15,
    preferences: ["mount-sinai"]),
  Student(
    id: "chloe", school: "13K605", cluster: "engineering", grade: 12, age: 17,
    preferences: ["con-ed", "mta-shop"]),
  Student(
    id: "dev", school: "13K605", cluster: "automotive", grade: 12, age: 17,
    credentials: ["osha-10"], preferences: ["mta-shop", "con-ed"]),
]

do {
  let instance = try PlacementInstance(students: students, worksites: worksites)
  let result = try OptimalStrategy(rankCost: .linear).place(instance)
  for (student, outcome) in zip(instance.students, instance.outcomes(of: result.placement)) {
    switch outcome {
    case .placed(let w, let rank):
      print("\(student.id) → \(instance.worksites[w].id) (choice \(rank))")
    case .unplaced(let reason): print("\(student.id) unplaced: \(reason.rawValue)")
    }
  }
  for pair in instance.ineligibleChoices {
    print(
      "\(instance.students[pair.student].id) cannot take \(instance.worksites[pair.worksite].id): \(pair.reasons.codes.joined(separator: ", "))"
    )
  }
  print("placed \(result.objective.placed), total rank \(result.objective.cost)")

  // The same students by deferred acceptance: stable, so no blocking pair.
  let stable = try StableStrategy(seed: 2026).place(instance)
  let priorities = WorksitePriorities(instance: instance, seed: 2026)
  print(
    "stable: placed \(stable.objective.placed), blocking pairs "
      + "\(instance.blockingPairs(in: stable.placement, priorities: priorities).count)")
} catch {
  print("error: \(error)")
}
