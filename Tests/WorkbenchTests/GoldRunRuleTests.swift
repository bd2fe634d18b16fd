import Testing
import Workbench

/// The one rule that says from which run a document's gold comes when its annotators marked it
/// done while reviewing different runs: the gold export applies it, the REPL's `done` reports it.
@Suite struct GoldRunRuleTests {
    @Test func mostMarksWinTiesGoToTheOlderRunAndAMarkWithoutARunIsRunMinusOne() {
        #expect(Workspace.goldRunKey([]) == nil)
        #expect(Workspace.goldRunKey([7]) == 7)
        #expect(Workspace.goldRunKey([3, 5, 5]) == 5)
        #expect(Workspace.goldRunKey([5, 3]) == 3)
        #expect(Workspace.goldRunKey([nil, 3]) == -1)
        #expect(Workspace.goldRunKey([4, nil, 4, nil, 2]) == -1)
    }
}
