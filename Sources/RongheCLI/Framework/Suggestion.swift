/// Finds the declared name a mistyped word most likely meant, for "did you mean …?" hints.
enum Suggestion {
    /// The candidate closest to `word`, or `nil` when none is close enough to be a likely typo.
    ///
    /// Close enough: an edit distance (insertions, deletions, substitutions and swaps of neighbours)
    /// of at most a third of the candidate's length, at least 1; or `word` being the start of exactly
    /// one candidate. Ties go to the candidate declared first.
    static func closest(to word: String, among candidates: [String]) -> String? {
        guard !word.isEmpty else { return nil }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(word, candidate)
            guard distance <= max(1, candidate.count / 3) else { continue }
            if best == nil || distance < best!.distance {
                best = (candidate, distance)
            }
        }
        if let best { return best.candidate }
        let extensions = candidates.filter { $0.hasPrefix(word) }
        return word.count >= 2 && extensions.count == 1 ? extensions[0] : nil
    }

    /// The optimal-string-alignment distance between two words: how many single-character
    /// insertions, deletions, substitutions and swaps of adjacent characters turn one into the other.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // distance[i][j]: between the first i characters of a and the first j of b.
        var distance = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { distance[i][0] = i }
        for j in 0...b.count { distance[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(distance[i - 1][j] + 1, distance[i][j - 1] + 1, distance[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, distance[i - 2][j - 2] + 1)
                }
                distance[i][j] = value
            }
        }
        return distance[a.count][b.count]
    }
}
