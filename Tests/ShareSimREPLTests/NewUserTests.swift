import Foundation
import ShareSimCore
@testable import ShareSimREPL
import ShareSimTestSupport
import Testing

/// What a new user hit at the prompt (issue 7, item 8), each as the session answers it.
@Suite struct NewUserTests {
    let disk = SessionTests.Disk()
    let session: Session

    init() {
        let disk = self.disk
        session = Session(environment: SessionEnvironment(
            inputName: "<input>", width: 80, readFile: { try disk.read($0) }, writeFile: { disk.write($0, $1) }))
    }

    @discardableResult
    func type(_ text: String, line: Int = 1) -> Reply {
        session.execute(InputAssembler.Input(text: text, line: line))
    }

    /// The vendor rows of a table's first block, by name.
    static func rowNames(_ table: String) -> [String] {
        table.split(separator: "\n", omittingEmptySubsequences: false).drop { !$0.hasPrefix("vendor") }.dropFirst().prefix { !$0.isEmpty }
            .map { String($0.split(separator: " ")[0]) }
    }

    @Test func showAndCompareKeepOnlyTheVendorsNamed() {
        type("load scenarios/ofac-easing.scn")
        type("run as a")
        type("drop event \"OFAC GL 25\"")
        type("run as b")
        let shown = type("show telecom Huawei Cisco at 2022-01,2024-01")
        #expect(Self.rowNames(shown.output) == ["Huawei", "Cisco"])
        let compared = type("compare a b Cisco ZTE")
        #expect(Self.rowNames(compared.output) == ["ZTE", "Cisco"])
        #expect(compared.output.contains("2 of 2 vendors differ"))
        // An origin names its vendors.
        #expect(Self.rowNames(type("show EU").output) == ["Ericsson", "Nokia"])
        let none = type("show Nokia --by origin")
        #expect(none.failed && none.error.contains("none of Nokia is an origin"))
    }
}
