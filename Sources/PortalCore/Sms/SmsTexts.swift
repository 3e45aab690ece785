/// The wording of the messages, in the holder's language: the web layer supplies it from the catalogues, so
/// the domain holds no sentences. Each names the portal and the purpose and says never to share the code.
public protocol SmsTexts: Sendable {
    func text(for purpose: SmsPurpose, code: String, validMinutes: Int, language: Language) -> String
}
