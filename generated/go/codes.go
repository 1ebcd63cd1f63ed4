// Code generated from catalogue.yaml by error-bindings. DO NOT EDIT.

package qerrors

import "github.com/qonversion/api-errors/go/internal/wire"

// TypeRequest is the type request: Error in request validation. Not enough data in the request; invalid data in the request; authorization required; too many requests.
const TypeRequest ErrorType = "request"

// TypeResource is the type resource: The request is valid, but the action could not be executed due to some reason.
const TypeResource ErrorType = "resource"

// TypeLogical is the type logical: The client can execute the required action but there is an error in communicating with the application.
const TypeLogical ErrorType = "logical"

// TypeInternal is the type internal: All request handling stages are successful, but there was an internal error.
const TypeInternal ErrorType = "internal"

// CodeInvalidData is the code invalid_data: The request is recognized, but validation failed due to some parameters. The parameters are returned in _meta.validation.fields.
const CodeInvalidData ErrorCode = "invalid_data"

// CodeInvalidRequest is the code invalid_request: Unrecognized request URL.
const CodeInvalidRequest ErrorCode = "invalid_request"

// CodeControlUnauthorized is the code control_unauthorized: Authorization is required to execute the request.
const CodeControlUnauthorized ErrorCode = "control_unauthorized"

// CodeNotImplemented is the code not_implemented: Functionality at the requested address is not implemented.
const CodeNotImplemented ErrorCode = "not_implemented"

// CodeNotFound is the code not_found: The requested resource is not found.
const CodeNotFound ErrorCode = "not_found"

// CodeAlreadyExists is the code already_exists: The requested resource already exists.
const CodeAlreadyExists ErrorCode = "already_exists"

// CodePurchaseFraud is the code purchase_fraud: Couldn't validate purchase with store request, potential fraud.
const CodePurchaseFraud ErrorCode = "purchase_fraud"

// CodeRelationNotFound is the code relation_not_found: Nested objects could not be found or associated with other entity.
const CodeRelationNotFound ErrorCode = "relation_not_found"

// CodeStorageError is the code storage_error: Data was not saved.
const CodeStorageError ErrorCode = "storage_error"

// CodeNetworkError is the code network_error: Internal services interaction failed.
const CodeNetworkError ErrorCode = "network_error"

// CodeUnknownError is the code unknown_error: Unknown reason.
const CodeUnknownError ErrorCode = "unknown_error"

// CodeInvalidCredentials is the code invalid_credentials: The access token is invalid or not set.
const CodeInvalidCredentials ErrorCode = "invalid_credentials"

// CodeInvalidClientUID is the code invalid_client_uid: The client UID is invalid or not set.
const CodeInvalidClientUID ErrorCode = "invalid_client_uid"

// CodeUnknownClientPlatform is the code unknown_client_platform: The client's platform is not supported.
const CodeUnknownClientPlatform ErrorCode = "unknown_client_platform"

// CodeFeatureNotSupported is the code feature_not_supported: The requested feature is not supported.
const CodeFeatureNotSupported ErrorCode = "feature_not_supported"

// CodeStoreError is the code store_error: The app store (Google Play or the App Store) returned an error.
const CodeStoreError ErrorCode = "store_error"

// CodePurchaseInvalid is the code purchase_invalid: The purchase is invalid.
const CodePurchaseInvalid ErrorCode = "purchase_invalid"

// CodeProjectConfigError is the code project_config_error: The project is not configured, or configured incorrectly, in the Qonversion dashboard.
const CodeProjectConfigError ErrorCode = "project_config_error"

// CodeInvalidStoreCredentials is the code invalid_store_credentials: The store credentials given to Qonversion are invalid.
const CodeInvalidStoreCredentials ErrorCode = "invalid_store_credentials"

// CodeReceiptValidationError is the code receipt_validation_error: The store receipt could not be validated.
const CodeReceiptValidationError ErrorCode = "receipt_validation_error"

// CodeBackendError is the code backend_error: An error on Qonversion's side (the SDKs' BackendError).
const CodeBackendError ErrorCode = "backend_error"

// ErrRequest is the kind of errors of type request: Error in request validation. Not enough data in the request; invalid data in the request; authorization required; too many requests.
var ErrRequest = &Kind{Name: "ErrRequest", Type: TypeRequest, DefaultMessage: "Unknown error", Description: "Error in request validation. Not enough data in the request; invalid data in the request; authorization required; too many requests.", Fault: "client", class: classType}

// ErrResource is the kind of errors of type resource: The request is valid, but the action could not be executed due to some reason.
var ErrResource = &Kind{Name: "ErrResource", Type: TypeResource, DefaultMessage: "Unknown error", Description: "The request is valid, but the action could not be executed due to some reason.", Fault: "client", class: classType}

// ErrLogical is the kind of errors of type logical: The client can execute the required action but there is an error in communicating with the application.
var ErrLogical = &Kind{Name: "ErrLogical", Type: TypeLogical, DefaultMessage: "Unknown error", Description: "The client can execute the required action but there is an error in communicating with the application.", Fault: "client", class: classType}

// ErrInternal is the kind of errors of type internal: All request handling stages are successful, but there was an internal error.
var ErrInternal = &Kind{Name: "ErrInternal", Type: TypeInternal, DefaultMessage: "Unknown error", Description: "All request handling stages are successful, but there was an internal error.", Fault: "server", class: classType}

// ErrInvalidData is the kind of errors of code invalid_data: The request is recognized, but validation failed due to some parameters. The parameters are returned in _meta.validation.fields.
var ErrInvalidData = &Kind{Name: "ErrInvalidData", Code: CodeInvalidData, Type: TypeRequest, Parent: ErrRequest, Statuses: []string{"400"}, DefaultMessage: "Failed validate request data", Description: "The request is recognized, but validation failed due to some parameters. The parameters are returned in _meta.validation.fields.", Retryable: flag(false), Fault: "client", DocsURL: "https://qonversion.github.io/api-errors/#invalid_data", class: classCode}

// ErrInvalidRequest is the kind of errors of code invalid_request: Unrecognized request URL.
var ErrInvalidRequest = &Kind{Name: "ErrInvalidRequest", Code: CodeInvalidRequest, Type: TypeRequest, Parent: ErrRequest, Statuses: []string{"400"}, DefaultMessage: "Unrecognized request URL", Description: "Unrecognized request URL.", Retryable: flag(false), Fault: "client", DocsURL: "https://qonversion.github.io/api-errors/#invalid_request", class: classCode}

// ErrControlUnauthorized is the kind of errors of code control_unauthorized: Authorization is required to execute the request.
var ErrControlUnauthorized = &Kind{Name: "ErrControlUnauthorized", Code: CodeControlUnauthorized, Type: TypeRequest, Parent: ErrRequest, Statuses: []string{"401"}, DefaultMessage: "Authorization is required", Description: "Authorization is required to execute the request.", Retryable: flag(false), Fault: "client", DocsURL: "https://qonversion.github.io/api-errors/#control_unauthorized", class: classCode}

// ErrNotImplemented is the kind of errors of code not_implemented: Functionality at the requested address is not implemented.
var ErrNotImplemented = &Kind{Name: "ErrNotImplemented", Code: CodeNotImplemented, Type: TypeRequest, Parent: ErrRequest, Statuses: []string{"404"}, DefaultMessage: "Not implemented", Description: "Functionality at the requested address is not implemented.", Retryable: flag(false), Fault: "client", DocsURL: "https://qonversion.github.io/api-errors/#not_implemented", class: classCode}

// ErrNotFound is the kind of errors of code not_found: The requested resource is not found.
var ErrNotFound = &Kind{Name: "ErrNotFound", Code: CodeNotFound, Type: TypeResource, Parent: ErrResource, Statuses: []string{"404"}, DefaultMessage: "Resource not found", Description: "The requested resource is not found.", Retryable: flag(false), Fault: "client", DocsURL: "https://qonversion.github.io/api-errors/#not_found", class: classCode}

// ErrAlreadyExists is the kind of errors of code already_exists: The requested resource already exists.
var ErrAlreadyExists = &Kind{Name: "ErrAlreadyExists", Code: CodeAlreadyExists, Type: TypeResource, Parent: ErrResource, Statuses: []string{"422"}, DefaultMessage: "Resource already exists", Description: "The requested resource already exists.", Retryable: flag(false), Fault: "client", DocsURL: "https://qonversion.github.io/api-errors/#already_exists", class: classCode}

// ErrPurchaseFraud is the kind of errors of code purchase_fraud: Couldn't validate purchase with store request, potential fraud.
var ErrPurchaseFraud = &Kind{Name: "ErrPurchaseFraud", Code: CodePurchaseFraud, Type: TypeLogical, Parent: ErrLogical, Statuses: []string{"422"}, DefaultMessage: "Could not validate purchase", Description: "Couldn't validate purchase with store request, potential fraud.", Retryable: flag(false), Fault: "client", DocsURL: "https://qonversion.github.io/api-errors/#purchase_fraud", Wire: []any{"purchase_fraud", number("10008")}, class: classCode}

// ErrRelationNotFound is the kind of errors of code relation_not_found: Nested objects could not be found or associated with other entity.
var ErrRelationNotFound = &Kind{Name: "ErrRelationNotFound", Code: CodeRelationNotFound, Type: TypeLogical, Parent: ErrLogical, Statuses: []string{"422"}, DefaultMessage: "Related object not found", Description: "Nested objects could not be found or associated with other entity.", Retryable: flag(false), Fault: "client", DocsURL: "https://qonversion.github.io/api-errors/#relation_not_found", class: classCode}

// ErrStorage is the kind of errors of code storage_error: Data was not saved.
var ErrStorage = &Kind{Name: "ErrStorage", Code: CodeStorageError, Type: TypeInternal, Parent: ErrInternal, Statuses: []string{"5xx"}, DefaultMessage: "Data was not saved", Description: "Data was not saved.", Retryable: flag(true), Fault: "server", DocsURL: "https://qonversion.github.io/api-errors/#storage_error", class: classCode}

// ErrNetwork is the kind of errors of code network_error: Internal services interaction failed.
var ErrNetwork = &Kind{Name: "ErrNetwork", Code: CodeNetworkError, Type: TypeInternal, Parent: ErrInternal, Statuses: []string{"5xx"}, DefaultMessage: "Internal services interaction failed", Description: "Internal services interaction failed.", Retryable: flag(true), Fault: "server", DocsURL: "https://qonversion.github.io/api-errors/#network_error", class: classCode}

// ErrUnknown is the kind of errors of code unknown_error: Unknown reason.
var ErrUnknown = &Kind{Name: "ErrUnknown", Code: CodeUnknownError, Type: TypeInternal, Parent: ErrInternal, Statuses: []string{"5xx"}, DefaultMessage: "Unknown error", Description: "Unknown reason.", Retryable: flag(true), Fault: "server", DocsURL: "https://qonversion.github.io/api-errors/#unknown_error", class: classCode}

// ErrInvalidCredentials is the kind of errors of code invalid_credentials: The access token is invalid or not set.
var ErrInvalidCredentials = &Kind{Name: "ErrInvalidCredentials", Code: CodeInvalidCredentials, Type: TypeRequest, Parent: ErrRequest, Statuses: []string{"401", "400"}, DefaultMessage: "Invalid access token received", Description: "The access token is invalid or not set.", Retryable: flag(false), Fault: "client", DocsURL: "https://qonversion.github.io/api-errors/#invalid_credentials", Wire: []any{number("10002"), number("10003")}, class: classCode}

// ErrInvalidClientUID is the kind of errors of code invalid_client_uid: The client UID is invalid or not set.
var ErrInvalidClientUID = &Kind{Name: "ErrInvalidClientUID", Code: CodeInvalidClientUID, Type: TypeRequest, Parent: ErrRequest, Statuses: []string{"400"}, DefaultMessage: "Client Uid is invalid or not set", Description: "The client UID is invalid or not set.", Retryable: flag(false), Fault: "client", DocsURL: "https://qonversion.github.io/api-errors/#invalid_client_uid", Wire: []any{number("10004"), number("10005"), number("20014")}, class: classCode}

// ErrUnknownClientPlatform is the kind of errors of code unknown_client_platform: The client's platform is not supported.
var ErrUnknownClientPlatform = &Kind{Name: "ErrUnknownClientPlatform", Code: CodeUnknownClientPlatform, Type: TypeRequest, Parent: ErrRequest, Statuses: []string{"400"}, DefaultMessage: "The current platform is not supported", Description: "The client's platform is not supported.", Retryable: flag(false), Fault: "client", DocsURL: "https://qonversion.github.io/api-errors/#unknown_client_platform", Wire: []any{number("10006")}, class: classCode}

// ErrFeatureNotSupported is the kind of errors of code feature_not_supported: The requested feature is not supported.
var ErrFeatureNotSupported = &Kind{Name: "ErrFeatureNotSupported", Code: CodeFeatureNotSupported, Type: TypeLogical, Parent: ErrLogical, Statuses: []string{"422"}, DefaultMessage: "The requested feature is not supported", Description: "The requested feature is not supported.", Retryable: flag(false), Fault: "client", DocsURL: "https://qonversion.github.io/api-errors/#feature_not_supported", Wire: []any{number("20005")}, class: classCode}

// ErrStore is the kind of errors of code store_error: The app store (Google Play or the App Store) returned an error.
var ErrStore = &Kind{Name: "ErrStore", Code: CodeStoreError, Type: TypeLogical, Parent: ErrLogical, Statuses: []string{"422"}, DefaultMessage: "The store returned an error", Description: "The app store (Google Play or the App Store) returned an error.", Retryable: flag(true), Fault: "client", DocsURL: "https://qonversion.github.io/api-errors/#store_error", Wire: []any{number("20006"), number("20007"), number("20109"), number("20199"), number("20300"), number("20303"), number("20399")}, class: classCode}

// ErrPurchaseInvalid is the kind of errors of code purchase_invalid: The purchase is invalid.
var ErrPurchaseInvalid = &Kind{Name: "ErrPurchaseInvalid", Code: CodePurchaseInvalid, Type: TypeLogical, Parent: ErrLogical, Statuses: []string{"422"}, DefaultMessage: "Failure of purchase", Description: "The purchase is invalid.", Retryable: flag(false), Fault: "client", DocsURL: "https://qonversion.github.io/api-errors/#purchase_invalid", Wire: []any{number("20008"), number("20010"), number("20203"), number("20210")}, class: classCode}

// ErrProjectConfig is the kind of errors of code project_config_error: The project is not configured, or configured incorrectly, in the Qonversion dashboard.
var ErrProjectConfig = &Kind{Name: "ErrProjectConfig", Code: CodeProjectConfigError, Type: TypeLogical, Parent: ErrLogical, Statuses: []string{"422"}, DefaultMessage: "The project is not configured or configured incorrectly", Description: "The project is not configured, or configured incorrectly, in the Qonversion dashboard.", Retryable: flag(false), Fault: "client", DocsURL: "https://qonversion.github.io/api-errors/#project_config_error", Wire: []any{number("20011"), number("20012"), number("20013")}, class: classCode}

// ErrInvalidStoreCredentials is the kind of errors of code invalid_store_credentials: The store credentials given to Qonversion are invalid.
var ErrInvalidStoreCredentials = &Kind{Name: "ErrInvalidStoreCredentials", Code: CodeInvalidStoreCredentials, Type: TypeLogical, Parent: ErrLogical, Statuses: []string{"422"}, DefaultMessage: "Please check provided Store keys in the Qonversion dashboard", Description: "The store credentials given to Qonversion are invalid.", Retryable: flag(false), Fault: "client", DocsURL: "https://qonversion.github.io/api-errors/#invalid_store_credentials", Wire: []any{number("20104"), number("20201")}, class: classCode}

// ErrReceiptValidation is the kind of errors of code receipt_validation_error: The store receipt could not be validated.
var ErrReceiptValidation = &Kind{Name: "ErrReceiptValidation", Code: CodeReceiptValidationError, Type: TypeLogical, Parent: ErrLogical, Statuses: []string{"422"}, DefaultMessage: "Receipt validation error", Description: "The store receipt could not be validated.", Retryable: flag(false), Fault: "client", DocsURL: "https://qonversion.github.io/api-errors/#receipt_validation_error", Wire: []any{number("20100"), number("20102"), number("20103"), number("20105"), number("20107"), number("20108"), number("20110"), number("21099")}, class: classCode}

// ErrBackend is the kind of errors of code backend_error: An error on Qonversion's side (the SDKs' BackendError).
var ErrBackend = &Kind{Name: "ErrBackend", Code: CodeBackendError, Type: TypeInternal, Parent: ErrInternal, Statuses: []string{"5xx"}, DefaultMessage: "Internal error", Description: "An error on Qonversion's side (the SDKs' BackendError).", Retryable: flag(true), Fault: "server", DocsURL: "https://qonversion.github.io/api-errors/#backend_error", Wire: []any{number("0"), number("10000"), number("10001"), number("10007"), number("10009"), number("20000"), number("20009"), number("20015"), number("20099"), number("20200")}, class: classCode}

// The kinds of the catalogue: its status classes, types and codes, in its order.
var catalogueKinds = []*Kind{
	ErrRequest,
	ErrResource,
	ErrLogical,
	ErrInternal,
	ErrInvalidData,
	ErrInvalidRequest,
	ErrControlUnauthorized,
	ErrNotImplemented,
	ErrNotFound,
	ErrAlreadyExists,
	ErrPurchaseFraud,
	ErrRelationNotFound,
	ErrStorage,
	ErrNetwork,
	ErrUnknown,
	ErrInvalidCredentials,
	ErrInvalidClientUID,
	ErrUnknownClientPlatform,
	ErrFeatureNotSupported,
	ErrStore,
	ErrPurchaseInvalid,
	ErrProjectConfig,
	ErrInvalidStoreCredentials,
	ErrReceiptValidation,
	ErrBackend,
}

// Status classes by status ("429", "5xx"): those chosen before the type, and those after it.
var statusClassesFirst = map[string]*Kind{}

var statusClassesLast = map[string]*Kind{}

// For a status whose documented codes all share one type.
var typeByStatus = map[string]*Kind{
	"400": ErrRequest,
	"401": ErrRequest,
	"5xx": ErrInternal,
}

// What the catalogue keeps of the codes the API no longer sends.
var tombstones = []*Removed{}

// The extras only some codes' bodies carry.
var codeExtraList = []codeExtras{}

// The JSON types each extra may hold (|-separated), by its name.
var extraKindList = []extraKind{
	{"reported_status", "integer"},
	{"reason", "string"},
	{"extra", "object"},
}

var envelopes = []wire.Envelope{
	{Name: "v3", Type: "$.error.type", Code: "$.error.code", Message: "$.error.message", Reference: "$._meta.reference", Fields: []wire.FieldSource{{Path: "$._meta.fields", Name: "$.name", Messages: "$.messages"}, {Path: "$._meta.validation.fields", Name: "$.name", Messages: "$.messages"}}},
	{Name: "v4", Type: "$.error.type", Code: "$.error.code", Message: "$.error.message", Fields: []wire.FieldSource{{Path: "$.error.details", Name: "$.field", Message: "$.message"}}},
	{Name: "legacy", Code: "$.data.code", Message: "$.data.message", When: &wire.Condition{Present: []string{"$.data"}}, Extras: []wire.Extra{{Name: "reported_status", Path: "$.data.status", Kind: "integer"}, {Name: "reason", Path: "$.data.name", Kind: "string"}, {Name: "extra", Path: "$.data.extra", Kind: "object"}}},
}

var requestIDHeaders = []string{"x-request-id", "request-id"}

var retryStatuses = map[int]bool{
	408: true,
	429: true,
	502: true,
	503: true,
	504: true,
}

var secretHeaderList = []string{}
