import ClaimModel
import Testing

@Suite struct WordAlignmentTests {
    @Test func commonEndsAndTheMiddleByLongestCommonSubsequence() {
        let a = ["the", "port", "will", "reopen", "on", "Monday"]
        let b = ["the", "port", "would", "reopen", "Monday"]
        #expect(WordAlignment.steps(a, b) == [
            .same(0, 0), .same(1, 1), .removed(2), .added(2), .same(3, 3), .removed(4), .same(5, 4),
        ])
    }

    @Test func emptySidesAreAllAddedOrAllRemoved() {
        #expect(WordAlignment.steps([String](), ["a", "b"]) == [.added(0), .added(1)])
        #expect(WordAlignment.steps(["a"], [String]()) == [.removed(0)])
        #expect(WordAlignment.steps([String](), [String]()) == [])
    }

    @Test func aMiddleTooLargeForTheTableIsReplacedWhole() {
        let a = ["x"] + (0..<600).map { "a\($0)" } + ["y"]
        let b = ["x"] + (0..<600).map { "b\($0)" } + ["y"]
        let steps = WordAlignment.steps(a, b)
        #expect(steps.count == 1202)
        #expect(steps.first == .same(0, 0) && steps.last == .same(601, 601))
        #expect(steps[1] == .removed(1) && steps[601] == .added(1))
    }
}
