// Generated from catalogue.yaml by error-bindings. Do not edit.
@file:Suppress("DEPRECATION")

package com.acme.errors

/**
 * A code of Acme API: one of the constants, or a code this package does not know
 * yet, as the server sent it (a number as its JSON text). A `when` over codes needs an `else`:
 * the server may send a new one any day.
 */
@JvmInline
value class ErrorCode(val value: String) {
    /** What the catalogue says of the code; null for a code this package does not know. */
    val info: ErrorInfo? get() = Catalog.codes[value]

    override fun toString(): String = value

    companion object {
        /** invalid_url: A URL is wrong: "quoted", with a backslash \ and a tab\there. */
        val InvalidUrl: ErrorCode get() = ErrorCode("invalid_url")
        /** user_id_missing: The user id is missing. */
        val UserIdMissing: ErrorCode get() = ErrorCode("user_id_missing")
        /** not_found: The thing is not there. */
        @Deprecated("Deprecated since v2. Servers send invalid_url now. Use the code invalid_url instead.", ReplaceWith("com.acme.errors.ErrorCode.InvalidUrl"))
        val NotFound: ErrorCode get() = ErrorCode("not_found")
        /** storage_error: Saving failed. 🚀 It costs $5 (${price}); see /api/v1/\* and *\/. */
        val StorageError: ErrorCode get() = ErrorCode("storage_error")
    }
}

/**
 * A type of error: one of the constants, or a type this package does not know yet, as the
 * server sent it.
 */
@JvmInline
value class ErrorType(val value: String) {
    /** What the catalogue says of the type; null for a type this package does not know. */
    val info: ErrorInfo? get() = Catalog.types[value]

    override fun toString(): String = value

    companion object {
        /** request: The request is wrong. */
        val Request: ErrorType get() = ErrorType("request")
        /** legacy: Errors of the v1 API. */
        @Deprecated("Deprecated since v2. Its codes move to request.")
        val Legacy: ErrorType get() = ErrorType("legacy")
        /** internal: The server is wrong. */
        val Internal: ErrorType get() = ErrorType("internal")
    }
}
