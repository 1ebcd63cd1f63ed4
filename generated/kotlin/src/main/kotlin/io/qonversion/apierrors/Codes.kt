// Generated from catalogue.yaml by error-bindings. Do not edit.
@file:Suppress("DEPRECATION")

package io.qonversion.apierrors

/**
 * A code of Qonversion API: one of the constants, or a code this package does not know
 * yet, as the server sent it (a number as its JSON text). A `when` over codes needs an `else`:
 * the server may send a new one any day.
 */
@JvmInline
value class ErrorCode(val value: String) {
    /** What the catalogue says of the code; null for a code this package does not know. */
    val info: ErrorInfo? get() = Catalog.codes[value]

    override fun toString(): String = value

    companion object {
        /** invalid_data: The request is recognized, but validation failed due to some parameters. The parameters are returned in _meta.validation.fields. */
        val InvalidData: ErrorCode get() = ErrorCode("invalid_data")
        /** invalid_request: Unrecognized request URL. */
        val InvalidRequest: ErrorCode get() = ErrorCode("invalid_request")
        /** control_unauthorized: Authorization is required to execute the request. */
        val ControlUnauthorized: ErrorCode get() = ErrorCode("control_unauthorized")
        /** not_implemented: Functionality at the requested address is not implemented. */
        val NotImplemented: ErrorCode get() = ErrorCode("not_implemented")
        /** not_found: The requested resource is not found. */
        val NotFound: ErrorCode get() = ErrorCode("not_found")
        /** already_exists: The requested resource already exists. */
        val AlreadyExists: ErrorCode get() = ErrorCode("already_exists")
        /** purchase_fraud: Couldn't validate purchase with store request, potential fraud. */
        val PurchaseFraud: ErrorCode get() = ErrorCode("purchase_fraud")
        /** relation_not_found: Nested objects could not be found or associated with other entity. */
        val RelationNotFound: ErrorCode get() = ErrorCode("relation_not_found")
        /** storage_error: Data was not saved. */
        val StorageError: ErrorCode get() = ErrorCode("storage_error")
        /** network_error: Internal services interaction failed. */
        val NetworkError: ErrorCode get() = ErrorCode("network_error")
        /** unknown_error: Unknown reason. */
        val UnknownError: ErrorCode get() = ErrorCode("unknown_error")
        /** invalid_credentials: The access token is invalid or not set. */
        val InvalidCredentials: ErrorCode get() = ErrorCode("invalid_credentials")
        /** invalid_client_uid: The client UID is invalid or not set. */
        val InvalidClientUid: ErrorCode get() = ErrorCode("invalid_client_uid")
        /** unknown_client_platform: The client's platform is not supported. */
        val UnknownClientPlatform: ErrorCode get() = ErrorCode("unknown_client_platform")
        /** feature_not_supported: The requested feature is not supported. */
        val FeatureNotSupported: ErrorCode get() = ErrorCode("feature_not_supported")
        /** store_error: The app store (Google Play or the App Store) returned an error. */
        val StoreError: ErrorCode get() = ErrorCode("store_error")
        /** purchase_invalid: The purchase is invalid. */
        val PurchaseInvalid: ErrorCode get() = ErrorCode("purchase_invalid")
        /** project_config_error: The project is not configured, or configured incorrectly, in the Qonversion dashboard. */
        val ProjectConfigError: ErrorCode get() = ErrorCode("project_config_error")
        /** invalid_store_credentials: The store credentials given to Qonversion are invalid. */
        val InvalidStoreCredentials: ErrorCode get() = ErrorCode("invalid_store_credentials")
        /** receipt_validation_error: The store receipt could not be validated. */
        val ReceiptValidationError: ErrorCode get() = ErrorCode("receipt_validation_error")
        /** backend_error: An error on Qonversion's side (the SDKs' BackendError). */
        val BackendError: ErrorCode get() = ErrorCode("backend_error")
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
        /** request: Error in request validation. Not enough data in the request; invalid data in the request; authorization required; too many requests. */
        val Request: ErrorType get() = ErrorType("request")
        /** resource: The request is valid, but the action could not be executed due to some reason. */
        val Resource: ErrorType get() = ErrorType("resource")
        /** logical: The client can execute the required action but there is an error in communicating with the application. */
        val Logical: ErrorType get() = ErrorType("logical")
        /** internal: All request handling stages are successful, but there was an internal error. */
        val Internal: ErrorType get() = ErrorType("internal")
    }
}
