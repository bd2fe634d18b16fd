// claimdesk-bench: the extractor's dev loop (speed, accuracy, calibration, error lists).
// Usage in BenchCommand.usage; the logic lives in the other files of this target.
import Foundation

let status = BenchCommand.run(Array(CommandLine.arguments.dropFirst()))
exit(status)
