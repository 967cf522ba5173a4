import Foundation
import Testing

@testable import RongheKit

@Suite struct ConditionSummaryTests {
    func summary(_ json: String) throws -> String {
        try Condition(json: JSONCursor(root: JSONParser.parse(json))).summary
    }

    @Test(arguments: [
        (#"{"question": "V1", "equals": "yes"}"#, "V1 = yes"),
        (#"{"question": "V1", "equals": true}"#, "V1 = true"),
        (#"{"node": "D", "atLeast": 50}"#, "node D ≥ 50"),
        (#"{"profile": "size", "in": ["large", "medium"]}"#, "size in large, medium"),
        (#"{"metric": "completeness", "below": 0.9}"#, "completeness < 0.9"),
        (#"{"metric": "total", "above": 59.5}"#, "total > 59.5"),
        (#"{"question": "x", "atLeast": 1, "atMost": 5}"#, "x ≥ 1 and x ≤ 5"),
        (#"{"question": "m", "includes": "erp"}"#, "m includes erp"),
        (#"{"question": "c", "notEquals": "none"}"#, "c ≠ none"),
        (#"{"question": "t", "answered": false}"#, "t not answered"),
        (#"{"flag": "falsified"}"#, "flag falsified"),
        (#"{"all": [{"question": "P1", "below": 0}, {"question": "P2", "below": 0}]}"#, "P1 < 0 and P2 < 0"),
        (#"{"all": [{"any": [{"node": "C", "atLeast": 60}, {"node": "D", "atLeast": 60}]}, {"profile": "employees", "atMost": 300}]}"#,
         "(node C ≥ 60 or node D ≥ 60) and employees ≤ 300"),
        (#"{"any": [{"question": "x", "atLeast": 1, "atMost": 5}, {"flag": "reviewed"}]}"#, "(x ≥ 1 and x ≤ 5) or flag reviewed"),
        (#"{"not": {"all": [{"question": "a", "equals": "yes"}, {"question": "b", "equals": "yes"}]}}"#, "not (a = yes and b = yes)"),
        (#"{"all": [{"flag": "x"}]}"#, "flag x"),
    ])
    func describesConditions(json: String, expected: String) throws {
        #expect(try summary(json) == expected)
    }
}
