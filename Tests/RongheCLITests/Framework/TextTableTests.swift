import Testing

@testable import RongheCLI

@Suite struct TextTableTests {
    @Test func chineseTextCountsTwoColumnsAndNumbersAlignRight() {
        var table = TextTable("排名", "企业", "区县", "得分")
        table.append(["1", "华为技术有限公司", "南山区", "92.50"])
        table.append(["2", "Acme Ltd", "福田区", "88.00"])
        table.append(["10", "比亚迪", "坪山区", ""])
        let expected = """
            排名  企业              区县     得分
            ----  ----------------  ------  -----
               1  华为技术有限公司  南山区  92.50
               2  Acme Ltd          福田区  88.00
              10  比亚迪            坪山区

            """
        #expect(table.render() == expected)
    }

    @Test func explicitAlignmentWins() {
        var table = TextTable(columns: [.init("code", alignment: .left), .init("name", alignment: .right)])
        table.append(["007", "a"])
        table.append(["12", "bcd"])
        let expected = """
            code  name
            ----  ----
            007      a
            12     bcd

            """
        #expect(table.render() == expected)
    }

    @Test(arguments: [
        (["1", "-2", "+3.5", "1,234", "85%", ""], true),
        (["1", "n/a"], false),
        (["1.2.3"], false),
        (["-"], false),
        ([""], false),
        (["１２"], false),
    ])
    func automaticAlignment(_ cells: [String], _ right: Bool) {
        var table = TextTable("wide column", "x")
        for cell in cells { table.append([cell, "x"]) }
        let firstRow = table.render().split(separator: "\n")[2]
        if cells[0].isEmpty {
            #expect(firstRow.hasPrefix(" "))
        } else {
            #expect(firstRow.hasPrefix(cells[0]) == !right)
        }
    }

    @Test func controlCharactersFromInputCannotBreakTheLayout() {
        var table = TextTable("name", "n")
        table.append(["A\nB\u{1B}[31m\tC", "1"])
        #expect(table.render() == "name        n\n----------  -\nA B [31m C  1\n")
    }

    @Test func anEmptyTableHasItsHeader() {
        #expect(TextTable("企业", "得分").render() == "企业  得分\n----  ----\n")
    }

    @Test(arguments: 0..<100)
    func rowsLineUp(seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed))
        let names = ["华为", "Acme", "深圳市腾讯计算机系统有限公司", "x", "比亚迪股份有限公司", "Ｆｕｌｌ"]
        var table = TextTable("企业", "得分")
        for _ in 0..<(1 + Int(generator.next() % 8)) {
            let name = names[Int(generator.next() % UInt64(names.count))]
            table.append([name, "\(generator.next() % 1000)"])
        }
        let lines = table.render().split(separator: "\n")
        let widths = Set(lines.map { TextWidth.of($0) })
        #expect(widths.count == 1, "seed \(seed): lines of widths \(widths.sorted())")
    }
}
