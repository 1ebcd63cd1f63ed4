// Generated from catalogue.yaml by error-bindings. Do not edit.
@file:Suppress("DEPRECATION")
package com.acme.errors.wire


// How the errors of an API are read from responses: the part of a generated Kotlin package
// that is the same for every catalogue, a port of the reading half of the Go runtime
// (internal/wire/wire.go), itself a port of the TypeScript and Python runtimes. Where those
// differ, this one does what Python does. Paths into bodies are a subset of RFC 9535 JSONPath
// in one canonical form, read here as data. Every declaration is internal: only its module's
// package uses it.

import java.math.BigDecimal
import java.math.BigInteger
import java.math.MathContext
import java.math.RoundingMode
import java.util.concurrent.ConcurrentHashMap
import java.util.regex.Pattern

// JSON values -----------------------------------------------------------------------------

// The runtime's JSON values are String, JsonNumber, Boolean, null, List<Any?> and JsonObject.

// JsonNumber is a number as sent, by its literal text, as Go's json.Number: a code never goes
// through a Double, so 20404 stays 20404 and a 30-digit id stays whole; which numbers are
// equal is numberKey's to say.
internal class JsonNumber(val text: String) {
    override fun equals(other: Any?): Boolean = other is JsonNumber && other.text == text

    override fun hashCode(): Int = text.hashCode()

    override fun toString(): String = text
}

// JsonObject is a JSON object that keeps its members in the order sent: the order decides
// which member a path finds first. A member set again keeps its place and takes the new
// value, as a duplicate key does in Python's json.
internal class JsonObject {
    private val members = LinkedHashMap<String, Any?>()

    val keys: Set<String> get() = members.keys

    val size: Int get() = members.size

    operator fun get(key: String): Any? = members[key]

    operator fun contains(key: String): Boolean = members.containsKey(key)

    operator fun set(key: String, value: Any?) {
        members[key] = value
    }

    // lookup is the member, or Missing (null is JSON's null).
    fun lookup(key: String): Any? = if (members.containsKey(key)) members[key] else Missing

    override fun equals(other: Any?): Boolean = other is JsonObject && other.members == members

    override fun hashCode(): Int = members.hashCode()

    override fun toString(): String = encode(this)
}

// Missing is what a path selects where the body has nothing.
internal object Missing {
    override fun toString(): String = "Missing"
}

// NotJson is what the decoder gives for text that is no JSON, and valueOf for what has no
// JSON form.
private object NotJson

// Python's json refuses deeper bodies (RecursionError) at about a thousand levels less the
// caller's stack; 900 stays within what any likely caller of Python's bindings reads. The cap
// is only for reading what Python reads: what walks a body here (decode, encode, plain, a map
// of fields) is a loop, which needs no stack for its depth.
private const val MAX_DEPTH = 900

// Python's int() refuses longer integers (sys.get_int_max_str_digits), and so its json.
private const val MAX_DIGITS = 4300

// Decoded is what decode gives: the value, and whether the text was JSON at all.
internal class Decoded(val value: Any?, val isJson: Boolean)

internal fun decode(data: ByteArray): Decoded = decodeText(pyText(data))

// decodeText reads text as Python's json.loads reads a str (strict: no NaN, no trailing data).
private fun decodeText(text: String): Decoded {
    val d = Decoder(text)
    d.space()
    val found = d.value()
    if (found === NotJson) {
        return Decoded(null, false)
    }
    d.space()
    return if (d.at == text.length) Decoded(found, true) else Decoded(null, false)
}

// Open is a container the decoder is reading: an object (with the name of the member being
// read) or a list.
private class Open(val members: JsonObject?, val items: ArrayList<Any?>?) {
    var key = ""

    val value: Any get() = members ?: items ?: ArrayList<Any?>()

    val close: Char get() = if (members != null) '}' else ']'

    fun add(found: Any?) {
        if (members != null) {
            members[key] = found
        } else {
            items?.add(found)
        }
    }
}

private class Decoder(private val text: String) {
    var at = 0

    fun space() {
        while (at < text.length) {
            when (text[at]) {
                ' ', '\t', '\n', '\r' -> at++
                else -> return
            }
        }
    }

    private fun isAt(c: Char): Boolean = at < text.length && text[at] == c

    private fun digit(): Boolean = at < text.length && text[at] in '0'..'9'

    // value reads one value, containers and all. It is a loop, not a recursion: a body's
    // depth costs heap, never stack, whatever thread reads it.
    fun value(): Any? {
        val open = ArrayList<Open>() // the containers being read, the innermost last
        while (true) {
            // A value starts here: a scalar, an empty container, or one to read the members of.
            var found: Any?
            val c = if (at < text.length) text[at] else ' '
            if (c == '{' || c == '[') {
                if (open.size + 1 > MAX_DEPTH) {
                    return NotJson
                }
                at++
                space()
                if (isAt(if (c == '{') '}' else ']')) {
                    at++
                    found = if (c == '{') JsonObject() else ArrayList<Any?>()
                } else {
                    val container = if (c == '{') Open(JsonObject(), null) else Open(null, ArrayList())
                    open.add(container)
                    if (container.members != null) {
                        container.key = name() ?: return NotJson
                    }
                    continue
                }
            } else {
                found = scalar()
                if (found === NotJson) {
                    return NotJson
                }
            }
            // found is whole: it goes into the innermost container, and closes those it ends.
            while (true) {
                val container = open.lastOrNull() ?: return found
                container.add(found)
                space()
                if (isAt(',')) {
                    at++
                    space()
                    if (container.members != null) {
                        container.key = name() ?: return NotJson
                    }
                    break
                }
                if (!isAt(container.close)) {
                    return NotJson
                }
                at++
                open.removeAt(open.size - 1)
                found = container.value
            }
        }
    }

    // name reads a member's name and the colon after it; null for anything else.
    private fun name(): String? {
        if (!isAt('"')) {
            return null
        }
        val found = str() as? String ?: return null
        space()
        if (!isAt(':')) {
            return null
        }
        at++
        space()
        return found
    }

    private fun scalar(): Any? {
        if (at >= text.length) {
            return NotJson
        }
        val c = text[at]
        when {
            c == '"' -> return str()
            c == '-' || c in '0'..'9' -> return number()
        }
        return when {
            text.startsWith("true", at) -> {
                at += 4
                true
            }
            text.startsWith("false", at) -> {
                at += 5
                false
            }
            text.startsWith("null", at) -> {
                at += 4
                null
            }
            else -> NotJson
        }
    }

    // str reads a string. Each \uXXXX is one UTF-16 unit, as in a Kotlin string: a pair joins
    // as Python's json joins it, and a lone surrogate stays, as Python keeps it in its str.
    private fun str(): Any? {
        at++
        val b = StringBuilder()
        var run = at // where the characters not copied yet start
        while (at < text.length) {
            val c = text[at]
            if (c == '"') {
                b.append(text, run, at)
                at++
                return b.toString()
            }
            if (c < ' ') {
                return NotJson // Python's json is strict: no raw control characters
            }
            if (c != '\\') {
                at++
                continue
            }
            b.append(text, run, at)
            at++
            if (at >= text.length) {
                return NotJson
            }
            val plain = escaped(text[at])
            if (plain != null) {
                b.append(plain)
                at++
            } else {
                val unit = unit()
                if (unit < 0) {
                    return NotJson
                }
                b.append(unit.toChar())
            }
            run = at
        }
        return NotJson
    }

    private fun escaped(c: Char): Char? = when (c) {
        '"' -> '"'
        '\\' -> '\\'
        '/' -> '/'
        'b' -> '\b'
        'f' -> '\u000C'
        'n' -> '\n'
        'r' -> '\r'
        't' -> '\t'
        else -> null
    }

    // unit reads the uXXXX of an escape: the unit, or -1.
    private fun unit(): Int {
        if (text[at] != 'u' || at + 5 > text.length) {
            return -1
        }
        val found = hexUnit(text, at + 1)
        if (found >= 0) {
            at += 5
        }
        return found
    }

    private fun number(): Any? {
        val start = at
        if (isAt('-')) {
            at++
        }
        val integral = at
        when {
            isAt('0') -> at++
            digit() -> while (digit()) at++
            else -> return NotJson
        }
        val digits = at - integral
        var float = false
        if (isAt('.') && at + 1 < text.length && text[at + 1] in '0'..'9') {
            at++
            while (digit()) at++
            float = true
        }
        if (isAt('e') || isAt('E')) {
            val mark = at
            at++
            if (isAt('+') || isAt('-')) {
                at++
            }
            if (digit()) {
                while (digit()) at++
                float = true
            } else {
                at = mark
            }
        }
        if (!float && digits > MAX_DIGITS) {
            return NotJson
        }
        return JsonNumber(text.substring(start, at))
    }
}

// hexUnit is the four ASCII hex digits at text[at] as a number, or -1.
private fun hexUnit(text: String, at: Int): Int {
    if (at + 4 > text.length) {
        return -1
    }
    var found = 0
    for (i in at until at + 4) {
        val digit = when (val c = text[i]) {
            in '0'..'9' -> c - '0'
            in 'a'..'f' -> c - 'a' + 10
            in 'A'..'F' -> c - 'A' + 10
            else -> return -1
        }
        found = found * 16 + digit
    }
    return found
}

// pyText is data as Python's data.decode("utf-8", "replace") gives it: each maximal part of
// an invalid sequence becomes one U+FFFD (as TextDecoder does too).
private fun pyText(data: ByteArray): String {
    val b = StringBuilder(data.size)
    var at = 0
    while (at < data.size) {
        val c = data[at].toInt() and 0xff
        if (c < 0x80) {
            b.append(c.toChar())
            at++
            continue
        }
        var size = 0
        var low = 0x80
        var high = 0xbf
        when {
            c in 0xc2..0xdf -> size = 1
            c == 0xe0 -> {
                size = 2
                low = 0xa0
            }
            c in 0xe1..0xec || c == 0xee || c == 0xef -> size = 2
            c == 0xed -> {
                size = 2
                high = 0x9f
            }
            c == 0xf0 -> {
                size = 3
                low = 0x90
            }
            c in 0xf1..0xf3 -> size = 3
            c == 0xf4 -> {
                size = 3
                high = 0x8f
            }
        }
        var point = c and (0x3f shr size)
        var end = at + 1
        var taken = 0
        while (taken < size && end < data.size) {
            val next = data[end].toInt() and 0xff
            if (next < low || next > high) {
                break
            }
            point = (point shl 6) or (next and 0x3f)
            low = 0x80
            high = 0xbf
            end++
            taken++
        }
        if (size > 0 && taken == size) {
            b.appendCodePoint(point)
        } else {
            b.append('\uFFFD')
        }
        at = end
    }
    return b.toString()
}

internal fun encode(data: Any?): String {
    val b = StringBuilder()
    appendJson(b, data)
    return b.toString()
}

// appendJson writes data as JSON: the JSON value(data) is, without copying it first. It is a
// loop, not a recursion, as the decoder is: a body as deep as it reads, or deeper, costs no
// stack.
private fun appendJson(b: StringBuilder, data: Any?) {
    val open = ArrayList<Writing>() // the containers being written, the innermost last
    var next = data
    while (true) {
        val members = membersOf(next)
        if (members != null) {
            val isObject = next is JsonObject || next is Map<*, *>
            b.append(if (isObject) '{' else '[')
            open.add(Writing(members, if (isObject) '}' else ']'))
        } else {
            when (val found = value(next)) {
                is Boolean -> b.append(found)
                is JsonNumber -> b.append(found.text)
                is String -> appendString(b, found)
                else -> b.append("null")
            }
        }
        // What is written next: the next member of the innermost container not ended yet.
        while (true) {
            val container = open.lastOrNull() ?: return
            if (container.members.hasNext()) {
                val (name, member) = container.members.next()
                if (container.started) {
                    b.append(',')
                }
                container.started = true
                if (name != null) {
                    appendString(b, name)
                    b.append(':')
                }
                next = member
                break
            }
            b.append(container.close)
            open.removeAt(open.size - 1)
        }
    }
}

// Writing is a container appendJson is writing: its members left (each with its name, null
// in a list), and how it ends.
private class Writing(val members: Iterator<Pair<String?, Any?>>, val close: Char) {
    var started = false
}

// membersOf is a container's members with their names (null in a list); null for what is no
// container.
private fun membersOf(data: Any?): Iterator<Pair<String?, Any?>>? = when (data) {
    is List<*> -> data.asSequence().map { null to it }.iterator()
    is Array<*> -> data.asSequence().map { null to it }.iterator()
    is JsonObject -> data.keys.asSequence().map { it to data[it] }.iterator()
    is Map<*, *> -> data.entries.asSequence().map { it.key.toString() to it.value }.iterator()
    else -> null
}

// appendString escapes what Go's Encode escapes, and also a lone surrogate (which Go cannot
// hold), so that the text is valid Unicode and decodes to the same string.
private fun appendString(b: StringBuilder, text: String) {
    b.append('"')
    for (i in text.indices) {
        val c = text[i]
        when {
            c == '"' || c == '\\' -> b.append('\\').append(c)
            c == '\n' -> b.append("\\n")
            c == '\r' -> b.append("\\r")
            c == '\t' -> b.append("\\t")
            c < ' ' || c.isSurrogate() && !paired(text, i) ->
                b.append("\\u").append(c.code.toString(16).padStart(4, '0'))
            else -> b.append(c)
        }
    }
    b.append('"')
}

// paired says whether the surrogate at text[at] is half of a pair.
private fun paired(text: String, at: Int): Boolean =
    if (text[at].isHighSurrogate()) {
        at + 1 < text.length && text[at + 1].isLowSurrogate()
    } else {
        at > 0 && text[at - 1].isHighSurrogate()
    }

// value is data as a runtime value: itself when it is one (copied), a Kotlin value as the
// JSON it stands for (a number as its text, a Map in its own order), anything else as text
// (as runtime.ts's jsonData and Python's json_data).
internal fun value(data: Any?): Any? {
    val found = valueOf(data)
    return if (found === NotJson) data.toString() else found
}

// valueOf is value for the values that have a JSON form; NotJson for the others.
private fun valueOf(data: Any?): Any? = when (data) {
    null, is Boolean, is String -> data
    is JsonNumber -> if (numberSyntax.matches(data.text)) data else data.text
    is ByteArray -> pyText(data)
    is List<*> -> data.map { value(it) }
    is Array<*> -> data.map { value(it) }
    is JsonObject -> {
        val found = JsonObject()
        for (key in data.keys) {
            found[key] = value(data[key])
        }
        found
    }
    is Map<*, *> -> {
        val found = JsonObject()
        for ((key, item) in data) {
            found[key.toString()] = value(item)
        }
        found
    }
    is Int, is Long, is Short, is Byte, is BigInteger, is UInt, is ULong, is UShort, is UByte ->
        JsonNumber(data.toString())
    is BigDecimal -> JsonNumber(data.toString())
    is Double -> floatValue(data)
    is Float -> floatValue(data.toDouble())
    else -> NotJson
}

// floatValue is a float as Python's json writes it (repr), null where JSON has no number.
private fun floatValue(float: Double): Any? {
    if (float.isNaN() || float.isInfinite()) {
        return null
    }
    // The fewest digits that read back as the same double, as Python's repr (Double.toString
    // has more for some doubles before Java 19).
    val exact = (1..17).asSequence()
        .map { BigDecimal(float).round(MathContext(it, RoundingMode.HALF_EVEN)) }
        .first { it.toDouble() == float }
        .stripTrailingZeros()
    val digits = exact.unscaledValue().abs().toString()
    val point = digits.length - exact.scale() // where the decimal point goes among digits
    val sign = if (float < 0 || 1 / float < 0) "-" else ""
    val exponent = point - 1
    val text = when {
        exponent < -4 || exponent >= 16 -> {
            val mantissa = if (digits.length > 1) digits[0] + "." + digits.substring(1) else digits
            val power = if (exponent < 0) "-" else "+"
            mantissa + "e" + power + Math.abs(exponent).toString().padStart(2, '0')
        }
        point <= 0 -> "0." + "0".repeat(-point) + digits
        point >= digits.length -> digits + "0".repeat(point - digits.length) + ".0"
        else -> digits.substring(0, point) + "." + digits.substring(point)
    }
    return JsonNumber(sign + text)
}

// plain is a runtime value as the package shows it to its users: String, Boolean, null,
// List<Any?>, Map<String, Any?> (in member order), and each number as an exact BigDecimal;
// a number that Python reads as a float too large for it is Double's infinity, as in Python.
// A loop, not a recursion, as the decoder: a body as deep as it reads costs no stack.
internal fun plain(data: Any?): Any? {
    val open = ArrayList<Copying>() // the containers being copied, the innermost last
    var next = data
    while (true) {
        if (next is JsonObject || next is List<*>) {
            open.add(Copying(next))
        } else {
            val found = if (next is JsonNumber) plainNumber(next) else next
            val container = open.lastOrNull() ?: return found
            container.add(found)
        }
        // What is copied next: the next member of the innermost container not copied yet.
        while (true) {
            val container = open.last()
            if (container.members.hasNext()) {
                val (name, member) = container.members.next()
                container.name = name
                next = member
                break
            }
            open.removeAt(open.size - 1)
            val outer = open.lastOrNull() ?: return container.copy
            outer.add(container.copy)
        }
    }
}

// Copying is a container plain is copying: its members left (each with its name, null in a
// list), and the copy so far.
private class Copying(source: Any?) {
    val members = membersOf(source) ?: emptyList<Pair<String?, Any?>>().iterator()
    private val map = if (source is JsonObject) LinkedHashMap<String, Any?>() else null
    private val list = if (map == null) ArrayList<Any?>() else null
    val copy: Any get() = map ?: list ?: ArrayList<Any?>()
    var name: String? = null

    fun add(found: Any?) {
        if (map != null) {
            map[name ?: ""] = found
        } else {
            list?.add(found)
        }
    }
}

private fun plainNumber(number: JsonNumber): Any {
    val text = number.text
    if (!numberSyntax.matches(text)) {
        return text
    }
    if (isFloat(text)) {
        val float = text.toDouble()
        if (float.isInfinite()) {
            return float
        }
        // Reading a decimal takes time that grows as its length squared: a float longer than
        // any integer Python reads is the double Python reads it as.
        if (text.length > MAX_DIGITS + 1) {
            return BigDecimal.valueOf(float)
        }
    }
    return try {
        BigDecimal(text)
    } catch (_: NumberFormatException) {
        // An exponent beyond an Int: a float, which Python reads as its double.
        BigDecimal.valueOf(text.toDouble())
    }
}

// Numbers ---------------------------------------------------------------------------------

private val numberSyntax = Regex("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")

// isFloat says whether a number's literal is a float's to Python (has a fraction or exponent).
private fun isFloat(text: String): Boolean = text.any { it == '.' || it == 'e' || it == 'E' }

// numberKey is a JSON number's exact value as text, as Python compares numbers: a literal
// without fraction or exponent is an exact int; any other a float (the nearest double, inf
// beyond), compared exactly with ints. null for what is no JSON number.
internal fun numberKey(number: JsonNumber): String? {
    val text = number.text
    if (!numberSyntax.matches(text)) {
        return null
    }
    if (!isFloat(text)) {
        return BigInteger(text).toString()
    }
    val float = text.toDouble()
    if (float.isInfinite()) {
        return if (float > 0) "+Inf" else "-Inf"
    }
    // A double is a fraction with a power of two below: its lowest terms, as Go's RatString.
    val exact = BigDecimal(float)
    if (exact.scale() <= 0) {
        return exact.toBigInteger().toString()
    }
    val numerator = exact.unscaledValue()
    val denominator = BigInteger.TEN.pow(exact.scale())
    val common = numerator.gcd(denominator)
    val lowest = denominator / common
    return if (lowest == BigInteger.ONE) {
        (numerator / common).toString()
    } else {
        "${numerator / common}/$lowest"
    }
}

internal fun key(data: Any?): String {
    when (data) {
        is String -> return "s:$data"
        is JsonNumber -> {
            val found = numberKey(data)
            if (found != null) {
                return "n:$found"
            }
        }
    }
    return ""
}

// of gives a number as Python's wire does: an integer (1.0 is 1) in its canonical text,
// so a code sent as 2.0404e4 reads as 20404; any other number is no code.
internal fun of(data: Any?): Any? {
    when (data) {
        is String -> return data
        is JsonNumber -> {
            val found = numberKey(data)
            if (found != null && '/' !in found && 'I' !in found) {
                return JsonNumber(found)
            }
        }
    }
    return null
}

// equal is JSON equality as Python's runtime has it: numbers by value, never a boolean as a
// number, other values of one type by Python's == (so nested, True == 1).
internal fun equal(left: Any?, right: Any?): Boolean {
    if (left is Boolean || right is Boolean) {
        return left is Boolean && right is Boolean && left == right
    }
    return looseEqual(left, right)
}

private fun looseEqual(left: Any?, right: Any?): Boolean {
    val leftNumber = numeric(left)
    val rightNumber = numeric(right)
    if (leftNumber != null || rightNumber != null) {
        return leftNumber != null && leftNumber == rightNumber
    }
    return when (left) {
        null -> right == null
        is String -> right is String && left == right
        is List<*> -> {
            if (right !is List<*> || left.size != right.size) {
                return false
            }
            left.indices.all { looseEqual(left[it], right[it]) }
        }
        is JsonObject -> {
            if (right !is JsonObject || left.size != right.size) {
                return false
            }
            left.keys.all { key ->
                val other = right.lookup(key)
                other !== Missing && looseEqual(left[key], other)
            }
        }
        else -> false
    }
}

private fun numeric(data: Any?): String? = when (data) {
    is Boolean -> if (data) "1" else "0"
    is JsonNumber -> numberKey(data)
    else -> null
}

// Paths -----------------------------------------------------------------------------------

private sealed class Step {
    class ByName(val name: String) : Step()

    class ByIndex(val index: Int) : Step()

    class ByFilter(val relative: List<Step>, val literal: Any?) : Step()
}

// UNIX_LINES: "." is anything but a newline, as in Python and Go (not also \r, \u2028...).
private val token = Pattern.compile(
    """\.([A-Za-z_][A-Za-z0-9_]*)|\[(-?[0-9]+)\]|\['((?:[^'\\]|\\.)*)'\]""" +
        """|\[\?@((?:\.[A-Za-z_][A-Za-z0-9_]*|\[(?:-?[0-9]+|'(?:[^'\\]|\\.)*')\])*)""" +
        """==('(?:[^'\\]|\\.)*'|[^\]]+)\]""",
    Pattern.UNIX_LINES,
)

// Paths are the catalogue's, few and read again for every response.
private val paths = ConcurrentHashMap<String, List<Step>>()

// pathOf gives the steps of a canonical path; null for text that is no path (the generator
// refuses those, so it never is; other runtimes raise).
private fun pathOf(text: String): List<Step>? {
    paths[text]?.let { return it }
    val first = if (text.isEmpty()) 0 else Character.charCount(text.codePointAt(0))
    val found = steps(text.substring(first)) ?: return null
    paths[text] = found
    return found
}

private fun steps(text: String): List<Step>? {
    val found = ArrayList<Step>()
    val match = token.matcher(text)
    var at = 0
    while (at < text.length) {
        match.region(at, text.length)
        if (!match.lookingAt()) {
            return null
        }
        val name: String? = match.group(1)
        val index: String? = match.group(2)
        val quoted: String? = match.group(3)
        val relative: String = match.group(4) ?: ""
        val literal: String = match.group(5) ?: ""
        at = match.end()
        when {
            name != null -> found.add(Step.ByName(name))
            index != null -> found.add(Step.ByIndex(indexOf(index)))
            quoted != null -> found.add(Step.ByName(unquote(quoted)))
            else -> {
                val inner = steps(relative) ?: return null
                val equals: Any?
                if (literal.startsWith("'")) {
                    equals = unquote(trimQuotes(literal))
                } else {
                    val decoded = decodeText(literal)
                    if (!decoded.isJson) {
                        return null
                    }
                    equals = decoded.value
                }
                found.add(Step.ByFilter(inner, equals))
            }
        }
    }
    return found
}

// indexOf is an index as Python's int() reads it; one beyond an Int selects nothing either way.
private fun indexOf(text: String): Int =
    text.toIntOrNull() ?: if (text.startsWith("-")) Int.MIN_VALUE else Int.MAX_VALUE

// trimQuotes is Python's literal[1:-1].
private fun trimQuotes(text: String): String {
    if (text.isEmpty()) {
        return ""
    }
    val end = text.length - Character.charCount(text.codePointBefore(text.length))
    return if (end < 1) "" else text.substring(1, end)
}

// unquote reads a quoted name's escapes: \uXXXX as a UTF-16 unit (pairs join), any other
// escaped character but a newline as itself.
private fun unquote(text: String): String {
    val b = StringBuilder()
    var at = 0
    while (at < text.length) {
        val c = text[at]
        if (c == '\\' && at + 1 < text.length) {
            if (text[at + 1] == 'u') {
                val unit = hexUnit(text, at + 2)
                if (unit >= 0) {
                    b.append(unit.toChar())
                    at += 6
                    continue
                }
            }
            if (text[at + 1] != '\n') {
                b.append(text[at + 1])
                at += 2
                continue
            }
        }
        b.append(c)
        at++
    }
    return b.toString()
}

// child is what a name or an index selects in node, or Missing.
private fun child(node: Any?, part: Step): Any? {
    when (part) {
        is Step.ByName -> if (node is JsonObject) {
            return node.lookup(part.name)
        }
        is Step.ByIndex -> if (node is List<*>) {
            val index = if (part.index < 0) part.index + node.size else part.index
            if (index >= 0 && index < node.size) {
                return node[index]
            }
        }
        is Step.ByFilter -> {}
    }
    return Missing
}

private fun matches(node: Any?, filter: Step.ByFilter): Boolean {
    var found = node
    for (part in filter.relative) {
        found = child(found, part)
        if (found === Missing) {
            return false
        }
    }
    return equal(found, filter.literal)
}

// members is an object's keys in the order JavaScript keeps them (array-index keys first,
// ascending, then the rest as sent), so that every language finds the same first.
private fun members(found: JsonObject): List<String> {
    val indices = ArrayList<String>()
    val rest = ArrayList<String>()
    for (key in found.keys) {
        if (arrayIndex(key)) indices.add(key) else rest.add(key)
    }
    if (indices.isEmpty()) {
        return rest
    }
    indices.sortWith(compareBy<String> { it.length }.thenBy { it })
    return indices + rest
}

private fun arrayIndex(key: String): Boolean {
    if (key.isEmpty() || key.length > 10 || key.length > 1 && key[0] == '0') {
        return false
    }
    if (key.any { it !in '0'..'9' }) {
        return false
    }
    return key.toLong() < 4294967295L
}

private fun children(node: Any?): List<Any?> = when (node) {
    is List<*> -> node
    is JsonObject -> members(node).map { node[it] }
    else -> emptyList()
}

// find is the node a path selects (the first, in document order), or Missing when the body
// has nothing there, or for no path (null). The path "$" selects the body itself.
internal fun find(node: Any?, text: String?): Any? {
    if (text == null) {
        return Missing
    }
    val parts = pathOf(text) ?: return Missing
    var nodes: List<Any?> = listOf(node)
    for (part in parts) {
        val found = ArrayList<Any?>()
        for (current in nodes) {
            if (part !is Step.ByFilter) {
                val selected = child(current, part)
                if (selected !== Missing) {
                    found.add(selected)
                }
                continue
            }
            for (candidate in children(current)) {
                if (matches(candidate, part)) {
                    found.add(candidate)
                }
            }
        }
        if (found.isEmpty()) {
            return Missing
        }
        nodes = found
    }
    return nodes[0]
}

// orNull is what a path finds, null when it finds nothing.
private fun orNull(found: Any?): Any? = if (found === Missing) null else found

// Bodies ----------------------------------------------------------------------------------

// parse gives the body as JSON (isJson) when it is strict JSON, else as text (UTF-8, invalid
// bytes replaced, one byte order mark dropped); null and not JSON for no body.
internal fun parse(body: ByteArray?): Decoded {
    if (body == null) {
        return Decoded(null, false)
    }
    val text = pyText(body).removePrefix("\uFEFF")
    val found = decodeText(text)
    return if (found.isJson) found else Decoded(text, false)
}

// Headers ---------------------------------------------------------------------------------

// headerMap gives headers by lowercase name, the values of a name (and of the names that
// differ from it only in case) joined by ", " as HTTP combines them. A null name (the status
// line, as HttpURLConnection gives it) is no header; nor is a name with a null value, as in
// Python's header_map.
internal fun headerMap(headers: Map<out String?, List<String?>?>?): Map<String, String> {
    val found = LinkedHashMap<String, String>()
    if (headers == null) {
        return found
    }
    // Names that differ only in case join in one order whatever the map's.
    val names = headers.keys.filterNotNull().sorted()
    for (name in names) {
        val values = headers[name] ?: continue
        if (values.any { it == null }) {
            continue
        }
        val lower = name.lowercase()
        var text = values.joinToString(", ")
        val known = found[lower]
        if (known != null) {
            text = "$known, $text"
        }
        found[lower] = text
    }
    return found
}

// pySpace is what Python's str.strip() strips.
private fun pySpace(c: Char): Boolean = c.isWhitespace() || c == '\u0085'

internal fun mediaType(headers: Map<String, String>): String =
    (headers["content-type"] ?: "").substringBefore(';').trim(::pySpace).lowercase()

// requestId is the first of the named headers the response has (trimmed, not empty).
internal fun requestId(headers: Map<String, String>, names: List<String>): String? {
    for (name in names) {
        val found = (headers[name] ?: "").trim(' ', '\t')
        if (found.isNotEmpty()) {
            return found
        }
    }
    return null
}

private val months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ")

// IMF-fixdate, RFC 850 and asctime: the three forms RFC 9110 reads.
private val httpDates = listOf(
    Regex(
        "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (?<day>[0-9]{2}) (?<month>[A-Z][a-z]{2}) " +
            "(?<year>[0-9]{4}) (?<time>[0-9]{2}:[0-9]{2}:[0-9]{2}) GMT",
    ),
    Regex(
        "(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (?<day>[0-9]{2})-(?<month>[A-Z][a-z]{2})-" +
            "(?<year>[0-9]{2}) (?<time>[0-9]{2}:[0-9]{2}:[0-9]{2}) GMT",
    ),
    Regex(
        "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?<month>[A-Z][a-z]{2}) (?<day>[ 0-9][0-9]) " +
            "(?<time>[0-9]{2}:[0-9]{2}:[0-9]{2}) (?<year>[0-9]{4})",
    ),
)

// httpDate gives the seconds since the epoch of an HTTP date; null for other text.
internal fun httpDate(text: String): Double? {
    val trimmed = text.trim(' ', '\t')
    for (pattern in httpDates) {
        val match = pattern.matchEntire(trimmed) ?: continue
        fun group(name: String): String = match.groups[name]?.value ?: ""
        val month = months.indexOf(group("month"))
        if (month < 0) {
            continue
        }
        var year = group("year").toInt()
        val day = group("day").trimStart(' ').toInt()
        if (year < 100) { // RFC 850's two digits
            year += if (year >= 70) 1900 else 2000
        }
        val clock = group("time").split(":").map { it.toInt() }
        val hour = clock[0]
        val minute = clock[1]
        val second = clock[2]
        if (!(day in 1..31 && hour <= 23 && minute <= 59 && second <= 60)) {
            return null
        }
        // Counted from the month's first day, so that Feb 31 and second 60 roll over as in
        // Python's timegm and Date.UTC.
        val days = epochDay(year, month + 1) + day - 1
        return (days * 86400 + hour * 3600 + minute * 60 + second).toDouble()
    }
    return null
}

// The days from 1970-01-01 to the first of a month (Howard Hinnant's days_from_civil): what
// java.time's LocalDate.toEpochDay gives, without java.time (Android before API 26 has none).
private fun epochDay(year: Int, month: Int): Long {
    val y = (if (month <= 2) year - 1 else year).toLong()
    val era = Math.floorDiv(y, 400L)
    val yearOfEra = y - era * 400
    val dayOfYear = (153 * (if (month > 2) month - 3 else month + 9) + 2) / 5
    val dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146097 + dayOfEra - 719468
}

private val millisecondsPattern = Regex("[0-9]+(?:\\.[0-9]+)?")
private val secondsPattern = Regex("[0-9]+")

// retryAfter gives the seconds the server asks to wait before retrying: retry-after-ms, else
// Retry-After as seconds or as an HTTP date (counted from the response's Date, else from
// nowMillis, the epoch milliseconds); never negative. null when the response asks nothing.
internal fun retryAfter(headers: Map<String, String>, nowMillis: Long): Double? {
    val milliseconds = (headers["retry-after-ms"] ?: "").trim(' ', '\t')
    if (millisecondsPattern.matches(milliseconds)) {
        return milliseconds.toDouble() / 1000
    }
    val text = (headers["retry-after"] ?: "").trim(' ', '\t')
    if (secondsPattern.matches(text)) {
        return text.toDouble()
    }
    val whenSent = httpDate(text) ?: return null
    val from = httpDate(headers["date"] ?: "") ?: (nowMillis / 1000.0)
    return maxOf(0.0, whenSent - from)
}

private val secretHeaders = setOf(
    "authorization",
    "proxy-authorization",
    "cookie",
    "set-cookie",
    "x-api-key",
)

// isSecret tells whether a header (by its lower-case name) is a secret: a built-in one, the
// catalogue's, or any *-token.
internal fun isSecret(name: String, secret: Set<String>): Boolean =
    name in secretHeaders || name in secret || name.endsWith("-token")

// redacted gives headers with the value of each secret one shown as [redacted].
internal fun redacted(headers: Map<String, String>, secret: Set<String>): Map<String, String> {
    val shown = LinkedHashMap<String, String>()
    for ((name, found) in headers) {
        shown[name] = if (isSecret(name, secret)) "[redacted]" else found
    }
    return shown
}

// Envelopes -------------------------------------------------------------------------------

// Where a path is null the envelope has none (Go's "", Python's None).

internal data class FieldSource(
    val path: String,
    val name: String? = null,
    val messages: String? = null,
    val message: String? = null,
    val shape: String = "objects",
    val code: String? = null,
    val type: String? = null,
    val pointer: String? = null,
)

internal data class Extra(val name: String, val path: String, val kind: String)

internal data class Equality(val path: String, val literal: Any?)

internal data class Condition(
    val mediaTypes: List<String> = emptyList(),
    val statuses: List<String> = emptyList(),
    val present: List<String> = emptyList(),
    val equals: List<Equality> = emptyList(),
)

internal data class Envelope(
    val name: String? = null,
    val type: String? = null,
    val code: String? = null,
    val message: String? = null,
    val reference: String? = null,
    val fields: List<FieldSource> = emptyList(),
    val `when`: Condition? = null,
    val text: Boolean = false,
    val errors: String? = null,
    val firstKnown: Boolean = false,
    val lastSegment: Boolean = false,
    val extras: List<Extra> = emptyList(),
    val requestId: String? = null,
)

// A code or type as sent is a String or a JsonNumber (an integer in its canonical text).

internal data class Field(
    val name: String,
    val messages: List<String>,
    val code: Any? = null,
    val type: Any? = null,
    val pointer: String? = null,
)

internal data class Item(
    val rawCode: Any? = null,
    val rawType: Any? = null,
    val message: String? = null,
    val reference: String? = null,
    val fields: List<Field> = emptyList(),
    val extras: JsonObject = JsonObject(),
    val envelope: Envelope? = null,
    val requestId: String? = null,
)

internal data class Parsed(
    val body: Any?,
    val isJson: Boolean,
    val rawCode: Any?,
    val codeEnvelope: Envelope?,
    val rawType: Any?,
    val message: String?,
    val reference: String?,
    val fields: List<Field>,
    val extras: JsonObject,
    val errors: List<Item>,
    val requestId: String?,
)

// What a text body's message is stripped of: ASCII whitespace, as in every language.
private const val BLANK = " \t\n\u000C\r"

private fun stripBlank(text: String): String = text.trim { it in BLANK }

private fun statusMatches(entry: String, status: Int): Boolean {
    val text = status.toString()
    if (entry.endsWith("xx")) {
        return text.length == 3 && text[0] == entry[0]
    }
    return entry == text
}

// applies says whether an envelope reads this response (status 0: none; media "": none).
private fun applies(env: Envelope, status: Int, media: String, body: Any?, isJson: Boolean): Boolean {
    if (env.text) {
        if (isJson || body !is String || stripBlank(body).isEmpty()) {
            return false
        }
        if (media == "text/html" || stripBlank(body).startsWith("<")) {
            return false // an HTML page is never a message
        }
    } else if (!isJson) {
        return false
    }
    val condition = env.`when`
    if (condition == null || condition.statuses.isEmpty()) {
        if (status != 0 && (status < 400 || status > 599)) {
            return false
        }
    } else if (status == 0 || condition.statuses.none { statusMatches(it, status) }) {
        return false
    }
    if (condition == null) {
        return true
    }
    if (condition.mediaTypes.isNotEmpty() && media != "" && media !in condition.mediaTypes) {
        return false
    }
    if (condition.present.any { find(body, it) === Missing }) {
        return false
    }
    for (pair in condition.equals) {
        val found = find(body, pair.path)
        if (found === Missing || !equal(found, pair.literal)) {
            return false
        }
    }
    return true
}

// readsStatus says whether some envelope reads bodies of a status that is not an error status.
internal fun readsStatus(envelopes: List<Envelope>, status: Int): Boolean =
    envelopes.any { env -> env.`when`?.statuses?.any { statusMatches(it, status) } == true }

// statusEntry is what entries hold for a numeric status (0: none): the exact one, else its
// range's.
internal fun <V> statusEntry(status: Int, entries: Map<String, V>): V? {
    if (status == 0) {
        return null
    }
    val exact = status.toString()
    val found = entries[exact]
    if (found == null && exact.length == 3) {
        return entries[exact.substring(0, 1) + "xx"]
    }
    return found
}

private fun textOf(data: Any?): String? = data as? String

// isOfKind says whether data is of one of the JSON types (|-separated) an extra may hold; a
// Kotlin value counts as the JSON it is written as.
internal fun isOfKind(data: Any?, kinds: String): Boolean {
    val found = valueOf(data)
    val checked = if (found === NotJson) data else found
    return kinds.split("|").any { ofKind(checked, it) !== Missing }
}

// ofKind gives data as an extra of kind holds it (an integer in its canonical text, a list
// of strings as List<String>); Missing when it is not of that kind.
private fun ofKind(data: Any?, kind: String): Any? {
    when (kind) {
        "string" -> return if (data is String) data else Missing
        "integer" -> {
            val found = of(data)
            return if (found is JsonNumber) found else Missing
        }
        "number" -> return if (data is JsonNumber) data else Missing
        "boolean" -> return if (data is Boolean) data else Missing
        "strings" -> {
            if (data !is List<*>) {
                return Missing
            }
            val found = stringsIn(data)
            return if (found.size == data.size) found else Missing
        }
    }
    return data ?: Missing
}

// stringsIn is the strings among items.
private fun stringsIn(items: List<*>?): List<String> = items?.filterIsInstance<String>() ?: emptyList()

// mapFields is the fields of a map: each member whose value is a message or a list of them,
// and those of each object within (named by their path), in members' order. A loop, not a
// recursion: a map as deep as a body reads costs no stack.
private fun mapFields(node: Any?): List<Field> {
    if (node !is JsonObject) {
        return emptyList()
    }
    val fields = ArrayList<Field>()
    // The objects being walked, the innermost last: each with its name and its members left.
    val open = arrayListOf(Walking("", node))
    while (open.isNotEmpty()) {
        val walking = open.last()
        if (!walking.keys.hasNext()) {
            open.removeAt(open.size - 1)
            continue
        }
        val key = walking.keys.next()
        val name = if (walking.prefix != "") "${walking.prefix}.$key" else key
        when (val member = walking.found[key]) {
            is String -> fields.add(Field(name, listOf(member)))
            is List<*> -> {
                val texts = stringsIn(member)
                if (texts.size == member.size) {
                    fields.add(Field(name, texts))
                }
            }
            is JsonObject -> open.add(Walking(name, member))
        }
    }
    return fields
}

private class Walking(val prefix: String, val found: JsonObject) {
    val keys = members(found).iterator()
}

private fun fieldsOf(node: Any?, source: FieldSource): List<Field> {
    val found = find(node, source.path)
    if (found === Missing) {
        return emptyList()
    }
    when (source.shape) {
        "map" -> return mapFields(found)
        "strings" -> {
            val texts = stringsIn(found as? List<*>)
            return if (texts.isEmpty()) emptyList() else listOf(Field("", texts))
        }
    }
    val entries = found as? List<*> ?: listOf(found)
    // Entries that name the same field (with the same code, type and pointer) are one field
    // with the messages of all.
    val fields = ArrayList<Field>()
    val texts = ArrayList<MutableList<String>>()
    val grouped = HashMap<String, Int>()
    fun add(one: Field, more: List<String>) {
        val groupKey = encode(listOf(one.name, key(one.code), key(one.type), one.pointer))
        val at = grouped[groupKey]
        if (at != null) {
            texts[at].addAll(more)
            return
        }
        grouped[groupKey] = fields.size
        fields.add(one)
        texts.add(ArrayList(more))
    }
    for (entry in entries) {
        if (entry is String) {
            add(Field("", emptyList()), listOf(entry)) // a bare message in a list of objects names no field
            continue
        }
        val pointer = textOf(orNull(find(entry, source.pointer)))
        val name = if (source.name != null) orNull(find(entry, source.name)) else pointer
        if (name !is String) {
            continue
        }
        val messages = if (source.messages != null) {
            stringsIn(find(entry, source.messages) as? List<*>)
        } else {
            listOfNotNull(textOf(orNull(find(entry, source.message))))
        }
        val code = if (source.code != null) of(orNull(find(entry, source.code))) else null
        val type = if (source.type != null) of(orNull(find(entry, source.type))) else null
        add(Field(name, emptyList(), code, type, pointer), messages)
    }
    return fields.mapIndexed { i, one -> one.copy(messages = texts[i].toList()) }
}

// codeKey is what a raw code is matched as: itself, or the last segment of a URI.
internal fun codeKey(raw: Any?, env: Envelope?): Any? {
    if (env == null || !env.lastSegment || raw !is String) {
        return raw
    }
    val text = raw.substringBefore('?').substringBefore('#').trimEnd('/')
    return text.substring(text.lastIndexOf('/') + 1)
}

private fun readItem(node: Any?, env: Envelope, codeExtras: (String) -> List<Extra>): Item {
    val rawCode = of(orNull(find(node, env.code)))
    val specs = if (rawCode != null) env.extras + codeExtras(key(codeKey(rawCode, env))) else env.extras
    val extras = JsonObject()
    for (spec in specs) {
        val found = find(node, spec.path)
        if (found !== Missing) {
            val kept = ofKind(found, spec.kind)
            if (kept !== Missing) {
                extras[spec.name] = kept
            }
        }
    }
    var fields: List<Field> = emptyList()
    for (source in env.fields) {
        fields = fieldsOf(node, source)
        if (fields.isNotEmpty()) {
            break
        }
    }
    return Item(
        rawCode = rawCode,
        rawType = of(orNull(find(node, env.type))),
        message = textOf(orNull(find(node, env.message))),
        reference = textOf(orNull(find(node, env.reference))),
        fields = fields,
        extras = extras,
        envelope = env,
        requestId = textOf(orNull(find(node, env.requestId))),
    )
}

// read gives what a response says: each member from the first envelope that applies and has
// it. status 0 is none; body null is none; headers are by lowercase name, as headerMap gives
// them. known(raw, envelope) tells whether a raw code is one the package knows (for
// firstKnown); codeExtras gives the extras of a code by its key.
internal fun read(
    status: Int,
    body: ByteArray?,
    headers: Map<String, String>,
    envelopes: List<Envelope>,
    known: ((Any?, Envelope) -> Boolean)?,
    codeExtras: (String) -> List<Extra>,
): Parsed {
    val parsed = parse(body)
    val media = mediaType(headers)
    var rawCode: Any? = null
    var codeEnvelope: Envelope? = null
    var rawType: Any? = null
    var message: String? = null
    var reference: String? = null
    var requestId: String? = null
    var fields: List<Field> = emptyList()
    val extras = JsonObject()
    var errors: List<Item> = emptyList()
    for (env in envelopes) {
        if (!applies(env, status, media, parsed.value, parsed.isJson)) {
            continue
        }
        var chosen: Item? = null
        when {
            env.text -> chosen = Item(message = stripBlank(parsed.value.toString()), envelope = env)
            env.errors == null -> chosen = readItem(parsed.value, env, codeExtras)
            else -> {
                val list = find(parsed.value, env.errors)
                val nodes = when (list) {
                    Missing -> emptyList()
                    is List<*> -> list
                    else -> listOf(list)
                }
                val items = nodes.filterIsInstance<JsonObject>().map { readItem(it, env, codeExtras) }
                if (items.isNotEmpty() && errors.isEmpty()) {
                    errors = items
                }
                chosen = items.firstOrNull()
                if (env.firstKnown && known != null) {
                    chosen = items.firstOrNull { known(it.rawCode, env) } ?: chosen
                }
            }
        }
        if (chosen == null) {
            continue
        }
        if (rawCode == null && chosen.rawCode != null) {
            rawCode = chosen.rawCode
            codeEnvelope = env
        }
        rawType = rawType ?: chosen.rawType
        message = message ?: chosen.message
        reference = reference ?: chosen.reference
        requestId = requestId ?: chosen.requestId
        if (fields.isEmpty()) {
            fields = chosen.fields
        }
        for (name in chosen.extras.keys) {
            if (name !in extras) {
                extras[name] = chosen.extras[name]
            }
        }
    }
    return Parsed(
        body = parsed.value,
        isJson = parsed.isJson,
        rawCode = rawCode,
        codeEnvelope = codeEnvelope,
        rawType = rawType,
        message = message,
        reference = reference,
        fields = fields,
        extras = extras,
        errors = errors,
        requestId = requestId,
    )
}
