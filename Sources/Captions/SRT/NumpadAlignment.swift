/// One of the nine screen positions of the ASS `{\anN}` override that SRT
/// files borrow, numbered like a numeric keypad: 1-3 along the bottom, 4-6 in
/// the middle, 7-9 at the top; left, centre and right in each row.
///
/// Each position maps to WebVTT cue settings as follows (the reader's
/// mapping; the writer maps settings back to the nearest position):
///
/// | N | row | `line` | `lineAlign` | `align` |
/// | --- | --- | --- | --- | --- |
/// | 1, 2, 3 | bottom | `auto` | `start` | `left`, `center`, `right` |
/// | 4, 5, 6 | middle | `50%` | `center` | `left`, `center`, `right` |
/// | 7, 8, 9 | top | `0` (first line) | `start` | `left`, `center`, `right` |
///
/// `{\an2}` is therefore the default settings. `left` and `right` (not
/// `start` and `end`) keep the position on the same side of the screen
/// whatever the text direction, as the numpad does.
struct NumpadAlignment: Sendable, Hashable {
    /// The keypad number, 1 to 9.
    let number: Int

    /// The position numbered `number`, or `nil` outside 1 to 9.
    init?(number: Int) {
        guard (1...9).contains(number) else { return nil }
        self.number = number
    }

    /// The position of a legacy SSA `{\aN}` override, which numbers the rows
    /// differently: 1-3 bottom, 5-7 top, 9-11 middle.
    init?(legacyNumber: Int) {
        switch legacyNumber {
        case 1...3: self.number = legacyNumber
        case 5...7: self.number = legacyNumber + 2
        case 9...11: self.number = legacyNumber - 5
        default: return nil
        }
    }

    private enum Row { case bottom, middle, top }
    private enum Column { case left, center, right }

    private var row: Row { number <= 3 ? .bottom : number <= 6 ? .middle : .top }
    private var column: Column { [.left, .center, .right][(number - 1) % 3] }

    /// The cue settings of this position.
    var settings: CueSettings {
        var settings = CueSettings()
        switch row {
        case .bottom: break
        case .middle:
            settings.line = .percentage(50)
            settings.lineAlign = .center
        case .top:
            settings.line = .number(0)
        }
        switch column {
        case .left: settings.align = .left
        case .center: break
        case .right: settings.align = .right
        }
        return settings
    }

    /// The position nearest to what `settings` show, and whether the settings
    /// are exactly that position's (so nothing else is lost in writing it).
    ///
    /// The row comes from `line` (`auto` or a negative line number is the
    /// bottom, a line number of zero or more the top, a percentage by thirds of
    /// the screen); the column from `position` by thirds when it is set, and
    /// otherwise from `align`.
    static func nearest(to settings: CueSettings) -> (alignment: NumpadAlignment, isExact: Bool) {
        let row: Row
        switch settings.line {
        case .auto: row = .bottom
        case .number(let n): row = n < 0 ? .bottom : .top
        case .percentage(let p): row = p < 100.0 / 3 ? .top : p > 200.0 / 3 ? .bottom : .middle
        }
        let column: Column
        if let position = settings.position {
            column = position < 100.0 / 3 ? .left : position > 200.0 / 3 ? .right : .center
        } else {
            switch settings.align {
            case .left, .start: column = .left
            case .center: column = .center
            case .right, .end: column = .right
            }
        }
        let rowBase = switch row { case .bottom: 0; case .middle: 3; case .top: 6 }
        let columnOffset = switch column { case .left: 1; case .center: 2; case .right: 3 }
        let alignment = NumpadAlignment(number: rowBase + columnOffset) ?? NumpadAlignment.bottomCenter
        return (alignment, alignment.settings == settings)
    }

    /// `{\an2}`, the default position.
    static let bottomCenter = NumpadAlignment(uncheckedNumber: 2)

    private init(uncheckedNumber: Int) { self.number = uncheckedNumber }
}
