/// Why a request body could not be read as a form. Each is the client's fault: a 400, never a 500.
public enum FormDecodingError: Error, Equatable, Sendable {
    case badPercentEncoding
    case invalidUTF8
    case nulCharacter
    case repeatedField(String)
    case tooManyFields
    case valueTooLong(String)
    case unsupportedContentType
    case malformedMultipart
}
