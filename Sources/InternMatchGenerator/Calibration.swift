import InternMatchModel

/// The shares and rules that make a synthetic cohort look like NYC's CTE population and its
/// work-based-learning partners. Everything the reference tables do not say is here, in one
/// place, with where the number comes from.
///
/// Per-cluster values are arrays in `Cluster.nycDefaults` order (automotive, business,
/// construction, culinary, engineering, healthcare, it, media); per-borough values follow
/// ``ReferenceTables/boroughs`` (Bronx, Brooklyn, Manhattan, Queens, Staten Island).
///
/// ```swift
/// Calibration.groups.map(\.name)  // ["ell", "iep", "low-income"]
/// ```
enum Calibration {
  // MARK: Students

  /// Grade levels of students in work-based learning, with their shares: mostly juniors and
  /// seniors (assumption; NYC WBL programs mainly serve grades 11–12).
  static let grades: [(grade: Int, share: Double)] = [(10, 0.16), (11, 0.40), (12, 0.44)]

  /// Age minus (grade + 5), with shares: most students are on age for their grade in the spring
  /// term, some a year older, a few two years older or a year younger. Ages are then kept in
  /// 15...19.
  static let ageOffsets: [(offset: Int, share: Double)] = [
    (-1, 0.02), (0, 0.60), (1, 0.33), (2, 0.05),
  ]
  /// The youngest and oldest ages generated.
  static let ages = 15...19

  /// Priority groups with the share of students in each, drawn independently. Approximate NYC
  /// DOE high-school shares: English language learners about 14%, students with an IEP
  /// (students with disabilities) about 20%, economically disadvantaged about 70%.
  static let groups: [(name: String, share: Double)] = [
    ("ell", 0.14), ("iep", 0.20), ("low-income", 0.70),
  ]

  /// Credentials students may hold, and the share of each cluster's students holding it
  /// (assumption): construction students often hold OSHA-10, culinary students a food-handler
  /// card, healthcare students CPR.
  static let credentials: [(name: String, shareByCluster: [Double])] = [
    ("osha-10", perCluster(["construction": 0.65, "automotive": 0.25, "engineering": 0.10], 0.02)),
    ("food-handler", perCluster(["culinary": 0.60, "healthcare": 0.03], 0.02)),
    ("cpr", perCluster(["healthcare": 0.40], 0.05)),
  ]

  /// Students whose list is empty (they applied for nothing).
  static let emptyListShare = 0.03
  /// Students with a non-empty list who fill every allowed choice; the others list a uniform
  /// 1...choicesPerStudent.
  static let fullListShare = 0.6
  /// Share of a student's choices in their own cluster; the rest are in a cluster drawn by
  /// worksite popularity.
  static let ownClusterShare = 0.85
  /// Candidates drawn per choice; the nearest to the student's home is kept (distance bias).
  static let candidatesPerChoice = 2
  /// How much more likely a worksite in a borough is to be listed than its popularity alone
  /// says, for a student of each borough: 1 in the student's own borough, 0.35 in a borough
  /// with a direct subway, bridge or ferry link, 0.1 elsewhere (assumption).
  static let boroughAffinity: [[Double]] = [
    // Bronx, Brooklyn, Manhattan, Queens, Staten Island
    [1.0, 0.1, 0.35, 0.35, 0.1],  // Bronx
    [0.1, 1.0, 0.35, 0.35, 0.35],  // Brooklyn
    [0.35, 0.35, 1.0, 0.35, 0.35],  // Manhattan
    [0.35, 0.35, 0.35, 1.0, 0.1],  // Queens
    [0.1, 0.35, 0.35, 0.1, 1.0],  // Staten Island
  ]
  /// Largest jitter of a student's home around its ZIP-area centroid, in degrees.
  static let homeJitter = 0.004

  // MARK: Schedules

  /// The ten weekly schedule blocks.
  static let blocks = [
    "mon-am", "mon-pm", "tue-am", "tue-pm", "wed-am", "wed-pm", "thu-am",
    "thu-pm", "fri-am", "fri-pm",
  ]

  /// Students' availability patterns with shares; an empty set means "any time".
  static let availability: [(blocks: Set<String>, share: Double)] = [
    ([], 0.50),
    (["mon-pm", "tue-pm", "wed-pm", "thu-pm", "fri-pm"], 0.30),
    (["mon-pm", "wed-pm", "fri-pm"], 0.08),
    (["tue-pm", "thu-pm"], 0.08),
    (Set(blocks), 0.04),
  ]

  /// Worksites' schedule patterns with shares; an empty set means "any time".
  static let schedules: [(blocks: Set<String>, share: Double)] = [
    ([], 0.45),
    (["mon-pm", "tue-pm", "wed-pm", "thu-pm", "fri-pm"], 0.25),
    (["mon-pm", "wed-pm"], 0.10),
    (["tue-pm", "thu-pm"], 0.10),
    (["mon-am", "tue-am", "wed-am", "thu-am", "fri-am"], 0.05),
    (["fri-am", "fri-pm"], 0.05),
  ]

  // MARK: Worksites

  /// Mean seats per worksite: the worksite count is about `seats / 21`, so 1.05 seats per
  /// student gives about one worksite per 20 students.
  static let meanCapacity = 21.0
  /// Share of the cluster mix of worksites that follows student demand (enrollment of the
  /// schools offering each cluster); the rest follows QCEW establishments. Partners are
  /// recruited for the programs schools run, but sectors with many employers (food service,
  /// construction, healthcare) offer more seats than tech and engineering, where CTE enrollment
  /// outruns employers. At 0.5, about 94% of a 60,000-student cohort can be placed at 1.05 seats
  /// per student, and a few percent are left out because their choices are full (assumption,
  /// tuned with `internmatch solve`; 0 follows QCEW alone and leaves far more unplaced).
  static let demandShare = 0.5
  /// Lowest appeal factor of a worksite, so that appeal ranges over `[1, 1/appealFloor)`:
  /// applicants per seat differ by up to about 33 times between worksites.
  static let appealFloor = 0.03
  /// Largest jitter of a worksite around its ZIP-area centroid, in degrees.
  static let worksiteJitter = 0.01
  /// Worksites per employer, on average: several sites share an employer.
  static let worksitesPerEmployer = 3.0

  /// Minimum ages by cluster: the share of worksites requiring 18, and requiring 16.
  static let minimumAge18 = perCluster(["healthcare": 0.15], 0.0)
  static let minimumAge16 = perCluster(
    ["healthcare": 0.60, "construction": 0.50, "automotive": 0.35], 0.10)
  /// Shares of worksites requiring grade 12, and grade 11.
  static let minimumGrade12 = 0.05
  static let minimumGrade11 = 0.20
  /// The credential a worksite of each cluster may require, with the share that requires it:
  /// construction sites OSHA-10, culinary sites a food-handler card, some clinics CPR.
  static let requiredCredential: [(name: String, share: Double)?] = Cluster.nycDefaults.map {
    switch $0.id {
    case "construction": ("osha-10", 0.70)
    case "culinary": ("food-handler", 0.60)
    case "healthcare": ("cpr", 0.15)
    default: nil
    }
  }

  /// Shares of the non-internship kinds; internships take the rest. Apprenticeships are mostly
  /// in the trades (assumption).
  static let apprenticeshipShare = perCluster(
    ["construction": 0.15, "automotive": 0.15, "healthcare": 0.05, "engineering": 0.05], 0.02)
  static let otherKinds: [(kind: WorksiteKind, share: Double)] = [
    (.jobShadow, 0.08), (.mockInterview, 0.05), (.workplaceTour, 0.05),
  ]

  /// The share of worksites of each kind that rank their applicants (about 20% overall).
  static func rankingShare(_ kind: WorksiteKind) -> Double {
    switch kind {
    case .apprenticeship: 0.60
    case .internship: 0.22
    case .jobShadow: 0.10
    case .mockInterview, .workplaceTour, .careerDay, .teacherExternship: 0.0
    }
  }
  /// How much a grade above 10 raises an applicant's ranking score (scores are uniform in
  /// [0, 1) plus this per grade), so that ranking worksites favour older students.
  static let rankingGradeBonus = 0.25

  /// Place words of synthetic employer names.
  static let employerPlaces = [
    "Hudson", "Harbor", "Metro", "Borough", "Empire", "Liberty",
    "Gotham", "Riverside", "Bridge", "Skyline", "Parkside", "Union",
  ]
  /// Sector words of synthetic employer names, per cluster.
  static let employerWords: [[String]] = Cluster.nycDefaults.map {
    switch $0.id {
    case "automotive": ["Auto", "Transit", "Fleet", "Motors", "Aviation"]
    case "business": ["Capital", "Financial", "Legal", "Advisors", "Ventures"]
    case "construction": ["Builders", "Construction", "Electric", "Energy", "Mechanical"]
    case "culinary": ["Kitchen", "Hospitality", "Hotels", "Catering", "Bakery"]
    case "engineering": ["Engineering", "Design Lab", "Robotics", "Architects", "Fabrication"]
    case "healthcare": ["Health", "Medical", "Care", "Dental", "Clinic"]
    case "it": ["Tech", "Data", "Networks", "Software", "Digital"]
    case "media": ["Media", "Studios", "Creative", "Productions", "Design"]
    default: ["Works"]
    }
  }
  /// Suffixes of synthetic employer names.
  static let employerSuffixes = ["Partners", "Group", "Services", "Associates", "Collective"]

  /// Values per cluster in `Cluster.nycDefaults` order, from a few named clusters and a default.
  private static func perCluster(_ values: [String: Double], _ fallback: Double) -> [Double] {
    Cluster.nycDefaults.map { values[$0.id] ?? fallback }
  }
}
