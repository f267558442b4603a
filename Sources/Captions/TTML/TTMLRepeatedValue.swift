/// The meaning of the last attribute value looked up, kept by its bytes.
///
/// Caption documents name the same region, style or speaker on paragraph
/// after paragraph; comparing the few bytes of the value with the last one is
/// cheaper than making a `String` of it and hashing that into a dictionary.
struct TTMLRepeatedValue<Value> {
    private var bytes: [UInt8] = []
    private var value: Value?

    /// What `raw` meant when it was last remembered, if it is the last value remembered.
    func lookup(_ raw: UnsafeBufferPointer<UInt8>) -> Value? {
        guard let value, raw.count == bytes.count, raw.elementsEqual(bytes) else { return nil }
        return value
    }

    /// Remembers that `raw` means `value`, forgetting the value before.
    mutating func remember(_ raw: UnsafeBufferPointer<UInt8>, as value: Value) {
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: raw)
        self.value = value
    }
}
