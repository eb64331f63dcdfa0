// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sharesim",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sharesim", targets: ["sharesim"]),
        .executable(name: "sharesim-bench", targets: ["sharesim-bench"]),
        .library(name: "ShareSimCore", targets: ["ShareSimCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The language, resolver, engine, analysis and reports: no terminal code, no global state.
        .target(name: "ShareSimCore", dependencies: ["AtomicFiles", "CInterrupt"]),
        // Ctrl-C as a polled flag: a C signal handler, which Swift cannot write.
        .target(name: "CInterrupt"),
        // Charts as data → geometry → SVG, and the self-contained HTML report. No listed package
        // draws charts, so the SVG writer is ours.
        .target(name: "ShareSimCharts", dependencies: ["ShareSimCore"]),
        // Whole-file replacement (temp file, fsync, rename) for saves, exports and history.
        .target(name: "AtomicFiles"),
        // libedit's variadic C API wrapped in plain C functions that Swift can call.
        .target(name: "CLibEdit", dependencies: ["CInterrupt"], linkerSettings: [.linkedLibrary("edit")]),
        // A line reader protocol with libedit, plain-pipe and scripted implementations.
        .target(name: "LineEditor", dependencies: ["CLibEdit", "CInterrupt", "AtomicFiles"]),
        // The interactive session: state, commands and help, strings in and strings out.
        .target(name: "ShareSimREPL", dependencies: ["ShareSimCore", "ShareSimCharts", "LineEditor", "AtomicFiles"]),
        // Argument parsing and nothing else.
        .executableTarget(
            name: "sharesim",
            dependencies: [
                "ShareSimCore", "ShareSimCharts", "ShareSimREPL", "LineEditor",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Speed figures for `make bench`: vendor-steps per second and whole-process times.
        .executableTarget(name: "sharesim-bench", dependencies: ["ShareSimCore", "ShareSimCharts"], path: "Sources/ShareSimBench"),
        .target(name: "ShareSimTestSupport", dependencies: ["ShareSimCore"], path: "Tests/ShareSimTestSupport"),
        .testTarget(
            name: "ShareSimCoreTests", dependencies: ["ShareSimCore", "ShareSimTestSupport"],
            resources: [.copy("Conformance"), .copy("Malformed")]),
        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor", "ShareSimCore"]),
        .testTarget(name: "ShareSimChartsTests", dependencies: ["ShareSimCharts", "ShareSimCore", "ShareSimTestSupport"]),
        .testTarget(name: "ShareSimREPLTests", dependencies: ["ShareSimREPL", "ShareSimCore", "LineEditor", "ShareSimTestSupport"]),
        .testTarget(
            name: "EndToEndTests", dependencies: ["ShareSimTestSupport"],
            resources: [.copy("Golden")]),
    ]
)
