import Foundation
import RongheFuzz

/// The command line of `ronghe-fuzz`.
struct FuzzOptions {
    static let usage = """
        usage: ronghe-fuzz [--target json|csv|xlsx]... [--seed S] [--cases N] [--seconds T] [--batch K]
                           [--case-timeout T] [--repository DIR] [--out DIR]
               ronghe-fuzz reproduce --target T --seed S --case N --out FILE
               ronghe-fuzz replay FILE...

        Mutates the sample surveys and the malformed corpus (seeded: the same seed and case number give the
        same input) and reads every case through intake, as `ronghe import` does, in child processes of
        --batch cases each. A crash, a case running past --case-timeout seconds, or an error other than a
        clean survey-file error is a finding: its seed and case number are printed and its input is saved
        in --out (default fuzz-findings). Runs each target for --cases cases (default 10000) or --seconds
        seconds, whichever ends first. Exit status 1 when anything was found.
        """

    enum Mode { case fuzz, reproduce, replay, worker }

    var mode = Mode.fuzz
    var targets: [FuzzTarget] = []
    var seed: UInt64 = 1
    var cases: UInt64 = 10_000
    var seconds: Double?
    var batch: UInt64 = 2000
    var caseTimeout: Double = 20
    var repository = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    var out = URL(fileURLWithPath: "fuzz-findings")
    var first: UInt64 = 0
    var progress: String?
    var files: [String] = []

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        switch rest.first {
        case "reproduce": mode = .reproduce; rest = rest.dropFirst()
        case "replay": mode = .replay; rest = rest.dropFirst()
        case "worker": mode = .worker; rest = rest.dropFirst()
        default: break
        }
        func value(_ option: String) throws -> String {
            guard let next = rest.first else { throw UsageError("\(option) needs a value") }
            rest = rest.dropFirst()
            return next
        }
        func number<T: LosslessStringConvertible>(_ option: String) throws -> T {
            let text = try value(option)
            guard let parsed = T(text) else { throw UsageError("\(option): \"\(text)\" is not a number") }
            return parsed
        }
        while let argument = rest.first {
            rest = rest.dropFirst()
            switch argument {
            case "--target":
                let name = try value(argument)
                guard let target = FuzzTarget(rawValue: name) else { throw UsageError("unknown target \"\(name)\"") }
                targets.append(target)
            case "--seed": seed = try number(argument)
            case "--cases", "--count": cases = try number(argument)
            case "--case": first = try number(argument)
            case "--from": first = try number(argument)
            case "--seconds": seconds = try number(argument)
            case "--batch": batch = max(1, try number(argument))
            case "--case-timeout": caseTimeout = try number(argument)
            case "--repository": repository = URL(fileURLWithPath: try value(argument))
            case "--out": out = URL(fileURLWithPath: try value(argument))
            case "--progress": progress = try value(argument)
            case "-h", "--help": throw UsageError(nil)
            default:
                guard mode == .replay, !argument.hasPrefix("-") else { throw UsageError("unknown argument \"\(argument)\"") }
                files.append(argument)
            }
        }
        if targets.isEmpty { targets = FuzzTarget.allCases }
    }
}

/// A command-line mistake; nil message for `--help`.
struct UsageError: Error {
    let message: String?
    init(_ message: String?) { self.message = message }
}
