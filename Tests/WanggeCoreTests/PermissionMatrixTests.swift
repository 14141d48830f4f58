import Testing
@testable import WanggeCore

/// Every cell of the role × action matrix, against a table written out here: a change to
/// `Permissions.reach` must change this table too.
struct PermissionMatrixTests {
    /// Columns: grid worker, part-time worker, grid leader, liaison, dispatcher,
    /// supervisor, leader, evaluator, admin.
    /// `-` none, `G` own grids, `S` own scope, `H` handler only, `M` summoned unit, `A` anywhere.
    static let expected = """
        view                 G G S H S S S S S
        report               G G S - S S - - S
        accept               - - - - S S - - -
        decline              - - - - S S - - -
        dispatch             - - - - S S - - -
        handler_accept       H H H H H H H H H
        send_back            H H H H H H H H H
        feedback             H H H H H H H H H
        verify               G - S - - S - - -
        evaluate             - - - - - S - S -
        close                - - - - - S - - -
        archive              - - - - - S - - -
        request_extension    H H H H H H H H H
        decide_extension     - - - - - S - - -
        suspend              - - - - - S - - -
        resume               - - - - - S - - -
        supervise            - - - - - S S - -
        summon               - - - - S S - - -
        report_in            - - - M - - - - -
        link_duplicate       - - - - S S - - -
        reopen               - - - - - S - - -
        escalate             - - S - S S - - -
        comment              G G S H S S S S S
        manage_organisation  - - - - - - - - A
        audit                - - - - - S S - A
        """

    static let columns: [Role] = [.gridWorker, .partTimeWorker, .gridLeader, .liaison, .dispatcher, .supervisor, .leader, .evaluator, .admin]

    static func reach(_ letter: Substring) -> Reach? {
        switch letter {
        case "-": Reach.none
        case "G": .ownGrids
        case "S": .scope
        case "H": .handler
        case "M": .summoned
        case "A": .anywhere
        default: nil
        }
    }

    struct Cell: Sendable, CustomTestStringConvertible {
        var role: Role
        var action: Action
        var reach: Reach
        var testDescription: String { "\(role.rawValue) × \(action.rawValue) = \(reach)" }
    }

    /// Every cell of the table.
    static let cells: [Cell] = expected.split(separator: "\n").flatMap { line -> [Cell] in
        let words = line.split(separator: " ")
        guard let action = Action(rawValue: String(words[0])) else { fatalError("unknown action in the table: \(words[0])") }
        return zip(columns, words.dropFirst()).map { role, letter in
            guard let reach = reach(letter) else { fatalError("unknown reach \(letter)") }
            return Cell(role: role, action: action, reach: reach)
        }
    }

    @Test func theTableCoversEveryRoleAndEveryAction() {
        #expect(Set(Self.columns) == Set(Role.allCases))
        #expect(Self.columns.count == Role.allCases.count)
        let rows = Self.expected.split(separator: "\n")
        #expect(rows.map { String($0.split(separator: " ")[0]) } == Action.allCases.map(\.rawValue))
        #expect(rows.allSatisfy { $0.split(separator: " ").count == Role.allCases.count + 1 })
        #expect(Self.cells.count == Role.allCases.count * Action.allCases.count)
    }

    @Test(arguments: cells)
    func cell(_ cell: Cell) {
        #expect(Permissions.reach(cell.role, cell.action) == cell.reach, "\(cell.role.rawValue) × \(cell.action.rawValue)")
    }

    @Test func theMatrixListingIsTheSameFunction() {
        for (role, row) in Permissions.matrix {
            for (action, reach) in row { #expect(reach == Permissions.reach(role, action)) }
        }
        #expect(Permissions.matrix.count == Role.allCases.count)
    }

    /// Each role with no reach for an action is refused with `forbidden`, whatever the case.
    @Test func noReachIsForbiddenEvenInScope() throws {
        let run = try CaseRun.dispatched()
        for person in Fixture.organisation.people {
            for action in Action.allCases where Permissions.reach(person.role, action) == .none {
                let refusal = Permissions.check(person, action, grid: "G1", caseState: run.state, organisation: Fixture.organisation)
                #expect(refusal?.reason == .forbidden, "\(person.login) \(action.rawValue)")
            }
        }
        #expect(Permissions.check(Fixture.person("pt"), .verify, grid: "G1", caseState: run.state, organisation: Fixture.organisation)
            == Refusal(.forbidden, "兼职网格员 刘兼职（pt）无权核查案件 C-260302-0001"))
    }
}
