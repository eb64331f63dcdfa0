/// Drops the points of a polyline that lie within `tolerance` (half a pixel) of the line
/// drawn without them (Douglas–Peucker), so a long run's chart stays small: a share that
/// moves smoothly over 1,000 steps needs a few dozen points to be drawn to the pixel.
/// Iterative, with an explicit stack, so a long series cannot exhaust the call stack; the
/// kept points are the same for the same input.
enum PointThinning {
    static func thin(_ points: [(x: Double, y: Double)], tolerance: Double = 0.5) -> [(x: Double, y: Double)] {
        guard points.count > 2 else { return points }
        var keep = [Bool](repeating: false, count: points.count)
        keep[0] = true
        keep[points.count - 1] = true
        var stack = [(0, points.count - 1)]
        while let (first, last) = stack.popLast() {
            guard last > first + 1 else { continue }
            let a = points[first], b = points[last]
            let dx = b.x - a.x, dy = b.y - a.y
            let length = (dx * dx + dy * dy).squareRoot()
            var farthest = first, distance = 0.0
            for i in (first + 1)..<last {
                let p = points[i]
                let d = length > 0 ? abs(dy * (p.x - a.x) - dx * (p.y - a.y)) / length
                                   : ((p.x - a.x) * (p.x - a.x) + (p.y - a.y) * (p.y - a.y)).squareRoot()
                if d > distance { distance = d; farthest = i }
            }
            if distance > tolerance {
                keep[farthest] = true
                stack.append((farthest, last))
                stack.append((first, farthest))
            }
        }
        return points.indices.filter { keep[$0] }.map { points[$0] }
    }
}
