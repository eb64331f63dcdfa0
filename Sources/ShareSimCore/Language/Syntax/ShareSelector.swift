/// What an `expect` or `observe` line adds up, in one of MODEL.md's views: vendors by
/// name (`Huawei, ZTE`, `all`) or by brand origin (`origin US, EU`), routes (`via
/// "HK intermediaries", direct`) or what customs records (`recorded origin CN, HK`).
package enum ShareSelector: Sendable, Equatable {
    case vendors(VendorSelector)
    case channels([Name])
    case recordedOrigins([Name])
}
