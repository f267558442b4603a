extension AlignmentReport {
    /// The report as the JSON `captions align --format json` prints.
    ///
    /// `quotes` lists every quotation in article order, with the contract's
    /// fields first (`text`, `speaker`, `status`, `score`, `start`, `end`,
    /// `captionText`), then where it was found (`video`, `cues`, `paragraph`),
    /// who the captions say is speaking and whether that agrees, the
    /// word-level `differences`, and every `occurrence` (the chosen first).
    /// `videos` describes each caption file, `cues` lists every spoken cue
    /// with the quotes it carries, and `article` (when there is one) lists
    /// its paragraphs with the quotes each holds. Times are seconds, with
    /// each video's offset added.
    ///
    /// - Returns: the JSON value.
    public func json() -> JSONValue {
        var root: [(String, JSONValue)] = [("quotes", .array(results.indices.map(quoteJSON)))]
        root.append(("videos", .array(videos.indices.map { index in
            let video = videos[index]
            return .object([
                ("index", .number(Double(index))),
                ("file", .string(video.file)),
                ("format", .optional(video.document.format?.rawValue)),
                ("offset", .number(video.offset.seconds)),
                ("words", .number(Double(video.words.words.count))),
                ("rollUp", .bool(video.words.isRollUp)),
            ])
        })))
        let byCue = quotesByCue
        var cues: [JSONValue] = []
        for (videoIndex, video) in videos.enumerated() {
            let speakers = cueSpeakers(video: videoIndex)
            for (index, cue) in video.document.spokenCues.enumerated() {
                cues.append(.object([
                    ("video", .number(Double(videoIndex))),
                    ("index", .number(Double(index))),
                    ("id", .string(cue.id)),
                    ("start", .seconds(time(cue.start, video: videoIndex))),
                    ("end", .seconds(cue.end.map { time($0, video: videoIndex) })),
                    ("speaker", .optional(speakers[index])),
                    ("text", .string(cue.plainText)),
                    ("quotes", .array((byCue[videoIndex][index] ?? []).map { .number(Double($0)) })),
                ]))
            }
        }
        root.append(("cues", .array(cues)))
        if let article {
            let byParagraph = quotesByParagraph
            root.append(("article", .object([
                ("headline", .optional(article.headline)),
                ("headlineQuotes", .array((byParagraph[-1] ?? []).map { .number(Double($0)) })),
                ("paragraphs", .array(article.paragraphs.enumerated().map { index, paragraph in
                    .object([
                        ("index", .number(Double(index))),
                        ("text", .string(paragraph.text)),
                        ("quotes", .array((byParagraph[index] ?? []).map { .number(Double($0)) })),
                    ])
                })),
            ])))
        } else {
            root.append(("article", .null))
        }
        return .object(root)
    }

    private func quoteJSON(_ index: Int) -> JSONValue {
        let result = results[index]
        let chosen = result.chosen
        var fields: [(String, JSONValue)] = [
            ("text", .string(result.quotation.text)),
            ("speaker", .optional(result.quotation.speaker)),
            ("status", .string(result.status.rawValue)),
            ("score", .number(Self.rounded(result.score))),
            ("start", .seconds(chosen.map { time($0.start, video: $0.video) })),
            ("end", .seconds(chosen.map { time($0.end, video: $0.video) })),
            ("captionText", .optional(chosen?.captionText)),
            ("captionSpeaker", .optional(chosen?.captionSpeaker)),
            ("speakerAgreement", .optional(chosen?.speakerAgreement.rawValue)),
            ("video", chosen.map { .number(Double($0.video)) } ?? .null),
            ("videoFile", .optional(chosen.map { videos.indices.contains($0.video) ? videos[$0.video].file : "" })),
            ("cues", .array((chosen?.cues ?? []).map { .number(Double($0)) })),
        ]
        // Quotes given directly, not found in the article, have no paragraph.
        if article != nil, !result.quotation.paragraphIndices.isEmpty {
            fields.append(("paragraph", .number(Double(result.quotation.paragraphIndex))))
            fields.append(("paragraphs", .array(result.quotation.paragraphIndices.map { .number(Double($0)) })))
        } else {
            fields.append(("paragraph", .null))
        }
        fields.append(("parts", .array(result.quotation.parts.map(JSONValue.string))))
        fields.append(("differences", .array((chosen?.differences ?? []).map(Self.differenceJSON))))
        fields.append(("occurrences", .array(result.occurrences.map(occurrenceJSON))))
        return .object(fields)
    }

    private func occurrenceJSON(_ occurrence: QuoteOccurrence) -> JSONValue {
        .object([
            ("video", .number(Double(occurrence.video))),
            ("status", .string(occurrence.status.rawValue)),
            ("score", .number(Self.rounded(occurrence.score))),
            ("start", .seconds(time(occurrence.start, video: occurrence.video))),
            ("end", .seconds(time(occurrence.end, video: occurrence.video))),
            ("captionText", .string(occurrence.captionText)),
            ("captionSpeaker", .optional(occurrence.captionSpeaker)),
            ("speakerAgreement", .string(occurrence.speakerAgreement.rawValue)),
            ("cues", .array(occurrence.cues.map { .number(Double($0)) })),
        ])
    }

    private static func differenceJSON(_ difference: QuoteDifference) -> JSONValue {
        .object([
            ("op", .string(difference.kind.rawValue)),
            ("quote", .string(difference.quoted)),
            ("spoken", .string(difference.spoken)),
            ("reason", .optional(difference.reason?.rawValue)),
        ])
    }
}
