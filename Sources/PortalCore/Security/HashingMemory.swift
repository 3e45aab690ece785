import CArgon2

/// glibc malloc settings for a process whose threads each allocate Argon2's 19 MiB now and then (`portal serve`).
public enum HashingMemory {
    /// By default glibc raises its mmap threshold to the size of the largest block freed, so after the first
    /// login every later 19 MiB Argon2 block comes from a thread's heap arena and stays there: 194 MB resident
    /// after a few logins, and kept. A fixed threshold keeps big blocks in mmap, returned at free; fewer arenas
    /// keep the small allocations of many worker threads from spreading over many heaps.
    public static func limitResidentMemory() {
        _ = mallopt(M_MMAP_THRESHOLD, 256 * 1024)
        _ = mallopt(M_ARENA_MAX, 2)
    }
}
