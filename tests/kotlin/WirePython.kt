// The Kotlin runtime against the Python one (templates/kotlin/src/main/kotlin/__package__/
// wire/Wire.kt.jinja against templates/python/__package__/_runtime.py): a port of the reading
// half of tests/go/wire_python_test.go, on the cases tests/runtime_cases.py writes (random,
// hostile responses as the Python runtime reads them; their written bodies are the writing
// half's, which this runtime has not). Package t0.errors.wire, as WireTest.kt. The cases are
// read with the runtime's own decode.
package t0.errors.wire

import java.io.File
import java.util.Base64

private fun JsonObject.text(name: String): String? = this[name] as? String

private fun JsonObject.list(name: String): List<Any?> = this[name] as? List<*> ?: emptyList()

private fun JsonObject.texts(name: String): List<String> = list(name).filterIsInstance<String>()

private fun envelopeOf(spec: JsonObject): Envelope {
    val fields = spec.list("fields").filterIsInstance<JsonObject>().map {
        FieldSource(
            path = it.text("path") ?: "",
            name = it.text("name"),
            messages = it.text("messages"),
            message = it.text("message"),
            shape = it.text("shape") ?: "objects",
            code = it.text("code"),
            type = it.text("type"),
            pointer = it.text("pointer"),
        )
    }
    val extras = spec.list("extras").map { extraOf(it) }
    val condition = (spec["when"] as? JsonObject)?.let { w ->
        Condition(
            mediaTypes = w.texts("media_types"),
            statuses = w.texts("statuses"),
            present = w.texts("present"),
            equals = w.list("equals").map {
                val pair = it as List<*>
                Equality(pair[0] as String, pair[1])
            },
        )
    }
    return Envelope(
        name = spec.text("name"),
        type = spec.text("type"),
        code = spec.text("code"),
        message = spec.text("message"),
        reference = spec.text("reference"),
        fields = fields,
        `when` = condition,
        text = spec.text("body") == "text",
        errors = spec.text("errors"),
        firstKnown = spec.text("decides") == "first_known",
        lastSegment = spec.text("code_from") == "last_segment",
        extras = extras,
        requestId = spec.text("request_id"),
    )
}

private fun extraOf(spec: Any?): Extra {
    val parts = spec as List<*>
    return Extra(parts[0] as String, parts[1] as String, parts[2] as String)
}

// pyKey is key of a value in the cases' canonical form.
private fun pyKey(data: Any?): String =
    if (data is JsonObject) "n:" + data.text("num") else "s:" + data as String

private fun envelopeName(env: Envelope?): Any? = env?.name

// rawMark is what the cases say for a body Python keeps as sent (JSON null).
private val rawMark = JsonObject().also { it["raw"] = true }

fun againstPython(casesFile: String): List<String> {
    val failures = ArrayList<String>()
    val decoded = decode(File(casesFile).readBytes())
    check(decoded.isJson) { "not JSON: $casesFile" }
    var count = 0
    for (suite in (decoded.value as List<*>).filterIsInstance<JsonObject>()) {
        val envelopes = suite.list("envelopes").filterIsInstance<JsonObject>().map { envelopeOf(it) }
        val extras = HashMap<String, List<Extra>>()
        for (pair in suite.list("code_extras")) {
            val items = pair as List<*>
            extras[pyKey(items[0])] = (items[1] as List<*>).map { extraOf(it) }
        }
        val known = suite.list("known").map { pyKey(it) }.toSet()
        for (case in suite.list("cases").filterIsInstance<JsonObject>()) {
            count++
            val status = (case["status"] as? JsonNumber)?.text?.toInt() ?: 0
            val body = case.text("body")?.let { Base64.getDecoder().decode(it) }
            val headers = LinkedHashMap<String, String>()
            val sent = case["headers"] as? JsonObject ?: JsonObject()
            for (name in sent.keys) {
                headers[name] = sent[name] as String
            }
            val got = read(
                status, body, headers, envelopes,
                { raw, env -> raw != null && key(codeKey(raw, env)) in known },
                { extras[it] ?: emptyList() },
            )
            val errors = got.errors.map { one ->
                JsonObject().also {
                    it["raw_code"] = canon(one.rawCode)
                    it["raw_type"] = canon(one.rawType)
                    it["message"] = one.message
                    it["reference"] = one.reference
                    it["request_id"] = one.requestId
                    it["fields"] = canon(one.fields)
                    it["extras"] = canon(one.extras)
                    it["envelope"] = envelopeName(one.envelope)
                }
            }
            val expect = case["expect"] as JsonObject
            val mine = JsonObject()
            // Python keeps a JSON null body as sent; Kotlin has null (and isJson).
            val want = expect["body"]
            mine["body"] = if (equal(want, rawMark) && got.body == null && got.isJson) want else canon(got.body)
            mine["is_json"] = got.isJson
            mine["raw_code"] = canon(got.rawCode)
            mine["code_envelope"] = envelopeName(got.codeEnvelope)
            mine["raw_type"] = canon(got.rawType)
            mine["message"] = got.message
            mine["reference"] = got.reference
            mine["request_id"] = got.requestId
            mine["fields"] = canon(got.fields)
            mine["extras"] = canon(got.extras)
            mine["errors"] = errors
            val g = encode(mine)
            val w = encode(expect)
            if (g != w) {
                failures.add("${case.text("label")}: read ${case.text("body")}\n got  $g\n want $w")
            }
        }
    }
    if (count == 0) {
        failures.add("no cases in $casesFile")
    }
    return failures
}
