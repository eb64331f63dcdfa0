import ShareSimCore

/// The figures as one JSON line, for scripts that track them over time.
enum BenchJSON {
    static func line(changing: EngineBench, steady: EngineBench, routed: EngineBench, smallRuns: SmallRunBench?, numpy: NumpyBench?,
                     processes: ProcessBench?, reports: ProcessBench?, chart: ChartBench?, sensitivity: SensitivityBench?, batch: BatchBench?,
                     failures: [String]) -> String {
        var fields: [(String, JSONValue)] = [
            ("vendor_steps", .int(changing.vendorSteps)),
            ("engine_changing", engine(changing)),
            ("engine_steady", engine(steady)),
            ("engine_routed", engine(routed)),
            ("engine_repeatable", .bool(changing.repeatable && steady.repeatable && routed.repeatable)),
        ]
        if let smallRuns {
            func batches(_ seconds: Sample) -> JSONValue {
                .object([
                    ("best_runs_per_second", .number(SmallRunBench.bestRate(seconds))),
                    ("median_runs_per_second", .number(SmallRunBench.medianRate(seconds))),
                ])
            }
            fields.append(("small_runs", .object([
                ("scenario", .string(SmallRunBench.scenario)),
                ("vendor_steps_per_run", .int(smallRuns.vendorSteps)),
                ("batches", .int(smallRuns.workspace.count)),
                ("runs_per_batch", .int(SmallRunBench.runsPerBatch)),
                ("workspace", batches(smallRuns.workspace)),
                ("workspace_page_faults_per_batch", .int(smallRuns.workspacePageFaults)),
                ("fresh", batches(smallRuns.fresh)),
            ])))
        }
        if let numpy {
            fields.append(("numpy", .object([
                ("runs", .int(numpy.seconds.count)),
                ("best_seconds", .number(numpy.seconds.best)),
                ("median_seconds", .number(numpy.seconds.median)),
                ("best_vendor_steps_per_second", .number(numpy.bestRate)),
                ("median_vendor_steps_per_second", .number(numpy.medianRate)),
                ("engine_over_numpy_best", .number(changing.bestRate / numpy.bestRate)),
                ("engine_over_numpy_median", .number(changing.medianRate / numpy.medianRate)),
                ("max_abs_diff_installed_share", .number(numpy.maxInstalledShareDifference)),
                ("max_abs_diff_sales_share", .number(numpy.maxSalesShareDifference)),
                ("agrees", .bool(numpy.agrees)),
            ])))
        }
        if let processes { fields.append(("process_ms", milliseconds(processes))) }
        if let reports { fields.append(("report_ms", milliseconds(reports))) }
        if let chart {
            fields.append(("chart_svg", .object([("scenario", .string(ChartBench.scenario)), ("bytes", .int(chart.bytes)),
                                                 ("path_points", .int(chart.pathPoints)), ("values", .int(chart.dataPoints))])))
        }
        if let sensitivity {
            func rates(_ f: SensitivityBench.Figure) -> JSONValue {
                .object([("runs", .int(f.runs)), ("best_runs_per_second", .number(f.bestRate)), ("median_runs_per_second", .number(f.medianRate))])
            }
            fields.append(("sensitivity", .object([("scenario", .string(SensitivityBench.scenario)), ("analyses", .int(sensitivity.parameters.seconds.count)),
                                                   ("parameters", rates(sensitivity.parameters)), ("assumptions", rates(sensitivity.assumptions))])))
        }
        if let batch {
            fields.append(("montecarlo_batch", .object([("scenario", .string(BatchBench.scenario)), ("runs", .int(batch.runs)),
                                                        ("wall_seconds", .number(batch.seconds)), ("cpu_seconds", .number(batch.cpuSeconds)),
                                                        ("peak_resident_bytes", .number(batch.peakBytes))])))
        }
        fields.append(("failures", .array(failures.map { .string($0) })))
        return JSONValue.object(fields).compact
    }

    private static func milliseconds(_ bench: ProcessBench) -> JSONValue {
        .object(bench.figures.map { figure in
            (figure.scenario, .object([
                ("runs", .int(figure.seconds.count)),
                ("median", .number(figure.seconds.median * 1e3)),
                ("p90", .number(figure.seconds.percentile(90) * 1e3)),
            ]))
        })
    }

    private static func engine(_ bench: EngineBench) -> JSONValue {
        .object([
            ("runs", .int(bench.seconds.count)),
            ("best_seconds", .number(bench.seconds.best)),
            ("median_seconds", .number(bench.seconds.median)),
            ("best_vendor_steps_per_second", .number(bench.bestRate)),
            ("median_vendor_steps_per_second", .number(bench.medianRate)),
            ("page_faults_per_run", .int(bench.pageFaults)),
        ])
    }
}
