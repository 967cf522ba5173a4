import Testing

@testable import RongheCLI

// Placeholder until the command framework lands; replaced by the framework's own tests.
@Suite struct RongheTests {
    @Test func emptyArgumentsSucceed() {
        #expect(Ronghe.main([]) == 0)
    }
}
