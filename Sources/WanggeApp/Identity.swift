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
