// Code generated from catalogue.yaml by error-bindings. DO NOT EDIT.

// Package acmeerrors holds the errors of Acme API, as Go values.
//
// FromResponse, FromHTTPResponse and Check make an *Error of any HTTP response, keeping
// everything the server sent: a code this package does not know yet still gives an *Error,
// with the code as it was sent. errors.Is(err, ErrNotFound) tells an error's kind (a *Kind:
// a code's, a type's, a status class's, or a failure to get an answer), and errors.As(err,
// &apiErr) gives the *Error itself. Servers answer with an error with Write.
package acmeerrors

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"strings"
	"time"

	"acmeerrors/internal/wire"
)

// ErrorCode is a code of the API: one of the Code constants, or a code this package does not
// know yet, as the server sent it (a number as its JSON text).
type ErrorCode string

// ErrorType is a type of error: one of the Type constants, or one this package does not know
// yet, as the server sent it.
type ErrorType string

// Fault says whose fault an error is.
type Fault string

// FaultClient is the fault of the request: sending it again as it is fails again.
const FaultClient Fault = "client"

// FaultServer is the fault of the server.
const FaultServer Fault = "server"

// A Kind is a kind of error the catalogue documents: a code, a type, a status class, or a
// failure to get an answer (what a class is in other languages). Every *Kind is a sentinel
// error: errors.Is(err, ErrNotFound) holds for each error of code not_found, and
// errors.Is(err, kind) for a type's kind holds for each error of its codes. Kinds are
// shared: never change one.
type Kind struct {
	// Name is the name of the package's variable holding it, such as "ErrNotFound".
	Name string
	// Code is the code it stands for ("" unless it is a code's).
	Code ErrorCode
	// Type is the type it stands for, or its code's type ("" when none).
	Type ErrorType
	// Parent is the kind it is a kind of: a code's type, a failure's ErrTransport.
	Parent *Kind
	// Statuses are the statuses the catalogue documents it with, the main one first, each a
	// status ("404") or a range ("5xx").
	Statuses []string
	// AnswerStatus is the status a server answers with when the error has none, where the
	// catalogue names one; else 0, and the first of Statuses is used (500 for 5xx).
	AnswerStatus int
	// DefaultMessage is the message of an error that comes without one.
	DefaultMessage string
	// Description is what the catalogue says it means.
	Description string
	// Retryable is whether retrying may succeed, where the catalogue says (else nil, and the
	// status decides).
	Retryable *bool
	// Throttling is whether it says the client is sending too much.
	Throttling bool
	// Fault is whose fault it is, where the catalogue says.
	Fault Fault
	// DocsURL is its page in the published docs.
	DocsURL string
	// ReferenceURL is its page in the API's own reference.
	ReferenceURL string
	// Deprecated says why it is deprecated and what to use instead ("" when it is not).
	Deprecated string
	// ReplacedBy is the code to use instead of a deprecated code, where the catalogue names
	// one.
	ReplacedBy ErrorCode
	// Wire are the values a server sends for its code or type where they are not its key,
	// the first being the one a server writes: strings, or json.Number for numbers.
	Wire []any
	// Sent is, for a failure to get an answer, whether the request may have reached the
	// server.
	Sent bool

	class kindClass
}

type kindClass int

const (
	classBase kindClass = iota
	classCode
	classType
	classStatus
	classTransport
)

// Error is the name of the kind, so that a kind is a sentinel error.
func (k *Kind) Error() string {
	if k == nil {
		return "<nil>"
	}
	return k.Name
}

// New is an error of the kind, for a server to answer with (see Write and Error.Answer):
// with the message given, else the kind's default message. Set its other fields before
// answering.
func (k *Kind) New(message ...string) *Error {
	e := &Error{Kind: k, Message: defaultMessage}
	if k != nil {
		e.Code, e.Type, e.Message, e.Sent = k.Code, k.Type, k.DefaultMessage, k.Sent
		e.Retryable, e.Throttled = k.retryable(0), k.Throttling
	}
	if len(message) > 0 {
		e.Message = message[0]
	}
	return e
}

func (k *Kind) retryable(status int) bool {
	for found := k; found != nil; found = found.Parent {
		if found.Retryable != nil {
			return *found.Retryable
		}
	}
	return retryStatuses[status]
}

func flag(value bool) *bool { return &value }

func number(text string) json.Number { return json.Number(text) }

const defaultMessage = "Unknown error"

// FieldError is an error in one field of the request.
type FieldError struct {
	Name     string
	Messages []string
	// Code and Type are as the server sent them: a string, a json.Number or nil.
	Code, Type any
	// Pointer is the JSON pointer to the field, where the server sent one.
	Pointer string
}

// ErrorItem is one of several errors a response carries.
type ErrorItem struct {
	// Code is the item's code: an ErrorCode constant when known, else what the server sent.
	Code ErrorCode
	// RawCode is exactly what the server sent as the code: a string, a json.Number or nil.
	RawCode any
	Type    ErrorType
	RawType any
	Message string
	Fields  []FieldError
	Extras  map[string]any
}

// Error is an error of the API: one the server answered with, a failure to get an answer, or
// one a server answers with. It keeps everything the server sent.
type Error struct {
	// Kind is the error's kind: its code's when known, else a status class's or its type's;
	// nil when the catalogue knows nothing of it.
	Kind *Kind
	// Status is the HTTP status of the response (0 when there was none).
	Status int
	// Code is the error's code: an ErrorCode constant when known, else what the server sent
	// (a number as its JSON text); "" when it sent none.
	Code ErrorCode
	// RawCode is exactly what the server sent as the code: a string, a json.Number or nil.
	RawCode any
	// Type is the error's type: an ErrorType constant when known, else what the server sent.
	Type ErrorType
	// RawType is exactly what the server sent as the type: a string, a json.Number or nil.
	RawType any
	// Message is the server's message, else the kind's default message.
	Message string
	// Reference is the documentation link the server sent.
	Reference string
	// Fields are the field errors.
	Fields []FieldError
	// Errors are every error the response carries, when it carries several.
	Errors []ErrorItem
	// Extras are the members the catalogue declares that the server sent, by their catalogue
	// names; numbers are json.Number, objects map[string]any.
	Extras map[string]any
	// Header is the response's header.
	Header http.Header
	// RequestID is the request id the response carries, for the API's support.
	RequestID string
	// RetryAfter is how long the response asks to wait before retrying, if it says.
	RetryAfter *time.Duration
	// Retryable is whether retrying may succeed: the code's word when known, else the
	// status's.
	Retryable bool
	// Throttled is whether the client is sending too much: a 429, or a code that says so.
	Throttled bool
	// Removed is whether the server sent a code the catalogue lists as removed (the error is
	// then one of an unknown code; see Tombstone).
	Removed bool
	// Sent is, for a failure to get an answer, whether the request may have reached the
	// server: false only when it certainly did not, so that sending it again is safe.
	Sent bool
	// Body is the body of the response, as it came.
	Body []byte
	// Err is what caused the error: the HTTP client's error for a failure to get an answer.
	Err error

	// The body as JSON data (parsed, else its text), and an unknown code and type as they
	// were sent, numbers and all.
	data               any
	sentCode, sentType any
}

// Error says the code, message, status and request id.
func (e *Error) Error() string {
	if e == nil {
		return "<nil>"
	}
	text := e.Message
	if e.Code != "" {
		text = string(e.Code) + ": " + text
	}
	var said []string
	if e.Status != 0 {
		said = append(said, fmt.Sprintf("HTTP %d", e.Status))
	}
	if e.RequestID != "" {
		said = append(said, "request "+e.RequestID)
	}
	if len(said) == 0 {
		return text
	}
	return text + " (" + strings.Join(said, ", ") + ")"
}

// Unwrap gives the cause.
func (e *Error) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

// Is reports whether the error is of a kind: its own, or one its kind is a kind of.
func (e *Error) Is(target error) bool {
	kind, ok := target.(*Kind)
	if !ok || e == nil || kind == nil {
		return false
	}
	for found := e.Kind; found != nil; found = found.Parent {
		if found == kind {
			return true
		}
	}
	return false
}

// Fault is whose fault the error is, as the catalogue says of its kind ("" when unsaid).
func (e *Error) Fault() Fault {
	if e == nil || e.Kind == nil {
		return ""
	}
	return e.Kind.Fault
}

// RedactedHeader is the header with the value of each secret one replaced.
func (e *Error) RedactedHeader() http.Header {
	if e == nil {
		return nil
	}
	found := http.Header{}
	for name, value := range wire.Redacted(wire.HeaderMap(e.Header), secretHeaderSet) {
		found.Set(name, value)
	}
	return found
}

// extra is an extra the error holds as what its kind says: a string, an int64, a float64, a
// bool, a []string or any value; nil when it holds none, or another kind.
func (e *Error) extra(name, kind string) any {
	if e == nil {
		return nil
	}
	value, ok := e.Extras[name]
	if !ok || value == nil {
		return nil
	}
	switch kind {
	case "integer":
		if text, isNumber := value.(json.Number); isNumber {
			if found, err := text.Int64(); err == nil {
				return found
			}
		}
		return nil
	case "number":
		if text, isNumber := value.(json.Number); isNumber {
			if found, err := text.Float64(); err == nil && !math.IsInf(found, 0) {
				return found
			}
		}
		return nil
	case "strings":
		list, isList := value.([]any)
		if !isList {
			return nil
		}
		found := make([]string, 0, len(list))
		for _, each := range list {
			text, isText := each.(string)
			if !isText {
				return nil
			}
			found = append(found, text)
		}
		return found
	}
	return value
}

// The codes and types by the values a server sends, the keys a server never sends as
// themselves, and what a server writes for each: built once from the catalogue's kinds.
var (
	codeKinds       = map[ErrorCode]*Kind{}
	typeKinds       = map[ErrorType]*Kind{}
	codeAliases     = map[string]ErrorCode{}
	typeAliases     = map[string]ErrorType{}
	codeWire        = map[ErrorCode]any{}
	typeWire        = map[ErrorType]any{}
	kindsByName     = map[string]*Kind{}
	removedBySent   = map[string]*Removed{}
	removedByKey    = map[string]*Removed{}
	codeExtrasByID  = map[string][]wire.Extra{}
	extraKindsOf    = map[string]string{}
	secretHeaderSet = map[string]bool{}
)

type codeExtras struct {
	code   ErrorCode
	extras []wire.Extra
}

type extraKind struct{ name, kinds string }

func init() {
	for _, kind := range Kinds() {
		kindsByName[kind.Name] = kind
		switch kind.class {
		case classCode:
			codeKinds[kind.Code] = kind
			for _, value := range kind.Wire {
				codeAliases[wire.Key(value)] = kind.Code
			}
			if len(kind.Wire) > 0 {
				codeWire[kind.Code] = kind.Wire[0]
			}
		case classType:
			typeKinds[kind.Type] = kind
			for _, value := range kind.Wire {
				typeAliases[wire.Key(value)] = kind.Type
			}
			if len(kind.Wire) > 0 {
				typeWire[kind.Type] = kind.Wire[0]
			}
		}
	}
	// A code or type with no wire values is sent as its key (a key among its wire values is
	// an alias already), unless that is another's wire value.
	for key, kind := range codeKinds {
		if _, aliased := codeAliases[wire.Key(string(key))]; !aliased && len(kind.Wire) == 0 {
			codeAliases[wire.Key(string(key))] = key
		}
	}
	for key, kind := range typeKinds {
		if _, aliased := typeAliases[wire.Key(string(key))]; !aliased && len(kind.Wire) == 0 {
			typeAliases[wire.Key(string(key))] = key
		}
	}
	for _, gone := range tombstones {
		removedByKey[gone.Key] = gone
		for _, value := range gone.Wire {
			removedBySent[wire.Key(value)] = gone
		}
	}
	for _, found := range codeExtraList {
		for _, value := range codeKinds[found.code].sentAs() {
			codeExtrasByID[wire.Key(value)] = found.extras
		}
	}
	for _, found := range extraKindList {
		extraKindsOf[found.name] = found.kinds
	}
	for _, name := range secretHeaderList {
		secretHeaderSet[strings.ToLower(name)] = true
	}
}

// sentAs are the values a server sends for a code: its wire values, else its key.
func (k *Kind) sentAs() []any {
	if len(k.Wire) > 0 {
		return k.Wire
	}
	return []any{string(k.Code)}
}
