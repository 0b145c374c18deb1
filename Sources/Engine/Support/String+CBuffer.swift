extension String {
    /// The text a C function wrote into `buffer`, up to its first NUL (or the whole buffer when
    /// it has none), with invalid UTF-8 repaired: C libraries fill fixed buffers with messages
    /// and names that are not always valid UTF-8, and not always terminated.
    init(cBuffer buffer: [CChar]) {
        self.init(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
