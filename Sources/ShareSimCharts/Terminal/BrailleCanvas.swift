/// A grid of terminal cells drawn in Unicode braille, each cell 2 dots wide and 4 high,
/// so a line chart has four times the rows and twice the columns of the text it takes.
/// Each cell remembers which series drew in it last, for colour.
struct BrailleCanvas {
    let columns: Int
    let rows: Int
    private var dots: [UInt8]
    private(set) var owner: [Int?]

    init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
        dots = [UInt8](repeating: 0, count: columns * rows)
        owner = [Int?](repeating: nil, count: columns * rows)
    }

    var width: Int { columns * 2 }
    var height: Int { rows * 4 }

    /// The braille bit of each dot in a cell, by (x, y) within the cell (Unicode's order).
    private static let bits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    mutating func set(x: Int, y: Int, series: Int) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let cell = (y / 4) * columns + x / 2
        dots[cell] |= Self.bits[x % 2][y % 4]
        owner[cell] = series
    }

    /// A straight line between two dots (Bresenham), so steep moves read as lines.
    mutating func line(from a: (x: Int, y: Int), to b: (x: Int, y: Int), series: Int) {
        var x = a.x, y = a.y
        let dx = abs(b.x - a.x), dy = -abs(b.y - a.y)
        let sx = a.x < b.x ? 1 : -1, sy = a.y < b.y ? 1 : -1
        var err = dx + dy
        while true {
            set(x: x, y: y, series: series)
            if x == b.x && y == b.y { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x += sx }
            if e2 <= dx { err += dx; y += sy }
        }
    }

    func isEmpty(column: Int, row: Int) -> Bool { dots[row * columns + column] == 0 }

    func character(column: Int, row: Int) -> Character {
        let d = dots[row * columns + column]
        return d == 0 ? " " : Character(Unicode.Scalar(0x2800 + UInt32(d))!)
    }
}
