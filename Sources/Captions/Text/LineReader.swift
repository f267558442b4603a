/// Splits UTF-8 bytes into lines, treating CRLF, lone CR and lone LF each as
/// one line terminator, and reports each line's byte range and 1-based number.
///
/// Caption parsers work on bytes: a `String` split on `"\n"` does not split
/// CRLF lines at all (`"\r\n"` is one `Character`), and costs ~50x more.
public struct LineReader: Sendable {
    /// One line: the byte range of its content (terminator excluded) and its number.
    public struct Line: Sendable, Hashable {
        /// Byte offsets of the line's content in the buffer.
        public var range: Range<Int>
        /// The line number, starting at 1.
        public var number: Int
        /// `true` when the line has no bytes.
        public var isEmpty: Bool { range.isEmpty }
    }

    /// The buffer being read.
    public let bytes: [UInt8]
    /// The offset of the next unread byte.
    public private(set) var position: Int
    /// The number the next line will get.
    public private(set) var nextLineNumber: Int

    /// Creates a reader over `bytes`, skipping a UTF-8 byte order mark.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        self.position = hasBOM ? 3 : 0
        self.nextLineNumber = 1
    }

    /// `true` when every byte has been read.
    public var isAtEnd: Bool { position >= bytes.count }

    /// Reads the next line, or returns `nil` at the end of the buffer.
    ///
    /// A final line without a terminator is still a line; a buffer ending in a
    /// terminator has no empty line after it.
    public mutating func next() -> Line? {
        guard position < bytes.count else { return nil }
        let start = position
        let end = bytes.withUnsafeBufferPointer { buffer -> Int in
            var i = start
            let count = buffer.count
            // Fast path: skip eight bytes at a time while none can be CR or LF
            // (both are below 0x0E; a byte >= 0x0E in every lane means no terminator).
            while i + 8 <= count {
                let word = UnsafeRawPointer(buffer.baseAddress! + i).loadUnaligned(as: UInt64.self)
                if LineReader.mayContainTerminator(word) { break }
                i += 8
            }
            while i < count {
                let byte = buffer[i]
                if byte == 0x0A || byte == 0x0D { break }
                i += 1
            }
            return i
        }
        position = end
        if position < bytes.count {
            if bytes[position] == 0x0D, position + 1 < bytes.count, bytes[position + 1] == 0x0A {
                position += 2
            } else {
                position += 1
            }
        }
        let line = Line(range: start..<end, number: nextLineNumber)
        nextLineNumber += 1
        return line
    }

    /// Moves back to the start of `line`, a line this reader returned, so
    /// that the next call to ``next()`` returns it again.
    ///
    /// Cheaper than keeping a copy of the reader to go back to.
    public mutating func rewind(to line: Line) {
        position = line.range.lowerBound
        nextLineNumber = line.number
    }

    /// Looks at the next line without consuming it.
    public func peek() -> Line? {
        var copy = self
        return copy.next()
    }

    /// `true` when some byte of `word` is below 0x0E (so it may be CR or LF).
    @inline(__always)
    static func mayContainTerminator(_ word: UInt64) -> Bool {
        // Classic "has a byte less than n" bit trick with n = 0x0E.
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        return (word &- ones &* 0x0E) & ~word & highs != 0
    }
}

extension Array where Element == UInt8 {
    /// Decodes a byte range as UTF-8, replacing invalid sequences with U+FFFD.
    @inlinable
    public func utf8String(_ range: Range<Int>) -> String {
        self.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }
}
