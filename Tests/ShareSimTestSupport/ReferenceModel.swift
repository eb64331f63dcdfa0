import Foundation
import ShareSimCore

/// MODEL.md transcribed as literally as possible, with none of the engine's
/// optimisations (dense schedules, reuse of unchanged shares, columnar buffers). Tests run
/// both on the same scenarios; agreement says the fast engine computes the model.
public enum ReferenceModel {
    public struct Row: Equatable {
        public var installedShare, salesShare, installed, sales: Double
    }

    /// Rows keyed by "step|segment|vendor".
    public static func run(_ sc: ResolvedScenario) -> [String: Row] {
        let dt = sc.timeline.step.years
        var out: [String: Row] = [:]
        for seg in sc.segments {
            let vs = sc.vendors.filter { seg.initial[$0.id] != nil || seg.appeal[$0.id] != nil }.map(\.id)
            func series(_ field: ChangeField, vendor: String?, buyer: String?, initial: Double) -> [Double] {
                var values = [Double](repeating: initial, count: sc.timeline.steps)
                for c in sc.changes where c.segment == seg.id && c.field == field && c.vendor == vendor
                    && (c.buyer == nil || c.buyer == buyer) {
                    let p = c.at == 0 ? initial : values[c.at - 1]
                    for k in c.at..<sc.timeline.steps {
                        let i = k - c.at
                        values[k] = i < c.over ? p + (c.value - p) * Double(i + 1) / Double(c.over) : c.value
                    }
                }
                return values
            }
            let growth = series(.growth, vendor: nil, buyer: nil, initial: seg.growth)
            let shift = Dictionary(uniqueKeysWithValues: vs.map { ($0, series(.shift, vendor: $0, buyer: nil, initial: 0)) })
            let trend = Dictionary(uniqueKeysWithValues: vs.map { ($0, series(.trend, vendor: $0, buyer: nil, initial: 0)) })
            var access: [String: [String: [Double]]] = [:]
            for v in vs {
                for b in seg.buyers { access[v, default: [:]][b.id] = series(.access, vendor: v, buyer: b.id, initial: 1) }
            }
            let r = min(1, dt / seg.lifetime)
            var I = Dictionary(uniqueKeysWithValues: vs.map { ($0, (seg.initial[$0] ?? 0) * seg.size) })
            var c = Dictionary(uniqueKeysWithValues: vs.map { ($0, 0.0) })
            for k in 0..<sc.timeline.steps {
                let u = Dictionary(uniqueKeysWithValues: vs.map { v in
                    let sigma = seg.initial[v] ?? 0
                    let alpha = sigma > 0 ? log(sigma) : seg.appeal[v]!
                    return (v, alpha + shift[v]![k] + c[v]!)
                })
                let m = vs.map { u[$0]! }.max()!
                var n = Dictionary(uniqueKeysWithValues: vs.map { ($0, 0.0) })
                for b in seg.buyers {
                    let A = vs.map { access[$0]![b.id]![k] * exp(u[$0]! - m) }
                    let total = A.reduce(0, +)
                    guard total > 0 else { continue }
                    for (j, v) in vs.enumerated() { n[v]! += b.weight * (A[j] / total) }
                }
                let totalI = vs.reduce(0) { $0 + I[$1]! }
                let g = pow(1 + growth[k], dt) - 1
                let N = max(0, (r + g) * totalI)
                let totalN = vs.reduce(0) { $0 + n[$1]! }
                for v in vs {
                    out["\(k)|\(seg.id)|\(v)"] = Row(installedShare: totalI > 0 ? I[v]! / totalI : 0,
                                                     salesShare: totalN > 0 ? n[v]! / totalN : 0,
                                                     installed: I[v]!, sales: N * n[v]!)
                }
                for v in vs {
                    I[v] = (1 - r) * I[v]! + N * n[v]!
                    c[v]! += trend[v]![k] * dt
                }
            }
        }
        return out
    }
}
