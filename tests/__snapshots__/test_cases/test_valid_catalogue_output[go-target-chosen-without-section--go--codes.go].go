// Code generated from catalogue.yaml by error-bindings. DO NOT EDIT.

package acmeerrors

import "acmeerrors/internal/wire"

// TypeResource is the type resource: The resource is wrong.
const TypeResource ErrorType = "resource"

// TypeInternal is the type internal: The server is wrong.
const TypeInternal ErrorType = "internal"

// CodeNotFound is the code not_found: The thing is not there.
const CodeNotFound ErrorCode = "not_found"

// CodeStorageError is the code storage_error: Saving failed.
const CodeStorageError ErrorCode = "storage_error"

// ErrResource is the kind of errors of type resource: The resource is wrong.
var ErrResource = &Kind{Name: "ErrResource", Type: TypeResource, DefaultMessage: "Unknown error", Description: "The resource is wrong.", Fault: "client", class: classType}

// ErrInternal is the kind of errors of type internal: The server is wrong.
var ErrInternal = &Kind{Name: "ErrInternal", Type: TypeInternal, DefaultMessage: "Unknown error", Description: "The server is wrong.", Fault: "server", class: classType}

// ErrNotFound is the kind of errors of code not_found: The thing is not there.
var ErrNotFound = &Kind{Name: "ErrNotFound", Code: CodeNotFound, Type: TypeResource, Parent: ErrResource, Statuses: []string{"404"}, DefaultMessage: "Not found", Description: "The thing is not there.", Retryable: flag(false), Fault: "client", DocsURL: "https://acme.example/docs/#not_found", class: classCode}

// ErrStorage is the kind of errors of code storage_error: Saving failed.
var ErrStorage = &Kind{Name: "ErrStorage", Code: CodeStorageError, Type: TypeInternal, Parent: ErrInternal, Statuses: []string{"5xx"}, DefaultMessage: "Not saved", Description: "Saving failed.", Retryable: flag(true), Fault: "server", DocsURL: "https://acme.example/docs/#storage_error", class: classCode}

// The kinds of the catalogue: its status classes, types and codes, in its order.
var catalogueKinds = []*Kind{
	ErrResource,
	ErrInternal,
	ErrNotFound,
	ErrStorage,
}

// Status classes by status ("429", "5xx"): those chosen before the type, and those after it.
var statusClassesFirst = map[string]*Kind{}

var statusClassesLast = map[string]*Kind{}

// For a status whose documented codes all share one type.
var typeByStatus = map[string]*Kind{
	"404": ErrResource,
	"5xx": ErrInternal,
}

// What the catalogue keeps of the codes the API no longer sends.
var tombstones = []*Removed{}

// The extras only some codes' bodies carry.
var codeExtraList = []codeExtras{}

// The JSON types each extra may hold (|-separated), by its name.
var extraKindList = []extraKind{}

var envelopes = []wire.Envelope{
	{Name: "main", Type: "$.error.type", Code: "$.error.code", Message: "$.error.message"},
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
