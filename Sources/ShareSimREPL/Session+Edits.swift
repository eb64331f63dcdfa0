import Foundation
import ShareSimCore

/// Loading, what-if edits and their bookkeeping: undo, reset, diff, save.
extension Session {
    func load(_ args: [String]) -> Reply {
        guard args.count == 1 else { return failure("usage: load FILE\n  example: load scenarios/ofac-easing.scn", status: .usage) }
        let path = expandingTilde(args[0])
        let newBase: Base
        do throws(ScenarioError) {
            // Read once: a FIFO or a pipe would have nothing left for a second read.
            let data = try loader.read(path)
            let loaded = try loader.load(path: path, data: data)
            if ScenarioLoader.isResolvedJSON(path: path, data: data) {
                newBase = .resolved(path: path, scenario: loaded.scenario)
            } else {
                newBase = .text(path: path, file: try ScenarioLoader.sourceFile(path: path, data: data))
            }
        } catch {
            return Reply(error: render(error, word: path), failed: true, status: error.isUnreadableFile ? .noInput : .dataError)
        }
        // Undo stops at the first file loaded: an empty session is nothing to return to.
        if base != nil || !edits.isEmpty { pushUndo(undoing: .load(path: path)) }
        let discarded = edits.count
        base = newBase
        edits = []
        savedEdits = []
        warnedAboutUnsavedEdits = false
        var out = summaryLine(prefix: "loaded \(path)")
        if discarded > 0 { out += wrapped("(\(discarded) earlier edit\(discarded == 1 ? "" : "s") set aside; 'undo' brings \(discarded == 1 ? "it" : "them") back)") }
        return Reply(output: out)
    }

    func summaryLine(prefix: String) -> String {
        guard case .success(let loaded) = resolve() else { return wrapped(prefix) }
        let s = loaded.scenario
        var events = Set<String>()
        for c in s.changes { if let e = c.origin?.event { events.insert(e) } }
        let facts = "\(NumberText.counted(s.vendors.count, "vendor")), \(NumberText.counted(s.segments.count, "segment")), "
            + "\(NumberText.counted(events.count, "event")), \(s.timeline.span)"
        let line = "\(prefix): \(s.name) — \(facts)"
        // Too long for the terminal: the facts go on a line of their own.
        return line.count <= env.width ? line + "\n" : wrapped("\(prefix): \(s.name)", indent: 2) + wrapped("  " + facts)
    }

    /// A message line broken to fit the terminal, and its newline.
    func wrapped(_ line: String, indent: Int = 2) -> String {
        Wrap.text(line, width: env.width, indent: indent) + "\n"
    }

    /// A statement typed at the prompt. It is kept when it makes no new error of its own;
    /// errors elsewhere (a scenario still being typed in, say) wait until `run`.
    func applyEdit(_ input: InputAssembler.Input) -> Reply {
        if case .resolved(let path, _)? = base {
            return failure("\(path) is resolved JSON and cannot be edited; load its scenario text instead")
        }
        let edit = Edit(text: input.text, line: input.line)
        let candidate = edits + [edit]
        if case .failure(let error) = resolve(edits: candidate) {
            let lines = input.line..<(input.line + input.text.split(separator: "\n", omittingEmptySubsequences: false).count)
            let own = error.diagnostics.filter { d in
                guard let loc = d.location else { return false }
                return loc.file == env.inputName && lines.contains(loc.line) && !d.marksIncompleteScenario
            }
            if !own.isEmpty {
                return Reply(error: DiagnosticPrinter(useColor: env.color).render(own, sources: error.sources), failed: true, status: .dataError)
            }
        }
        let lines = input.text.split(separator: "\n", omittingEmptySubsequences: false)
        pushUndo(undoing: .edit(lines[0] + (lines.count > 1 ? " …" : "")))
        edits = candidate
        return Reply()
    }

    func undo() -> Reply {
        guard let snapshot = undoStack.popLast() else { return failure("nothing to undo", status: .success) }
        base = snapshot.base
        edits = snapshot.edits
        let now = NumberText.counted(edits.count, "what-if edit")
        switch snapshot.undoes {
        case .load(let path):
            // Both files: the one left, and the one returned to.
            return Reply(output: wrapped("undid load \(path); back to \(base?.path ?? "an empty session")" + (edits.isEmpty ? "" : " with \(now)")))
        case .reset: return Reply(output: wrapped("undid reset; \(now) now"))
        case .edit(let line): return Reply(output: wrapped("undid '\(line)'; \(now) now"))
        }
    }

    func reset() -> Reply {
        guard !edits.isEmpty else { return Reply(output: "no what-if edits to discard\n") }
        pushUndo(undoing: .reset)
        let n = edits.count
        edits = []
        return Reply(output: "discarded \(NumberText.counted(n, "what-if edit")); 'undo' brings \(n == 1 ? "it" : "them") back\n")
    }

    func diff() -> Reply {
        guard !edits.isEmpty else { return Reply(output: "no what-if edits against \(base?.path ?? "an empty session")\n") }
        var out = "what-if edits against \(base?.path ?? "an empty session"):\n"
        for e in edits {
            for (i, line) in e.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                out += (i == 0 ? "+ " : "  ") + line + "\n"
            }
        }
        if case .text(_, let file)? = base, case .success(let before) = Result(catching: { () throws(ScenarioError) in try loader.load(layers: [file]) }),
           case .success(let after) = resolve() {
            out += "changes: \(before.scenario.changes.count) in the file, \(after.scenario.changes.count) with the edits\n"
        }
        return Reply(output: out)
    }

    /// Saves the edits as an overlay: `use` of the loaded file, then the edits. Saving into
    /// the loaded file itself would make it use itself, so that is refused.
    func save(_ args: [String]) -> Reply {
        guard args.count == 1 else { return failure("usage: save FILE\n  example: save what-if.scn", status: .usage) }
        let target = expandingTilde(args[0])
        var text = "# What-if edits saved from a sharesim session.\n"
        if case .resolved(_, let scenario)? = base {
            // `use` reads scenario text only, and resolved JSON takes no edits: the scenario
            // itself is what there is to save, as resolved JSON, which loads again.
            text = ResolvedJSON.encode(scenario).pretty + "\n"
        } else if let base {
            if OverlayPath.standardized(base.path) == OverlayPath.standardized(target) {
                return failure("'\(target)' is the loaded file; save the edits under a new name (they are saved as an overlay that uses it)", word: target)
            }
            text += "use \"\(OverlayPath.relative(from: target, to: base.path, in: env.currentDirectory))\"\n\n"
        }
        text += edits.map(\.text).joined(separator: "\n") + (edits.isEmpty ? "" : "\n")
        do {
            try env.writeFile(text, target)
        } catch {
            return failure("cannot write '\(target)': \(error.localizedDescription)", word: target, status: .cannotWrite)
        }
        savedEdits = edits
        warnedAboutUnsavedEdits = false
        if case .resolved? = base { return Reply(output: wrapped("saved the resolved scenario as JSON to \(target)")) }
        return Reply(output: wrapped("saved \(NumberText.counted(edits.count, "what-if edit")) to \(target)"))
    }

    /// `~` and `~/…` as a shell reads them: the home directory. `~user` is left alone.
    func expandingTilde(_ path: String) -> String {
        guard let home = env.homeDirectory, path == "~" || path.hasPrefix("~/") else { return path }
        return home + path.dropFirst()
    }
}

