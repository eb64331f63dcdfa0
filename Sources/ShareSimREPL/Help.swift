import ShareSimCore

/// `help` and `help COMMAND`, generated from the command table so they never drift.
enum Help {
    /// The help on `topic` (all commands when nil), wrapped to `width` so that a narrow
    /// terminal does not break its lines mid-word. A topic that is no command or statement
    /// is an error, as an unknown command is: a pipe stops there.
    static func reply(for topic: String?, in session: Session) -> Reply {
        let width = session.width
        guard let topic else { return Reply(output: Wrap.text(overview(), width: width)) }
        if let c = Commands.named(topic.lowercased()) {
            let usage = UsageFold.fold(Substring(c.usage), indent: 4, width: width)
            return Reply(output: usage + "\n" + Wrap.text("  \(c.summary)\n  example: \(c.example)\n", width: width))
        }
        if Session.statementKeywords.contains(topic.lowercased()) {
            return Reply(output: Wrap.text(statementHelp(topic.lowercased()), width: width))
        }
        if Keywords.changes.contains(topic.lowercased()) {
            return Reply(output: Wrap.text(changeHelp(topic.lowercased()), width: width))
        }
        let near = Suggestions.closest(to: topic, in: Commands.all.map(\.name) + Session.statementKeywords + Keywords.changes)
        return session.failure("no help for '\(topic)'", word: topic, suggestion: near)
    }

    static func overview() -> String {
        var out = "Commands:\n"
        let nameWidth = Commands.all.map(\.name.count).max() ?? 8
        for c in Commands.all {
            out += "  " + c.name + String(repeating: " ", count: nameWidth - c.name.count + 2) + c.summary + "\n"
        }
        out += """

            Scenario statements typed here are what-if edits on the loaded file:
              vendor Newco origin RU
              event "Late easing" 2023-04-07:
                access origin US for operators in telecom to 50% over 12 months
              drop event "OFAC GL 25"       move event "OFAC GL 25" to 2023-04-07
            'help COMMAND' explains one command; docs/repl.md walks through a session.

            """
        return out
    }

    static func statementHelp(_ keyword: String) -> String {
        let examples: [String: String] = [
            "scenario": "scenario \"My what-if\"",
            "timeline": "timeline 2021-01 to 2027-12 monthly",
            "segment": "segment telecom \"Telecom equipment\" lifetime 8y growth 3%/y size 4B USD",
            "buyers": "buyers telecom: government 10%, operators 90%",
            "vendor": "vendor Newco origin RU",
            "share": "share telecom: Huawei 44%, Ericsson 28%, Domestic 28%",
            "appeal": "appeal telecom: Newco -4",
            "event": "event \"Late easing\" 2023-04-07:\n    access origin US for operators in telecom to 50% over 12 months",
            "drop": "drop event \"OFAC GL 25\"",
            "move": "move event \"OFAC GL 25\" to 2023-04-07",
            "use": "use \"baseline.scn\"",
            "expect": "expect installed share origin US, EU in telecom at 2022-12 <= 33%",
            "param": "param leakage = 6.5%",
            "channel": "channel \"HK intermediaries\" records HK\n  then: access origin US via \"HK intermediaries\" in chips to 40%",
            "observe": "observe sales share recorded origin CN, HK in chips ± 3%: 2021 27%, 2023 85% [seed 003] check\n"
                + "  or: observe from \"chips.csv\" sales share in chips [seed 003]",
        ]
        return "\(keyword): a scenario statement (docs/language.md)\n  example: \(examples[keyword] ?? keyword)\n"
    }

    /// The changes an event holds: what each field is, with an example of each operation.
    static func changeHelp(_ field: String) -> String {
        let examples: [String: String] = [
            "access": "access origin US for operators in telecom to 50% over 12 months\n"
                + "    access Cisco via \"HK intermediaries\" by +40 points until 2023-12",
            "friction": "friction origin US via \"HK intermediaries\" in chips markup 8%\n    friction Intel via parallel to -0.3",
            "shift": "shift origin US in telecom by -0.5",
            "trend": "trend Huawei in cloud to 0.4/y",
            "growth": "growth telecom times 0.5 until 2023-06",
        ]
        return "\(field): a change inside an event (docs/language.md)\n  'to' sets, 'by' adds, 'times' scales\n"
            + "  example: \(examples[field] ?? field)\n"
    }
}
