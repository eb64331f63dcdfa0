import Foundation
import ShareSimCore

/// MODEL.md (v2) transcribed as literally as possible, with none of the engine's
/// optimisations (the v1 fast path, columnar buffers, running ramps, reuse of unchanged
/// shares): every parameter is a full series built change by change, every group's and
/// channel's base a dictionary. Tests run both on the same scenarios; agreement says the
/// fast engine computes the model.
public enum ReferenceModel {
    public struct Row: Equatable {
        public var installedShare, salesShare, installed, sales: Double
    }

    /// A figure of one vendor in one channel or buyer group: installed base and purchases.
    public struct Amounts: Equatable {
        public var installed, sales: Double
    }

    public struct Result {
        /// Keyed by "step|segment|vendor".
        public var vendors: [String: Row] = [:]
        /// Keyed by "step|segment|vendor|channel".
        public var channels: [String: Amounts] = [:]
        /// Keyed by "step|segment|vendor|buyer".
        public var groups: [String: Amounts] = [:]
    }

    /// Rows keyed by "step|segment|vendor".
    public static func run(_ sc: ResolvedScenario) -> [String: Row] { runInFull(sc).vendors }

    public static func runInFull(_ sc: ResolvedScenario) -> Result {
        let dt = sc.timeline.step.years, T = sc.timeline.steps
        let channels = [Channel.direct] + sc.channels.map(\.id)
        var out = Result()
        for seg in sc.segments {
            let vs = sc.vendors.filter { seg.initial[$0.id] != nil || seg.appeal[$0.id] != nil }.map(\.id)
            /// The series of one field on one target: MODEL.md's "Parameters over time".
            func series(_ field: ChangeField, vendor: String?, buyer: String?, channel: String?, initial: Double) -> [Double] {
                var values = [Double](repeating: initial, count: T)
                let range: ClosedRange<Double> = field == .access ? 0...1 : field == .growth ? -1...Double.infinity
                    : -Double.infinity...Double.infinity
                // Each change and each ending, in order of step, ties in the order written.
                var starts: [(at: Int, order: Int, change: Change, restoring: Bool)] = []
                for (i, c) in sc.changes.enumerated() where c.segment == seg.id && c.field == field && c.vendor == vendor
                    && (c.buyer == nil || c.buyer == buyer) && (c.channel ?? Channel.direct) == (channel ?? Channel.direct) {
                    starts.append((c.at, i, c, false))
                    if let until = c.until { starts.append((until, i, c, true)) }
                }
                starts.sort { ($0.at, $0.order) < ($1.at, $1.order) }
                var before: [Int: Double] = [:]
                var lastStart = -1, lastTarget = 0.0
                for s in starts where s.at < T {
                    let p = s.at == 0 ? initial : values[s.at - 1]
                    let q = lastStart == s.at ? lastTarget : p
                    var x: Double
                    if s.restoring {
                        x = before[s.order]!
                    } else {
                        before[s.order] = p
                        switch s.change.operation {
                        case .to: x = s.change.value
                        case .by: x = q + s.change.value
                        case .times: x = q * s.change.value
                        }
                    }
                    x = min(max(x, range.lowerBound), range.upperBound)
                    lastStart = s.at
                    lastTarget = x
                    for k in s.at..<T {
                        let i = k - s.at
                        values[k] = i < s.change.over - 1 ? p + (x - p) * Double(i + 1) / Double(s.change.over) : x
                    }
                }
                return values
            }
            let growth = series(.growth, vendor: nil, buyer: nil, channel: nil, initial: seg.growth)
            var shift: [String: [Double]] = [:], trend: [String: [Double]] = [:]
            var friction: [String: [String: [Double]]] = [:], access: [String: [String: [String: [Double]]]] = [:]
            for v in vs {
                shift[v] = series(.shift, vendor: v, buyer: nil, channel: nil, initial: 0)
                trend[v] = series(.trend, vendor: v, buyer: nil, channel: nil, initial: 0)
                for c in channels {
                    let channel = c == Channel.direct ? nil : c
                    friction[v, default: [:]][c] = series(.friction, vendor: v, buyer: nil, channel: channel, initial: 0)
                    for b in seg.buyers {
                        access[v, default: [:]][c, default: [:]][b.id] =
                            series(.access, vendor: v, buyer: b.id, channel: channel, initial: channel == nil ? 1 : 0)
                    }
                }
            }
            let r = min(1, dt / seg.lifetime)
            var D = seg.size
            var I: [String: [String: Double]] = [:]   // vendor → buyer → base
            var IC: [String: [String: Double]] = [:]  // vendor → channel → base
            for v in vs {
                for b in seg.buyers { I[v, default: [:]][b.id] = b.weight * (seg.initial[v] ?? 0) * seg.size }
                for c in channels { IC[v, default: [:]][c] = 0 }
                IC[v]![Channel.direct] = seg.buyers.reduce(0) { $0 + I[v]![$1.id]! }
            }
            var kappa = Dictionary(uniqueKeysWithValues: vs.map { ($0, 0.0) })
            for k in 0..<T {
                let u = Dictionary(uniqueKeysWithValues: vs.map { v in
                    let sigma = seg.initial[v] ?? 0
                    return (v, (sigma > 0 ? log(sigma) : seg.appeal[v]!) + shift[v]![k] + kappa[v]!)
                })
                let m = vs.map { u[$0]! }.max()!
                let g = pow(1 + growth[k], dt) - 1
                let nextD = D * (1 + g)
                var P: [String: [String: Double]] = [:], PC: [String: [String: Double]] = [:]
                for v in vs { for c in channels { PC[v, default: [:]][c] = 0 } }
                for b in seg.buyers {
                    var served: [String: [String: Double]] = [:], R: [String: Double] = [:]
                    for v in vs {
                        var rest = 1.0
                        R[v] = 0
                        for c in channels {
                            let a = access[v]![c]![b.id]![k]
                            served[v, default: [:]][c] = a * rest * exp(friction[v]![c]![k])
                            rest *= 1 - a
                            R[v]! += served[v]![c]!
                        }
                    }
                    let A = vs.map { R[$0]! * exp(u[$0]! - m) }
                    let total = A.reduce(0, +)
                    let held = vs.reduce(0) { $0 + I[$1]![b.id]! }
                    let N = total > 0 ? max(0, b.weight * nextD - (1 - r) * held) : 0
                    for (j, v) in vs.enumerated() {
                        let p = total > 0 ? N * A[j] / total : 0
                        P[v, default: [:]][b.id] = p
                        for c in channels where p > 0 { PC[v]![c]! += p * served[v]![c]! / R[v]! }
                    }
                }
                let totalI = vs.reduce(0) { s, v in s + seg.buyers.reduce(0) { $0 + I[v]![$1.id]! } }
                let totalP = vs.reduce(0) { s, v in s + seg.buyers.reduce(0) { $0 + P[v]![$1.id]! } }
                for v in vs {
                    let installed = seg.buyers.reduce(0) { $0 + I[v]![$1.id]! }
                    let sales = seg.buyers.reduce(0) { $0 + P[v]![$1.id]! }
                    out.vendors["\(k)|\(seg.id)|\(v)"] = Row(installedShare: totalI > 0 ? installed / totalI : 0,
                                                             salesShare: totalP > 0 ? sales / totalP : 0,
                                                             installed: installed, sales: sales)
                    for c in channels { out.channels["\(k)|\(seg.id)|\(v)|\(c)"] = Amounts(installed: IC[v]![c]!, sales: PC[v]![c]!) }
                    for b in seg.buyers {
                        out.groups["\(k)|\(seg.id)|\(v)|\(b.id)"] = Amounts(installed: I[v]![b.id]!, sales: P[v]![b.id]!)
                    }
                }
                for v in vs {
                    for b in seg.buyers { I[v]![b.id] = (1 - r) * I[v]![b.id]! + P[v]![b.id]! }
                    for c in channels { IC[v]![c] = (1 - r) * IC[v]![c]! + PC[v]![c]! }
                    kappa[v]! += trend[v]![k] * dt
                }
                D = nextD
            }
        }
        return out
    }
}
