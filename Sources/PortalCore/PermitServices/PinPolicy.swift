/// The 6-digit numeric password of work-permit services (guide section 4, note 1): exactly six digits, and none
/// of the ones a stranger tries first.
public enum PinPolicy {
    public static let length = 6

    /// The first rule `pin` breaks, or nil when it is acceptable for this holder.
    public static func problem(with pin: String, dateOfBirth: CalendarDay, permitNumber: String) -> UserMessage? {
        guard !pin.isEmpty else { return UserMessage("pin.missing") }
        guard pin.count == length, pin.allSatisfy({ $0.isASCII && $0.isNumber }) else { return UserMessage("pin.format") }
        let digits = pin.compactMap(\.wholeNumberValue)
        if Set(digits).count == 1 { return UserMessage("pin.repeated") }
        let steps = zip(digits, digits.dropFirst()).map { $1 - $0 }
        if steps.allSatisfy({ $0 == 1 }) || steps.allSatisfy({ $0 == -1 }) { return UserMessage("pin.sequence") }
        if birthDateForms(dateOfBirth).contains(pin) { return UserMessage("pin.birth_date") }
        let permitDigits = String(permitNumber.filter { $0.isASCII && $0.isNumber }.suffix(length))
        if permitDigits.count == length && pin == permitDigits { return UserMessage("pin.permit_number") }
        return nil
    }

    /// The ways a date of birth is commonly written in six digits: YYMMDD, DDMMYY, MMDDYY, YYYYMM, MMYYYY.
    static func birthDateForms(_ day: CalendarDay) -> Set<String> {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value % 100) }
        let year = String(day.year), yy = two(day.year % 100), mm = two(day.month), dd = two(day.day)
        return [yy + mm + dd, dd + mm + yy, mm + dd + yy, year + mm, mm + year]
    }
}
