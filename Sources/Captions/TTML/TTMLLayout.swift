/// A TTML `<length>`: a number and its unit.
struct TTMLLength: Sendable, Hashable {
    /// The units TTML1 and TTML2 define for lengths.
    enum Unit: String, Sendable {
        case percent = "%", pixels = "px", cells = "c", em = "em", rootWidth = "rw", rootHeight = "rh"
    }

    var value: Double
    var unit: Unit

    /// Parses `10%`, `-2.5px`, `3c`, `1em`, `50rw`; `nil` when it is not a length.
    init?(parsing text: Substring) {
        let units: [Unit] = [.percent, .pixels, .cells, .em, .rootWidth, .rootHeight]
        guard let unit = units.first(where: { text.hasSuffix($0.rawValue) }),
              let value = Double(text.dropLast(unit.rawValue.count)), value.isFinite
        else { return nil }
        self.value = value
        self.unit = unit
    }
}

/// Two lengths, horizontal first: the value of `tts:origin` and `tts:extent`.
struct TTMLLengthPair: Sendable, Hashable {
    var horizontal: TTMLLength
    var vertical: TTMLLength

    /// Parses two whitespace-separated lengths.
    init?(parsing text: String) {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard parts.count == 2, let h = TTMLLength(parsing: parts[0]), let v = TTMLLength(parsing: parts[1]) else { return nil }
        horizontal = h
        vertical = v
    }
}

/// What lengths are measured against: the root container's pixel size
/// (`tts:extent` on `<tt>`) and its cell grid (`ttp:cellResolution`).
struct TTMLLayoutContext: Sendable {
    /// The root container's size in pixels, when the document gives it.
    var rootPixels: (width: Double, height: Double)?
    /// `ttp:cellResolution`; default 32 columns by 15 rows (TTML1 §6.2.1).
    var cellColumns: Double = 32
    var cellRows: Double = 15

    /// The length as a percentage of the root container's width (`horizontal`)
    /// or height; `nil` when it cannot be known (`em`, or pixels without a
    /// root extent).
    func percent(_ length: TTMLLength, horizontal: Bool) -> Double? {
        switch length.unit {
        case .percent: return length.value
        case .pixels:
            guard let root = rootPixels else { return nil }
            let size = horizontal ? root.width : root.height
            return size > 0 ? length.value / size * 100 : nil
        case .cells: return length.value / (horizontal ? cellColumns : cellRows) * 100
        case .rootWidth: return horizontal ? length.value : nil
        case .rootHeight: return horizontal ? nil : length.value
        case .em: return nil
        }
    }
}

/// A region's box in percentages of the root container, and how its lines
/// are placed: what a TTML region becomes in the WebVTT model.
struct TTMLRegionBox: Sendable, Hashable {
    var x: Double = 0
    var y: Double = 0
    var width: Double = 100
    var height: Double = 100
    var displayAlign: TTMLDisplayAlign = .before
    var writingMode: CueSettings.Vertical = .horizontal

    /// The box of a region with the given (computed) style; unknown lengths
    /// keep TTML's `auto` values (origin 0 0, extent of the root container).
    init(style: TTMLStyle, context: TTMLLayoutContext) {
        if let origin = style.origin {
            x = context.percent(origin.horizontal, horizontal: true) ?? 0
            y = context.percent(origin.vertical, horizontal: false) ?? 0
        }
        if let extent = style.extent {
            width = context.percent(extent.horizontal, horizontal: true) ?? 100 - x
            height = context.percent(extent.vertical, horizontal: false) ?? 100 - y
        }
        displayAlign = style.displayAlign ?? .before
        writingMode = style.writingMode ?? .horizontal
    }

    /// WebVTT cue settings that put a cue where this region shows its text.
    ///
    /// A region over the whole root container that aligns its lines to the
    /// bottom is where WebVTT puts a cue that has no position: such text gets
    /// the default settings. Otherwise, for horizontal text, the cue box spans
    /// the region's width (`position` at its left edge, `line-left`, `size`
    /// its width), and `line` is a percentage placed by `tts:displayAlign`:
    /// the region's top edge for `before`, its middle for `center`, its
    /// bottom edge (`lineAlign` end) for `after`. Vertical text swaps the
    /// axes; its line offsets are measured from the left edge.
    ///
    /// No WebVTT region is named: a cue with a `line` or `size` setting is
    /// taken out of any region anyway, and TTML regions do not scroll.
    ///
    /// - Parameter textAlign: the paragraph's `tts:textAlign`; TTML's initial value is `start`.
    func cueSettings(textAlign: CueSettings.TextAlign?) -> CueSettings {
        var settings = CueSettings()
        settings.align = textAlign ?? .start
        if isFullFrameAtBottom { return settings }
        settings.vertical = writingMode
        let vertical = writingMode != .horizontal
        let (inlineStart, inlineSize) = vertical ? (y, height) : (x, width)
        let (blockStart, blockSize) = vertical ? (x, width) : (y, height)
        var align = displayAlign
        if writingMode == .rightToLeft {
            // Right-to-left vertical lines stack from the region's right edge,
            // so its before edge is the larger offset from the left.
            align = displayAlign == .before ? .after : displayAlign == .after ? .before : .center
        }
        settings.position = TTMLRegionBox.rounded(inlineStart)
        settings.positionAlign = .lineLeft
        settings.size = TTMLRegionBox.rounded(min(100, max(0, inlineSize)))
        switch align {
        case .before:
            settings.line = .percentage(TTMLRegionBox.rounded(blockStart))
            settings.lineAlign = .start
        case .center:
            settings.line = .percentage(TTMLRegionBox.rounded(blockStart + blockSize / 2))
            settings.lineAlign = .center
        case .after:
            settings.line = .percentage(TTMLRegionBox.rounded(blockStart + blockSize))
            settings.lineAlign = .end
        }
        return settings
    }

    /// The region covers the root container and puts its lines at the bottom.
    var isFullFrameAtBottom: Bool {
        x == 0 && y == 0 && width == 100 && height == 100 && displayAlign == .after && writingMode == .horizontal
    }

    /// The region a writer gives a cue so that reading it back yields the
    /// cue's settings: the inverse of ``cueSettings(textAlign:)``.
    ///
    /// WebVTT's default placement becomes the full-frame region with its
    /// lines at the bottom. Otherwise the region spans the cue box across
    /// (from `position`, `positionAlign` and `size`, with WebVTT's `auto`
    /// rules) and, in the line direction, reaches from the cue's `line` to
    /// the far edge of the frame on the side `lineAlign` grows towards. Line
    /// numbers (snap-to-lines) count rows of `100 / rows` percent from the
    /// top, or from the bottom when negative.
    ///
    /// - Parameters:
    ///   - settings: the cue's settings.
    ///   - rows: the rows of the cell grid line numbers are counted in.
    init(settings: CueSettings, rows: Double = 15) {
        let vertical = settings.vertical != .horizontal
        writingMode = settings.vertical
        if !vertical, settings.line == .auto, settings.position == nil, settings.size == 100 {
            displayAlign = .after
            return
        }
        // Across: the cue box, where WebVTT's auto position depends on the alignment.
        let size = min(100, max(0, settings.size))
        let position: Double
        switch settings.align {
        case _ where settings.position != nil: position = settings.position ?? 0
        case .left, .start: position = 0
        case .right, .end: position = 100
        case .center: position = 50
        }
        var positionAlign = settings.positionAlign
        if positionAlign == .auto {
            switch settings.align {
            case .left, .start: positionAlign = .lineLeft
            case .right, .end: positionAlign = .lineRight
            case .center: positionAlign = .center
            }
        }
        var inlineStart = position
        if positionAlign == .center { inlineStart -= size / 2 }
        if positionAlign == .lineRight { inlineStart -= size }
        inlineStart = min(max(0, inlineStart), 100 - size)
        // Along the line direction.
        let row = 100 / max(1, rows)
        var line: Double
        var lineAlign = settings.lineAlign
        switch settings.line {
        case .auto:
            line = 100
            lineAlign = .end
        case .percentage(let value):
            line = value
        case .number(let value) where value >= 0:
            line = value * row
        case .number(let value):
            line = 100 + (value + 1) * row
            lineAlign = .end
        }
        line = min(100, max(0, line.isFinite ? line : 100))
        var align: TTMLDisplayAlign
        var blockStart: Double
        var blockSize: Double
        switch lineAlign {
        case .start:
            (align, blockStart, blockSize) = (.before, line, 100 - line)
        case .center:
            let half = min(line, 100 - line)
            (align, blockStart, blockSize) = (.center, line - half, 2 * half)
        case .end:
            (align, blockStart, blockSize) = (.after, 0, line)
        }
        if settings.vertical == .rightToLeft {
            align = align == .before ? .after : align == .after ? .before : .center
        }
        displayAlign = align
        if vertical {
            (x, width, y, height) = (blockStart, blockSize, inlineStart, size)
        } else {
            (x, width, y, height) = (inlineStart, size, blockStart, blockSize)
        }
    }

    /// Percentages to a thousandth, so `100/3` prints as `33.333`.
    static func rounded(_ value: Double) -> Double {
        (value * 1000).rounded() / 1000
    }
}
