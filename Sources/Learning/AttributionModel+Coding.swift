/// The model's bytes: a magic line, the format version, the body's length and FNV-1a checksum,
/// then the body (options, summary counts, cue words, weights, calibration), all little-endian and
/// written in sorted order, so equal models are equal bytes and any altered byte is noticed.
extension AttributionModel {
    public func encoded() -> [UInt8] {
        var body = ByteWriter()
        body.string(summary.family)
        body.string(options.base.rawValue)
        body.u64(options.seed)
        body.int(options.epochs)
        body.int(options.calibrationFolds)
        body.int(summary.documents)
        body.int(summary.attributions)
        body.int(summary.calibrationDocuments)
        let words = lexicon.sorted
        body.u32(UInt32(words.count))
        for (word, count) in words {
            body.string(word)
            body.int(count.cue)
            body.int(count.seen)
        }
        body.u32(UInt32(detector.weights.count))
        for (k, v) in zip(detector.weights.keys, detector.weights.values) {
            body.u64(k)
            body.f32(v)
        }
        body.f32(detector.proposeAbove)
        if format >= 5 { body.f32(detector.lexiconFloor) }
        body.u32(UInt32(boundaries.weights.count))
        for (k, v) in zip(boundaries.weights.keys, boundaries.weights.values) {
            body.u64(k)
            body.f32(v)
        }
        body.u32(UInt32(calibrator.bounds.count))
        for (b, v) in zip(calibrator.bounds, calibrator.values) {
            body.f64(b)
            body.f64(v)
        }
        body.f64(threshold)
        if format >= 6 { body.u8(keepsRules ? 1 : 0) }
        body.int(ReadingNet.width)
        body.int(net.rowBits)
        for row in net.rows { for j in 0..<ReadingNet.width { body.f32(row[j]) } }
        for row in [net.bias, net.output] { for j in 0..<ReadingNet.width { body.f32(row[j]) } }

        var out = ByteWriter()
        out.bytes = Self.magic
        out.u32(format)
        out.u64(UInt64(body.bytes.count))
        out.u64(FeatureHash.hash(body.bytes))
        out.bytes += body.bytes
        return out.bytes
    }

    /// Reads bytes written by `encoded()`. Anything else (truncated, altered, another format)
    /// throws; no input makes it trap.
    public init(decoding bytes: [UInt8]) throws(LearningError) {
        guard bytes.count >= Self.magic.count, Array(bytes.prefix(Self.magic.count)) == Self.magic else {
            throw .corruptModel(reason: "not a ClaimDesk model (no model header)")
        }
        var header = ByteReader(bytes, offset: Self.magic.count)
        let version = try header.u32("format version")
        guard Self.readableFormats.contains(version) else {
            throw .incompatibleModel(found: "\(Self.family)/\(version)", expected: Self.readableNames)
        }
        let length = try header.u64("body length")
        let checksum = try header.u64("checksum")
        guard length == UInt64(header.remaining) else {
            throw .corruptModel(reason: "body is \(header.remaining) bytes, header says \(length)")
        }
        let body = Array(bytes[header.offset...])
        guard FeatureHash.hash(body) == checksum else { throw .corruptModel(reason: "checksum mismatch") }

        var r = ByteReader(body)
        let family = try r.string("family")
        // The header's format under its name (format 4 under either name: the family was renamed, the
        // format was not); any other name is not a model this release reads, whatever its version says.
        guard Self.familyNames(format: version).contains(family) else {
            if Self.readableFormats.contains(where: { Self.familyNames(format: $0).contains(family) }) {
                throw .corruptModel(reason: "the header says format \(version), the body \(family)")
            }
            throw .incompatibleModel(found: family, expected: Self.readableNames)
        }
        guard let base = TrainingOptions.Base(rawValue: try r.string("base")) else {
            throw .corruptModel(reason: "unknown base")
        }
        var options = TrainingOptions()
        options.base = base
        options.seed = try r.u64("seed")
        options.epochs = try r.int("epochs")
        options.calibrationFolds = try r.int("calibration folds")
        guard options.calibrationFolds >= 2 else { throw .corruptModel(reason: "calibration folds \(options.calibrationFolds) below 2") }
        let documents = try r.int("documents")
        let attributions = try r.int("attributions")
        let calibrationDocuments = try r.int("calibration documents")
        var entries: [String: CueLexicon.CueCount] = [:]
        let wordCount = try r.count("cue words", itemSize: 20)
        var previous: String?
        for _ in 0..<wordCount {
            let word = try r.string("cue word")
            if let previous, previous >= word { throw .corruptModel(reason: "cue words out of order") }
            previous = word
            entries[word] = CueLexicon.CueCount(cue: try r.int("cue count"), seen: try r.int("seen count"))
        }
        let detectorWeights = try Self.weightTable(&r, "cue detector weights")
        let proposeAbove = Float(bitPattern: try r.u32("cue detector level"))
        guard !proposeAbove.isNaN else { throw .corruptModel(reason: "cue detector level is not a number") }
        let lexiconFloor = version >= 5 ? Float(bitPattern: try r.u32("cue lexicon floor")) : -.infinity
        guard !lexiconFloor.isNaN else { throw .corruptModel(reason: "cue lexicon floor is not a number") }
        let boundaryWeights = try Self.weightTable(&r, "boundary weights")
        let blocks = try r.count("calibration", itemSize: 16)
        var bounds: [Double] = [], probabilities: [Double] = []
        for _ in 0..<blocks {
            bounds.append(try r.f64("calibration bound"))
            let p = try r.f64("calibration value")
            guard p >= 0, p <= 1 else { throw .corruptModel(reason: "calibration value \(p) outside [0, 1]") }
            probabilities.append(p)
        }
        let threshold = try r.f64("threshold")
        var keepsRules = false
        if version >= 6 {
            switch try r.u8("keeps the rules' claims") {
            case 0: keepsRules = false
            case 1: keepsRules = true
            case let b: throw .corruptModel(reason: "keeps the rules' claims is \(b), not 0 or 1")
            }
        }
        let net = try Self.readingNet(&r)
        guard r.remaining == 0 else { throw .corruptModel(reason: "\(r.remaining) bytes after the model") }
        let lexicon = CueLexicon(entries: entries)
        self.init(
            summary: ModelSummary(family: family, base: base, seed: options.seed, epochs: options.epochs,
                                  documents: documents, attributions: attributions,
                                  features: net.featuresInUse,
                                  calibrationDocuments: calibrationDocuments, cueWords: entries.count),
            options: options, lexicon: lexicon, detector: CueDetector(weights: detectorWeights, proposeAbove: proposeAbove, lexiconFloor: lexiconFloor),
            boundaries: BoundaryChooser(weights: boundaryWeights), net: net,
            calibrator: Calibrator(bounds: bounds, values: probabilities), threshold: threshold, keepsRules: keepsRules,
            format: version)
    }

    /// The net's row width and count, its rows (bias and output after them), all finite.
    private static func readingNet(_ r: inout ByteReader) throws(LearningError) -> ReadingNet {
        let width = try r.int("net row width", max: 1024)
        let rowBits = try r.int("net row bits", max: 24)
        guard width == ReadingNet.width, rowBits >= 1 else {
            throw .corruptModel(reason: "net rows of \(width) floats, \(rowBits) row bits")
        }
        let rowCount = (1 << rowBits) + 2
        guard r.remaining >= 4 * rowCount * width else { throw .corruptModel(reason: "net is truncated") }
        var rows: [ReadingNet.Row] = []
        rows.reserveCapacity(rowCount)
        for _ in 0..<rowCount {
            var row = ReadingNet.Row()
            for j in 0..<width {
                row[j] = try r.f32("net row")
                guard row[j].isFinite else { throw .corruptModel(reason: "net weight is not finite") }
            }
            rows.append(row)
        }
        let output = rows.removeLast(), bias = rows.removeLast()
        return ReadingNet(rowBits: rowBits, rows: rows, bias: bias, output: output)
    }

    /// A sorted (hash, weight) table: strictly ascending keys, finite weights.
    private static func weightTable(_ r: inout ByteReader, _ what: String) throws(LearningError) -> WeightTable {
        let count = try r.count(what, itemSize: 12)
        var keys: [UInt64] = [], values: [Float] = []
        keys.reserveCapacity(count)
        values.reserveCapacity(count)
        for _ in 0..<count {
            let k = try r.u64("\(what) key")
            if let last = keys.last, last >= k { throw .corruptModel(reason: "\(what) out of order") }
            keys.append(k)
            values.append(try r.f32(what))
        }
        return WeightTable(keys: keys, values: values)
    }
}
