/// A `<style>` element: the styles it references and the ones it sets itself.
struct TTMLStyleDefinition: Sendable {
    /// The `style` attribute's IDREFS, in order.
    var references: [String]
    /// The element's own `tts:` attributes.
    var own: TTMLStyle
}

/// A timed change of `tts:visibility` or `tts:display`: a `<set>` element,
/// resolved to absolute media time.
struct TTMLAnimation: Sendable, Hashable {
    var begin: MediaTime
    /// `nil`: until the animated element ends.
    var end: MediaTime?
    var hidden: Bool?
    var displayNone: Bool?

    /// `true` when the animation applies at `time`.
    func isActive(at time: MediaTime) -> Bool {
        begin <= time && end.map { time < $0 } ?? true
    }
}

/// A `<region>`: layout, styles and the time it is active.
struct TTMLRegionDefinition: Sendable {
    /// The identifier; inline (TTML2) regions get a generated one.
    var id: String
    /// The `style` attribute's IDREFS.
    var references: [String] = []
    /// Nested `<style>` children, in order.
    var nested: [TTMLStyleDefinition] = []
    /// The region's own `tts:` attributes.
    var own = TTMLStyle()
    /// The computed style once resolved (at the end of `<head>`, or at once for inline regions).
    var computed = TTMLStyle()
    /// When the region is active; its implicit duration is indefinite (TTML1 §10.4).
    var begin = MediaTime.zero
    var end: MediaTime?
    /// `<set>` children.
    var animations: [TTMLAnimation] = []
    /// `true` when content was shown in it (only those become WebVTT regions).
    var isUsed = false
}

/// A `ttm:agent`: who speaks, with the `ttm:name`s it declares.
struct TTMLAgent: Sendable {
    var id: String
    var names: [(type: String, name: String)] = []

    /// The name to show: the `full` name, else given and family names, else
    /// an alias or any name, else the agent's identifier.
    var displayName: String {
        func named(_ type: String) -> String? {
            names.first { $0.type == type && !$0.name.isEmpty }?.name
        }
        if let full = named("full") { return full }
        let parts = [named("given"), named("family")].compactMap { $0 }
        if !parts.isEmpty { return parts.joined(separator: " ") }
        return named("alias") ?? names.first { !$0.name.isEmpty }?.name ?? id
    }
}

/// Everything `<head>` defines, and the resolution of referential styling.
struct TTMLDefinitions: Sendable {
    /// `<style>` elements by identifier.
    var styles: [String: TTMLStyleDefinition] = [:]
    /// Identifiers of `<style>` elements in document order (resolution order).
    var styleOrder: [String] = []
    /// Regions in document order.
    var regions: [TTMLRegionDefinition] = []
    /// Region index by identifier.
    var regionIndex: [String: Int] = [:]
    /// Agents by identifier.
    var agents: [String: TTMLAgent] = [:]
    /// `<initial>` (TTML2) values, which replace TTML's initial values.
    var initial = TTMLStyle()

    /// Each style's full set: its references' sets (later ones winning),
    /// overridden by its own attributes.
    private(set) var resolved: [String: TTMLStyle] = [:]
    /// Style identifiers that take part in a reference cycle.
    private(set) var cyclic: [String] = []
    /// Resolved `style` attribute values, so repeated references cost one lookup.
    private var referenceCache: [String: TTMLStyle] = [:]

    /// Resolves every style chain (TTML1 §8.4.1.3), without recursion so that
    /// a long chain cannot exhaust the stack; a style that references itself,
    /// directly or not, contributes its own attributes only.
    mutating func resolveStyles() {
        enum Step { case enter(String), finish(String) }
        var visiting = Set<String>()
        for root in styleOrder where resolved[root] == nil {
            var stack: [Step] = [.enter(root)]
            while let step = stack.popLast() {
                switch step {
                case .enter(let id):
                    guard resolved[id] == nil, !visiting.contains(id), let definition = styles[id] else {
                        if visiting.contains(id), !cyclic.contains(id) { cyclic.append(id) }
                        continue
                    }
                    visiting.insert(id)
                    stack.append(.finish(id))
                    for reference in definition.references.reversed() { stack.append(.enter(reference)) }
                case .finish(let id):
                    visiting.remove(id)
                    guard let definition = styles[id] else { continue }
                    resolved[id] = combined(definition.references).overridden(by: definition.own)
                }
            }
        }
    }

    /// The set a `style` attribute's references add up to: each referenced
    /// style in order, later ones overriding earlier ones. Unknown
    /// identifiers are skipped (they are reported where they are read).
    func combined(_ references: [String]) -> TTMLStyle {
        var style = TTMLStyle()
        for reference in references {
            if let resolvedStyle = resolved[reference] { style = style.overridden(by: resolvedStyle) }
        }
        return style
    }

    /// ``combined(_:)`` for a `style` attribute's raw value, memoised.
    mutating func combined(attribute value: String) -> (style: TTMLStyle, unknown: [String]) {
        if let cached = referenceCache[value] { return (cached, []) }
        let references = value.split(whereSeparator: \.isXMLWhitespace).map(String.init)
        let unknown = references.filter { resolved[$0] == nil }
        let style = combined(references)
        if referenceCache.count < 4096 { referenceCache[value] = style }
        return (style, unknown)
    }

    /// Resolves a region's style: referential, then nested, then inline
    /// styling (TTML1 §8.4.4.2), over the initial values.
    func computedStyle(of region: TTMLRegionDefinition) -> TTMLStyle {
        var style = initial.overridden(by: combined(region.references))
        for nested in region.nested {
            style = style.overridden(by: combined(nested.references).overridden(by: nested.own))
        }
        return style.overridden(by: region.own)
    }
}

extension Character {
    /// XML's whitespace characters.
    var isXMLWhitespace: Bool { self == " " || self == "\t" || self == "\n" || self == "\r" || self == "\r\n" }
}
