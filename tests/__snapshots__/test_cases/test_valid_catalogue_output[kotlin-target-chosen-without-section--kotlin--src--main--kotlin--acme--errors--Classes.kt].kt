// Generated from catalogue.yaml by error-bindings. Do not edit.
@file:Suppress("DEPRECATION")

package acme.errors

/** Errors of type resource: The resource is wrong. */
open class ResourceError internal constructor(details: ErrorDetails, info: ErrorInfo) :
    AcmeError(details, info) {
    constructor(details: ErrorDetails = ErrorDetails()) : this(details, Catalog.type("resource"))
}

/** Errors of type internal: The server is wrong. */
open class InternalError internal constructor(details: ErrorDetails, info: ErrorInfo) :
    AcmeError(details, info) {
    constructor(details: ErrorDetails = ErrorDetails()) : this(details, Catalog.type("internal"))
}

/** The code not_found: The thing is not there. */
class NotFoundError(details: ErrorDetails = ErrorDetails()) :
    ResourceError(details, Catalog.code("not_found"))

/** The code storage_error: Saving failed. */
class StorageError(details: ErrorDetails = ErrorDetails()) :
    InternalError(details, Catalog.code("storage_error"))
