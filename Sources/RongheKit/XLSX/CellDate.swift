import Foundation

/// A date (and time) read from a cell: the serial number as stored, and the calendar fields it
/// stands for.
///
/// Spreadsheets store dates as a number of days since an epoch, with the time as the fraction of a
/// day. Ronghe keeps the serial (so nothing is lost) together with its Gregorian fields, computed
/// without time zone: a spreadsheet date is a wall-clock date. Times are rounded to the
/// millisecond. In the 1900 date system, serials 1–59 follow Excel (1 is 1 January 1900),
/// Excel's fictitious 29 February 1900 (serial 60) is reported as 28 February, and serials below
/// 1 (times without a date) fall on 30 December 1899 like everywhere from 1 March 1900 on.
public struct CellDate: Sendable, Hashable, CustomStringConvertible {
    /// The serial number as stored, in the workbook's date system.
    public let serial: Double
    /// Whether the workbook counts from 1 January 1904 (old Mac Excel) instead of 1900.
    public let uses1904DateSystem: Bool
    /// The Gregorian year.
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// The day of the month, 1–31.
    public let day: Int
    /// The hour, 0–23.
    public let hour: Int
    /// The minute, 0–59.
    public let minute: Int
    /// The second, 0–59.
    public let second: Int
    /// The millisecond, 0–999.
    public let millisecond: Int

    /// Days from 1970-01-01 to each date system's day zero.
    private static let epoch1900 = -25_569  // 1899-12-30
    private static let epoch1904 = -24_107  // 1904-01-01
    private static let millisecondsPerDay = 86_400_000.0

    /// Interprets a serial number, or returns `nil` for one no spreadsheet shows as a date
    /// (negative, past 31 December 9999, or not finite).
    public init?(serial: Double, uses1904DateSystem: Bool) {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        var milliseconds = Int(((serial - Double(days)) * Self.millisecondsPerDay).rounded())
        if milliseconds >= Int(Self.millisecondsPerDay) {
            days += 1
            milliseconds = 0
        }
        let unixDay: Int
        if uses1904DateSystem {
            unixDay = Self.epoch1904 + days
        } else if days == 0 || days >= 61 {
            unixDay = Self.epoch1900 + days
        } else if days == 60 {
            unixDay = Self.epoch1900 + 60  // 29 February 1900 never existed
        } else {
            unixDay = Self.epoch1900 + days + 1
        }
        let (year, month, day) = Self.civil(fromUnixDay: unixDay)
        guard year <= 9999 else { return nil }
        self.serial = serial
        self.uses1904DateSystem = uses1904DateSystem
        self.year = year
        self.month = month
        self.day = day
        self.hour = milliseconds / 3_600_000
        self.minute = milliseconds / 60_000 % 60
        self.second = milliseconds / 1000 % 60
        self.millisecond = milliseconds % 1000
    }

    /// Parses the ISO 8601 text of a `t="d"` cell: `2024-05-31`, `2024-05-31T13:30`,
    /// `2024-05-31T13:30:05.250`, optionally followed by `Z` or an offset, which is ignored as
    /// spreadsheet dates have no time zone. Returns `nil` for anything else or an impossible date.
    public init?(iso8601 text: String, uses1904DateSystem: Bool) {
        var scanner = Substring(text.trimmingCharacters(in: .whitespaces))
        func number(_ digits: Int) -> Int? {
            let prefix = scanner.prefix(digits)
            guard prefix.count == digits, prefix.allSatisfy(\.isASCII), let value = Int(prefix) else { return nil }
            scanner = scanner.dropFirst(digits)
            return value
        }
        func expect(_ character: Character) -> Bool {
            guard scanner.first == character else { return false }
            scanner = scanner.dropFirst()
            return true
        }
        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
            (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var hour = 0, minute = 0, second = 0, millisecond = 0
        if expect("T") || expect(" ") {
            guard let h = number(2), expect(":"), let m = number(2), h < 24, m < 60 else { return nil }
            (hour, minute) = (h, m)
            if expect(":") {
                guard let s = number(2), s < 60 else { return nil }
                second = s
                if expect(".") || expect(",") {
                    let digits = scanner.prefix(while: { $0.isASCII && $0.isNumber })
                    guard !digits.isEmpty else { return nil }
                    scanner = scanner.dropFirst(digits.count)
                    millisecond = Int((Double("0." + digits)! * 1000).rounded())
                    if millisecond == 1000 { millisecond = 999 }
                }
            }
            if !expect("Z"), let sign = scanner.first, sign == "+" || sign == "-" {
                scanner = scanner.dropFirst()
                guard number(2) != nil else { return nil }
                _ = expect(":")
                guard number(2) != nil else { return nil }
            }
        }
        guard scanner.isEmpty else { return nil }
        let unixDay = Self.unixDay(year: year, month: month, day: day)
        var days = unixDay - (uses1904DateSystem ? Self.epoch1904 : Self.epoch1900)
        if !uses1904DateSystem && days >= 1 && days < 61 {
            days -= 1  // Excel's serials before March 1900 count the missing 29 February
        }
        guard days >= 0 else { return nil }
        let fraction = Double(((hour * 60 + minute) * 60 + second) * 1000 + millisecond) / Self.millisecondsPerDay
        self.serial = Double(days) + fraction
        self.uses1904DateSystem = uses1904DateSystem
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.millisecond = millisecond
    }

    /// The fields as Gregorian `DateComponents` without time zone.
    public var dateComponents: DateComponents {
        DateComponents(
            calendar: Calendar(identifier: .gregorian), year: year, month: month, day: day,
            hour: hour, minute: minute, second: second, nanosecond: millisecond * 1_000_000)
    }

    /// Whether the value has a time of day other than midnight.
    public var hasTime: Bool { hour != 0 || minute != 0 || second != 0 || millisecond != 0 }

    /// `2024-05-31`, or `2024-05-31 13:30:05` with a time (and `.250` with milliseconds).
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        var text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        if hasTime {
            text += " \(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
            if millisecond != 0 { text += ".\(pad(millisecond, 3))" }
        }
        return text
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days-from-civil algorithms, proleptic Gregorian.
    private static func unixDay(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civil(fromUnixDay unixDay: Int) -> (Int, Int, Int) {
        let z = unixDay + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
