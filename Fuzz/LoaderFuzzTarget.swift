/// libFuzzer's entry point (`make fuzz`): each input goes through the loader `sharesim check`
/// uses. A crash, a hang past libFuzzer's timeout or an address-sanitizer finding stops the
/// run and leaves the input for `Fuzz/keep-findings` to add to the malformed catalogue.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
    _ = LoaderFuzzing.check(bytes)
    return 0
}
