/// The quotation marks of the world's news styles, read from UTF-8 bytes,
/// and which marks close which.
///
/// English uses “…” and ‘…’ (and straight `"`/`'` when typed); German „…“ and
/// ‚…‘; French «…»; Danish and German books »…«; Swedish ”…”; Japanese and
/// Chinese 「…」 with 『…』 nested.
enum QuoteMark: Sendable, Hashable {
    case straightDouble      // "
    case leftDouble          // “
    case rightDouble         // ”
    case lowDouble           // „
    case reversedDouble      // ‟
    case leftGuillemet       // «
    case rightGuillemet      // »
    case straightSingle      // '
    case leftSingle          // ‘
    case rightSingle         // ’ (also the apostrophe)
    case lowSingle           // ‚
    case leftSingleGuillemet   // ‹
    case rightSingleGuillemet  // ›
    case leftCorner          // 「
    case rightCorner         // 」
    case leftWhiteCorner     // 『
    case rightWhiteCorner    // 』

    /// Marks that pair with each other. A double quote nests singles and the
    /// reverse, so the family decides what nests.
    enum Family: Sendable, Hashable { case double, single, corner, whiteCorner }

    /// The mark starting at `index` and its length in bytes, or `nil`.
    static func at(_ bytes: [UInt8], _ index: Int) -> (mark: QuoteMark, length: Int)? {
        let lead = bytes[index]
        switch lead {
        case 0x22: return (.straightDouble, 1)
        case 0x27: return (.straightSingle, 1)
        case 0xC2:
            guard index + 1 < bytes.count else { return nil }
            switch bytes[index + 1] {
            case 0xAB: return (.leftGuillemet, 2)
            case 0xBB: return (.rightGuillemet, 2)
            default: return nil
            }
        case 0xE2:
            guard index + 2 < bytes.count, bytes[index + 1] == 0x80 else { return nil }
            let mark: QuoteMark? = switch bytes[index + 2] {
            case 0x98: .leftSingle
            case 0x99: .rightSingle
            case 0x9A: .lowSingle
            case 0x9C: .leftDouble
            case 0x9D: .rightDouble
            case 0x9E: .lowDouble
            case 0x9F: .reversedDouble
            case 0xB9: .leftSingleGuillemet
            case 0xBA: .rightSingleGuillemet
            default: nil
            }
            return mark.map { ($0, 3) }
        case 0xE3:
            guard index + 2 < bytes.count, bytes[index + 1] == 0x80 else { return nil }
            let mark: QuoteMark? = switch bytes[index + 2] {
            case 0x8C: .leftCorner
            case 0x8D: .rightCorner
            case 0x8E: .leftWhiteCorner
            case 0x8F: .rightWhiteCorner
            default: nil
            }
            return mark.map { ($0, 3) }
        default:
            return nil
        }
    }

    var family: Family {
        switch self {
        case .straightDouble, .leftDouble, .rightDouble, .lowDouble, .reversedDouble, .leftGuillemet, .rightGuillemet: .double
        case .straightSingle, .leftSingle, .rightSingle, .lowSingle, .leftSingleGuillemet, .rightSingleGuillemet: .single
        case .leftCorner, .rightCorner: .corner
        case .leftWhiteCorner, .rightWhiteCorner: .whiteCorner
        }
    }

    /// Marks that only ever open a quote.
    var isOpeningOnly: Bool {
        switch self {
        case .leftDouble, .lowDouble, .reversedDouble, .leftGuillemet, .leftSingle, .lowSingle, .leftSingleGuillemet,
             .leftCorner, .leftWhiteCorner: true
        default: false
        }
    }

    /// Marks that may open a quote when the text around them says so: straight
    /// marks, and the closing marks some styles open with (Swedish ”…”, Danish »…«).
    var mayOpenByContext: Bool {
        switch self {
        case .straightDouble, .straightSingle, .rightDouble, .rightGuillemet, .rightSingleGuillemet: true
        default: false
        }
    }

    /// The marks that close a quote this mark opened. Straight and curly marks
    /// close each other, since typed text mixes them.
    var closers: [QuoteMark] {
        switch self {
        case .straightDouble: [.straightDouble, .rightDouble]
        case .leftDouble: [.rightDouble, .straightDouble]
        case .lowDouble: [.leftDouble, .rightDouble, .straightDouble]
        case .reversedDouble: [.rightDouble]
        case .rightDouble: [.rightDouble]
        case .leftGuillemet: [.rightGuillemet]
        case .rightGuillemet: [.leftGuillemet]
        case .straightSingle: [.straightSingle, .rightSingle]
        case .leftSingle: [.rightSingle, .straightSingle]
        case .lowSingle: [.leftSingle, .rightSingle]
        case .leftSingleGuillemet: [.rightSingleGuillemet]
        case .rightSingleGuillemet: [.leftSingleGuillemet]
        case .rightSingle: []
        case .leftCorner: [.rightCorner]
        case .rightCorner: []
        case .leftWhiteCorner: [.rightWhiteCorner]
        case .rightWhiteCorner: []
        }
    }

    /// Marks that double as an apostrophe (`don't`, `Ukraine’s`, `’90s`).
    var isApostrophe: Bool { self == .straightSingle || self == .rightSingle }

    /// Guillemets and corner brackets take a space inside in some styles (« Oui »).
    var allowsInnerSpace: Bool {
        switch self {
        case .leftGuillemet, .rightGuillemet, .leftSingleGuillemet, .rightSingleGuillemet,
             .leftCorner, .rightCorner, .leftWhiteCorner, .rightWhiteCorner: true
        default: false
        }
    }
}
