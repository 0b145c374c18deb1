public enum SeedtuiVersion {
    public static let current = "0.1.0"
}
