/// Where a value set for a parameter lands in a built `RunPlan`: the one number, or the few,
/// that `RunPlan.build` derives from the figure the parameter sets. Patching them gives the
/// plan that building from the scenario with the value assigned would give, bit for bit,
/// because each is recomputed by the very expression `build` uses; and it costs a few stores
/// instead of looking up every name of the scenario again.
enum PlanPatch: BitwiseCopyable {
    /// A segment's lifetime: its replacement rate `min(1, dt / lifetime)`.
    case replacement(segment: Int)
    /// A segment's growth `γ`.
    case growth(segment: Int)
    /// A segment's size `Z`: its members' initial installed bases `σ·Z`.
    case size(segment: Int)
    /// A change's `to`, on the event it became.
    case target(event: Int)
    /// A member's base utility, where it is its appeal (it has no share above 0).
    case baseUtility(member: Int)
}

extension RunPlan {
    /// The patches for a parameter's targets in a plan built from `scenario`; nil when one of
    /// them cannot be patched: shares and buyer weights are rebalanced against the others
    /// of their segment, and an appeal of a vendor that takes no part in the segment would
    /// change who does.
    func patches(for targets: [ParameterTarget], in scenario: ResolvedScenario) -> [PlanPatch]? {
        var out: [PlanPatch] = []
        for t in targets {
            switch t {
            case .lifetime(let s): out.append(.replacement(segment: s))
            case .growth(let s): out.append(.growth(segment: s))
            case .size(let s): out.append(.size(segment: s))
            case .change(let c):
                for e in 0..<events.count where events[e].change == c { out.append(.target(event: e)) }
            case .appeal(let s, let id):
                guard let v = scenario.vendors.firstIndex(where: { $0.id == id }),
                      let m = segments[s].members.first(where: { members[$0] == v }) else { return nil }
                if !(shares[m] > 0) { out.append(.baseUtility(member: m)) }
            case .initialShare, .buyerWeight:
                return nil
            }
        }
        return out
    }

    /// Writes `value` where each patch says, as `build` would have derived it.
    mutating func apply(_ patches: UnsafeBufferPointer<PlanPatch>, _ value: Double, dt: Double) {
        for patch in patches {
            switch patch {
            case .replacement(let s): segments[s].replacement = min(1.0, dt / value)
            case .growth(let s): segments[s].growth = value
            case .size(let s):
                segments[s].size = value
                for m in segments[s].members { initial[m] = shares[m] * value }
            case .target(let e): events[e].to = value
            case .baseUtility(let m): base[m] = value
            }
        }
    }
}
