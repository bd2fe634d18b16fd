// claimdesk-bench: the extractor's dev loop (speed, accuracy, calibration, error lists) and the
// benchmarks. Subcommands and help in BenchCommand; the logic lives in the other files of this target.
BenchCommand.main()
