/// An estimate of how wide a label is drawn, for placing labels without a font engine.
/// The SVG asks for DejaVu Sans, Arial or Helvetica, whose average advance is about 0.6 of
/// the font size for lower-case text; capitals and digits run wider, spaces and narrow
/// letters narrower. Over-estimating a little is the safe side: labels keep clear of each other.
enum TextWidth {
    static func of(_ text: String, size: Double) -> Double {
        var ems = 0.0
        for c in text.unicodeScalars {
            switch c {
            case "i", "l", "j", "t", "f", "r", ".", ",", ":", ";", "'", "|", "!", "(", ")", "[", "]", " ": ems += 0.33
            case "m", "w", "M", "W", "%", "@": ems += 0.9
            case "A"..."Z": ems += 0.7
            case "0"..."9": ems += 0.64
            default: ems += 0.6
            }
        }
        return ems * size
    }
}
