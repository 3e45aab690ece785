# Sourced by the scripts that build: puts the Swift toolchain on PATH. It lives in /opt/swift on this
# project's machines, and a login shell or CI may not have it on PATH. $1 names the caller in the error.
require_swift() {
    if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then
        export PATH="/opt/swift/usr/bin:$PATH"
    fi
    command -v swift >/dev/null 2>&1 || { echo "$1: the Swift 6 toolchain (swift) is not on PATH" >&2; exit 1; }
}
