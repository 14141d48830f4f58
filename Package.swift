// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "wangge",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "wangge", targets: ["wangge"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        // A TOML reader that keeps the line and column of every value, so that
        // configuration errors can name file:line:column (TOMLKit cannot for values).
        .target(name: "WanggeTOML"),
        // Pure domain: organisation, categories, calendar, the case loop, permissions.
        .target(name: "WanggeCore"),
        // Assessment (考核): per-case facts folded from the events and the figures over them. Pure.
        .target(name: "WanggeAssessment", dependencies: ["WanggeCore"]),
        // SQLite event store over GRDB: the only module that speaks SQL.
        .target(
            name: "WanggeStore",
            dependencies: [
                "WanggeCore",
                // The assessment facts are a projection, written in the same transaction as the events.
                "WanggeAssessment",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The C API for the bulk paths, where GRDB's argument conversion costs more than the insert.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // The console's verbs, shared by the command line and the console.
        .target(name: "WanggeApp", dependencies: ["WanggeCore", "WanggeStore", "WanggeTOML", "WanggeRules", "WanggeAssessment"]),
        // The escalation rule language: parse, validate, evaluate, explain. Pure.
        .target(name: "WanggeRules", dependencies: ["WanggeCore", "WanggeTOML"]),
        // The only C: ncursesw's wide-character API, wrapped for Swift.
        .systemLibrary(name: "CNCurses"),
        // The console's UI with no terminal in it: cells, buffer, diff, keys, frames, screens.
        .target(name: "WanggeTUI", dependencies: ["WanggeApp", "WanggeCore", "WanggeStore", "WanggeTOML"]),
        // The ncursesw backend of WanggeTUI (the only importer of CNCurses).
        .target(name: "WanggeCurses", dependencies: ["WanggeTUI", "CNCurses"]),
        .executableTarget(
            name: "wangge",
            dependencies: [
                "WanggeApp",
                "WanggeTUI",
                "WanggeCurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Test-only: seeded text mutation and time budgets for the fuzz tests.
        .target(name: "WanggeFuzzSupport"),
        .testTarget(name: "WanggeTOMLTests", dependencies: ["WanggeTOML", "WanggeFuzzSupport"]),
        .testTarget(name: "WanggeCoreTests", dependencies: ["WanggeCore"]),
        .testTarget(name: "WanggeAssessmentTests", dependencies: ["WanggeAssessment", "WanggeCore"]),
        .testTarget(name: "WanggeRulesTests", dependencies: ["WanggeRules", "WanggeCore", "WanggeTOML", "WanggeFuzzSupport"]),
        // The engine on real databases, incl. two `wangge engine` processes racing (needs the binary).
        .testTarget(name: "WanggeEngineTests", dependencies: ["WanggeApp", "WanggeRules", "WanggeStore", "WanggeCore", "wangge"]),
        .testTarget(name: "WanggeStoreTests", dependencies: ["WanggeStore", "WanggeCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "WanggeAppTests", dependencies: ["WanggeApp", "WanggeStore", "WanggeCore", "WanggeTOML", "WanggeFuzzSupport"]),
        // The real binary end to end; the store to verify what many processes wrote.
        .testTarget(name: "WanggeCLITests", dependencies: ["WanggeCore", "WanggeStore", "wangge"]),
        // Test-only helpers: a demo workspace on a temporary file, console harness, snapshots.
        .target(name: "WanggeTestSupport", dependencies: ["WanggeTUI", "WanggeApp", "WanggeCore", "WanggeStore"]),
        .testTarget(
            name: "WanggeTUITests",
            // "wangge" so that the end-to-end test finds the binary built beside it.
            // GRDB to edit a database behind the program's back, as the sqlite3 shell would.
            dependencies: ["WanggeTUI", "WanggeTestSupport", "WanggeApp", "WanggeCore", "WanggeStore", "wangge", "WanggeFuzzSupport",
                           .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["__Snapshots__"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
