/// Registry rows the web tests register with.
enum Fixtures {
    static let password = "Portal2026!x"

    static let permitsCSV = """
        permit_number,full_name,passport_number,nationality,date_of_birth,sex,employer,position,work_location,issue_date,valid_until,status
        WP1000000001,ANNA SCHMIDT,C01X00T47,Germany,1991-04-12,F,Institute,Scientist,Haikou,2026-01-01,2099-12-31,valid
        WP1000000002,JOHN SMITH,533380006,United Kingdom,1984-11-03,M,School,Teacher,Sanya,2026-01-01,2099-12-31,valid
        WP1000000004,KENJI TANAKA,TK1234567,Japan,1979-08-21,M,Port,Manager,Danzhou,2020-01-01,2021-01-31,valid
        WP1000000005,LUCAS MARTIN,19FV12345,France,1988-02-14,M,Medical,Engineer,Qionghai,2026-01-01,2099-09-30,canceled
        """

    static let cardsCSV = """
        ss_number,permit_number,full_name,passport_number
        440100000000000002,WP1000000002,JOHN SMITH,533380006
        """
}
