import Foundation
import PortalCore

/// Registry files and values the tests share (the test-support target holds this, ManualClock and TestImages).
/// "Now" is 2026-06-01 10:00 China Standard Time.
public enum Fixtures {
    public static let now = ChinaTime.calendar.date(from: DateComponents(year: 2026, month: 6, day: 1, hour: 10))!
    public static let today = CalendarDay("2026-06-01")!

    public static let password = "Portal2026!x"

    public static let anna = "WP2026000001"         // valid, no physical card
    public static let john = "WP2026000002"         // valid, holds a physical card
    public static let maria = "WP2026000003"        // valid until 2026-06-21: expiring in 20 days
    public static let kenji = "WP2026000004"        // expired yesterday
    public static let lucas = "WP2026000005"        // canceled
    public static let johnSSNumber = "440100000000000002"

    public static let permitsCSV = """
        permit_number,full_name,passport_number,nationality,date_of_birth,sex,employer,position,work_location,issue_date,valid_until,status
        WP2026000001,ANNA SCHMIDT,C01X00T47,Germany,1991-04-12,F,Hainan Institute,Scientist,Haikou,2026-01-05,2028-06-30,valid
        WP2026000002,JOHN SMITH,533380006,United Kingdom,1984-11-03,M,Sanya School,Teacher,Sanya,2025-09-01,2028-06-30,valid
        WP2026000003,MARIA GARCIA,PAB123456,Spain,1990-07-19,F,Blue Ocean Hotel,Chef,Sanya,2025-06-21,2026-06-21,valid
        WP2026000004,KENJI TANAKA,TK1234567,Japan,1979-08-21,M,Yangpu Port,Manager,Danzhou,2024-02-01,2026-05-31,valid
        WP2026000005,LUCAS MARTIN,19FV12345,France,1988-02-14,M,Qionghai Clinic,Engineer,Qionghai,2026-01-01,2099-09-30,canceled
        """

    public static let cardsCSV = """
        ss_number,permit_number,full_name,passport_number
        440100000000000002,WP2026000002,JOHN SMITH,533380006
        """

    public static let bankCardsCSV = """
        card_number,full_name,passport_number,phone
        6222020000000000026,JOHN SMITH,533380006,13800000002
        """

    public static let simsCSV = """
        phone,full_name,passport_number
        13800000002,JOHN SMITH,533380006
        """

    /// Argon2id cheap enough for service tests; the real cost is covered by `PasswordHasherTests`.
    public static var cheapParameters: PasswordHasher.Parameters {
        var parameters = PasswordHasher.Parameters()
        parameters.memoryKiB = 1024
        parameters.iterations = 1
        return parameters
    }

    public static func cheapHasher(gate: HashingGate = HashingGate(concurrentHashes: 2)) -> PasswordHasher {
        PasswordHasher(parameters: cheapParameters, gate: gate)
    }

    /// A short stand-in for the shipped list, so service tests do not read 10,000 lines each.
    public static let policy = PasswordPolicy(commonPasswords: ["password1", "qwerty123", "abc12345"])
}
