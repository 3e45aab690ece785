import Testing
@testable import PortalCore

@Suite struct BankCardNumberTests {
    @Test(arguments: ["6222020000000000026", "6222 0200 0000 0000 026", "6212345678901232", "6200000000000005"])
    func unionPayNumbersWithARightCheckDigitPass(_ typed: String) {
        #expect(BankCardNumber.normalized(typed) == .success(typed.filter { !$0.isWhitespace }))
    }

    @Test func theLuhnCheckDigitIsChecked() {
        #expect(BankCardNumber.hasValidCheckDigit("79927398713"))  // the textbook example
        #expect(!BankCardNumber.hasValidCheckDigit("79927398710"))
        #expect(BankCardNumber.normalized("6222020000000000003") == .failure(.checkDigit))
    }

    @Test func lengthDigitsAndThePrefixAreRules() {
        #expect(BankCardNumber.normalized("") == .failure(.missing))
        #expect(BankCardNumber.normalized("   ") == .failure(.missing))
        #expect(BankCardNumber.normalized("622202000000002") == .failure(.format))       // 15 digits
        #expect(BankCardNumber.normalized("62220200000000000002") == .failure(.format))  // 20 digits
        #expect(BankCardNumber.normalized("6222-0200-0000-0000-002") == .failure(.format))
        #expect(BankCardNumber.normalized("６２２２０２００００００００００００２") == .failure(.format))  // full-width digits
        #expect(BankCardNumber.normalized("4111111111111111") == .failure(.notUnionPay))  // a valid Visa test number
    }
}

@Suite struct MainlandPhoneTests {
    @Test(arguments: ["13800000002", "138 0000 0002", "138-0000-0002", "+86 138 0000 0002", "0086 13800000002", "+86-138-0000-0002"])
    func theUsualWaysOfWritingANumberAreAccepted(_ typed: String) {
        #expect(MainlandPhone.normalized(typed) == .success("13800000002"))
    }

    @Test(arguments: ["", "  "])
    func nothingTypedIsMissing(_ typed: String) {
        #expect(MainlandPhone.normalized(typed) == .failure(.missing))
    }

    @Test(arguments: ["1380000000", "138000000021", "23800000002", "+44 7700 900123", "1380000000a", "86 13800000002"])
    func otherNumbersAreRefused(_ typed: String) {
        #expect(MainlandPhone.normalized(typed) == .failure(.format))
    }

    @Test func aMaskedNumberKeepsTheFirstThreeAndLastFour() {
        #expect(MainlandPhone.masked("13800000002") == "138****0002")
    }
}
