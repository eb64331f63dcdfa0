/// Why one part of the benchmark could not run; the other parts still report.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
