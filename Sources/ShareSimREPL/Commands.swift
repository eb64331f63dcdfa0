/// The session's commands: name, usage, what it does, an example, and its action. One
/// table serves dispatch, `help`, and Tab completion.
struct Command: Sendable {
    var name: String
    var usage: String
    var summary: String
    var example: String
    var action: @Sendable (Session, [String], InputAssembler.Input) -> Reply
}

enum Commands {
    static let all: [Command] = [
        Command(name: "load", usage: "load FILE", summary: "Load a scenario (.scn or resolved .json); edits start afresh.",
                example: "load scenarios/ofac-easing.scn", action: { s, args, _ in s.load(args) }),
        Command(name: "run", usage: "run [as NAME]", summary: "Run with the edits so far; show the table and check expect lines.",
                example: "run as late-easing", action: { s, args, _ in s.run(args) }),
        Command(name: "runs", usage: "runs", summary: "List the named runs of this session.",
                example: "runs", action: { s, _, _ in s.listRuns() }),
        Command(name: "show", usage: "show [RUN] [SEGMENT] [VENDORS…] [at DATES] [--share installed|sales] [--by vendor|origin|channel|recorded|buyer]",
                summary: "Show a run's shares (the last run unless one is named).",
                example: "show telecom at 2022-01,2023-01 --share sales --by origin", action: { s, args, _ in s.show(args) }),
        Command(name: "compare", usage: "compare RUN RUN [SEGMENT] [VENDORS…] [at DATES] [--share installed|sales] [--by vendor|origin|channel|recorded|buyer] [--tolerance T]",
                summary: "Two runs' difference per vendor, where it starts and peaks.",
                example: "compare baseline late-easing --by origin", action: { s, args, _ in s.compare(args) }),
        Command(name: "sweep", usage: "sweep NAME=FROM..TO[/COUNT] [NAME2=…] OUTCOME",
                summary: "Tabulate an outcome over a parameter's values, or a grid of two.",
                example: "sweep leakage=2%..20%/10 installed share origin CN, HK in chips at 2023-01",
                action: { s, _, input in s.sweep(input) }),
        Command(name: "calibrate", usage: "calibrate NAME [LOW..HIGH][, NAME2 [LOW..HIGH]] [to OUTCOME = VALUE[; OUTCOME2 = VALUE2]]",
                summary: "Fit parameters to the scenario's observations, or to targets.",
                example: "calibrate leakage 2%..20% to installed share origin CN, HK in chips at 2023-01 = 85%",
                action: { s, _, input in s.calibrate(input) }),
        Command(name: "sensitivity", usage: "sensitivity [morris|oat] [assumptions] OUTCOME",
                summary: "Rank the uncertain parameters by how much they move an outcome.",
                example: "sensitivity installed share origin CN, HK in chips at 2023-01",
                action: { s, _, input in s.sensitivity(input) }),
        Command(name: "montecarlo", usage: "montecarlo RUNS [seed S] [bands LIST] [at DATES] [--share installed|sales] [--by vendor|origin|channel|recorded|buyer] [rank OUTCOME]",
                summary: "Percentile bands over drawn runs; with rank, a rank regression.",
                example: "montecarlo 10000 seed 7 --by origin", action: { s, args, input in s.montecarlo(args, input) }),
        Command(name: "drop", usage: "drop event NAME", summary: "Remove an event (a what-if edit; undo brings it back).",
                example: "drop event \"OFAC GL 25\"", action: { s, _, input in s.applyEdit(input) }),
        Command(name: "undo", usage: "undo", summary: "Take back the last edit, load or reset.",
                example: "undo", action: { s, _, _ in s.undo() }),
        Command(name: "reset", usage: "reset", summary: "Discard every what-if edit and return to the loaded file.",
                example: "reset", action: { s, _, _ in s.reset() }),
        Command(name: "diff", usage: "diff", summary: "The what-if edits against the loaded file.",
                example: "diff", action: { s, _, _ in s.diff() }),
        Command(name: "save", usage: "save FILE", summary: "Save the edits as an overlay of the loaded file, atomically.",
                example: "save what-if.scn", action: { s, args, _ in s.save(args) }),
        Command(name: "export", usage: "export csv|json FILE [RUN]", summary: "Write a run's output as CSV or JSON (atomically).",
                example: "export csv easing.csv baseline", action: { s, args, _ in s.export(args) }),
        Command(name: "plot", usage: "plot [RUN] [SEGMENT] [VENDORS…] [--share installed|sales] [--by vendor|origin|channel|recorded|buyer]",
                summary: "A line chart of share over time, fitted to the terminal.",
                example: "plot telecom Huawei Cisco Domestic", action: { s, args, _ in s.plot(args) }),
        Command(name: "chart", usage: "chart [RUN [RUN]] [SEGMENT] [VENDORS…] [--kind lines|area|compare|fan] [--share installed|sales] [--by vendor|origin|channel|recorded|buyer] [--runs N] [--seed S] -o FILE.svg",
                summary: "Write a run (or two runs compared) as an SVG chart.",
                example: "chart baseline late-easing --by origin -o easing.svg", action: { s, args, _ in s.chart(args) }),
        Command(name: "report", usage: "report [RUN [RUN]] [--share installed|sales] [--by vendor|origin|channel|recorded|buyer] [--runs N] [--seed S] -o FILE.html",
                summary: "Write a self-contained HTML report of a run, or of two compared.",
                example: "report baseline late-easing --by origin -o easing.html", action: { s, args, _ in s.report(args) }),
        Command(name: "sources", usage: "sources [WORD]", summary: "Where each figure came from: its source tag and file:line.",
                example: "sources seed", action: { s, args, _ in s.sources(args) }),
        Command(name: "explain", usage: "explain TARGET", summary: "What sets a vendor, origin, channel, segment or event, and where.",
                example: "explain Cisco", action: { s, args, _ in s.explain(args) }),
        Command(name: "timing", usage: "timing on|off", summary: "Print how long each run takes.",
                example: "timing on", action: { s, args, _ in s.setTiming(args) }),
        Command(name: "help", usage: "help [COMMAND]", summary: "List the commands, or explain one.",
                example: "help compare", action: { s, args, _ in Help.reply(for: args.first, in: s) }),
        Command(name: "quit", usage: "quit", summary: "Leave the session (also 'exit' or Ctrl-D).",
                example: "quit", action: { s, _, input in s.requestQuit(command: Words.split(input.text).first) }),
    ]

    static func named(_ word: String) -> Command? {
        if word == "exit" || word == ".quit" || word == "\\q" { return named("quit") }
        if word == "?" { return named("help") }
        return all.first { $0.name == word }
    }
}
