/// A Work Permit for Foreigners as the permit registry holds it.
public struct Permit: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable { case valid, canceled }

    public var number: String
    public var fullName: String
    public var passportNumber: String
    public var nationality: String
    public var dateOfBirth: CalendarDay
    public var sex: String
    public var employer: String
    public var position: String
    public var workLocation: String
    public var issueDate: CalendarDay
    public var validUntil: CalendarDay
    public var status: Status
    public var cancellationReason: String?
    /// The day an operator canceled it (China Standard Time); nil when a registry file said so without a date.
    public var canceledOn: CalendarDay?

    public init(number: String, fullName: String, passportNumber: String, nationality: String,
                dateOfBirth: CalendarDay, sex: String, employer: String, position: String, workLocation: String,
                issueDate: CalendarDay, validUntil: CalendarDay, status: Status, cancellationReason: String? = nil,
                canceledOn: CalendarDay? = nil) {
        self.number = number
        self.fullName = fullName
        self.passportNumber = passportNumber
        self.nationality = nationality
        self.dateOfBirth = dateOfBirth
        self.sex = sex
        self.employer = employer
        self.position = position
        self.workLocation = workLocation
        self.issueDate = issueDate
        self.validUntil = validUntil
        self.status = status
        self.cancellationReason = cancellationReason
        self.canceledOn = canceledOn
    }

    /// How the permit stands on `today`: canceled wins over expired, which wins over valid.
    public func standing(on today: CalendarDay) -> PermitStanding {
        if status == .canceled { return .canceled }
        if validUntil < today { return .expired }
        let daysLeft = today.days(until: validUntil)
        return daysLeft <= PermitStanding.reminderWindowDays ? .expiringSoon(daysLeft: daysLeft) : .valid
    }
}
