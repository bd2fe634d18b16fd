/// Inter-annotator agreement statistics on nominal labels (docs/ARCHITECTURE.md "Scoring definitions"): values equal
/// scikit-learn's `cohen_kappa_score` and the `krippendorff` package's nominal α on the same data.
///
/// Formulas are arranged so that everything up to the last division is integer arithmetic
/// (κ) or a single sum of fractions (α), keeping results within 1e-12 of those references.
public enum Agreement {
    /// Share of items on which `a` and `b` give the same label; nil when the lists are empty or
    /// of different lengths (they must label the same items in the same order).
    public static func observedAgreement(_ a: [String], _ b: [String]) -> Double? {
        guard a.count == b.count, !a.isEmpty else { return nil }
        let same = zip(a, b).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
        return Double(same) / Double(a.count)
    }

    /// Cohen's κ of two annotators over the same items, `(p_o − p_e) / (1 − p_e)`.
    ///
    /// Computed as scikit-learn does, `1 − Σ_{i≠j} C_ij / Σ_{i≠j} E_ij`, which in counts is
    /// `1 − n·(n − agreements) / (n² − Σ_c a_c·b_c)`. Nil when the lists are empty or of different
    /// lengths, or when chance agreement is 1 (both use one and the same label throughout), where
    /// scikit-learn returns NaN.
    public static func cohenKappa(_ a: [String], _ b: [String]) -> Double? {
        guard a.count == b.count, !a.isEmpty else { return nil }
        var countsA: [String: Int] = [:]
        var countsB: [String: Int] = [:]
        var agreements = 0
        for (x, y) in zip(a, b) {
            countsA[x, default: 0] += 1
            countsB[y, default: 0] += 1
            if x == y { agreements += 1 }
        }
        let n = a.count
        let chance = countsA.reduce(0) { $0 + $1.value * (countsB[$1.key] ?? 0) }
        let expectedDisagreement = n * n - chance
        guard expectedDisagreement != 0 else { return nil }
        return 1 - Double(n * (n - agreements)) / Double(expectedDisagreement)
    }

    /// Krippendorff's α for nominal data; `units` are items × coders, nil where a coder gave no
    /// label. Nil when no unit has two labels or when expected disagreement is 0.
    public static func krippendorffAlphaNominal(_ units: [[String?]]) -> Double? {
        krippendorffNominal(units)?.alpha
    }

    /// Krippendorff's α (nominal) with observed and expected agreement.
    ///
    /// With m_u values in unit u and n_uc of them equal to c, only units with m_u ≥ 2 count:
    /// `D_o = Σ_u (m_u² − Σ_c n_uc²) / (m_u − 1)`, `n = Σ_u m_u`, `n_c = Σ_u n_uc`,
    /// `D_e = (n² − Σ_c n_c²) / (n − 1)`, `α = 1 − D_o / D_e` — the coincidence-matrix definition
    /// with δ = 1 between different labels. Nil when no unit has two labels.
    public static func krippendorffNominal(_ units: [[String?]]) -> KrippendorffAlpha? {
        var totals: [String: Int] = [:]
        var observedDisagreement = 0.0
        var pairableUnits = 0
        var n = 0
        var unitCounts: [String: Int] = [:]
        for unit in units {
            unitCounts.removeAll(keepingCapacity: true)
            var m = 0
            for case let value? in unit {
                unitCounts[value, default: 0] += 1
                m += 1
            }
            guard m >= 2 else { continue }
            pairableUnits += 1
            n += m
            var sameOrdered = 0
            for (value, count) in unitCounts {
                sameOrdered += count * count
                totals[value, default: 0] += count
            }
            observedDisagreement += Double(m * m - sameOrdered) / Double(m - 1)
        }
        guard n >= 2 else { return nil }
        let sameTotal = totals.values.reduce(0) { $0 + $1 * $1 }
        let expectedDisagreement = Double(n * n - sameTotal) / Double(n - 1)
        let alpha: Double? = expectedDisagreement == 0 ? nil : 1 - observedDisagreement / expectedDisagreement
        return KrippendorffAlpha(
            alpha: alpha, observedAgreement: 1 - observedDisagreement / Double(n),
            expectedAgreement: 1 - expectedDisagreement / Double(n), pairableUnits: pairableUnits,
            pairableValues: n)
    }

    /// Pairwise κ and overall α from labels keyed by item, then by annotator.
    ///
    /// This is the shape the store gives (each review is an item, an annotator and a label).
    /// Items are visited in sorted order so that the figures are reproducible.
    public static func report(_ labels: [String: [String: String]]) -> AgreementReport {
        let items = labels.keys.sorted()
        let coders = Set(labels.values.flatMap(\.keys)).sorted()
        var pairs: [CoderPairAgreement] = []
        for (index, coderA) in coders.enumerated() {
            for coderB in coders[(index + 1)...] {
                var a: [String] = []
                var b: [String] = []
                for item in items {
                    guard let byCoder = labels[item], let x = byCoder[coderA], let y = byCoder[coderB] else { continue }
                    a.append(x)
                    b.append(y)
                }
                guard let observed = observedAgreement(a, b) else { continue }
                pairs.append(
                    CoderPairAgreement(
                        coderA: coderA, coderB: coderB, items: a.count, observedAgreement: observed,
                        kappa: cohenKappa(a, b)))
            }
        }
        let units = items.map { item in coders.map { labels[item]?[$0] } }
        let shared = units.filter { $0.compactMap { $0 }.count >= 2 }.count
        return AgreementReport(coders: coders, sharedItems: shared, pairs: pairs, krippendorff: krippendorffNominal(units))
    }
}
