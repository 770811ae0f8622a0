import InternMatchModel
import Testing

@testable import InternMatchReport

@Suite("PlacementReport: HTML escaping")
struct PlacementReportTests {
  @Test("every markup character of a data string becomes an entity")
  func escapesMarkup() {
    #expect(
      PlacementReport.escape("<script>\"a\" & 'b'</script>")
        == "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;")
    #expect(PlacementReport.escape("S000001") == "S000001")
  }
}
