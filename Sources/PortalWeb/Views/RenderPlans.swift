import Mustache
import PortalCore
import Synchronization

/// Pages whose values are only strings and Booleans (the card, the menus, the home page: most page views), rendered
/// by swift-mustache once per shape and then filled in.
///
/// A shape is the template, the language, which values are present and what every Boolean is: those decide which
/// sections show, and so the page's whole markup. The first page of a shape is rendered by swift-mustache with a
/// numbered marker in place of every string; the output, cut at the markers, is the plan. Every later page of that
/// shape is the plan's pieces with its strings, escaped by `HTMLEscaping` as the template's content type would,
/// in between: the same bytes (PageRendererTests compares them page by page), without swift-mustache's lookup of
/// every `{{x}}` through dynamic casts, which was half of a signed-in page view in perf under bench/run.sh.
///
/// Any other value (a list of form fields or errors, a number), or a string with a line break (which a partial's
/// indentation would change), leaves the page to swift-mustache as it is. Shapes come from the code's page types,
/// never from what users send, so there are few; the cache still stops growing at `maximumPlans`.
final class RenderPlans: Sendable {
    private struct Plan: Sendable {
        /// One more than `slots`: the markup before, between and after the strings.
        let pieces: [String]
        /// The name of the value that goes after each piece but the last.
        let slots: [String]
    }

    private let plans = Mutex<[String: Plan]>([:])
    static let maximumPlans = 512

    /// The page's HTML, or nil when its values are not only strings and Booleans (render it as it is then).
    func render(_ values: [String: Any], template: String, language: Language,
                with library: MustacheLibrary) -> String? {
        guard let shape = Self.shape(of: values, template: template, language: language) else { return nil }
        var plan = plans.withLock { $0[shape] }
        if plan == nil {
            plan = Self.plan(for: values, template: template, library: library)
            plans.withLock { plans in
                if plans.count < Self.maximumPlans { plans[shape] = plan }
            }
        }
        guard let plan else { return nil }
        let html = Self.fill(plan, with: values)
        #if DEBUG
        // Every page a Swift test renders is checked against swift-mustache's own rendering of it.
        precondition(html == library.render(values, withTemplate: template), "a render plan differs for \(shape)")
        #endif
        return html
    }

    /// The cache key, or nil when a value is of another kind.
    private static func shape(of values: [String: Any], template: String, language: Language) -> String? {
        var parts: [String] = []
        parts.reserveCapacity(values.count)
        for (name, value) in values {
            if let flag = value as? Bool {
                parts.append(flag ? name + "=1" : name + "=0")
            } else if let text = value as? String, !text.utf8.contains(UInt8(ascii: "\n")) {
                parts.append(name)
            } else {
                return nil
            }
        }
        parts.sort()
        return template + "|" + language.rawValue + "|" + parts.joined(separator: ";")
    }

    private static let markerStart: Unicode.Scalar = "\u{E000}"
    private static let markerEnd: Unicode.Scalar = "\u{E001}"

    /// swift-mustache's page with a marker (private-use characters around its number) for every string.
    private static func plan(for values: [String: Any], template: String, library: MustacheLibrary) -> Plan? {
        var marked: [String: Any] = [:]
        var names: [String] = []
        for (name, value) in values {
            if value is String {
                marked[name] = "\(markerStart)\(names.count)\(markerEnd)"
                names.append(name)
            } else {
                marked[name] = value
            }
        }
        guard let html = library.render(marked, withTemplate: template) else { return nil }
        return cut(Array(html.utf8), at: names)
    }

    /// The plan in swift-mustache's marked page. It looks for the markers' UTF-8 bytes, not Characters: a template
    /// character that joined a marker into one grapheme (U+0600, say) would hide it from a search of Characters
    /// (swift-mustache's parser refuses such a character beside a tag today, but the plan need not rely on that).
    private static func cut(_ html: [UInt8], at names: [String]) -> Plan? {
        let start = Array(String(markerStart).utf8), end = Array(String(markerEnd).utf8)
        var pieces: [String] = [], slots: [String] = []
        var pieceStart = 0, index = 0
        while index + start.count <= html.count {
            guard html[index..<index + start.count].elementsEqual(start) else {
                index += 1
                continue
            }
            let digits = index + start.count
            var digitsEnd = digits
            while digitsEnd < html.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(html[digitsEnd]) {
                digitsEnd += 1
            }
            guard html.count >= digitsEnd + end.count, html[digitsEnd..<digitsEnd + end.count].elementsEqual(end),
                  let number = Int(String(decoding: html[digits..<digitsEnd], as: UTF8.self)),
                  names.indices.contains(number) else {
                return nil  // a template with these characters of its own: not planned
            }
            pieces.append(String(decoding: html[pieceStart..<index], as: UTF8.self))
            slots.append(names[number])
            index = digitsEnd + end.count
            pieceStart = index
        }
        pieces.append(String(decoding: html[pieceStart...], as: UTF8.self))
        return Plan(pieces: pieces, slots: slots)
    }

    private static func fill(_ plan: Plan, with values: [String: Any]) -> String {
        var html = plan.pieces[0]
        html.reserveCapacity(plan.pieces.reduce(0) { $0 + $1.utf8.count } + 512)
        for (index, slot) in plan.slots.enumerated() {
            // A string in every page of this shape, which names its strings.
            html += HTMLEscaping.escaped(values[slot] as? String ?? "")
            html += plan.pieces[index + 1]
        }
        return html
    }
}
