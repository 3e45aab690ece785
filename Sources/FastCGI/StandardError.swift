import Glibc

/// Writes one line to stderr with write(2): the C `stderr` global is not concurrency-safe in Swift 6,
/// and these lines come from worker threads.
enum StandardError {
    static func log(_ message: String) {
        let line = Array("FastCGI: \(message)\n".utf8)
        line.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(STDERR_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}
