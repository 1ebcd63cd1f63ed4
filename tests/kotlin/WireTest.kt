// Table tests of the Kotlin runtime (templates/kotlin/src/main/kotlin/__package__/wire/
// Wire.kt.jinja): a port of the reading half of tests/go/wire_test.go, with the cases where
// Kotlin does what Python does and Go cannot (lone surrogates, a Map's own order) and those
// of the Kotlin API (plain's BigDecimal, headerMap's null name). Package t0.errors.wire: the
// test runner renders the runtime with kotlin_package t0.errors, and these tests, in its
// package, see its internals. No test library: wireTests() gives the failures, none to pass.
package t0.errors.wire

import java.math.BigDecimal
import java.math.BigInteger
import java.time.LocalDateTime
import java.time.ZoneOffset

// How many checks the last wireTests() made, for its caller to show.
var wireChecks = 0

private class Checks {
    val failures = ArrayList<String>()

    fun check(ok: Boolean, message: () -> String) {
        wireChecks++
        if (!ok) {
            failures.add(message())
        }
    }
}

// bytesOf is text as UTF-8 with raw bytes (each Int one byte) among it, as Go's "\xff".
private fun bytesOf(vararg parts: Any): ByteArray {
    val found = java.io.ByteArrayOutputStream()
    for (part in parts) {
        when (part) {
            is Int -> found.write(part)
            else -> found.write(part.toString().toByteArray(Charsets.UTF_8))
        }
    }
    return found.toByteArray()
}

private fun mustJson(text: String): Any? {
    val found = decode(text.toByteArray(Charsets.UTF_8))
    check(found.isJson) { "not JSON: $text" }
    return found.value
}

private fun shown(data: ByteArray): String = data.joinToString("") {
    val c = it.toInt() and 0xff
    if (c in 0x20..0x7e) c.toChar().toString() else "\\x" + c.toString(16).padStart(2, '0')
}

fun wireTests(): List<String> {
    wireChecks = 0
    val t = Checks()
    decodeJson(t)
    objects(t)
    encodeJson(t)
    numbers(t)
    paths(t)
    parses(t)
    headers(t)
    retryAfters(t)
    kinds(t)
    statuses(t)
    reads(t)
    return t.failures
}

private fun decodeJson(t: Checks) {
    for ((data, want) in listOf(
        bytesOf("""{"b":1,"a":2,"b":3}""") to """{"b":3,"a":2}""",
        bytesOf(" \t\n{\"a\" : [ 1 , 2.50 ] }\r") to """{"a":[1,2.50]}""",
        bytesOf(""""\ud83d\ude00\u00e9\/"""") to "\"\uD83D\uDE00\u00E9/\"",
        // Go has U+FFFD for a lone surrogate; Kotlin keeps it, as Python does.
        bytesOf(""""\ud800x"""") to """"\ud800x"""",
        bytesOf(""""\ude00\ud83d\ud83d\ude00"""") to "\"\\ude00\\ud83d\uD83D\uDE00\"",
        bytesOf("12345678901234567890123") to "12345678901234567890123",
        bytesOf("1e400") to "1e400",
        bytesOf("-0") to "-0",
        bytesOf("null") to "null",
        bytesOf("\"a", 0xff, "b", 0xe2, 0x82, "\"") to "\"a\uFFFDb\uFFFD\"",
    )) {
        val got = decode(data)
        t.check(got.isJson && encode(got.value) == want) {
            "decode(${shown(data)}) = ${encode(got.value)} ${got.isJson}, want $want"
        }
    }
    for (text in listOf(
        "", " ", """{"a":1} x""", """{"a":1}{}""", "[1,]", """{"a":1,}""", "NaN", "Infinity",
        "-Infinity", "01", "1.", ".5", "1e", "+1", "\"a\tb\"", """"\x"""", """"\u12"""", "{a:1}",
        "[1 2]", "tru", "\uFEFF{}", "1".repeat(4301), "[".repeat(901) + "]".repeat(901),
        """"\ud800\uzzzz"""", "-", "[", "{\"a\"", "\"", "\"\\",
    )) {
        t.check(!decode(text.toByteArray(Charsets.UTF_8)).isJson) { "decode(${text.take(40)}) is JSON" }
    }
    for (text in listOf(
        "1".repeat(4300), "-" + "1".repeat(4300), "1".repeat(5000) + ".0",
        "[".repeat(900) + "]".repeat(900), "{\"a\":".repeat(900) + "1" + "}".repeat(900),
    )) {
        t.check(decode(text.toByteArray(Charsets.UTF_8)).isJson) { "decode(${text.take(20)}...) is not JSON" }
    }
}

private fun objects(t: Checks) {
    val o = JsonObject()
    o["b"] = 1
    o["a"] = 2
    o["b"] = 3
    t.check(o.keys.toList() == listOf("b", "a") && o["b"] == 3) { "set: ${o.keys} ${o["b"]}" }
    t.check(o.lookup("c") === Missing && o.lookup("a") == 2) { "lookup" }
    val got = plain(mustJson("""{"a":[{"b":null}],"c":"d"}"""))
    val want = mapOf("a" to listOf(mapOf("b" to null)), "c" to "d")
    t.check(got == want && got is LinkedHashMap<*, *> && got.keys.toList() == listOf("a", "c")) { "plain: $got" }
    // Numbers are exact, in their own scale; what Python reads as an infinite float is one.
    // A float longer than any integer Python reads is the double Python reads it as.
    val numbers = plain(mustJson("""[20404,20404.0,1e400,-1e400,123456789012345678901234567890,0.1,1e-400,1e-99999999999,""" + "1".repeat(5000) + "e-4999]"))
    val wantNumbers = listOf(
        BigDecimal("20404"), BigDecimal("20404.0"), Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        BigDecimal("123456789012345678901234567890"), BigDecimal("0.1"), BigDecimal("1e-400"), BigDecimal("0.0"), BigDecimal("1.1111111111111112"),
    )
    t.check(numbers == wantNumbers) { "plain numbers: $numbers" }
    // encode takes what plain gives (infinity as null, as Python's json_data).
    val back = encode(plain(mustJson("""{"b":[1.50,2],"a":{"c":1e400}}""")))
    t.check(back == """{"b":[1.50,2],"a":{"c":null}}""") { "encode(plain): $back" }
}

private class Opaque {
    override fun toString(): String = "{1}"
}

private fun encodeJson(t: Checks) {
    for ((data, want) in listOf<Pair<Any?, String>>(
        // A Map in its own order, as Python's dict (Go sorts: its maps have none).
        mapOf("b" to 1, "a" to listOf("x")) to """{"b":1,"a":["x"]}""",
        sortedMapOf("b" to 1, "a" to listOf("x")) to """{"a":["x"],"b":1}""",
        "<&>\"\\\n\u0001é\u2028" to "\"<&>\\\"\\\\\\n\\u0001é\u2028\"",
        -3L to "-3",
        7 to "7",
        BigInteger("123456789012345678901234567890") to "123456789012345678901234567890",
        BigDecimal("2.50") to "2.50",
        1.5 to "1.5",
        100.0 to "100.0",
        -0.0 to "-0.0",
        1e16 to "1e+16",
        1.5e300 to "1.5e+300",
        0.0001 to "0.0001",
        1e-5 to "1e-05",
        0.1f to "0.10000000149011612",
        Double.POSITIVE_INFINITY to "null",
        Double.NaN to "null",
        JsonNumber("1e400") to "1e400",
        JsonNumber("bad") to "\"bad\"",
        null to "null",
        true to "true",
        bytesOf("a", 0xff) to "\"a\uFFFD\"",
        Opaque() to "\"{1}\"",
        // A lone surrogate is escaped, so that the text is valid Unicode; a pair is kept.
        "\uD800x\uDE00\uD83D\uDE00" to "\"\\ud800x\\ude00\uD83D\uDE00\"",
    )) {
        val got = encode(data)
        t.check(got == want) { "encode($data) = $got, want $want" }
    }
}

private fun numbers(t: Checks) {
    val same = listOf(
        listOf("20404", "20404.0", "2.0404e4", "204040e-1"),
        listOf("0", "-0", "0.0", "-0.0"),
        listOf("9007199254740992", "9007199254740993.0"), // a float rounds, as Python's does
        listOf("1e400", "2e400"),
    )
    for (group in same) {
        for (text in group) {
            t.check(key(JsonNumber(text)) == key(JsonNumber(group[0]))) { "key($text) != key(${group[0]})" }
        }
    }
    val differ = listOf<Pair<Any?, Any?>>(
        JsonNumber("20404") to "20404",
        JsonNumber("9007199254740993") to JsonNumber("9007199254740992"),
        JsonNumber("1") to JsonNumber("1.5"),
        JsonNumber("1e400") to JsonNumber("-1e400"),
    )
    for ((left, right) in differ) {
        t.check(key(left) != key(right)) { "key($left) == key($right)" }
    }
    t.check(key(null) == "" && key(true) == "" && key(JsonNumber("x")) == "") { "key of no wire value" }
    t.check(numberKey(JsonNumber("0.5")) == "1/2" && numberKey(JsonNumber("0.1")) == "3602879701896397/36028797018963968") {
        "numberKey fractions"
    }
    for ((input, want) in listOf(
        "20404" to JsonNumber("20404"), "2.0404e4" to JsonNumber("20404"), "-0" to JsonNumber("0"),
        "1.5" to null, "1e400" to null, "1e20" to JsonNumber("100000000000000000000"),
        "123456789012345678901234567890" to JsonNumber("123456789012345678901234567890"),
    )) {
        val got = of(JsonNumber(input))
        t.check(got == want) { "of($input) = $got, want $want" }
    }
    t.check(of(true) == null && of(null) == null && of("x") == "x" && of(emptyList<Any?>()) == null) { "of of others" }
    t.check(
        equal(JsonNumber("1"), JsonNumber("1.0")) && !equal(true, JsonNumber("1")) &&
            !equal(JsonNumber("1"), "1") && equal(null, null) && !equal(null, false) &&
            equal(mustJson("[true]"), mustJson("[1]")) && equal(false, false) &&
            equal(mustJson("""{"a":1,"b":[2]}"""), mustJson("""{"b":[2.0],"a":1}""")) &&
            !equal(mustJson("""{"a":1}"""), mustJson("""{"b":1}"""))
    ) { "equal" }
}

private fun paths(t: Checks) {
    val body = mustJson(
        """{"a":{"b c":[10,20,30],"it's":1,"é":2},
		"list":[{"k":"x","v":1},{"k":"y","v":2},{"k":"y","v":3},{"k":{"n":1},"v":4},{"k":2,"v":5}],
		"m":{"z":{"t":true},"10":{"t":true},"2":{"t":true}},
		"s":[null]}""",
    )
    t.check(find(body, "\$") === body) { "find $" }
    for ((path, want) in listOf(
        "\$.a['b c'][0]" to "10",
        "\$.a['b c'][-1]" to "30",
        "\$.a['b c'][-3]" to "10",
        "\$.a['it\\'s']" to "1",
        "\$.a['\\u00e9']" to "2",
        "\$.list[?@.k=='y'].v" to "2",
        "\$.list[?@.k==2].v" to "5",
        "\$.list[?@.k==2.0].v" to "5",
        "\$.list[?@.k.n==1].v" to "4",
        "\$.list[?@['k']=='x'].v" to "1",
        "\$.m[?@.t==true]" to """{"t":true}""",
        "\$.s[0]" to "null",
        "\$.list[?@.v==3]['k']" to "\"y\"",
        "\$.a['b c'][?@==20]" to "20",
        "\$.list[?@.k=='y'][?@==3]" to "3",
    )) {
        val got = find(body, path)
        t.check(got !== Missing && encode(got) == want) { "find($path) = ${encode(got)}, want $want" }
    }
    for (path in listOf<String?>(
        null, "\$.x", "\$.a['b c'][3]", "\$.a['b c'][-4]", "\$.list[?@.k=='z']", "\$.list[?@.k==true]",
        "\$.s[0].x", "\$.a.b c", "\$[0]", "\$.list.k", "\$..a", "\$.a['b c'][99999999999]",
        "\$.a['b c'][-99999999999]",
    )) {
        val got = find(body, path)
        t.check(got === Missing) { "find($path) = $got" }
    }
    // JavaScript's member order decides which member a filter finds first.
    val got = find(mustJson("""{"b":{"x":1,"i":"b"},"10":{"x":1,"i":"10"},"2":{"x":1,"i":"2"}}"""), "\$[?@.x==1].i")
    t.check(got == "2") { "first member: $got" }
    // In a quoted name, the escapes of a pair of UTF-16 units join.
    val odd = mustJson("{\"\uD83D\uDE00\":1}")
    t.check(encode(find(odd, "\$['\\ud83d\\ude00']")) == "1") { "quoted pair" }
}

private fun parses(t: Checks) {
    for ((data, want) in listOf<Pair<ByteArray?, Pair<Any?, Boolean>>>(
        null to (null to false),
        ByteArray(0) to ("" to false),
        bytesOf(0xef, 0xbb, 0xbf, "\"a\"") to ("a" to true),
        bytesOf(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, "\"a\"") to ("\uFEFF\"a\"" to false),
        bytesOf("oops ", 0xe2, 0x82, "A", 0xf0, 0x9f, 0xff, 0xed, 0xa0, 0x80) to
            ("oops \uFFFDA\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD" to false),
        bytesOf("é", 0xf0, 0x9f, 0x98, 0x80, 0xf4, 0x90, 0x80, 0x80, 0xc0, 0xaf) to
            ("é\uD83D\uDE00\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD" to false),
        bytesOf("[1] x") to ("[1] x" to false),
        bytesOf(" 12 ") to (JsonNumber("12") to true),
    )) {
        val got = parse(data)
        t.check(got.value == want.first && got.isJson == want.second) {
            "parse(${data?.let { shown(it) }}) = ${got.value} ${got.isJson}"
        }
    }
}

private fun headers(t: Checks) {
    val h = headerMap(
        mapOf(
            "X-Id" to listOf("a", "b"), "x-id" to listOf("c"), "Content-Type" to listOf(" Application/JSON ; charset=x"),
            "Empty" to listOf<String>(), null to listOf("HTTP/1.1 400 Bad Request"), "Broken" to listOf("x", null),
        ),
    )
    t.check(h["x-id"] == "a, b, c" && h["empty"] == "" && mediaType(h) == "application/json" && h.size == 3) {
        "headerMap: $h"
    }
    t.check(headerMap(null).isEmpty() && headerMap(mapOf("A" to listOf("1"))) == mapOf("a" to "1")) { "headerMap of others" }
    t.check(mediaType(mapOf()) == "" && mediaType(mapOf("content-type" to "\u001c;")) == "" &&
        mediaType(mapOf("content-type" to "\u0085\u00a0Text/Plain\u2028")) == "text/plain") { "no media type" }
    val id = requestId(mapOf("a" to " \t", "b" to " x-1\t"), listOf("c", "a", "b"))
    t.check(id == "x-1") { "request id $id" }
    t.check(requestId(mapOf("a" to ""), listOf("a")) == null) { "empty request id" }
    val shown = redacted(
        mapOf("authorization" to "x", "x-csrf-token" to "y", "mine" to "z", "ok" to "w"),
        setOf("mine"),
    )
    t.check(shown == mapOf("authorization" to "[redacted]", "x-csrf-token" to "[redacted]", "mine" to "[redacted]", "ok" to "w")) {
        "redacted: $shown"
    }
}

private fun retryAfters(t: Checks) {
    val now = LocalDateTime.of(1994, 11, 6, 8, 49, 0).toEpochSecond(ZoneOffset.UTC) * 1000
    for ((headers, want) in listOf<Pair<Map<String, String>, Double?>>(
        mapOf("retry-after" to " 120 ") to 120.0,
        mapOf("retry-after-ms" to "1500.5", "retry-after" to "9") to 1.5005,
        mapOf("retry-after-ms" to "x", "retry-after" to "9") to 9.0,
        mapOf("retry-after" to "Sun, 06 Nov 1994 08:49:37 GMT") to 37.0,
        mapOf("retry-after" to "Sunday, 06-Nov-94 08:49:37 GMT") to 37.0,
        mapOf("retry-after" to "Sun Nov  6 08:49:37 1994") to 37.0,
        mapOf("retry-after" to "Sun, 06 Nov 1994 08:49:37 GMT", "date" to "Sun, 06 Nov 1994 08:49:30 GMT") to 7.0,
        mapOf("retry-after" to "Sun, 06 Nov 1994 08:48:37 GMT") to 0.0,
        mapOf("retry-after" to "Sun, 06 Foo 1994 08:49:37 GMT") to null,
        mapOf("retry-after" to "Sun, 32 Nov 1994 08:49:37 GMT") to null,
        mapOf("retry-after" to "-1") to null,
        mapOf("retry-after" to "1.5") to null,
        mapOf("retry-after" to "12\n") to null,
        mapOf<String, String>() to null,
    )) {
        val got = retryAfter(headers, now)
        t.check(if (want == null) got == null else got != null && Math.abs(got - want) < 1e-9) {
            "retryAfter($headers) = $got, want $want"
        }
    }
    for ((text, want) in listOf(
        "Thu, 01 Jan 1970 00:00:00 GMT" to 0.0,
        "Thursday, 01-Jan-70 00:00:00 GMT" to 0.0,
        "Saturday, 01-Jan-00 00:00:00 GMT" to 946684800.0,
        "Thu Jan  1 00:00:01 1970" to 1.0,
        "Sat, 31 Feb 2001 00:00:00 GMT" to 983577600.0, // rolls over into March, as Python's
        "Sat, 31 Dec 2001 23:59:60 GMT" to 1009843200.0,
    )) {
        val got = httpDate(text)
        t.check(got == want) { "httpDate($text) = $got, want $want" }
    }
}

private fun kinds(t: Checks) {
    for ((case, want) in listOf<Pair<Pair<Any?, String>, Boolean>>(
        ("x" to "string") to true, (JsonNumber("1") to "string") to false,
        (JsonNumber("1.0") to "integer") to true, (JsonNumber("1.5") to "integer") to false,
        ("1" to "integer") to false, (true to "integer") to false, (3 to "integer") to true,
        (2.0 to "integer") to true, (2.5 to "number") to true, (JsonNumber("1.5") to "number") to true,
        (true to "boolean") to true, (JsonNumber("0") to "boolean") to false,
        (listOf("a") to "strings") to true, (listOf("a", JsonNumber("1")) to "strings") to false,
        (emptyList<String>() to "strings") to true, (mustJson("{}") to "object") to true,
        (null to "object") to false, ("x" to "object") to true, ("x" to "integer|string") to true,
        (Any() to "string") to false, (Any() to "object") to true,
        (BigDecimal("20404.0") to "integer") to true, (mapOf("a" to 1) to "object") to true,
    )) {
        val (data, kinds) = case
        t.check(isOfKind(data, kinds) == want) { "isOfKind($data, $kinds) != $want" }
    }
}

private fun statuses(t: Checks) {
    val envelopes = listOf(Envelope(), Envelope(`when` = Condition(statuses = listOf("200", "3xx"))))
    for ((status, want) in listOf(200 to true, 302 to true, 201 to false, 404 to false)) {
        t.check(readsStatus(envelopes, status) == want) { "readsStatus($status)" }
    }
    val entries = mapOf("404" to "exact", "4xx" to "range")
    for ((status, want) in listOf(404 to "exact", 400 to "range", 0 to null, 4000 to null, 500 to null)) {
        val got = statusEntry(status, entries)
        t.check(got == want) { "statusEntry($status) = $got" }
    }
}

internal val testEnvelopes = listOf(
    Envelope(
        name = "main", code = "\$.error.code", type = "\$.error.type", message = "\$.error.message",
        reference = "\$.error.doc", requestId = "\$.meta.request_id",
        fields = listOf(
            FieldSource(path = "\$.error.fields", name = "\$.name", messages = "\$.messages"),
            FieldSource(path = "\$.error.details", message = "\$.msg", pointer = "\$.loc", code = "\$.code", type = "\$.kind"),
            FieldSource(path = "\$.error.map", shape = "map"),
            FieldSource(path = "\$.error.strings", shape = "strings"),
        ),
        extras = listOf(Extra("count", "\$.error.count", "integer"), Extra("tags", "\$.error.tags", "strings")),
        `when` = Condition(mediaTypes = listOf("application/json")),
    ),
    Envelope(
        name = "list", code = "\$.code", message = "\$.message", errors = "\$.errors", firstKnown = true,
        fields = listOf(FieldSource(path = "\$", name = "\$.field", message = "\$.message")),
        `when` = Condition(statuses = listOf("4xx", "200"), present = listOf("\$.errors")),
    ),
    Envelope(
        name = "problem", code = "\$.type", type = "\$.type", message = "\$.title", lastSegment = true,
        `when` = Condition(equals = listOf(Equality("\$.v", JsonNumber("2")), Equality("\$.ok", false))),
    ),
    Envelope(name = "text", text = true),
)

private fun readTest(status: Int, body: String, headers: Map<String, String>): Parsed =
    read(
        status, body.toByteArray(Charsets.UTF_8), headers, testEnvelopes,
        { raw, _ -> raw == "known" },
        { found -> if (found == "s:not_found") listOf(Extra("what", "\$.what", "string")) else emptyList() },
    )

// canon is a value with its numbers, objects and fields made comparable as JSON.
internal fun canon(data: Any?): Any? = when (data) {
    is JsonNumber -> JsonObject().also { it["num"] = numberKey(data) }
    is Field -> canon(listOf(data.name, data.messages, data.code, data.type, data.pointer))
    is List<*> -> data.map { canon(it) }
    is JsonObject -> JsonObject().also { found -> found["obj"] = data.keys.map { listOf(it, canon(data[it])) } }
    else -> data
}

private fun reads(t: Checks) {
    val json = mapOf("content-type" to "application/json")
    var p = readTest(
        400,
        """{"error":{"code":20404.0,"type":"t","message":"m","doc":"d","count":3.0,"tags":["a"],
		"fields":[{"name":"f","messages":["x","y"]},{"name":"f","messages":["z"]},"bare",{"messages":["no name"]}]},
		"meta":{"request_id":"r"}}""",
        json,
    )
    t.check(p.rawCode == of(JsonNumber("20404")) && p.codeEnvelope?.name == "main" && p.rawType == "t" &&
        p.message == "m" && p.reference == "d" && p.requestId == "r" && p.isJson) { "read: $p" }
    var got = encode(canon(p.fields))
    t.check(got == """[["f",["x","y","z"],null,null,null],["",["bare"],null,null,null]]""") { "fields: $got" }
    got = encode(p.extras)
    t.check(got == """{"count":3,"tags":["a"]}""") { "extras: $got" }
    // The media type rules the main envelope out; the problem one reads the rest.
    p = readTest(
        0,
        """{"error":{"code":"x"},"type":"https://e.com/not_found/?a#b","title":"T","v":2.0,"ok":false}""",
        mapOf("content-type" to "text/json"),
    )
    t.check(p.rawCode == "https://e.com/not_found/?a#b" && codeKey(p.rawCode, p.codeEnvelope) == "not_found" && p.message == "T") {
        "problem: $p"
    }
    p = readTest(0, """{"type":"x","title":"T","v":"2","ok":false}""", mapOf())
    t.check(p.rawCode == null && p.message == null) { "equals: $p" }
    p = readTest(200, """{"errors":[{"code":"a","message":"first","field":"f"},7,{"code":"known","message":"second"}]}""", mapOf())
    t.check(p.rawCode == "known" && p.message == "second" && p.errors.size == 2 && p.errors[0].rawCode == "a" &&
        p.errors[0].fields.size == 1 && p.errors[0].fields[0].name == "f" && p.fields.isEmpty()) { "first_known: $p" }
    p = readTest(200, """{"errors":{"code":"a"}}""", mapOf())
    t.check(p.rawCode == "a" && p.errors.size == 1) { "one error: $p" }
    p = readTest(201, """{"errors":[{"code":"a"}]}""", mapOf())
    t.check(p.rawCode == null) { "status: $p" }
    p = readTest(404, """{"errors":[{"code":"a"}]}""", mapOf())
    t.check(p.rawCode == "a") { "4xx: $p" }
    p = readTest(0, """{"errors":[{"code":"a"}]}""", mapOf())
    t.check(p.rawCode == null) { "no status: $p" }
    for ((body, want) in listOf(" \tService down\r\n " to "Service down", " <html>" to null, " " to null, "\"json\"" to null)) {
        p = readTest(503, body, mapOf())
        t.check(p.message == want) { "text $body: $p" }
    }
    p = readTest(503, "Down", mapOf("content-type" to "text/html"))
    t.check(p.message == null) { "html: $p" }
    p = readTest(302, "Down", mapOf())
    t.check(p.message == null) { "302 text: $p" }
    p = readTest(404, """{"error":{"code":"not_found","message":"m"},"what":"thing"}""", mapOf())
    got = encode(p.extras)
    t.check(got == """{"what":"thing"}""") { "code extras: $got" }
    p = readTest(
        400,
        """{"error":{"details":[{"loc":"a.b","msg":"bad","code":7,"kind":"k"},{"loc":"a.b","msg":"worse","code":7,"kind":"k"},{"msg":"none"}]}}""",
        mapOf(),
    )
    got = encode(canon(p.fields))
    t.check(got == """[["a.b",["bad","worse"],{"num":"7"},"k","a.b"]]""") { "pointer fields: $got" }
    p = readTest(400, """{"error":{"map":{"b":"x","a":{"c":["y","z"],"d":[1]},"1":[]}}}""", mapOf())
    got = encode(canon(p.fields))
    t.check(got == """[["1",[],null,null,null],["b",["x"],null,null,null],["a.c",["y","z"],null,null,null]]""") { "map fields: $got" }
    p = readTest(400, """{"error":{"strings":["x",1,"y"]}}""", mapOf())
    got = encode(canon(p.fields))
    t.check(got == """[["",["x","y"],null,null,null]]""") { "strings fields: $got" }
    p = read(400, bytesOf("{\"error\":{\"message\":\"a", 0xff, "b\"}}"), mapOf(), testEnvelopes, null) { emptyList() }
    t.check(p.message == "a\uFFFDb") { "invalid UTF-8: $p" }
    p = read(400, null, mapOf(), testEnvelopes, null) { emptyList() }
    t.check(p.body == null && !p.isJson && p.message == null) { "no body: $p" }
    p = read(400, "null".toByteArray(), mapOf(), testEnvelopes, null) { emptyList() }
    t.check(p.body == null && p.isJson && p.rawCode == null) { "null body: $p" }
}
