/// A column of a table: how narrow it may get, how wide it likes to be, and how much it
/// matters when the terminal is too narrow for all of them.
public struct ColumnSpec: Hashable, Sendable {
    public var id: String
    public var minWidth: Int
    public var idealWidth: Int
    /// Lower priorities are dropped first when even the minimum widths do not fit.
    public var priority: Int
    /// The column that takes what is left (the title).
    public var flexible: Bool

    public init(_ id: String, min: Int, ideal: Int, priority: Int, flexible: Bool = false) {
        self.id = id
        minWidth = min
        idealWidth = ideal
        self.priority = priority
        self.flexible = flexible
    }
}

/// A column placed on screen.
public struct PlacedColumn: Hashable, Sendable {
    public var id: String
    public var x: Int
    public var width: Int
}

/// Fits columns into a width: drops the least important until the minimums fit, grows
/// the most important toward their ideal, gives the rest to the flexible column.
public enum ColumnLayout {
    public static func place(_ specs: [ColumnSpec], width: Int, gap: Int = 1) -> [PlacedColumn] {
        var included = specs
        func need(_ columns: [ColumnSpec]) -> Int {
            columns.reduce(0) { $0 + $1.minWidth } + gap * max(0, columns.count - 1)
        }
        while need(included) > width, let drop = included.min(by: { $0.priority < $1.priority }) {
            included.removeAll { $0.id == drop.id }
        }
        var widths = included.map(\.minWidth)
        var spare = width - need(included)
        for index in included.indices.sorted(by: { included[$0].priority > included[$1].priority }) where spare > 0 {
            guard !included[index].flexible else { continue }
            let grow = min(spare, included[index].idealWidth - widths[index])
            if grow > 0 {
                widths[index] += grow
                spare -= grow
            }
        }
        if spare > 0, let flex = included.firstIndex(where: \.flexible) {
            widths[flex] += spare
        } else if spare > 0, !widths.isEmpty {
            widths[widths.count - 1] += spare
        }
        var x = 0
        var placed: [PlacedColumn] = []
        for (index, spec) in included.enumerated() {
            placed.append(PlacedColumn(id: spec.id, x: x, width: widths[index]))
            x += widths[index] + gap
        }
        return placed
    }
}
