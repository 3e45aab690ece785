import CArgon2

/// glibc malloc settings for a process whose many threads now and then allocate large blocks (`portal serve`).
public enum HashingMemory {
    /// By default glibc raises its mmap threshold to the size of the largest block freed, so after one large block
    /// (before `Argon2Blocks`, every login's 19 MiB) later ones come from a thread's heap arena and stay there: 194 MB
    /// resident after a few logins, and kept. A fixed threshold keeps big blocks (request bodies, Argon2's memory for
    /// a stored hash of a higher cost than the pool's blocks) in mmap, returned at free; fewer arenas keep the small
    /// allocations of many worker threads from spreading over many heaps.
    public static func limitResidentMemory() {
        _ = mallopt(M_MMAP_THRESHOLD, 256 * 1024)
        _ = mallopt(M_ARENA_MAX, 2)
    }
}
