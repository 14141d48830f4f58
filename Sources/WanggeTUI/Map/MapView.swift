import WanggeCore

/// Draws the map: one tile per street, community or grid at its position, coloured by
/// load (overdue share), exclusive grids with their own border and mark.
enum MapView {
    static func render(_ state: ConsoleState, in area: Rect, glyphs: BoxGlyphs, into buffer: inout ScreenBuffer) {
        let s = state.context.strings
        let tiles = MapTiles.tiles(for: state.map.place, context: state.context, loads: state.map.loads)
        buffer.put(" " + s.mapTitle(placeName(state)), x: 0, y: area.y, maxWidth: area.width, style: Style(.title, .bold))
        buffer.put(TextFit.clip(s.mapLegend, area.width - 2), x: 1, y: area.y + area.height - 1, maxWidth: area.width - 2, style: Style(.dim))
        guard !tiles.isEmpty else { return }
        let columns = (tiles.map(\.x).max() ?? 0) + 1
        let rows = (tiles.map(\.y).max() ?? 0) + 1
        let room = Rect(x: 1, y: area.y + 1, width: area.width - 2, height: area.height - 2)
        let tileWidth = max(14, min(36, room.width / columns))
        let tileHeight = room.height / rows >= 5 ? 5 : 4
        // Scroll so that the selected tile is inside the room.
        let selected = tiles.indices.contains(state.map.cursor) ? tiles[state.map.cursor] : tiles[0]
        let fitColumns = max(1, room.width / tileWidth)
        let fitRows = max(1, room.height / tileHeight)
        let offsetColumn = selected.x < fitColumns ? 0 : selected.x - fitColumns + 1
        let offsetRow = selected.y < fitRows ? 0 : selected.y - fitRows + 1
        for (index, tile) in tiles.enumerated() {
            let column = tile.x - offsetColumn, row = tile.y - offsetRow
            guard column >= 0, row >= 0, column < fitColumns, row < fitRows else { continue }
            let rect = Rect(x: room.x + column * tileWidth, y: room.y + row * tileHeight, width: tileWidth - 1, height: tileHeight)
            draw(tile, in: rect, selected: index == state.map.cursor, state: state, glyphs: glyphs, into: &buffer)
        }
    }

    static func placeName(_ state: ConsoleState) -> String {
        let org = state.context.organisation
        switch state.map.place {
        case .county: return org.county
        case .street(let code): return org.street(code)?.name ?? code
        case .community(let code):
            let community = org.community(code)
            let street = community.flatMap { org.street($0.street)?.name }
            return [street, community?.name ?? code].compactMap { $0 }.joined(separator: " / ")
        }
    }

    /// The load colour: nothing open dim, nothing overdue green, under a tenth amber, else red.
    static func role(_ load: GridLoad) -> Style.Role {
        if load.open == 0 && load.overdue == 0 { return .dim }
        if load.overdue == 0 { return .ok }
        return load.overdue * 10 < max(1, load.open) ? .warning : .overdue
    }

    static func draw(_ tile: MapTile, in rect: Rect, selected: Bool, state: ConsoleState, glyphs: BoxGlyphs, into buffer: inout ScreenBuffer) {
        let s = state.context.strings
        let borderRole: Style.Role = selected ? .selected : (tile.isExclusive ? .exclusiveGrid : .border)
        if selected { buffer.fill(Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 2), style: Style(.selected)) }
        buffer.drawBox(rect, style: Style(borderRole, tile.isExclusive ? .bold : []), glyphs: glyphs)
        let inner = rect.width - 2
        let text = selected ? Style(.selected) : Style(tile.isExclusive ? .exclusiveGrid : .normal, .bold)
        let name = (tile.isExclusive ? s.exclusiveMark : "") + tile.name
        buffer.put(TextFit.clip(name, inner), x: rect.x + 1, y: rect.y + 1, maxWidth: inner, style: text)
        let countStyle = selected ? Style(.selected, .bold) : Style(role(tile.load), .bold)
        buffer.put(TextFit.clip(s.tileCounts(open: tile.load.open, overdue: tile.load.overdue), inner), x: rect.x + 1, y: rect.y + 2,
                   maxWidth: inner, style: countStyle)
        if rect.height >= 5 {
            let detail: String = switch tile.kind {
            case .grid(let kind): s.gridKind(kind) + " " + tile.code
            default: tile.code
            }
            buffer.put(TextFit.clip(detail, inner), x: rect.x + 1, y: rect.y + 3, maxWidth: inner, style: selected ? Style(.selected) : Style(.dim))
        }
    }
}
