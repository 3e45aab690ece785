import GRDB

/// A row of `permits`.
struct PermitRecord: SnakeCaseRecord {
    static let databaseTableName = "permits"

    var permitNumber: String
    var fullName: String
    var passportNumber: String
    var nationality: String
    var dateOfBirth: String
    var sex: String
    var employer: String
    var position: String
    var workLocation: String
    var issueDate: String
    var validUntil: String
    var status: String
    var cancellationReason: String?
    var canceledOn: String?

    init(_ permit: Permit) {
        permitNumber = permit.number
        fullName = permit.fullName
        passportNumber = permit.passportNumber
        nationality = permit.nationality
        dateOfBirth = permit.dateOfBirth.description
        sex = permit.sex
        employer = permit.employer
        position = permit.position
        workLocation = permit.workLocation
        issueDate = permit.issueDate.description
        validUntil = permit.validUntil.description
        status = permit.status.rawValue
        cancellationReason = permit.cancellationReason
        canceledOn = permit.canceledOn?.description
    }

    /// The domain value; nil if the row breaks the rules the schema cannot express (a malformed date).
    var permit: Permit? {
        guard let born = CalendarDay(dateOfBirth), let issued = CalendarDay(issueDate),
              let until = CalendarDay(validUntil), let status = Permit.Status(rawValue: status) else { return nil }
        return Permit(number: permitNumber, fullName: fullName, passportNumber: passportNumber,
                      nationality: nationality, dateOfBirth: born, sex: sex, employer: employer, position: position,
                      workLocation: workLocation, issueDate: issued, validUntil: until, status: status,
                      cancellationReason: cancellationReason, canceledOn: canceledOn.flatMap(CalendarDay.init))
    }
}

extension PermitRecord {
    /// The import's insert-or-replace, written out: GRDB's Codable encoding and upsert statement building cost
    /// three quarters of a million-row import (perf). The same columns as `upsert` writes.
    static let importSQL = """
        INSERT INTO permits (permit_number, full_name, passport_number, nationality, date_of_birth, sex, employer,
                             position, work_location, issue_date, valid_until, status, cancellation_reason, canceled_on)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (permit_number) DO UPDATE SET
            full_name = excluded.full_name, passport_number = excluded.passport_number,
            nationality = excluded.nationality, date_of_birth = excluded.date_of_birth, sex = excluded.sex,
            employer = excluded.employer, position = excluded.position, work_location = excluded.work_location,
            issue_date = excluded.issue_date, valid_until = excluded.valid_until, status = excluded.status,
            cancellation_reason = excluded.cancellation_reason, canceled_on = excluded.canceled_on
        """

    var importArguments: StatementArguments {
        [permitNumber, fullName, passportNumber, nationality, dateOfBirth, sex, employer, position, workLocation,
         issueDate, validUntil, status, cancellationReason, canceledOn]
    }
}
