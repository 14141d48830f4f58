import WanggeCore

/// One tile of the map: a street, a community or a grid, at its map position.
public struct MapTile: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case street, community
        case grid(GridKind)
    }

    public var code: String
    public var name: String
    public var kind: Kind
    /// Tile column and row (from the organisation file, or the automatic layout).
    public var x: Int
    public var y: Int
    public var load: GridLoad

    /// Whether this is an exclusive grid (school, hospital, market, enterprise).
    public var isExclusive: Bool {
        if case .grid(let kind) = kind { return kind.isExclusive }
        return false
    }
}

/// The tiles of a map place, limited to the operator's scope.
public enum MapTiles {
    public static func tiles(for place: MapPlace, context: ConsoleContext, loads: [String: GridLoad]) -> [MapTile] {
        let org = context.organisation
        let grids = org.grids.filter { visible($0.code, context) }
        func load(ofGrids codes: [Grid]) -> GridLoad {
            codes.reduce(GridLoad()) { $0 + (loads[$1.code] ?? GridLoad()) }
        }
        var tiles: [MapTile] = []
        var positioned = true
        switch place {
        case .county:
            for street in org.streets {
                let inside = grids.filter { org.place(ofGrid: $0.code)?.street == street.code }
                guard !inside.isEmpty else { continue }
                tiles.append(MapTile(code: street.code, name: street.name, kind: .street, x: 0, y: 0, load: load(ofGrids: inside)))
            }
            positioned = false
        case .street(let code):
            for community in org.communities where community.street == code {
                let inside = grids.filter { $0.community == community.code }
                guard !inside.isEmpty else { continue }
                if community.position == nil { positioned = false }
                tiles.append(MapTile(
                    code: community.code, name: community.name, kind: .community,
                    x: community.position?.x ?? 0, y: community.position?.y ?? 0, load: load(ofGrids: inside)))
            }
        case .community(let code):
            for grid in grids where grid.community == code {
                if grid.position == nil { positioned = false }
                tiles.append(MapTile(
                    code: grid.code, name: grid.name, kind: .grid(grid.kind),
                    x: grid.position?.x ?? 0, y: grid.position?.y ?? 0, load: loads[grid.code] ?? GridLoad()))
            }
        }
        if !positioned || hasCollisions(tiles) { autoLayout(&tiles) }
        return tiles
    }

    /// Whether the operator may see the grid on the map.
    static func visible(_ grid: String, _ context: ConsoleContext) -> Bool {
        switch context.person.scope {
        case .unit, .county: true
        default: Permissions.inScope(context.person.scope, grid: grid, organisation: context.organisation)
        }
    }

    /// Rows of tiles, about as wide as high, in the order given.
    static func autoLayout(_ tiles: inout [MapTile]) {
        var columns = 1
        while columns * columns < tiles.count { columns += 1 }
        for index in tiles.indices {
            tiles[index].x = index % columns
            tiles[index].y = index / columns
        }
    }

    static func hasCollisions(_ tiles: [MapTile]) -> Bool {
        var seen = Set<Int>()
        for tile in tiles where !seen.insert(tile.y * 10_000 + tile.x).inserted { return true }
        return false
    }

    /// The tile to move to from `index` in a direction (dx, dy): the nearest one that
    /// lies that way, preferring tiles in the same row or column.
    static func neighbour(of index: Int, dx: Int, dy: Int, in tiles: [MapTile]) -> Int {
        guard tiles.indices.contains(index) else { return 0 }
        let from = tiles[index]
        var best: (index: Int, score: Int)?
        for (candidateIndex, tile) in tiles.enumerated() where candidateIndex != index {
            let ax = tile.x - from.x, ay = tile.y - from.y
            let along = dx != 0 ? ax * dx : ay * dy
            let across = dx != 0 ? abs(ay) : abs(ax)
            guard along > 0 else { continue }
            let score = along + across * 3
            if best == nil || score < best!.score { best = (candidateIndex, score) }
        }
        return best?.index ?? index
    }
}
