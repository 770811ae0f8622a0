import InternMatchModel

/// The shares and rules of the menu of work-based learning that `generate --activities` adds
/// (``MenuSampler``): workplace tours, mock-interview volunteers, career days and teacher
/// externships, and how students and teachers list them. Every number is an assumption unless a
/// source is named; per-borough values follow ``ReferenceTables/boroughs``.
///
/// ```swift
/// Calibration.interviewSlots(borough: 0).first  // "2027-03-16T09:00"
/// ```
extension Calibration {
  // MARK: The menu

  /// The menu written to `activities.csv`: one internship (or apprenticeship, or job shadow)
  /// served first, then a workplace tour, two mock interviews with different employers, a career
  /// day, and one externship per teacher.
  static let menu = ActivityMenu([
    ActivityRule(kind: .internship, maxPerParticipant: 1, priority: 1),
    ActivityRule(kind: .apprenticeship, maxPerParticipant: 1, priority: 2),
    ActivityRule(kind: .jobShadow, maxPerParticipant: 1, priority: 3),
    ActivityRule(kind: .workplaceTour, maxPerParticipant: 1, priority: 4),
    ActivityRule(kind: .mockInterview, maxPerParticipant: 2, priority: 5, maxPerEmployer: 1),
    ActivityRule(kind: .careerDay, maxPerParticipant: 1, priority: 6),
    ActivityRule(kind: .teacherExternship, maxPerParticipant: 1, priority: 7),
  ])

  // MARK: Workplace tours

  /// Share of employers that run a workplace tour (one tour row each, a fifth of them two).
  static let tourEmployerShare = 0.35
  /// Seats of a tour group in each of its slots.
  static let tourGroup = 10...25
  /// The start labels a tour may run at, for an employer in borough `b`: two are on the
  /// borough's mock-interview day (`T09:00`, `T10:20`: the same labels as two interview slots,
  /// so a student cannot take both), three on April tour days. A tour offers one or two.
  static func tourSlots(borough b: Int) -> [String] {
    [interviewDays[b] + "T09:00", interviewDays[b] + "T10:20"]
      + ["2027-04-13T10:00", "2027-04-14T13:00", "2027-04-15T10:00"]
  }

  // MARK: Mock interviews

  /// The mock-interview day of each borough: schools of a borough share one day, volunteers
  /// come to it.
  static let interviewDays = [
    "2027-03-16", "2027-03-17", "2027-03-18", "2027-03-19", "2027-03-22",
  ]
  /// The six 20-minute interview slots of a volunteer in borough `b`.
  static func interviewSlots(borough b: Int) -> [String] {
    ["09:00", "09:20", "09:40", "10:00", "10:20", "10:40"].map { interviewDays[b] + "T" + $0 }
  }
  /// Share of employers that send mock-interview volunteers.
  static let interviewEmployerShare = 0.5
  /// Interview seats (volunteers × 6 slots) per student: 0.8 interviews a student, against the
  /// 2 each of the 70% who ask for them want — most get one, many two.
  static let interviewSeatsPerStudent = 0.8

  // MARK: Career days

  /// Share of employers that host a career day, and its seats.
  static let careerDayEmployerShare = 0.06
  static let careerDaySeats = 40...120

  // MARK: Teacher externships

  /// Students per CTE teacher: one teacher row per 60 students (assumption: a CTE program of a
  /// few hundred students has several CTE teachers; only some apply for an externship).
  static let studentsPerTeacher = 60
  /// Externship seats per teacher, spread over the employers that host externships.
  static let externshipSeatsPerTeacher = 0.8
  /// Share of employers hosting teacher externships.
  static let externshipEmployerShare = 0.15

  // MARK: How people list the menu

  /// Share of students (with a non-empty list) who list tours, and how many.
  static let tourListerShare = 0.6
  static let toursListed = 1...3
  /// Share of students (with a non-empty list) who list mock interviews, and how many
  /// volunteers (of their school's borough day).
  static let interviewListerShare = 0.7
  static let interviewsListed = 2...5
  /// Share of students (with a non-empty list) who list career days, and how many.
  static let careerDayListerShare = 0.25
  static let careerDaysListed = 1...2
  /// Externships a teacher lists.
  static let externshipsListed = 1...3
  /// Share of menu choices in the person's own cluster, and in their own borough (the rest:
  /// any cluster, any borough, uniformly).
  static let menuOwnClusterShare = 0.8
  static let menuOwnBoroughShare = 0.7
}
