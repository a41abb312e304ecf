// Shared by every fuzz target: hands libFuzzer a C callback that runs the target's Swift body, and a check
// that stops the process (so libFuzzer records the input as a crash) when an invariant fails.
import CFuzzerDriver
#if canImport(Glibc)
import Glibc
#endif

nonisolated(unsafe) private var fuzzBody: ((UnsafeBufferPointer<UInt8>) -> Void)?

/// Runs libFuzzer with `body` as the target; never returns.
func runFuzzer(_ body: @escaping (UnsafeBufferPointer<UInt8>) -> Void) -> Never {
    fuzzBody = body
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        fuzzBody!(UnsafeBufferPointer(start: size == 0 ? nil : data, count: size))
        return 0
    }
    exit(status)
}

/// Stops the process with `message` when `condition` is false.
@inline(__always)
func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line) {
    if !condition() {
        let text = "invariant failed at \(file):\(line): \(message())\n"
        _ = text.withCString { fputs($0, stderr) }
        abort()
    }
}
