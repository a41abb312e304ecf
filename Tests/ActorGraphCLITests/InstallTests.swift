import Foundation
import Testing

@Suite("make install")
struct InstallTests {
    @Test("an installed binary finds its default gazetteer and patterns wherever it is installed")
    func installedBinary() throws {
        let prefix = try CLIHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: prefix) }
        let make = Process()
        make.executableURL = URL(fileURLWithPath: "/usr/bin/make")
        make.arguments = ["-s", "-C", CLIHarness.root.path, "install", "PREFIX=\(prefix.path)", "CONFIG=debug", "NOBUILD=1"]
        make.standardOutput = FileHandle.nullDevice
        try make.run()
        make.waitUntilExit()
        #expect(make.terminationStatus == 0)
        let installed = prefix.appendingPathComponent("bin/actorgraph").path
        #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent("bin/ActorGraph_ActorRecognition.resources/default.gazetteer").path))

        // Run it from an unrelated folder; it must give the same mentions as the built binary.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: installed)
        p.arguments = ["extract", CLIHarness.examples]
        p.currentDirectoryURL = URL(fileURLWithPath: "/")
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let expected = try CLIHarness.run(["extract", CLIHarness.examples])
        #expect(String(decoding: data, as: UTF8.self) == expected.stdout)
        #expect(!expected.stdout.isEmpty)
    }
}
