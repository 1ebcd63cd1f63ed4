// Generated from catalogue.yaml by error-bindings. Do not edit.
@file:Suppress("DEPRECATION")

package com.acme.errors

/** Errors of type request: The request is wrong. */
open class RequestError internal constructor(details: ErrorDetails, info: ErrorInfo) :
    AcmeError(details, info) {
    constructor(details: ErrorDetails = ErrorDetails()) : this(details, Catalog.type("request"))
}

/** Errors of type legacy: Errors of the v1 API. */
@Deprecated("Deprecated since v2. Its codes move to request.")
open class LegacyError internal constructor(details: ErrorDetails, info: ErrorInfo) :
    AcmeError(details, info) {
    constructor(details: ErrorDetails = ErrorDetails()) : this(details, Catalog.type("legacy"))
}

/** Errors of type internal: The server is wrong. */
open class InternalError internal constructor(details: ErrorDetails, info: ErrorInfo) :
    AcmeError(details, info) {
    constructor(details: ErrorDetails = ErrorDetails()) : this(details, Catalog.type("internal"))
}

/** Errors of status 429 of no code this package knows: Too many requests, whatever the body says. */
class RateLimitedError(details: ErrorDetails = ErrorDetails()) :
    AcmeOtherError(details, Catalog.statusClass("rate_limited"))

/** The code invalid_url: A URL is wrong: "quoted", with a backslash \ and a tab\there. */
class InvalidUrlError(details: ErrorDetails = ErrorDetails()) :
    RequestError(details, Catalog.code("invalid_url"))

/** The code user_id_missing: The user id is missing. */
class NoUserError(details: ErrorDetails = ErrorDetails()) :
    RequestError(details, Catalog.code("user_id_missing"))

/** The code not_found: The thing is not there. */
@Deprecated("Deprecated since v2. Servers send invalid_url now. Use the code invalid_url instead.", ReplaceWith("com.acme.errors.InvalidUrlError"))
class NotFoundError(details: ErrorDetails = ErrorDetails()) :
    LegacyError(details, Catalog.code("not_found"))

/** The code storage_error: Saving failed. 🚀 It costs $5 (${price}); see /api/v1/\* and *\/. */
class StorageError(details: ErrorDetails = ErrorDetails()) :
    InternalError(details, Catalog.code("storage_error"))

/** [NoUserError], by the name it had before. */
@Deprecated("Use NoUserError", ReplaceWith("com.acme.errors.NoUserError"))
typealias UserIdMissingError = NoUserError
