// One generated package as the harness drives it (tests/kotlin/Harness.kt), through its typed
// API. tests/kotlinc.py writes a copy of this file into each package of a run, with
// __PACKAGE__ and __BASE__ replaced by the package and its base class.
package __PACKAGE__

import harness.Binding
import java.math.BigDecimal
import java.net.HttpURLConnection
import kotlin.time.DurationUnit

object HarnessAdapter : Binding {
    override fun read(status: Int, headers: Map<String, List<String>>, body: ByteArray): MutableMap<String, Any?> {
        val error = __BASE__.fromResponse(status, headers, body)
        val found = result(error)
        found["is_error"] = __BASE__.errorFor(status, headers, body) != null
        return found
    }

    override fun isError(status: Int, headers: Map<String, List<String>>, body: ByteArray): Boolean =
        __BASE__.errorFor(status, headers, body) != null

    override fun fromConnection(connection: HttpURLConnection): Map<String, Any?>? =
        __BASE__.fromHttpURLConnection(connection)?.let(::result)

    override fun checks(): List<String> {
        val failed = mutableListOf<String>()
        val headers = mapOf(
            "Set-Cookie" to listOf("session=abc"),
            "Authorization" to listOf("Bearer x"),
            "X-Csrf-Token" to listOf("t"),
            "X-Other" to listOf("shown"),
        )
        val shown = __BASE__.fromResponse(401, headers, ByteArray(0)).redactedHeaders
        val hidden = shown.filterValues { it == listOf("[redacted]") }.keys
        if (hidden != setOf("set-cookie", "authorization", "x-csrf-token") || shown["x-other"] != listOf("shown")) {
            failed += "redactedHeaders gave $shown"
        }
        // A cycle of causes ends; a null list of header values (from Java) reads as none.
        val first = java.io.IOException("first")
        val second = java.io.IOException("second", first)
        first.initCause(second)
        if (__BASE__.translate(RuntimeException(first)) != null) failed += "translate found an error in a cycle"
        @Suppress("UNCHECKED_CAST")
        val nulls = java.util.HashMap<String, List<String>?>().apply { put("X-A", null) } as Map<String, List<String>>
        if (__BASE__.fromResponse(500, nulls, ByteArray(0)).status != 500) failed += "null header values"
        return failed
    }

    override fun translate(error: Throwable): String {
        val found = __BASE__.translate(error) ?: return "null"
        check(found === __BASE__.translate(RuntimeException("wrapped", found))) { "the package's own error is not given back" }
        check(found.cause === error) { "the cause is not the client's exception" }
        return "${found::class.java.simpleName} sent=${found.sent}"
    }

    /** What its codes say, in the terms every language's description uses. */
    override fun describe(): Map<String, Any?> {
        val codes = LinkedHashMap<String, Any?>()
        val types = LinkedHashMap<String, Any?>()
        for (info in __BASE__.kinds) {
            val code = info.code
            val type = info.type
            if (code != null) {
                check(__BASE__.lookup(code.value) === info) { "lookup misses $code" }
                check(code.info === info) { "ErrorCode.info misses $code" }
                codes[code.value] = mapOf(
                    "wire" to info.wire,
                    "statuses" to info.statuses,
                    "answer_status" to info.answerStatus,
                    "message" to info.defaultMessage,
                    "description" to info.description,
                    "retryable" to info.retryable,
                    "throttling" to info.throttling,
                    "fault" to info.fault?.value,
                    "type" to info.parent?.type?.value,
                    "deprecated" to info.deprecated,
                    "replaced_by" to info.replacedBy?.value,
                )
            } else if (type != null) {
                check(type.info === info) { "ErrorType.info misses $type" }
                types[type.value] = mapOf(
                    "wire" to info.wire,
                    "fault" to info.fault?.value,
                    "deprecated" to info.deprecated,
                    "description" to info.description,
                )
            }
        }
        return mapOf("codes" to codes, "types" to types)
    }

    private fun fields(list: List<FieldError>): List<Any?> = list.map { field ->
        val found = linkedMapOf<String, Any?>("name" to field.name, "messages" to field.messages)
        field.code?.let { found["code"] = it }
        field.type?.let { found["type"] = it }
        field.pointer?.let { found["pointer"] = it }
        found
    }

    private fun result(error: __BASE__): MutableMap<String, Any?> {
        return linkedMapOf(
            "class" to error::class.java.simpleName,
            "status" to error.status,
            "code" to (error.code?.takeIf { it.info != null }?.value ?: error.rawCode),
            "raw_code" to error.rawCode,
            "type" to (error.type?.takeIf { it.info != null }?.value ?: error.rawType),
            "message" to error.message,
            "reference" to error.reference,
            "fields" to fields(error.fields),
            "extras" to error.extras,
            "errors" to error.errors.map { item ->
                linkedMapOf(
                    "code" to (item.code?.takeIf { it.info != null }?.value ?: item.rawCode),
                    "raw_code" to item.rawCode,
                    "type" to (item.type?.takeIf { it.info != null }?.value ?: item.rawType),
                    "message" to item.message,
                    "fields" to fields(item.fields),
                    "extras" to item.extras,
                )
            },
            "request_id" to error.requestId,
            "retry_after" to error.retryAfter?.toDouble(DurationUnit.SECONDS)?.let { BigDecimal(it.toString()) },
            "retryable" to error.retryable,
            "throttled" to error.throttled,
            "removed" to error.removed,
            "fault" to error.fault?.value,
        )
    }
}
