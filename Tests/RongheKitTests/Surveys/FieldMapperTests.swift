import Testing

@testable import RongheKit

@Suite struct FieldMapperTests {
    static let mapper = FieldMapper(tree: try! IndicatorTree.load(contentsOf: Fixtures.defaultTreeURL))

    @Test(arguments: [
        ("统一社会信用代码", FieldMapper.Target.profile(.uscc)), ("所属区县（行政区划代码）", .profile(.district)), ("USCC", .profile(.uscc)),
        ("B1.1", .question("B1.1")), ("b1.1 本年度信息化投入（万元）", .question("B1.1")), ("本年度信息化投入", .question("B1.1")),
        ("ＩＴ spending this year", .question("B1.1")),
    ])
    func resolvesKeysTheSameWayEveryTime(key: String, target: FieldMapper.Target) {
        // The second and third lookups come from the mapper's memory of resolved keys.
        for _ in 0..<3 { #expect(Self.mapper.target(forKey: key) == target) }
    }

    @Test func unknownKeysStayUnknownAndTheMemoryIsBounded() {
        let mapper = FieldMapper(tree: try! IndicatorTree.load(contentsOf: Fixtures.defaultTreeURL))
        for index in 0..<5000 { #expect(mapper.target(forKey: "备注\(index)") == nil) }
        #expect(mapper.target(forKey: "备注1") == nil)
        // Keys first seen after the memory is full are still resolved, every time.
        #expect(mapper.target(forKey: "填报年度") == .profile(.year))
        #expect(mapper.target(forKey: "填报年度") == .profile(.year))
    }
}
