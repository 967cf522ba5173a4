import Testing

@testable import RongheKit

@Suite struct CellDateTests {
    // Serials and dates as Excel shows them.
    @Test(arguments: [
        (1.0, "1900-01-01"), (59.0, "1900-02-28"), (60.0, "1900-02-28"), (61.0, "1900-03-01"),
        (25_569.0, "1970-01-01"), (45_443.0, "2024-05-31"), (45_443.5625578704, "2024-05-31 13:30:05"),
        (45_443.999_999_999, "2024-06-01"), (0.75, "1899-12-30 18:00:00"), (2_958_465.0, "9999-12-31"),
        (45_443.000_011_574, "2024-05-31 00:00:01"), (45_443.000_005_787, "2024-05-31 00:00:00.500"),
    ])
    func readsSerialsOfThe1900System(serial: Double, text: String) throws {
        let date = try #require(CellDate(serial: serial, uses1904DateSystem: false))
        #expect(date.description == text)
        #expect(date.serial == serial)
    }

    @Test(arguments: [(0.0, "1904-01-01"), (43_981.0, "2024-05-31"), (1.25, "1904-01-02 06:00:00")])
    func readsSerialsOfThe1904System(serial: Double, text: String) throws {
        #expect(CellDate(serial: serial, uses1904DateSystem: true)?.description == text)
    }

    @Test(arguments: [-1.0, 2_958_466.0, Double.nan, Double.infinity])
    func refusesSerialsNoSpreadsheetShowsAsDates(serial: Double) {
        #expect(CellDate(serial: serial, uses1904DateSystem: false) == nil)
    }

    @Test(arguments: [
        ("2024-05-31", 45_443.0, "2024-05-31"), ("2024-05-31T12:00", 45_443.5, "2024-05-31 12:00:00"),
        ("2024-05-31T13:30:05Z", nil, "2024-05-31 13:30:05"), ("2024-05-31 06:00:00+08:00", 45_443.25, "2024-05-31 06:00:00"),
        ("2024-05-31T00:00:00.250", nil, "2024-05-31 00:00:00.250"), ("1900-01-01", 1.0, "1900-01-01"),
        ("2024-02-29", 45_351.0, "2024-02-29"),
    ])
    func parsesISO8601(text: String, serial: Double?, description: String) throws {
        let date = try #require(CellDate(iso8601: text, uses1904DateSystem: false))
        #expect(date.description == description)
        if let serial {
            #expect(abs(date.serial - serial) < 1e-9)
        }
    }

    @Test(arguments: ["", "2024-5-31", "2023-02-29", "2024-13-01", "2024-05-31T25:00", "2024-05-31T12:60",
                      "2024-05-31junk", "31/05/2024", "２０２４-05-31"])
    func rejectsWhatIsNotISO8601(text: String) {
        #expect(CellDate(iso8601: text, uses1904DateSystem: false) == nil)
    }

    @Test func iso8601InThe1904System() throws {
        let date = try #require(CellDate(iso8601: "2024-05-31", uses1904DateSystem: true))
        #expect(date.serial == 43_981)
        #expect(CellDate(iso8601: "1903-12-31", uses1904DateSystem: true) == nil)
    }

    @Test func componentsAndSerialsAgreeOverManySeeds() throws {
        for seed in UInt64(1)...300 {
            var generator = SplitMix64(seed: seed)
            let days = Double(generator.next(in: 61...2_958_465))
            let seconds = Double(generator.next(in: 0...86_399))
            let serial = days + seconds / 86_400
            let uses1904 = seed % 2 == 0
            let date = try #require(CellDate(serial: serial, uses1904DateSystem: uses1904), "seed \(seed)")
            let again = try #require(CellDate(iso8601: date.description, uses1904DateSystem: uses1904), "seed \(seed)")
            #expect(again == CellDate(serial: again.serial, uses1904DateSystem: uses1904), "seed \(seed)")
            #expect(abs(again.serial - serial) < 1e-6, "seed \(seed)")
        }
    }

    @Test func dateComponents() throws {
        let components = try #require(CellDate(serial: 45_443.5625578704, uses1904DateSystem: false)).dateComponents
        #expect(components.year == 2024)
        #expect(components.month == 5)
        #expect(components.day == 31)
        #expect(components.hour == 13)
        #expect(components.minute == 30)
        #expect(components.second == 5)
        #expect(components.isValidDate)
    }
}
