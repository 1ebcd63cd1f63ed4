// Generated from catalogue.yaml by error-bindings. Do not edit.
@file:Suppress("DEPRECATION")

package io.qonversion.apierrors

import io.qonversion.apierrors.wire.Condition
import io.qonversion.apierrors.wire.Envelope
import io.qonversion.apierrors.wire.Equality
import io.qonversion.apierrors.wire.Extra
import io.qonversion.apierrors.wire.FieldSource
import io.qonversion.apierrors.wire.JsonNumber
import io.qonversion.apierrors.wire.isSecret
import io.qonversion.apierrors.wire.key
import java.math.BigDecimal

/**
 * The catalogue's kinds of errors and what reading a response needs of them, each table made
 * on first use. The codes are added by groups (CodesN), each small enough for one JVM
 * method and one class's constants, so that any number of codes compiles.
 */
internal object Catalog {
    val other = ErrorInfo("QonversionOtherError", null, null, null, emptyList(), null, "Unknown error", "An error the catalogue knows nothing of.", null, false, null, null, null, null, null, emptyList(), false, 0) { _, details -> QonversionOtherError(details) }
    val transport = ErrorInfo("QonversionTransportError", null, null, null, emptyList(), null, "No answer from Qonversion API", "The request failed on its way, or its answer did not come.", true, false, null, null, null, null, null, emptyList(), true, 0) { _, details -> QonversionTransportError(details) }
    val connection = ErrorInfo("QonversionConnectionError", null, null, transport, emptyList(), null, "No answer from Qonversion API", "The request never reached the server: sending it again is safe.", null, false, null, null, null, null, null, emptyList(), false, 0) { _, details -> QonversionConnectionError(details) }
    val timeout = ErrorInfo("QonversionTimeoutError", null, null, transport, emptyList(), null, "No answer from Qonversion API", "The request was sent, and no answer came in time.", null, false, null, null, null, null, null, emptyList(), true, 0) { _, details -> QonversionTimeoutError(details) }

    val statusClassList: List<ErrorInfo> by lazy { buildList { } }
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
        mapOf()
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

    private val tombstones: List<Pair<Removed, List<Any>>> by lazy { buildList { } }
    val removedByKey: Map<String, Removed> by lazy { tombstones.associate { it.first.key to it.first } }
    val removedBySent: Map<String, Removed> by lazy {
        tombstones.flatMap { (gone, sent) -> sent.map { key(it) to gone } }.toMap()
    }

    /** The extras only some codes' bodies carry, by each value a server sends for the code. */
    val codeExtras: Map<String, List<Extra>> by lazy { HashMap<String, List<Extra>>().also { } }

    /** Status classes by status ("429", "5xx"): those chosen before the type, and those after it. */
    val statusClassesFirst: Map<String, ErrorInfo> by lazy {
        mapOf<String, ErrorInfo>(
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
            "401" to type("request"),
            "5xx" to type("internal"),
        )
    }

    val envelopes: List<Envelope> by lazy {
        listOf(
            Envelope(name = "v3", type = "\$.error.type", code = "\$.error.code", message = "\$.error.message", reference = "\$._meta.reference", fields = listOf(FieldSource(path = "\$._meta.fields", name = "\$.name", messages = "\$.messages"), FieldSource(path = "\$._meta.validation.fields", name = "\$.name", messages = "\$.messages"))),
            Envelope(name = "v4", type = "\$.error.type", code = "\$.error.code", message = "\$.error.message", fields = listOf(FieldSource(path = "\$.error.details", name = "\$.field", message = "\$.message"))),
            Envelope(name = "legacy", code = "\$.data.code", message = "\$.data.message", `when` = Condition(present = listOf("\$.data")), extras = listOf(Extra("reported_status", "\$.data.status", "integer"), Extra("reason", "\$.data.name", "string"), Extra("extra", "\$.data.extra", "object"))),
        )
    }

    fun redacted(headers: Map<String, List<String>>): Map<String, List<String>> =
        headers.mapValues { (name, values) -> if (isSecret(name.lowercase(), secretHeaders)) values.map { "[redacted]" } else values }

    fun shown(error: QonversionError): String {
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

    private object Types0 : ErrorInfo.Maker {
        override fun make(index: Int, details: ErrorDetails): QonversionError = when (index) {
            0 -> RequestError(details)
            1 -> ResourceError(details)
            2 -> LogicalError(details)
            3 -> InternalError(details)
            else -> throw IllegalStateException("no kind $index in Types0")
        }

        fun add(into: MutableList<ErrorInfo>) {
            into.add(ErrorInfo("RequestError", null, ErrorType("request"), null, emptyList(), null, "Unknown error", "Error in request validation. Not enough data in the request; invalid data in the request; authorization required; too many requests.", null, false, Fault.Client, null, null, null, null, emptyList(), false, 0, this))
            into.add(ErrorInfo("ResourceError", null, ErrorType("resource"), null, emptyList(), null, "Unknown error", "The request is valid, but the action could not be executed due to some reason.", null, false, Fault.Client, null, null, null, null, emptyList(), false, 1, this))
            into.add(ErrorInfo("LogicalError", null, ErrorType("logical"), null, emptyList(), null, "Unknown error", "The client can execute the required action but there is an error in communicating with the application.", null, false, Fault.Client, null, null, null, null, emptyList(), false, 2, this))
            into.add(ErrorInfo("InternalError", null, ErrorType("internal"), null, emptyList(), null, "Unknown error", "All request handling stages are successful, but there was an internal error.", null, false, Fault.Server, null, null, null, null, emptyList(), false, 3, this))
        }
    }

    private object Codes0 : ErrorInfo.Maker {
        override fun make(index: Int, details: ErrorDetails): QonversionError = when (index) {
            0 -> InvalidDataError(details)
            1 -> InvalidRequestError(details)
            2 -> ControlUnauthorizedError(details)
            3 -> NotImplementedError(details)
            4 -> NotFoundError(details)
            5 -> AlreadyExistsError(details)
            6 -> PurchaseFraudError(details)
            7 -> RelationNotFoundError(details)
            8 -> StorageError(details)
            9 -> NetworkError(details)
            10 -> UnknownError(details)
            11 -> InvalidCredentialsError(details)
            12 -> InvalidClientUidError(details)
            13 -> UnknownClientPlatformError(details)
            14 -> FeatureNotSupportedError(details)
            15 -> StoreError(details)
            16 -> PurchaseInvalidError(details)
            17 -> ProjectConfigError(details)
            18 -> InvalidStoreCredentialsError(details)
            19 -> ReceiptValidationError(details)
            20 -> BackendError(details)
            else -> throw IllegalStateException("no kind $index in Codes0")
        }

        fun add(into: MutableList<ErrorInfo>) {
            into.add(ErrorInfo("InvalidDataError", ErrorCode("invalid_data"), ErrorType("request"), type("request"), listOf("400"), null, "Failed validate request data", "The request is recognized, but validation failed due to some parameters. The parameters are returned in _meta.validation.fields.", false, false, Fault.Client, "https://qonversion.github.io/api-errors/#invalid_data", null, null, null, emptyList(), false, 0, this))
            into.add(ErrorInfo("InvalidRequestError", ErrorCode("invalid_request"), ErrorType("request"), type("request"), listOf("400"), null, "Unrecognized request URL", "Unrecognized request URL.", false, false, Fault.Client, "https://qonversion.github.io/api-errors/#invalid_request", null, null, null, emptyList(), false, 1, this))
            into.add(ErrorInfo("ControlUnauthorizedError", ErrorCode("control_unauthorized"), ErrorType("request"), type("request"), listOf("401"), null, "Authorization is required", "Authorization is required to execute the request.", false, false, Fault.Client, "https://qonversion.github.io/api-errors/#control_unauthorized", null, null, null, emptyList(), false, 2, this))
            into.add(ErrorInfo("NotImplementedError", ErrorCode("not_implemented"), ErrorType("request"), type("request"), listOf("404"), null, "Not implemented", "Functionality at the requested address is not implemented.", false, false, Fault.Client, "https://qonversion.github.io/api-errors/#not_implemented", null, null, null, emptyList(), false, 3, this))
            into.add(ErrorInfo("NotFoundError", ErrorCode("not_found"), ErrorType("resource"), type("resource"), listOf("404"), null, "Resource not found", "The requested resource is not found.", false, false, Fault.Client, "https://qonversion.github.io/api-errors/#not_found", null, null, null, emptyList(), false, 4, this))
            into.add(ErrorInfo("AlreadyExistsError", ErrorCode("already_exists"), ErrorType("resource"), type("resource"), listOf("422"), null, "Resource already exists", "The requested resource already exists.", false, false, Fault.Client, "https://qonversion.github.io/api-errors/#already_exists", null, null, null, emptyList(), false, 5, this))
            into.add(ErrorInfo("PurchaseFraudError", ErrorCode("purchase_fraud"), ErrorType("logical"), type("logical"), listOf("422"), null, "Could not validate purchase", "Couldn't validate purchase with store request, potential fraud.", false, false, Fault.Client, "https://qonversion.github.io/api-errors/#purchase_fraud", null, null, null, listOf("purchase_fraud", JsonNumber("10008")), false, 6, this))
            into.add(ErrorInfo("RelationNotFoundError", ErrorCode("relation_not_found"), ErrorType("logical"), type("logical"), listOf("422"), null, "Related object not found", "Nested objects could not be found or associated with other entity.", false, false, Fault.Client, "https://qonversion.github.io/api-errors/#relation_not_found", null, null, null, emptyList(), false, 7, this))
            into.add(ErrorInfo("StorageError", ErrorCode("storage_error"), ErrorType("internal"), type("internal"), listOf("5xx"), null, "Data was not saved", "Data was not saved.", true, false, Fault.Server, "https://qonversion.github.io/api-errors/#storage_error", null, null, null, emptyList(), false, 8, this))
            into.add(ErrorInfo("NetworkError", ErrorCode("network_error"), ErrorType("internal"), type("internal"), listOf("5xx"), null, "Internal services interaction failed", "Internal services interaction failed.", true, false, Fault.Server, "https://qonversion.github.io/api-errors/#network_error", null, null, null, emptyList(), false, 9, this))
            into.add(ErrorInfo("UnknownError", ErrorCode("unknown_error"), ErrorType("internal"), type("internal"), listOf("5xx"), null, "Unknown error", "Unknown reason.", true, false, Fault.Server, "https://qonversion.github.io/api-errors/#unknown_error", null, null, null, emptyList(), false, 10, this))
            into.add(ErrorInfo("InvalidCredentialsError", ErrorCode("invalid_credentials"), ErrorType("request"), type("request"), listOf("401", "400"), null, "Invalid access token received", "The access token is invalid or not set.", false, false, Fault.Client, "https://qonversion.github.io/api-errors/#invalid_credentials", null, null, null, listOf(JsonNumber("10002"), JsonNumber("10003")), false, 11, this))
            into.add(ErrorInfo("InvalidClientUidError", ErrorCode("invalid_client_uid"), ErrorType("request"), type("request"), listOf("400"), null, "Client Uid is invalid or not set", "The client UID is invalid or not set.", false, false, Fault.Client, "https://qonversion.github.io/api-errors/#invalid_client_uid", null, null, null, listOf(JsonNumber("10004"), JsonNumber("10005"), JsonNumber("20014")), false, 12, this))
            into.add(ErrorInfo("UnknownClientPlatformError", ErrorCode("unknown_client_platform"), ErrorType("request"), type("request"), listOf("400"), null, "The current platform is not supported", "The client's platform is not supported.", false, false, Fault.Client, "https://qonversion.github.io/api-errors/#unknown_client_platform", null, null, null, listOf(JsonNumber("10006")), false, 13, this))
            into.add(ErrorInfo("FeatureNotSupportedError", ErrorCode("feature_not_supported"), ErrorType("logical"), type("logical"), listOf("422"), null, "The requested feature is not supported", "The requested feature is not supported.", false, false, Fault.Client, "https://qonversion.github.io/api-errors/#feature_not_supported", null, null, null, listOf(JsonNumber("20005")), false, 14, this))
            into.add(ErrorInfo("StoreError", ErrorCode("store_error"), ErrorType("logical"), type("logical"), listOf("422"), null, "The store returned an error", "The app store (Google Play or the App Store) returned an error.", true, false, Fault.Client, "https://qonversion.github.io/api-errors/#store_error", null, null, null, listOf(JsonNumber("20006"), JsonNumber("20007"), JsonNumber("20109"), JsonNumber("20199"), JsonNumber("20300"), JsonNumber("20303"), JsonNumber("20399")), false, 15, this))
            into.add(ErrorInfo("PurchaseInvalidError", ErrorCode("purchase_invalid"), ErrorType("logical"), type("logical"), listOf("422"), null, "Failure of purchase", "The purchase is invalid.", false, false, Fault.Client, "https://qonversion.github.io/api-errors/#purchase_invalid", null, null, null, listOf(JsonNumber("20008"), JsonNumber("20010"), JsonNumber("20203"), JsonNumber("20210")), false, 16, this))
            into.add(ErrorInfo("ProjectConfigError", ErrorCode("project_config_error"), ErrorType("logical"), type("logical"), listOf("422"), null, "The project is not configured or configured incorrectly", "The project is not configured, or configured incorrectly, in the Qonversion dashboard.", false, false, Fault.Client, "https://qonversion.github.io/api-errors/#project_config_error", null, null, null, listOf(JsonNumber("20011"), JsonNumber("20012"), JsonNumber("20013")), false, 17, this))
            into.add(ErrorInfo("InvalidStoreCredentialsError", ErrorCode("invalid_store_credentials"), ErrorType("logical"), type("logical"), listOf("422"), null, "Please check provided Store keys in the Qonversion dashboard", "The store credentials given to Qonversion are invalid.", false, false, Fault.Client, "https://qonversion.github.io/api-errors/#invalid_store_credentials", null, null, null, listOf(JsonNumber("20104"), JsonNumber("20201")), false, 18, this))
            into.add(ErrorInfo("ReceiptValidationError", ErrorCode("receipt_validation_error"), ErrorType("logical"), type("logical"), listOf("422"), null, "Receipt validation error", "The store receipt could not be validated.", false, false, Fault.Client, "https://qonversion.github.io/api-errors/#receipt_validation_error", null, null, null, listOf(JsonNumber("20100"), JsonNumber("20102"), JsonNumber("20103"), JsonNumber("20105"), JsonNumber("20107"), JsonNumber("20108"), JsonNumber("20110"), JsonNumber("21099")), false, 19, this))
            into.add(ErrorInfo("BackendError", ErrorCode("backend_error"), ErrorType("internal"), type("internal"), listOf("5xx"), null, "Internal error", "An error on Qonversion's side (the SDKs' BackendError).", true, false, Fault.Server, "https://qonversion.github.io/api-errors/#backend_error", null, null, null, listOf(JsonNumber("0"), JsonNumber("10000"), JsonNumber("10001"), JsonNumber("10007"), JsonNumber("10009"), JsonNumber("20000"), JsonNumber("20009"), JsonNumber("20015"), JsonNumber("20099"), JsonNumber("20200")), false, 20, this))
        }
    }
}
