extension CaptionFormat {
    /// The reader for this format.
    public var reader: any CaptionReading {
        switch self {
        case .srt: SRTReader()
        case .webvtt: WebVTTReader()
        case .ttml: TTMLReader()
        }
    }

    /// The writer for this format with its default options.
    public var writer: any CaptionWriting {
        switch self {
        case .srt: SRTWriter()
        case .webvtt: WebVTTWriter()
        case .ttml: TTMLWriter()
        }
    }
}

extension CaptionDocument {
    /// Reads a caption file of any supported format.
    ///
    /// - Parameters:
    ///   - bytes: the file's bytes.
    ///   - format: the format, or `nil` to detect it from the content and `file`'s extension.
    ///   - file: the file name, for diagnostics and as a format hint.
    /// - Returns: the document and the reader's warnings.
    /// - Throws: ``CaptionError`` when the format cannot be told or the file cannot be read.
    public static func read(_ bytes: [UInt8], format: CaptionFormat? = nil, file: String? = nil) throws(CaptionError) -> ReadResult {
        let ext = file.flatMap { name -> String? in
            guard let dot = name.lastIndex(of: "."), !name[dot...].contains("/") else { return nil }
            return String(name[name.index(after: dot)...])
        }
        guard let format = format ?? CaptionFormat.detect(bytes, fileExtension: ext) else {
            throw CaptionError(.invalidInput, "cannot tell the caption format: no WEBVTT signature, no TTML root, no '-->' timing line; use --from srt|vtt|ttml", at: SourceLocation(file: file, line: 1))
        }
        return try format.reader.read(bytes, file: file)
    }
}
