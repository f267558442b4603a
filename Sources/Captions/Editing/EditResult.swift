/// What an edit returns: the edited document, and warnings about cues it
/// had to cut or drop (a cue moved before the start of the video, say).
public struct EditResult: Sendable {
    /// The edited document.
    public var document: CaptionDocument
    /// What the edit could not keep as it was.
    public var diagnostics: [Diagnostic]

    /// Creates a result.
    ///
    /// - Parameters:
    ///   - document: the edited document.
    ///   - diagnostics: warnings about the edit.
    public init(document: CaptionDocument, diagnostics: [Diagnostic] = []) {
        self.document = document
        self.diagnostics = diagnostics
    }
}
