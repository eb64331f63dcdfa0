import Foundation
import ShareSimCore
import ShareSimTestSupport
import Testing

/// `make fuzz`'s seed corpus replayed through the fuzzer's own entry point
/// (`LoaderFuzzing.check`): the bundled scenarios and every file of the malformed catalogue,
/// where the fuzzer's findings are kept. An input that once crashed the loader or the printer
/// would crash this test; one that loads or is refused must say so in located diagnostics.
@Suite struct FuzzCorpusTests {
    /// The seed directories `make fuzz` passes to libFuzzer, read from the source tree so that a
    /// finding just kept by `Fuzz/keep-findings` is replayed before anyone lists it.
    static let seedDirectories = ["scenarios", "Tests/ShareSimCoreTests/Malformed"]

    static let corpus: [String] = seedDirectories.flatMap { directory in
        let url = Fixtures.packageRoot.appendingPathComponent(directory)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.sorted().map { "\(directory)/\($0)" }
    }

    @Test func theCorpusHoldsTheBundledScenariosAndTheCatalogue() {
        #expect(Self.corpus.contains("scenarios/ofac-easing.scn"))
        #expect(Self.corpus.contains("Tests/ShareSimCoreTests/Malformed/json-negative-steps.json"))
        #expect(Self.corpus.count > 100)
    }

    @Test(arguments: corpus)
    func replaysWithoutCrashing(_ path: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Fixtures.packageRoot.appendingPathComponent(path)))
        let outcome = LoaderFuzzing.check(bytes)
        if !outcome.loaded {
            #expect(!outcome.rendered.isEmpty, "refused without a diagnostic")
            #expect(outcome.unlocated == 0, "a diagnostic without a place in the text:\n\(outcome.rendered)")
        }
    }
}
