/// What any face photo must respect before a provider sees it, whichever provider is configured.
public enum PhotoLimits {
    /// 4 MiB: a webcam still or a phone photo is well under it.
    public static let maximumBytes = 4 * 1024 * 1024

    /// The limit as the sentences state it ("smaller than 4 MB").
    public static var maximumMegabytes: Int { maximumBytes / (1024 * 1024) }
}
