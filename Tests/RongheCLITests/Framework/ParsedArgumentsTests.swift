import Testing

@testable import RongheCLI

/// The typed accessors, on arguments scanned from words.
@Suite struct ParsedArgumentsTests {
    enum Lang: String, CaseIterable, ExpressibleByArgument {
        case zh, en
    }

    static let definitions: [ArgumentDefinition] = [
        .positional("KIND", allowedValues: ["survey", "tree"], help: "Kind."),
        .positional("COUNT", optional: true, help: "Count."),
        .option("count", valueName: "N", help: "Count."),
        .option("seed", valueName: "S", default: "42", help: "Seed."),
        .option("weight", valueName: "W", help: "Weight."),
        .option("lang", allowedValues: Lang.allValueStrings, default: "zh", help: "Language."),
        .option("profile", valueName: "NAME", default: "all", repeating: true, help: "Profile."),
        .flag("json", help: "JSON."),
    ]

    func parse(_ words: [String]) throws -> ParsedArguments {
        var parsed = ParsedArguments(owner: "test", definitions: Self.definitions)
        var globals = ParsedArguments(owner: "globals", definitions: [])
        let scanner = ArgumentScanner(definitions: Self.definitions, globalDefinitions: [], builtInNames: ["help"])
        try scanner.scan(words[...], into: &parsed, globals: &globals)
        return parsed
    }

    @Test func defaultsAndAbsence() throws {
        let arguments = try parse(["survey"])
        #expect(try arguments.value("KIND", as: String.self) == "survey")
        #expect(try arguments.positional("COUNT", as: Int.self) == nil)
        #expect(try arguments.option("count", as: Int.self) == nil)
        #expect(try arguments.option("seed", as: Int.self) == 42)
        #expect(try arguments.value("seed", as: Int.self) == 42)
        #expect(try arguments.value("lang", as: Lang.self) == .zh)
        #expect(try arguments.options("profile", as: String.self) == ["all"])
        #expect(!arguments.flag("json"))
        #expect(!arguments.isSpecified("seed"))
        #expect(!arguments.isSpecified("json"))
        #expect(arguments.isSpecified("KIND"))
    }

    @Test func givenValues() throws {
        let arguments = try parse([
            "tree", "7", "--count", "12", "--seed=-3", "--weight", "0.25", "--lang", "en", "--profile", "a",
            "--profile", "b", "--json",
        ])
        #expect(try arguments.positional("COUNT", as: Int.self) == 7)
        #expect(try arguments.option("count", as: Int.self, in: 1...) == 12)
        #expect(try arguments.value("seed", as: Int.self) == -3)
        #expect(try arguments.option("weight", as: Double.self, in: 0.0...1.0) == 0.25)
        #expect(try arguments.value("lang", as: Lang.self) == .en)
        #expect(try arguments.options("profile", as: String.self) == ["a", "b"])
        #expect(arguments.flag("json"))
        #expect(arguments.isSpecified("seed"))
    }

    @Test func conversionErrorsNameTheArgument() throws {
        let arguments = try parse(["tree", "many", "--count", "0", "--seed", "x", "--weight", "1.5"])
        #expect(throws: ValidationError("`COUNT` expects an integer, got 'many'")) {
            try arguments.positional("COUNT", as: Int.self)
        }
        #expect(throws: ValidationError("`--count` expects an integer of at least 1, got '0'")) {
            try arguments.option("count", as: Int.self, in: 1...)
        }
        #expect(throws: ValidationError("`--count` expects an integer from 1 to 9, got '0'")) {
            try arguments.option("count", as: Int.self, in: 1...9)
        }
        #expect(throws: ValidationError("`--seed` expects an integer, got 'x'")) {
            try arguments.value("seed", as: Int.self)
        }
        #expect(throws: ValidationError("`--weight` expects a number from 0.0 to 1.0, got '1.5'")) {
            try arguments.option("weight", as: Double.self, in: 0.0...1.0)
        }
    }

    @Test func positionalAllowedValuesAreCheckedWhileScanning() {
        #expect(throws: ValidationError("`KIND` expects one of survey|tree, got 'form'")) {
            try parse(["form"])
        }
    }

    @Test func enumExpectationListsTheCases() {
        #expect(Lang.expectedValue == "one of zh|en")
        #expect(Lang.allValueStrings == ["zh", "en"])
        #expect(Lang(argument: "en") == .en)
        #expect(Lang(argument: "EN") == nil)
        #expect(Int(argument: "+5") == 5)
        #expect(Double(argument: "inf") == nil)
        #expect(String.allValueStrings == [])
    }
}
