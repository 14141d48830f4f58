import GRDB
import GRDBSQLite
import WanggeCore

/// A GRDB cached statement driven through the SQLite C API. On the hot write paths
/// GRDB's argument conversion (StatementArguments, DatabaseValue boxing) costs more
/// than SQLite's own work; binding directly keeps bulk appends near the sqlite3 shell.
struct RawStatement {
    let handle: OpaquePointer
    let connection: OpaquePointer?

    init(_ statement: Statement, _ db: Database) {
        handle = statement.sqliteStatement
        connection = db.sqliteConnection
    }

    /// SQLITE_TRANSIENT: SQLite copies the bytes before the call returns.
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(handle, index, value) }

    func bind(_ index: Int32, _ value: String?) {
        guard var text = value else { sqlite3_bind_null(handle, index); return }
        text.withUTF8 { bytes in
            _ = sqlite3_bind_text(handle, index, UnsafeRawPointer(bytes.baseAddress)?.assumingMemoryBound(to: CChar.self),
                                  Int32(bytes.count), Self.transient)
        }
    }

    func bind(_ index: Int32, _ value: DatabaseValue) {
        switch value.storage {
        case .null: sqlite3_bind_null(handle, index)
        case .int64(let i): sqlite3_bind_int64(handle, index, i)
        case .double(let d): sqlite3_bind_double(handle, index, d)
        case .string(let s): bind(index, s)
        case .blob(let data):
            data.withUnsafeBytes { bytes in
                _ = sqlite3_bind_blob(handle, index, bytes.baseAddress, Int32(bytes.count), Self.transient)
            }
        }
    }

    /// Binds all values in order and steps the statement to completion.
    func run(_ values: [DatabaseValue]) throws {
        for (i, value) in values.enumerated() { bind(Int32(i + 1), value) }
        try step()
    }

    /// Steps once: true on a row, false when done; SQLite's error otherwise. For
    /// statements read row by row through the C API (the caller resets them).
    func nextRow() throws -> Bool {
        let rc = sqlite3_step(handle)
        if rc == SQLITE_ROW { return true }
        guard rc == SQLITE_DONE else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "SQLite error \(rc)"
            throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: message)
        }
        return false
    }

    /// Steps once and reads the first row with `read`, or nil when there is none; the
    /// statement is reset either way. Bind the arguments first.
    func firstRow<T>(_ read: (OpaquePointer) -> T) throws -> T? {
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        let rc = sqlite3_step(handle)
        if rc == SQLITE_ROW { return read(handle) }
        guard rc == SQLITE_DONE else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "SQLite error \(rc)"
            throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: message)
        }
        return nil
    }

    /// The text of column `index` of the current row.
    static func text(_ handle: OpaquePointer, _ index: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, index) else { return "" }
        return String(cString: bytes)
    }

    func step() throws {
        let rc = sqlite3_step(handle)
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        guard rc == SQLITE_DONE else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "SQLite error \(rc)"
            throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: message)
        }
    }
}

/// The running end of the hash chain while a transaction appends events.
struct EventChain: Sendable {
    var seq: Int64
    var prevHash: String

    /// The next row of the chain, ready to insert.
    mutating func prepare(_ event: CaseEvent, key: String?) -> PreparedEvent {
        seq += 1
        let type = event.body.kind.rawValue
        let payload = event.body.payload.serialized()
        let at = event.at.secondsSinceEpoch
        let hash = EventHashing.hash(
            prevHash: prevHash, seq: seq, caseID: event.caseID, version: event.version, type: type, actor: event.actor,
            at: at, payload: payload, idempotencyKey: key)
        let row = PreparedEvent(
            seq: seq, caseID: event.caseID, version: Int64(event.version), type: type, actor: event.actor, at: at,
            payload: payload, key: key, prevHash: prevHash, hash: hash)
        prevHash = hash
        return row
    }

    /// Inserts one event as the next row of the chain.
    mutating func insert(_ event: CaseEvent, key: String?, with statement: RawStatement) throws {
        try prepare(event, key: key).insert(with: statement)
    }
}

/// An event row with its payload serialised and its hash computed.
struct PreparedEvent: Sendable {
    var seq: Int64
    var caseID: Int64
    var version: Int64
    var type: String
    var actor: String
    var at: Int64
    var payload: String
    var key: String?
    var prevHash: String
    var hash: String

    func insert(with statement: RawStatement) throws {
        statement.bind(1, seq)
        statement.bind(2, caseID)
        statement.bind(3, version)
        statement.bind(4, type)
        statement.bind(5, actor)
        statement.bind(6, at)
        statement.bind(7, payload)
        statement.bind(8, key)
        statement.bind(9, prevHash)
        statement.bind(10, hash)
        try statement.step()
    }
}
