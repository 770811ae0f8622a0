import InternMatchIO
import InternMatchModel
import Testing

@Suite("Keyed values: clusters and kinds as exports spell them")
struct ValueKeyTests {
  @Test("a cluster that is a key but for case, or a cluster's name, is read with one warning")
  func foldedCluster() throws {
    let (d, issues) = ExportFixtures.read(
      ExportFixtures.files([
        "students.csv":
          "id,school,cluster\nS1,X,Healthcare\nS2,X,HEALTH-CARE\nS3,X,Healthcare\n"
          + "S4,X,Information Technology\n",
        "worksites.csv": "id,cluster,capacity\nW1,Health Care,1\n",
      ]))
    let dataset = try #require(d)
    #expect(
      dataset.instance.students.map(\.cluster) == ["healthcare", "healthcare", "healthcare", "it"])
    #expect(dataset.instance.worksites[0].cluster == "healthcare")
    #expect(
      issues == [
        "students.csv:2:6: warning: cluster 'Healthcare' is read as 'healthcare': it differs "
          + "from that key only in case, spaces or punctuation (reported on its first row only)",
        "students.csv:3:6: warning: cluster 'HEALTH-CARE' is read as 'healthcare': it differs "
          + "from that key only in case, spaces or punctuation (reported on its first row only)",
        "students.csv:5:6: warning: cluster 'Information Technology' is read as 'it': the "
          + "cluster of that name (reported on its first row only)",
        "worksites.csv:2:4: warning: cluster 'Health Care' is read as 'healthcare': it differs "
          + "from that key only in case, spaces or punctuation (reported on its first row only)",
      ])
  }

  @Test("an unknown cluster names the nearest key")
  func unknownCluster() {
    let (d, issues) = ExportFixtures.read(
      ExportFixtures.files(["students.csv": "id,school,cluster\nS1,X,helthcare\nS2,X,plumbing\n"]))
    #expect(d == nil)
    #expect(
      issues == [
        "students.csv:2:6: error: unknown cluster 'helthcare' (did you mean 'healthcare'?)",
        "students.csv:3:6: error: unknown cluster 'plumbing'",
      ])
  }

  @Test("clusters of clusters.csv are matched by id and by name")
  func ownClusters() throws {
    let (d, issues) = ExportFixtures.read(
      ExportFixtures.files([
        "clusters.csv": "id,name\nag,Agriculture & Natural Resources\nit,IT\n",
        "students.csv": "id,school,cluster\nS1,X,Agriculture & Natural Resources\nS2,X,AG\n",
      ]))
    #expect(try #require(d).instance.students.map(\.cluster) == ["ag", "ag"])
    #expect(issues.count == 2)
  }

  @Test("a kind is read like a cluster; an unknown kind is an error naming the nearest")
  func kinds() throws {
    let (d, issues) = ExportFixtures.read(
      ExportFixtures.files([
        "students.csv": "id,school,cluster\nS1,X,it\n",
        "worksites.csv": "id,cluster,capacity,kind\nW1,it,1,Job Shadow\nW2,it,1,internship\n",
      ]))
    #expect(try #require(d).instance.worksites.map(\.kind) == [.jobShadow, .internship])
    #expect(issues.count == 1)
    let bad = ExportFixtures.read(
      ExportFixtures.files([
        "students.csv": "id,school,cluster\nS1,X,it\n",
        "worksites.csv": "id,cluster,capacity,kind\nW1,it,1,internshp\n",
      ]))
    #expect(
      bad.issues == [
        "worksites.csv:2:9: error: kind 'internshp' is not one of internship, job-shadow, "
          + "mock-interview, workplace-tour, apprenticeship (did you mean 'internship'?)"
      ])
  }

  @Test("a misspelt policy key is an error naming the key it resembles")
  func policyKey() {
    let (d, issues) = ExportFixtures.read(
      ExportFixtures.files([
        "students.csv": "id,school,cluster\nS1,X,it\n",
        "policy.json": "{\"max_distance\": 20, \"Seed\": 3}",
      ]))
    #expect(d == nil)
    #expect(issues.count == 2)
    #expect(
      issues.first?.hasPrefix(
        "policy.json:1:2: error: unknown setting 'max_distance'; did you mean max_distance_km?")
        == true)
    #expect(
      issues.last?.hasPrefix(
        "policy.json:1:22: error: unknown setting 'Seed'; did you mean seed?") == true)
  }
}

@Suite("Names two files must spell alike")
struct NameMismatchTests {
  @Test("a reserve group, credential or block that students spell otherwise is a warning")
  func mismatches() throws {
    let (d, issues) = ExportFixtures.read(
      ExportFixtures.files([
        "students.csv": "id,school,cluster,groups,credentials,availability\n"
          + "S1,X,it,ell,osha-10,mon-pm\nS2,X,it,iep,,tue-pm\n",
        "worksites.csv": "id,cluster,capacity,reserve,requires,schedule\n"
          + "W1,it,2,iep:1,,\nW2,it,2,ELL:1,OSHA 10,Mon-PM;wed-pm\n",
        "policy.json": #"{"priority_groups": ["Iep", "foster"]}"#,
      ]))
    #expect(d != nil)
    let tail = "which differs only in case or punctuation (these names are compared exactly)"
    #expect(
      issues == [
        "worksites.csv:3:9: warning: reserve group 'ELL' is no student's as written; students "
          + "have 'ell', \(tail)",
        "worksites.csv:3:15: warning: required credential 'OSHA 10' is no student's as "
          + "written; students have 'osha-10', \(tail)",
        "worksites.csv:3:23: warning: schedule block 'Mon-PM' is no student's as written; "
          + "students have 'mon-pm', \(tail)",
        "policy.json: warning: priority group 'Iep' is no student's as written; students have "
          + "'iep', \(tail)",
      ])
  }
}
