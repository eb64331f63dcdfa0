import ShareSimCore
import Testing

@Suite struct ByteCountTests {
    @Test func sizesReadInPowersOf1024() {
        #expect(ByteCount.parse("64M") == 67_108_864)
        #expect(ByteCount.parse("1G") == 1_073_741_824)
        #expect(ByteCount.parse("2GiB") == 2_147_483_648)
        #expect(ByteCount.parse("512k") == 524_288)
        #expect(ByteCount.parse("1.5G") == 1_610_612_736)
        #expect(ByteCount.parse("4096") == 4096)
        #expect(ByteCount.parse("4096B") == 4096)
    }

    @Test func whatIsNotASizeIsRefused() {
        for text in ["", "M", "12q", "-1G", "1e3", "100", "G64", "nanM", "1..2M"] {
            #expect(ByteCount.parse(text) == nil, "\(text)")
        }
    }
}
