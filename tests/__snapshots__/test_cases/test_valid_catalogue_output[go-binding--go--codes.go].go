// Code generated from catalogue.yaml by error-bindings. DO NOT EDIT.

package acmeerrors

import "example.com/acme/errors-go/internal/wire"

// TypeRequest is the type request: The request is wrong.
const TypeRequest ErrorType = "request"

// TypeLegacy is the type legacy: Errors of the v1 API.
//
// Deprecated: Deprecated since v2. Its codes move to request.
const TypeLegacy ErrorType = "legacy"

// TypeInternal is the type internal: The server is wrong.
const TypeInternal ErrorType = "internal"

// CodeInvalidURL is the code invalid_url: A URL is wrong: "quoted", with a backslash \ and a tab\there.
const CodeInvalidURL ErrorCode = "invalid_url"

// CodeNoUser is the code user_id_missing: The user id is missing.
const CodeNoUser ErrorCode = "user_id_missing"

// CodeNotFound is the code not_found: The thing is not there.
//
// Deprecated: Deprecated since v2. Servers send invalid_url now. Use the code invalid_url instead.
const CodeNotFound ErrorCode = "not_found"

// CodeStorageError is the code storage_error: Saving failed. 🚀
const CodeStorageError ErrorCode = "storage_error"

// ErrRateLimited is the kind of errors of status 429: Too many requests, whatever the body says.
var ErrRateLimited = &Kind{Name: "ErrRateLimited", Statuses: []string{"429"}, DefaultMessage: "Unknown error", Description: "Too many requests, whatever the body says.", class: classStatus}

// ErrRequest is the kind of errors of type request: The request is wrong.
var ErrRequest = &Kind{Name: "ErrRequest", Type: TypeRequest, DefaultMessage: "Unknown error", Description: "The request is wrong.", Fault: "client", class: classType}

// ErrLegacy is the kind of errors of type legacy: Errors of the v1 API.
//
// Deprecated: Deprecated since v2. Its codes move to request.
var ErrLegacy = &Kind{Name: "ErrLegacy", Type: TypeLegacy, DefaultMessage: "Unknown error", Description: "Errors of the v1 API.", Fault: "client", Deprecated: "Deprecated since v2. Its codes move to request.", Wire: []any{number("1")}, class: classType}

// ErrInternal is the kind of errors of type internal: The server is wrong.
var ErrInternal = &Kind{Name: "ErrInternal", Type: TypeInternal, DefaultMessage: "Unknown error", Description: "The server is wrong.", Fault: "server", class: classType}

// ErrInvalidURL is the kind of errors of code invalid_url: A URL is wrong: "quoted", with a backslash \ and a tab\there.
var ErrInvalidURL = &Kind{Name: "ErrInvalidURL", Code: CodeInvalidURL, Type: TypeRequest, Parent: ErrRequest, Statuses: []string{"400"}, DefaultMessage: "The URL is not one", Description: "A URL is wrong: \"quoted\", with a backslash \\ and a tab\there.", Retryable: flag(false), Fault: "client", DocsURL: "https://acme.example/docs/#invalid_url", class: classCode}

// ErrNoUser is the kind of errors of code user_id_missing: The user id is missing.
var ErrNoUser = &Kind{Name: "ErrNoUser", Code: CodeNoUser, Type: TypeRequest, Parent: ErrRequest, Statuses: []string{"400"}, DefaultMessage: "No user id", Description: "The user id is missing.", Retryable: flag(false), Fault: "client", DocsURL: "https://acme.example/docs/#user_id_missing", class: classCode}

// ErrNotFound is the kind of errors of code not_found: The thing is not there.
//
// Deprecated: Deprecated since v2. Servers send invalid_url now. Use the code invalid_url instead.
var ErrNotFound = &Kind{Name: "ErrNotFound", Code: CodeNotFound, Type: TypeLegacy, Parent: ErrLegacy, Statuses: []string{"404"}, DefaultMessage: "Not found", Description: "The thing is not there.", Retryable: flag(false), Fault: "client", DocsURL: "https://acme.example/docs/#not_found", Deprecated: "Deprecated since v2. Servers send invalid_url now. Use the code invalid_url instead.", ReplacedBy: "invalid_url", Wire: []any{number("20404"), "not_found"}, class: classCode}

// ErrStorage is the kind of errors of code storage_error: Saving failed. 🚀
var ErrStorage = &Kind{Name: "ErrStorage", Code: CodeStorageError, Type: TypeInternal, Parent: ErrInternal, Statuses: []string{"5xx"}, AnswerStatus: 503, DefaultMessage: "Not saved", Description: "Saving failed. 🚀", Retryable: flag(true), Fault: "server", DocsURL: "https://acme.example/docs/#storage_error", class: classCode}

// ErrUserIDMissing is ErrNoUser, by the name it had before.
//
// Deprecated: Use ErrNoUser.
var ErrUserIDMissing = ErrNoUser

// CodeUserIDMissing is CodeNoUser, by the name it had before.
//
// Deprecated: Use CodeNoUser.
const CodeUserIDMissing = CodeNoUser

// The kinds of the catalogue: its status classes, types and codes, in its order.
var catalogueKinds = []*Kind{
	ErrRateLimited,
	ErrRequest,
	ErrLegacy,
	ErrInternal,
	ErrInvalidURL,
	ErrNoUser,
	ErrNotFound,
	ErrStorage,
}

// Status classes by status ("429", "5xx"): those chosen before the type, and those after it.
var statusClassesFirst = map[string]*Kind{
	"429": ErrRateLimited,
}

var statusClassesLast = map[string]*Kind{}

// For a status whose documented codes all share one type.
var typeByStatus = map[string]*Kind{
	"400": ErrRequest,
	"404": ErrLegacy,
	"5xx": ErrInternal,
}

// What the catalogue keeps of the codes the API no longer sends.
var tombstones = []*Removed{
	{Key: "receipt_invalid", Wire: []any{number("10002"), "receipt_invalid"}, Status: "400", Type: "request", RemovedIn: "v2", Note: "Receipts are checked by the stores now.", ReplacedBy: "invalid_url"},
}

// The extras only some codes' bodies carry.
var codeExtraList = []codeExtras{
	{CodeInvalidURL, []wire.Extra{{Name: "api_key_id", Path: "$.error.api_key_id", Kind: "string"}}},
}

// The JSON types each extra may hold (|-separated), by its name.
var extraKindList = []extraKind{
	{"retry_in", "number"},
	{"attempts", "integer"},
	{"blocked", "boolean"},
	{"tags", "strings"},
	{"detail", "object"},
	{"doc_url", "string"},
	{"api_key_id", "string"},
}

var envelopes = []wire.Envelope{
	{Name: "main", Type: "$.error.type", Code: "$.error.code", Message: "$.error.message", Fields: []wire.FieldSource{{Path: "$.error.fields", Name: "$.name", Messages: "$.messages"}}, Extras: []wire.Extra{{Name: "retry_in", Path: "$.error.retry_in", Kind: "number"}, {Name: "attempts", Path: "$.error.attempts", Kind: "integer"}, {Name: "blocked", Path: "$.error.blocked", Kind: "boolean"}, {Name: "tags", Path: "$.error.tags", Kind: "strings"}, {Name: "detail", Path: "$.error.detail", Kind: "object"}, {Name: "doc_url", Path: "$.error.doc_url", Kind: "string"}}, RequestID: "$.meta.request_id"},
	{Name: "text", When: &wire.Condition{MediaTypes: []string{"text/plain"}}, Text: true},
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
