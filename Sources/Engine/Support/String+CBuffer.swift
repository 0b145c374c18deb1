extension String {
    /// The text a C function wrote into `buffer`, up to its first NUL (or the whole buffer when
    /// it has none), with invalid UTF-8 repaired: C libraries fill fixed buffers with messages
    /// and names that are not always valid UTF-8, and not always terminated.
    init(cBuffer buffer: UnsafeRawBufferPointer) {
        self.init(decoding: buffer[..<(buffer.firstIndex(of: 0) ?? buffer.count)], as: UTF8.self)
    }

    /// A `[CChar]` buffer handed to a C function (see `init(cBuffer:)`).
    init(cBuffer buffer: [CChar]) {
        self = buffer.withUnsafeBytes { String(cBuffer: $0) }
    }
}
