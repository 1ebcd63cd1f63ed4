// Generated from catalogue.yaml by error-bindings. Do not edit.
@file:Suppress("DEPRECATION")

package com.acme.errors

import com.acme.errors.wire.Condition
import com.acme.errors.wire.Envelope
import com.acme.errors.wire.Equality
import com.acme.errors.wire.Extra
import com.acme.errors.wire.FieldSource
import com.acme.errors.wire.JsonNumber
import com.acme.errors.wire.isSecret
import com.acme.errors.wire.key
import java.math.BigDecimal

/**
 * The catalogue's kinds of errors and what reading a response needs of them, each table made
 * on first use. The codes are added by groups (CodesN), each small enough for one JVM
 * method and one class's constants, so that any number of codes compiles.
 */
internal object Catalog {
    val other = ErrorInfo("AcmeOtherError", null, null, null, emptyList(), null, "Unknown error", "An error the catalogue knows nothing of.", null, false, null, null, null, null, null, emptyList(), false, 0) { _, details -> AcmeOtherError(details) }
    val transport = ErrorInfo("AcmeTransportError", null, null, null, emptyList(), null, "No answer from Acme API", "The request failed on its way, or its answer did not come.", true, false, null, null, null, null, null, emptyList(), true, 0) { _, details -> AcmeTransportError(details) }
    val connection = ErrorInfo("AcmeConnectionError", null, null, transport, emptyList(), null, "No answer from Acme API", "The request never reached the server: sending it again is safe.", null, false, null, null, null, null, null, emptyList(), false, 0) { _, details -> AcmeConnectionError(details) }
    val timeout = ErrorInfo("AcmeTimeoutError", null, null, transport, emptyList(), null, "No answer from Acme API", "The request was sent, and no answer came in time.", null, false, null, null, null, null, null, emptyList(), true, 0) { _, details -> AcmeTimeoutError(details) }

    val statusClassList: List<ErrorInfo> by lazy { buildList { StatusClasses0.add(this); } }
    val typeList: List<ErrorInfo> by lazy { buildList { Types0.add(this); } }
    val codeList: List<ErrorInfo> by lazy { buildList { Codes0.add(this); } }

    val kinds: List<ErrorInfo> by lazy { listOf(transport, connection, timeout) + statusClassList + typeList + codeList }
    val statusClasses: Map<String, ErrorInfo> by lazy { statusClassList.associateBy { it.className } }
    val types: Map<String, ErrorInfo> by lazy { typeList.associateBy { it.type!!.value } }
    val codes: Map<String, ErrorInfo> by lazy { codeList.associateBy { it.code!!.value } }
    val byName: Map<String, ErrorInfo> by lazy { kinds.associateBy { it.className } }

    fun code(key: String): ErrorInfo = codes.getValue(key)

    fun type(key: String): ErrorInfo = types.getValue(key)

    fun statusClass(key: String): ErrorInfo = statusClassByKey.getValue(key)

    private val statusClassByKey: Map<String, ErrorInfo> by lazy {
        mapOf("rate_limited" to statusClasses.getValue("RateLimitedError"))
    }

    /**
     * The codes and types by the values a server sends: a code or type with no wire values
     * is sent as its key (a key among its wire values is an alias already), unless that is
     * another's wire value.
     */
    val codeAliases: Map<String, ErrorCode> by lazy { aliases(codeList) { it.code!! } }
    val typeAliases: Map<String, ErrorType> by lazy { aliases(typeList) { it.type!! } }

    private fun <K> aliases(kinds: List<ErrorInfo>, keyOf: (ErrorInfo) -> K): Map<String, K> {
        val found = HashMap<String, K>()
        for (kind in kinds) {
            for (value in kind.sentAs) found[key(value)] = keyOf(kind)
        }
        for (kind in kinds) {
            val own = key(keyOf(kind).toString())
            if (kind.sentAs.isEmpty() && own !in found) found[own] = keyOf(kind)
        }
        return found
    }

    /** The values a server sends for a code: its wire values, else its key. */
    private fun sentAs(kind: ErrorInfo): List<Any> = kind.sentAs.ifEmpty { listOf(kind.code!!.value) }

    /** The code kinds by the lower-case key, class name or wire value of exactly one. */
    private val folded: Map<String, ErrorInfo> by lazy {
        val seen = HashMap<String, MutableSet<ErrorInfo>>()
        for (kind in codeList) {
            val words = listOf(kind.code!!.value, kind.className) + kind.sentAs.filterIsInstance<String>()
            for (word in words) seen.getOrPut(word.lowercase()) { LinkedHashSet() }.add(kind)
        }
        seen.filterValues { it.size == 1 }.mapValues { it.value.first() }
    }

    fun lookup(code: Any): ErrorInfo? {
        val value = sent(code) ?: return null
        if (value is String) codes[value]?.let { return it }
        codeAliases[key(value)]?.let { return codes[it.value] }
        if (value !is String) return null
        byName[value]?.takeIf { it.code != null }?.let { return it }
        return folded[value.lowercase()]
    }

    fun tombstone(code: Any): Removed? {
        val value = sent(code) ?: return null
        return removedBySent[key(value)] ?: (value as? String)?.let { removedByKey[it] }
    }

    /** A value given for a code as the runtime holds one: text, or a number as its JSON text. */
    private fun sent(code: Any): Any? = when (code) {
        is String -> code
        is ErrorCode -> code.value
        is BigDecimal -> JsonNumber(code.toString())
        is Int, is Long, is Short, is Byte -> JsonNumber(code.toString())
        is Double -> if (code.isFinite()) JsonNumber(code.toString()) else null
        is Float -> if (code.isFinite()) JsonNumber(code.toString()) else null
        else -> null
    }

    private val tombstones: List<Pair<Removed, List<Any>>> by lazy { buildList { Tombstones0.add(this); } }
    val removedByKey: Map<String, Removed> by lazy { tombstones.associate { it.first.key to it.first } }
    val removedBySent: Map<String, Removed> by lazy {
        tombstones.flatMap { (gone, sent) -> sent.map { key(it) to gone } }.toMap()
    }

    /** The extras only some codes' bodies carry, by each value a server sends for the code. */
    val codeExtras: Map<String, List<Extra>> by lazy { HashMap<String, List<Extra>>().also { CodeExtras0.add(it); } }

    /** Status classes by status ("429", "5xx"): those chosen before the type, and those after it. */
    val statusClassesFirst: Map<String, ErrorInfo> by lazy {
        mapOf<String, ErrorInfo>(
            "429" to statusClass("rate_limited"),
        )
    }
    val statusClassesLast: Map<String, ErrorInfo> by lazy {
        mapOf<String, ErrorInfo>(
        )
    }

    /** For a status whose documented codes all share one type. */
    val typeByStatus: Map<String, ErrorInfo> by lazy {
        mapOf<String, ErrorInfo>(
            "400" to type("request"),
            "404" to type("legacy"),
            "5xx" to type("internal"),
        )
    }

    val envelopes: List<Envelope> by lazy {
        listOf(
            Envelope(name = "main", type = "\$.error.type", code = "\$.error.code", message = "\$.error.message", fields = listOf(FieldSource(path = "\$.error.fields", name = "\$.name", messages = "\$.messages")), extras = listOf(Extra("retry_in", "\$.error.retry_in", "number"), Extra("attempts", "\$.error.attempts", "integer"), Extra("blocked", "\$.error.blocked", "boolean"), Extra("tags", "\$.error.tags", "strings"), Extra("detail", "\$.error.detail", "object"), Extra("doc_url", "\$.error.doc_url", "string")), requestId = "\$.meta.request_id"),
            Envelope(name = "text", `when` = Condition(mediaTypes = listOf("text/plain")), text = true),
        )
    }

    fun redacted(headers: Map<String, List<String>>): Map<String, List<String>> =
        headers.mapValues { (name, values) -> if (isSecret(name.lowercase(), secretHeaders)) values.map { "[redacted]" } else values }

    fun shown(error: AcmeError): String {
        val said = listOfNotNull(error.status?.let { "HTTP $it" }, error.requestId?.let { "request $it" })
        val text = (error.code?.let { "$it: " } ?: "") + error.message
        return error::class.java.name + ": " + if (said.isEmpty()) text else text + " (" + said.joinToString(", ") + ")"
    }

    // An extra as what its kind says, else null: a String, a Long, a finite Double, a Boolean,
    // a List<String>, or any JSON value.
    fun objectExtra(extras: Map<String, Any?>, name: String): Any? = extras[name]

    fun stringExtra(extras: Map<String, Any?>, name: String): String? = extras[name] as? String

    fun integerExtra(extras: Map<String, Any?>, name: String): Long? =
        (extras[name] as? BigDecimal)?.let { runCatching { it.longValueExact() }.getOrNull() }

    fun numberExtra(extras: Map<String, Any?>, name: String): Double? =
        (extras[name] as? BigDecimal)?.toDouble()?.takeIf { it.isFinite() }

    fun booleanExtra(extras: Map<String, Any?>, name: String): Boolean? = extras[name] as? Boolean

    fun stringsExtra(extras: Map<String, Any?>, name: String): List<String>? =
        (extras[name] as? List<*>)?.map { it as? String ?: return null }

    val requestIdHeaders: List<String> = listOf("x-request-id", "request-id")
    val retryStatuses: Set<Int> = HashSet<Int>(listOf(408, 429, 502, 503, 504))
    val secretHeaders: Set<String> = HashSet<String>(emptyList())

    private object StatusClasses0 : ErrorInfo.Maker {
        override fun make(index: Int, details: ErrorDetails): AcmeError = when (index) {
            0 -> RateLimitedError(details)
            else -> throw IllegalStateException("no kind $index in StatusClasses0")
        }

        fun add(into: MutableList<ErrorInfo>) {
            into.add(ErrorInfo("RateLimitedError", null, null, null, listOf("429"), null, "Unknown error", "Too many requests, whatever the body says.", null, false, null, null, null, null, null, emptyList(), false, 0, this))
        }
    }

    private object Types0 : ErrorInfo.Maker {
        override fun make(index: Int, details: ErrorDetails): AcmeError = when (index) {
            0 -> RequestError(details)
            1 -> LegacyError(details)
            2 -> InternalError(details)
            else -> throw IllegalStateException("no kind $index in Types0")
        }

        fun add(into: MutableList<ErrorInfo>) {
            into.add(ErrorInfo("RequestError", null, ErrorType("request"), null, emptyList(), null, "Unknown error", "The request is wrong.", null, false, Fault.Client, null, null, null, null, emptyList(), false, 0, this))
            into.add(ErrorInfo("LegacyError", null, ErrorType("legacy"), null, emptyList(), null, "Unknown error", "Errors of the v1 API.", null, false, Fault.Client, null, null, "Deprecated since v2. Its codes move to request.", null, listOf(JsonNumber("1")), false, 1, this))
            into.add(ErrorInfo("InternalError", null, ErrorType("internal"), null, emptyList(), null, "Unknown error", "The server is wrong.", null, false, Fault.Server, null, null, null, null, emptyList(), false, 2, this))
        }
    }

    private object Codes0 : ErrorInfo.Maker {
        override fun make(index: Int, details: ErrorDetails): AcmeError = when (index) {
            0 -> InvalidUrlError(details)
            1 -> NoUserError(details)
            2 -> NotFoundError(details)
            3 -> StorageError(details)
            else -> throw IllegalStateException("no kind $index in Codes0")
        }

        fun add(into: MutableList<ErrorInfo>) {
            into.add(ErrorInfo("InvalidUrlError", ErrorCode("invalid_url"), ErrorType("request"), type("request"), listOf("400"), null, "The URL is not one", "A URL is wrong: \"quoted\", with a backslash \\ and a tab\there.", false, false, Fault.Client, "https://acme.example/docs/#invalid_url", null, null, null, emptyList(), false, 0, this))
            into.add(ErrorInfo("NoUserError", ErrorCode("user_id_missing"), ErrorType("request"), type("request"), listOf("400"), null, "No user id", "The user id is missing.", false, false, Fault.Client, "https://acme.example/docs/#user_id_missing", null, null, null, emptyList(), false, 1, this))
            into.add(ErrorInfo("NotFoundError", ErrorCode("not_found"), ErrorType("legacy"), type("legacy"), listOf("404"), null, "Not found", "The thing is not there.", false, false, Fault.Client, "https://acme.example/docs/#not_found", null, "Deprecated since v2. Servers send invalid_url now. Use the code invalid_url instead.", ErrorCode("invalid_url"), listOf(JsonNumber("20404"), "not_found"), false, 2, this))
            into.add(ErrorInfo("StorageError", ErrorCode("storage_error"), ErrorType("internal"), type("internal"), listOf("5xx"), 503, "Not saved", "Saving failed. 🚀 It costs \$5 (\${price}); see /api/v1/* and */.", true, false, Fault.Server, "https://acme.example/docs/#storage_error", null, null, null, emptyList(), false, 3, this))
        }
    }

    private object Tombstones0 {
        fun add(into: MutableList<Pair<Removed, List<Any>>>) {
            into.add(Removed("receipt_invalid", listOf(java.math.BigDecimal("10002"), "receipt_invalid"), "400", "request", "v2", "Receipts are checked by the stores now.", ErrorCode("invalid_url")) to listOf(JsonNumber("10002"), "receipt_invalid"))
        }
    }

    private object CodeExtras0 {
        fun add(found: HashMap<String, List<Extra>>) {
            for (value in sentAs(code("invalid_url"))) found[key(value)] = listOf(Extra("api_key_id", "\$.error.api_key_id", "string"))
        }
    }
}
