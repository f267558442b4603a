extension CueTokenizer {
    /// A cue's nodes without their first `count` tokens (as ``tokens(of:)``
    /// counts them) and the white space around them, markup kept for the rest.
    ///
    /// Used to cut the repeated lines off roll-up cues. Spans left with no
    /// children are removed, as are timestamps and ruby annotations inside
    /// the cut. The tree is walked with an explicit stack, so nesting depth
    /// cannot exhaust the call stack.
    ///
    /// - Parameters:
    ///   - count: how many tokens to remove; `0` only trims white space.
    ///   - nodes: the cue's content.
    /// - Returns: the remaining content, without leading or trailing white space.
    static func removingLeadingTokens(_ count: Int, from nodes: [CueNode]) -> [CueNode] {
        struct Frame {
            var span: CueSpan?
            var input: [CueNode]
            var next = 0
            var output: [CueNode] = []
        }
        var cutter = LeadingTokenCutter(remaining: count)
        var stack = [Frame(span: nil, input: nodes)]
        while true {
            let top = stack.count - 1
            guard stack[top].next < stack[top].input.count else {
                let frame = stack.removeLast()
                guard var span = frame.span else { return trimmingTrailingWhiteSpace(frame.output) }
                if !frame.output.isEmpty {
                    span.children = frame.output
                    stack[stack.count - 1].output.append(.span(span))
                }
                continue
            }
            let node = stack[top].input[stack[top].next]
            stack[top].next += 1
            if cutter.isDone {
                stack[top].output.append(node)
                continue
            }
            switch node {
            case .text(let text):
                if let kept = cutter.cut(text) { stack[top].output.append(.text(kept)) }
            case .timestamp:
                continue
            case .span(let span):
                guard span.kind != .rubyText else { continue }
                stack.append(Frame(span: span, input: span.children))
            }
        }
    }

    /// Removes white space at the end of the last top-level text nodes.
    private static func trimmingTrailingWhiteSpace(_ nodes: [CueNode]) -> [CueNode] {
        var nodes = nodes
        while case .text(let text)? = nodes.last {
            let bytes = Array(text.utf8)
            var end = bytes.count
            while end > 0 {
                if end >= 2, whiteSpaceLength(bytes, at: end - 2) == 2 {
                    end -= 2
                } else if whiteSpaceLength(bytes, at: end - 1) == 1 {
                    end -= 1
                } else {
                    break
                }
            }
            nodes.removeLast()
            if end > 0 {
                nodes.append(.text(String(decoding: bytes[..<end], as: UTF8.self)))
                break
            }
        }
        return nodes
    }
}

/// Counts tokens off the front of a cue's text, one text node at a time.
private struct LeadingTokenCutter {
    /// Tokens still to remove.
    var remaining: Int
    /// Inside a token being removed (tokens run on across markup).
    var inToken = false
    /// The first kept token has been reached: everything from here on stays.
    var isDone = false

    /// Removes what is to be removed from the front of `text`.
    ///
    /// - Returns: the part of `text` to keep, or `nil` when all of it goes.
    mutating func cut(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            let space = CueTokenizer.whiteSpaceLength(bytes, at: i)
            if space > 0 {
                inToken = false
                i += space
                continue
            }
            if !inToken {
                if remaining == 0 {
                    isDone = true
                    return String(decoding: bytes[i...], as: UTF8.self)
                }
                remaining = max(0, remaining - (CueTokenizer.startsGluedArrows(bytes, at: i) ? 2 : 1))
                inToken = true
            }
            i += 1
        }
        return nil
    }
}
