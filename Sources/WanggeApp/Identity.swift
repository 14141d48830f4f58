#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WanggeCore

/// Who is at the keyboard: the OS login of the process's user, mapped to a person.
public enum Identity {
    /// The login name of the effective user (from the password database, not $USER,
    /// which a user can set to anything).
    public static func currentLogin() -> String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name {
            return String(cString: name)
        }
        return "uid\(geteuid())"
    }

    /// The person acting: the OS login, or `asLogin` when the OS login is an admin's.
    public static func resolve(login: String, asLogin: String?, in organisation: Organisation) throws -> Person {
        guard let me = organisation.person(login) else { throw AppError.unknownOperator(login) }
        guard let asLogin, asLogin != login else { return me }
        guard me.role == .admin else { throw AppError.impersonationRefused(login) }
        guard let other = organisation.person(asLogin) else { throw AppError.unknownOperator(asLogin) }
        return other
    }
}

extension Identity {
    /// `resolve`, recording a refused identity (a login not in the organisation, `--as`
    /// by a non-admin) in the security log before throwing it.
    public static func resolve(
        login: String, asLogin: String?, in workspace: Workspace, securityLog: SecurityLogger, at now: Instant
    ) throws -> Person {
        do {
            return try resolve(login: login, asLogin: asLogin, in: workspace.organisation)
        } catch let error as AppError {
            let (action, reason): (String, String)
            switch error {
            case .impersonationRefused: (action, reason) = (SecurityLogger.impersonateAction, "impersonation")
            default: (action, reason) = (SecurityLogger.identifyAction, "unknownOperator")
            }
            let actor = asLogin.map { asLogin in workspace.organisation.person(login) == nil ? login : asLogin } ?? login
            if let failure = securityLog.record(
                reason: reason, action: action, actor: actor, message: error.description, at: now, in: workspace.store) {
                throw AppError.badInput(error.description + "（\(failure)）")
            }
            throw error
        }
    }
}
