extension RandomAccessCollection {
    /// The first index whose element satisfies `belongsInSecondPart`, for a
    /// collection already ordered so that every such element comes after every
    /// other one (a binary search).
    ///
    /// - Complexity: O(log n).
    func partitioningIndex(where belongsInSecondPart: (Element) -> Bool) -> Index {
        var low = startIndex
        var count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if belongsInSecondPart(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
