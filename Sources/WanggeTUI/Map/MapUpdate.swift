import WanggeCore

/// Keys of the map: move between tiles, drill in, back out, open a grid's queue.
enum MapUpdate {
    static func handle(_ intent: Intent, _ state: inout ConsoleState) -> [ConsoleEffect] {
        let tiles = MapTiles.tiles(for: state.map.place, context: state.context, loads: state.map.loads)
        switch intent {
        case .left: state.map.cursor = MapTiles.neighbour(of: state.map.cursor, dx: -1, dy: 0, in: tiles)
        case .right: state.map.cursor = MapTiles.neighbour(of: state.map.cursor, dx: 1, dy: 0, in: tiles)
        case .up: state.map.cursor = MapTiles.neighbour(of: state.map.cursor, dx: 0, dy: -1, in: tiles)
        case .down: state.map.cursor = MapTiles.neighbour(of: state.map.cursor, dx: 0, dy: 1, in: tiles)
        case .open:
            guard tiles.indices.contains(state.map.cursor) else { return [] }
            let tile = tiles[state.map.cursor]
            switch tile.kind {
            case .street:
                drill(into: .street(tile.code), &state)
            case .community:
                drill(into: .community(tile.code), &state)
            case .grid:
                state.queue.filter = QueueFilter()
                state.queue.filter.grid = tile.code
                state.history.removeAll { $0 == .queue }
                state.history.append(state.screen)
                state.screen = .queue
                return QueueUpdate.restart(&state)
            }
        case .back:
            guard let last = state.map.trail.popLast() else { return ConsoleUpdate.goBack(&state) }
            state.map.place = last.place
            state.map.cursor = last.cursor
        default:
            break
        }
        return []
    }

    static func drill(into place: MapPlace, _ state: inout ConsoleState) {
        state.map.trail.append((state.map.place, state.map.cursor))
        state.map.place = place
        state.map.cursor = 0
    }
}
