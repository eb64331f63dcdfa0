/// Whether an observation is fitted by `calibrate` or only checked by `test`.
public enum ObservationRole: String, Sendable {
    case fit, check
}
