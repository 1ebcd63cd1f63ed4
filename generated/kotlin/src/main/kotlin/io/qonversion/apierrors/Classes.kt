// Generated from catalogue.yaml by error-bindings. Do not edit.
@file:Suppress("DEPRECATION")

package io.qonversion.apierrors

/** Errors of type request: Error in request validation. Not enough data in the request; invalid data in the request; authorization required; too many requests. */
open class RequestError internal constructor(details: ErrorDetails, info: ErrorInfo) :
    QonversionError(details, info) {
    constructor(details: ErrorDetails = ErrorDetails()) : this(details, Catalog.type("request"))
}

/** Errors of type resource: The request is valid, but the action could not be executed due to some reason. */
open class ResourceError internal constructor(details: ErrorDetails, info: ErrorInfo) :
    QonversionError(details, info) {
    constructor(details: ErrorDetails = ErrorDetails()) : this(details, Catalog.type("resource"))
}

/** Errors of type logical: The client can execute the required action but there is an error in communicating with the application. */
open class LogicalError internal constructor(details: ErrorDetails, info: ErrorInfo) :
    QonversionError(details, info) {
    constructor(details: ErrorDetails = ErrorDetails()) : this(details, Catalog.type("logical"))
}

/** Errors of type internal: All request handling stages are successful, but there was an internal error. */
open class InternalError internal constructor(details: ErrorDetails, info: ErrorInfo) :
    QonversionError(details, info) {
    constructor(details: ErrorDetails = ErrorDetails()) : this(details, Catalog.type("internal"))
}

/** The code invalid_data: The request is recognized, but validation failed due to some parameters. The parameters are returned in _meta.validation.fields. */
class InvalidDataError(details: ErrorDetails = ErrorDetails()) :
    RequestError(details, Catalog.code("invalid_data"))

/** The code invalid_request: Unrecognized request URL. */
class InvalidRequestError(details: ErrorDetails = ErrorDetails()) :
    RequestError(details, Catalog.code("invalid_request"))

/** The code control_unauthorized: Authorization is required to execute the request. */
class ControlUnauthorizedError(details: ErrorDetails = ErrorDetails()) :
    RequestError(details, Catalog.code("control_unauthorized"))

/** The code not_implemented: Functionality at the requested address is not implemented. */
class NotImplementedError(details: ErrorDetails = ErrorDetails()) :
    RequestError(details, Catalog.code("not_implemented"))

/** The code not_found: The requested resource is not found. */
class NotFoundError(details: ErrorDetails = ErrorDetails()) :
    ResourceError(details, Catalog.code("not_found"))

/** The code already_exists: The requested resource already exists. */
class AlreadyExistsError(details: ErrorDetails = ErrorDetails()) :
    ResourceError(details, Catalog.code("already_exists"))

/** The code purchase_fraud: Couldn't validate purchase with store request, potential fraud. */
class PurchaseFraudError(details: ErrorDetails = ErrorDetails()) :
    LogicalError(details, Catalog.code("purchase_fraud"))

/** The code relation_not_found: Nested objects could not be found or associated with other entity. */
class RelationNotFoundError(details: ErrorDetails = ErrorDetails()) :
    LogicalError(details, Catalog.code("relation_not_found"))

/** The code storage_error: Data was not saved. */
class StorageError(details: ErrorDetails = ErrorDetails()) :
    InternalError(details, Catalog.code("storage_error"))

/** The code network_error: Internal services interaction failed. */
class NetworkError(details: ErrorDetails = ErrorDetails()) :
    InternalError(details, Catalog.code("network_error"))

/** The code unknown_error: Unknown reason. */
class UnknownError(details: ErrorDetails = ErrorDetails()) :
    InternalError(details, Catalog.code("unknown_error"))

/** The code invalid_credentials: The access token is invalid or not set. */
class InvalidCredentialsError(details: ErrorDetails = ErrorDetails()) :
    RequestError(details, Catalog.code("invalid_credentials"))

/** The code invalid_client_uid: The client UID is invalid or not set. */
class InvalidClientUidError(details: ErrorDetails = ErrorDetails()) :
    RequestError(details, Catalog.code("invalid_client_uid"))

/** The code unknown_client_platform: The client's platform is not supported. */
class UnknownClientPlatformError(details: ErrorDetails = ErrorDetails()) :
    RequestError(details, Catalog.code("unknown_client_platform"))

/** The code feature_not_supported: The requested feature is not supported. */
class FeatureNotSupportedError(details: ErrorDetails = ErrorDetails()) :
    LogicalError(details, Catalog.code("feature_not_supported"))

/** The code store_error: The app store (Google Play or the App Store) returned an error. */
class StoreError(details: ErrorDetails = ErrorDetails()) :
    LogicalError(details, Catalog.code("store_error"))

/** The code purchase_invalid: The purchase is invalid. */
class PurchaseInvalidError(details: ErrorDetails = ErrorDetails()) :
    LogicalError(details, Catalog.code("purchase_invalid"))

/** The code project_config_error: The project is not configured, or configured incorrectly, in the Qonversion dashboard. */
class ProjectConfigError(details: ErrorDetails = ErrorDetails()) :
    LogicalError(details, Catalog.code("project_config_error"))

/** The code invalid_store_credentials: The store credentials given to Qonversion are invalid. */
class InvalidStoreCredentialsError(details: ErrorDetails = ErrorDetails()) :
    LogicalError(details, Catalog.code("invalid_store_credentials"))

/** The code receipt_validation_error: The store receipt could not be validated. */
class ReceiptValidationError(details: ErrorDetails = ErrorDetails()) :
    LogicalError(details, Catalog.code("receipt_validation_error"))

/** The code backend_error: An error on Qonversion's side (the SDKs' BackendError). */
class BackendError(details: ErrorDetails = ErrorDetails()) :
    InternalError(details, Catalog.code("backend_error"))
