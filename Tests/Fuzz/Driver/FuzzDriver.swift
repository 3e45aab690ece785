/// Hands a fuzz target's test to libFuzzer, whose driver (linked by `-sanitize=fuzzer`) then reads the command
/// line, generates inputs and reports crashes. SwiftPM makes each target's `main.swift` the program's entry point,
/// so the targets call libFuzzer's driver instead of defining `LLVMFuzzerTestOneInput` and relying on its `main`.
public enum FuzzDriver {
    public static func run(_ test: @escaping ([UInt8]) -> Void) -> Never {
        FuzzDriver.test = test
        var argc = CommandLine.argc, argv = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            FuzzDriver.test(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
            return 0
        }
        exit(status)
    }

    /// Set once, before libFuzzer starts calling it from its one thread.
    nonisolated(unsafe) private static var test: ([UInt8]) -> Void = { _ in }
}

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@_silgen_name("exit")
private func exit(_ status: CInt) -> Never
