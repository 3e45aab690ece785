/// Every store the services use, as protocols: the composition root hands these over, so a second
/// implementation (PostgreSQL behind several app hosts) changes nothing above them.
public struct PortalStores: Sendable {
    public let accounts: any AccountStore
    public let attempts: any AttemptStore
    public let sessions: any SessionStore
    public let registry: any RegistryStore
    public let audit: any AuditLog
    public let smsCodes: any SmsCodeStore
    public let passwordResets: any PasswordResetStore
    public let permitServices: any PermitServicesStore
    public let reminders: any ReminderStore

    public init(accounts: any AccountStore, attempts: any AttemptStore, sessions: any SessionStore,
                registry: any RegistryStore, audit: any AuditLog, smsCodes: any SmsCodeStore,
                passwordResets: any PasswordResetStore, permitServices: any PermitServicesStore,
                reminders: any ReminderStore) {
        self.accounts = accounts
        self.attempts = attempts
        self.sessions = sessions
        self.registry = registry
        self.audit = audit
        self.smsCodes = smsCodes
        self.passwordResets = passwordResets
        self.permitServices = permitServices
        self.reminders = reminders
    }
}
