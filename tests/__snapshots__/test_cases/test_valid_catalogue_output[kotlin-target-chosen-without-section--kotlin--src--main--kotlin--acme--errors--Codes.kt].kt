// Generated from catalogue.yaml by error-bindings. Do not edit.
@file:Suppress("DEPRECATION")

package acme.errors

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
        /** not_found: The thing is not there. */
        val NotFound: ErrorCode get() = ErrorCode("not_found")
        /** storage_error: Saving failed. */
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
        /** resource: The resource is wrong. */
        val Resource: ErrorType get() = ErrorType("resource")
        /** internal: The server is wrong. */
        val Internal: ErrorType get() = ErrorType("internal")
    }
}
