// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ActorGraph",
    products: [
        .executable(name: "actorgraph", targets: ["actorgraph"]),
        .library(name: "ActorRecognition", targets: ["ActorRecognition"]),
        .library(name: "ActorGraph", targets: ["ActorGraph"]),
        .library(name: "ActorGraphRendering", targets: ["ActorGraphRendering"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Graphviz's C library, found through pkg-config (Debian: libgraphviz-dev).
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // text -> mentions
        .target(
            name: "ActorRecognition",
            resources: [.copy("Resources/default.gazetteer"), .copy("Resources/default.patterns")]
        ),
        // mentions -> weighted graph, queries and file writers
        .target(name: "ActorGraph", dependencies: ["ActorRecognition"]),
        // graph -> picture, the only module that talks to Graphviz
        .target(name: "ActorGraphRendering", dependencies: ["ActorGraph", "CGraphviz"]),
        .executableTarget(
            name: "actorgraph",
            dependencies: [
                "ActorRecognition", "ActorGraph", "ActorGraphRendering",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ActorRecognitionTests", dependencies: ["ActorRecognition"]),
        .testTarget(name: "ActorGraphTests", dependencies: ["ActorGraph"]),
        .testTarget(name: "ActorGraphRenderingTests", dependencies: ["ActorGraphRendering"]),
        .testTarget(name: "ActorGraphCLITests", dependencies: ["ActorRecognition"]),
    ],
    swiftLanguageModes: [.v6]
)
