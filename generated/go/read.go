// Code generated from catalogue.yaml by error-bindings. DO NOT EDIT.

package qerrors

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"io"
	"math"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/qonversion/api-errors/go/internal/wire"
)

// MaxBodyBytes is how much of a response's body FromHTTPResponse and Check read.
var MaxBodyBytes int64 = 1 << 20

// ErrTransport is the kind of every failure to get an answer from Qonversion API: the
// request failed on its way, or its answer did not come. Such an error has no status, code or
// body; Err holds the HTTP client's error. See Translate and Check.
var ErrTransport = &Kind{Name: "ErrTransport", DefaultMessage: "No answer from Qonversion API", Description: "The request failed on its way, or its answer did not come.", Retryable: flag(true), Sent: true, class: classTransport}

// ErrConnection is the kind of a request that never reached the server (a refused
// connection, a name that does not resolve, a failed TLS handshake): sending it again is safe.
var ErrConnection = &Kind{Name: "ErrConnection", Parent: ErrTransport, DefaultMessage: "No answer from Qonversion API", Description: "The request never reached the server: sending it again is safe.", class: classTransport}

// ErrTimeout is the kind of a request that was sent, and whose answer did not come in time:
// the server may have acted on it.
var ErrTimeout = &Kind{Name: "ErrTimeout", Parent: ErrTransport, DefaultMessage: "No answer from Qonversion API", Description: "The request was sent, and no answer came in time.", Sent: true, class: classTransport}

// Kinds are every kind of error the package knows: the failures to get an answer, then the
// catalogue's status classes, types and codes, in its order.
func Kinds() []*Kind {
	return append([]*Kind{ErrTransport, ErrConnection, ErrTimeout}, catalogueKinds...)
}

// Removed is what the catalogue keeps of a code the API no longer sends.
type Removed struct {
	Key string
	// Wire are the values a server sent for it: strings, or json.Number for numbers.
	Wire []any
	// Status is the last status it came with (a status or a range).
	Status string
	// Type is the last type it had, which may be gone too.
	Type string
	// RemovedIn is the API version that stopped sending it.
	RemovedIn  string
	Note       string
	ReplacedBy ErrorCode
}

// Tombstone is what the catalogue keeps of a removed code, by its key or a value a server
// sent for it (of the same JSON type); nil for any other code. To Lookup and FromResponse a
// removed code is an unknown one.
func Tombstone(code any) *Removed {
	value := wire.Of(wire.Value(code))
	if gone := removedBySent[wire.Key(value)]; gone != nil {
		return gone
	}
	if key, isText := value.(string); isText {
		return removedByKey[key]
	}
	return nil
}

// Lookup is the kind of a code: by its key, a value the server sends for it (a string, a
// json.Number or an integer) or its kind's name; else by any of these ignoring case, when
// exactly one kind matches; nil for anything else.
func Lookup(code any) *Kind {
	value := wire.Of(wire.Value(code))
	if key, isText := value.(string); isText {
		if kind := codeKinds[ErrorCode(key)]; kind != nil {
			return kind
		}
	}
	if key, aliased := codeAliases[wire.Key(value)]; aliased {
		return codeKinds[key]
	}
	if name, isText := value.(string); isText {
		if kind := kindsByName[name]; kind != nil && kind.class == classCode {
			return kind
		}
		foldOnce.Do(fold)
		return folded[strings.ToLower(name)]
	}
	return nil
}

// The code kinds by the lower-case key, name or wire value of exactly one: made on the
// first Lookup that needs them, once whatever the goroutines.
var (
	folded   map[string]*Kind
	foldOnce sync.Once
)

func fold() {
	seen := map[string]map[*Kind]bool{}
	see := func(word string, kind *Kind) {
		word = strings.ToLower(word)
		if seen[word] == nil {
			seen[word] = map[*Kind]bool{}
		}
		seen[word][kind] = true
	}
	for _, kind := range catalogueKinds {
		if kind.class != classCode {
			continue
		}
		see(string(kind.Code), kind)
		see(kind.Name, kind)
		for _, value := range kind.Wire {
			if text, isText := value.(string); isText {
				see(text, kind)
			}
		}
	}
	found := map[string]*Kind{}
	for word, kinds := range seen {
		if len(kinds) == 1 {
			for kind := range kinds {
				found[word] = kind
			}
		}
	}
	folded = found
}

func codeOf(raw any, env *wire.Envelope) (ErrorCode, bool) {
	if raw == nil {
		return "", false
	}
	code, known := codeAliases[wire.Key(wire.CodeKey(raw, env))]
	return code, known
}

func typeOf(raw any) (ErrorType, bool) {
	if raw == nil {
		return "", false
	}
	found, known := typeAliases[wire.Key(raw)]
	return found, known
}

// wireText is a wire value as text: a string as itself, a number as its JSON text.
func wireText(value any) string {
	switch found := value.(type) {
	case string:
		return found
	case json.Number:
		return string(found)
	}
	return ""
}

func textIn(value any) string {
	found, _ := value.(string)
	return found
}

func fieldErrors(found []wire.Field) []FieldError {
	fields := make([]FieldError, 0, len(found))
	for _, each := range found {
		fields = append(fields, FieldError{Name: each.Name, Messages: append([]string{}, each.Messages...), Code: each.Code, Type: each.Type, Pointer: textIn(each.Pointer)})
	}
	return fields
}

func extrasOf(found *wire.Object) map[string]any {
	extras, _ := wire.Plain(found).(map[string]any)
	if extras == nil {
		extras = map[string]any{}
	}
	return extras
}

func build(status int, header http.Header, body []byte) (*Error, bool) {
	headers := wire.HeaderMap(header)
	known := func(raw any, env *wire.Envelope) bool {
		_, isKnown := codeOf(raw, env)
		return isKnown
	}
	extras := func(key string) []wire.Extra { return codeExtrasByID[key] }
	said := wire.Read(status, body, headers, envelopes, known, extras)
	code, codeKnown := codeOf(said.RawCode, said.CodeEnvelope)
	var gone *Removed
	if !codeKnown && said.RawCode != nil {
		gone = removedBySent[wire.Key(wire.CodeKey(said.RawCode, said.CodeEnvelope))]
	}
	// A removed code is unknown; a body without any type takes its last type, if still a type.
	typ, typeKnown := typeOf(said.RawType)
	if !typeKnown && said.RawType == nil && gone != nil && typeKinds[ErrorType(gone.Type)] != nil {
		typ, typeKnown = ErrorType(gone.Type), true
	}
	kind := choose(codeKinds[code], typeKinds[typ], status)
	e := kind.New()
	if message, isText := said.Message.(string); isText {
		e.Message = message
	}
	e.Status = status
	if typeKnown {
		e.Type = typ
	} else if said.RawType != nil {
		e.Type, e.sentType = ErrorType(wireText(said.RawType)), said.RawType
	}
	e.RawType = said.RawType
	if codeKnown {
		e.Code = code
	} else if said.RawCode != nil {
		e.Code, e.sentCode = ErrorCode(wireText(said.RawCode)), said.RawCode
	}
	e.RawCode = said.RawCode
	e.Fields = fieldErrors(said.Fields)
	e.Reference = textIn(said.Reference)
	for _, each := range said.Errors {
		item := ErrorItem{RawCode: each.RawCode, RawType: each.RawType, Message: textIn(each.Message), Fields: fieldErrors(each.Fields), Extras: extrasOf(each.Extras)}
		if found, isKnown := codeOf(each.RawCode, each.Envelope); isKnown {
			item.Code = found
		} else {
			item.Code = ErrorCode(wireText(each.RawCode))
		}
		if found, isKnown := typeOf(each.RawType); isKnown {
			item.Type = found
		} else {
			item.Type = ErrorType(wireText(each.RawType))
		}
		e.Errors = append(e.Errors, item)
	}
	e.Extras = extrasOf(said.Extras)
	e.Header = header.Clone()
	if e.Header == nil {
		e.Header = http.Header{}
	}
	if id, found := wire.RequestID(headers, requestIDHeaders); found {
		e.RequestID = id
	} else {
		e.RequestID = textIn(said.RequestID)
	}
	if seconds, found := wire.RetryAfter(headers, time.Now()); found {
		delay := time.Duration(seconds * float64(time.Second))
		e.RetryAfter = &delay
	}
	e.Retryable = kind.retryable(status)
	e.Throttled = status == http.StatusTooManyRequests || (kind != nil && kind.Throttling)
	e.Removed = gone != nil
	e.Body, e.data = body, said.Body
	return e, said.RawCode != nil || said.RawType != nil
}

// choose is the kind of an error: its code's, else a status class that wins over the type,
// else its type's, else any other status class, else the one type of its status's codes.
func choose(code, typ *Kind, status int) *Kind {
	first, _ := wire.StatusEntry(status, statusClassesFirst)
	last, _ := wire.StatusEntry(status, statusClassesLast)
	byStatus, _ := wire.StatusEntry(status, typeByStatus)
	for _, found := range []*Kind{code, first, typ, last, byStatus} {
		if found != nil {
			return found
		}
	}
	return nil
}

// FromResponse is the error for a response: its status, header and body (nil when there is
// none). It never panics and never gives nil: whatever the body holds, the error keeps the
// raw code, type, message and body. Its kind is the code's, else a status class that wins
// over the type, else the type's, else any other status class, else the one type of the
// status's codes, else nil.
func FromResponse(status int, header http.Header, body []byte) (found *Error) {
	defer func() {
		if recover() != nil {
			found = &Error{Status: status, Message: defaultMessage, Header: header.Clone(), Body: body, Extras: map[string]any{}}
		}
	}()
	found, _ = build(status, header, body)
	return found
}

// ErrorFor is the error a response is, or nil for a success: any 4xx or 5xx response is an
// error; a response of another status is one only when an envelope that reads that status
// finds a code or a type in its body (an API that answers errors with 200).
func ErrorFor(status int, header http.Header, body []byte) (found *Error) {
	if status == 0 || (status >= 400 && status <= 599) {
		return FromResponse(status, header, body)
	}
	if !wire.ReadsStatus(envelopes, status) {
		return nil
	}
	defer func() {
		if recover() != nil {
			found = nil
		}
	}()
	found, isError := build(status, header, body)
	if !isError {
		return nil
	}
	return found
}

// FromHTTPResponse is the error for resp (see FromResponse), reading at most MaxBodyBytes of
// its body and closing it. Check resp.StatusCode first, or use Check.
func FromHTTPResponse(resp *http.Response) *Error {
	if resp == nil {
		return FromResponse(0, nil, nil)
	}
	body := readBody(resp)
	if resp.Body != nil {
		resp.Body.Close()
	}
	return FromResponse(resp.StatusCode, resp.Header, body)
}

func readBody(resp *http.Response) []byte {
	if resp.Body == nil {
		return nil
	}
	body, _ := io.ReadAll(io.LimitReader(resp.Body, MaxBodyBytes))
	return body
}

// Check is the error of a request's outcome, as http.Client.Do gives it: Translate(err) when
// the request failed (err itself when it is no failure to get an answer, such as a cancelled
// context), the response's error when it is one (see ErrorFor, which reads and closes its
// body), else nil. The body of a response that is no error is left to read, as it came.
//
//	resp, err := client.Do(req)
//	if err := Check(resp, err); err != nil {
//		return err
//	}
//	defer resp.Body.Close()
func Check(resp *http.Response, err error) error {
	if err != nil {
		if found := Translate(err); found != nil {
			return found
		}
		return err
	}
	if resp == nil {
		return nil
	}
	status := resp.StatusCode
	if status >= 400 && status <= 599 {
		return FromHTTPResponse(resp)
	}
	if !wire.ReadsStatus(envelopes, status) || resp.Body == nil {
		return nil
	}
	body := readBody(resp)
	resp.Body = struct {
		io.Reader
		io.Closer
	}{io.MultiReader(bytes.NewReader(body), resp.Body), resp.Body}
	if found := ErrorFor(status, resp.Header, body); found != nil {
		return found
	}
	return nil
}

// Translate is the error of this API an HTTP client's error stands for, else nil: a failure
// to get an answer gives an error of kind ErrConnection when the request never left,
// ErrTimeout when no answer came in time, else ErrTransport; its Err is the client's error.
// An *Error in err's chain is itself; a request the caller cancelled gives nil.
func Translate(err error) *Error {
	if err == nil {
		return nil
	}
	var own *Error
	if errors.As(err, &own) {
		return own
	}
	if errors.Is(err, context.Canceled) {
		return nil
	}
	kind := failureKind(err)
	if kind == nil {
		return nil
	}
	found := kind.New(err.Error())
	found.Err = err
	return found
}

func failureKind(err error) *Kind {
	var dial *net.OpError
	var lookup *net.DNSError
	var verification *tls.CertificateVerificationError
	var authority x509.UnknownAuthorityError
	var hostname x509.HostnameError
	var invalid x509.CertificateInvalidError
	var record tls.RecordHeaderError
	var timeout interface{ Timeout() bool }
	var network net.Error
	var request *url.Error
	switch {
	case errors.As(err, &dial) && dial.Op == "dial", errors.As(err, &lookup),
		errors.As(err, &verification), errors.As(err, &authority), errors.As(err, &hostname),
		errors.As(err, &invalid), errors.As(err, &record):
		return ErrConnection
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &timeout) && timeout.Timeout():
		return ErrTimeout
	case errors.As(err, &network), errors.As(err, &request),
		errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return ErrTransport
	}
	return nil
}

// FromJSON is the error a MarshalJSON (or another language's to_dict or toJSON) gave: its
// kind found again by name, code or type; what this package does not know kept as it was
// sent. It never panics: what data lacks, the error lacks.
func FromJSON(data []byte) (found *Error) {
	defer func() {
		if recover() != nil {
			found = &Error{Message: defaultMessage, Extras: map[string]any{}}
		}
	}()
	parsed, _ := wire.Decode(data)
	record, _ := parsed.(*wire.Object)
	if record == nil {
		record = wire.NewObject()
	}
	member := func(key string) any {
		value, _ := record.Get(key)
		return value
	}
	code, typ := wire.Of(member("code")), wire.Of(member("type"))
	kind := kindsByName[textIn(member("class"))]
	if kind == nil && code != nil {
		kind = Lookup(code)
	}
	if kind == nil {
		kind = typeKinds[ErrorType(textIn(typ))]
	}
	e := kind.New()
	if message, isText := member("message").(string); isText {
		e.Message = message
	}
	if status, isNumber := member("status").(json.Number); isNumber {
		if value, err := status.Int64(); err == nil && value > 0 && value < 1000 {
			e.Status = int(value)
		}
	}
	e.Retryable = kind.retryable(e.Status)
	e.Throttled = e.Status == http.StatusTooManyRequests || (kind != nil && kind.Throttling)
	if found, isKnown := typeOf(typ); isKnown {
		e.Type = found
	} else if typ != nil {
		e.Type, e.sentType = ErrorType(wireText(typ)), typ
	}
	e.RawType = typ
	if known := Lookup(code); known != nil && code != nil {
		e.Code = known.Code
	} else if code != nil {
		e.Code, e.sentCode = ErrorCode(wireText(code)), code
	}
	e.RawCode = wire.Of(member("raw_code"))
	e.Fields = fieldsFromData(member("fields"))
	e.Reference = textIn(member("reference"))
	e.data = member("body")
	if list, isList := member("errors").([]any); isList {
		for _, raw := range list {
			each, _ := raw.(*wire.Object)
			if each == nil {
				each = wire.NewObject()
			}
			get := func(key string) any {
				value, _ := each.Get(key)
				return value
			}
			itemCode, itemType := wire.Of(get("code")), wire.Of(get("type"))
			item := ErrorItem{Code: ErrorCode(wireText(itemCode)), RawCode: wire.Of(get("raw_code")), Type: ErrorType(wireText(itemType)), RawType: itemType, Message: textIn(get("message")), Fields: fieldsFromData(get("fields")), Extras: extrasOf(asObject(get("extras")))}
			if known := Lookup(itemCode); known != nil && itemCode != nil {
				item.Code = known.Code
			}
			if found, isKnown := typeOf(itemType); isKnown {
				item.Type = found
			}
			e.Errors = append(e.Errors, item)
		}
	}
	e.Extras = extrasOf(asObject(member("extras")))
	e.Header = http.Header{}
	if headers, isObject := member("headers").(*wire.Object); isObject {
		for _, name := range headers.Keys {
			if value, isText := headers.Values[name].(string); isText {
				e.Header.Set(name, value)
			}
		}
	}
	e.RequestID = textIn(member("request_id"))
	if id, found := wire.RequestID(wire.HeaderMap(e.Header), requestIDHeaders); found {
		e.RequestID = id
	}
	if seconds, isNumber := member("retry_after").(json.Number); isNumber {
		if value, err := seconds.Float64(); err == nil && !math.IsInf(value, 0) {
			delay := time.Duration(value * float64(time.Second))
			e.RetryAfter = &delay
		}
	}
	for name, field := range map[string]*bool{"retryable": &e.Retryable, "throttled": &e.Throttled, "removed": &e.Removed, "sent": &e.Sent} {
		if value, isBool := member(name).(bool); isBool {
			*field = value
		}
	}
	// Data made while its code was live loads as removed once the catalogue removes the code.
	if !e.Removed && (code == nil || Lookup(code) == nil) {
		for _, sent := range []any{code, e.RawCode} {
			if sent != nil && Tombstone(sent) != nil {
				e.Removed = true
			}
		}
	}
	return e
}

func asObject(value any) *wire.Object {
	found, _ := value.(*wire.Object)
	return found
}

func fieldsFromData(value any) []FieldError {
	list, _ := value.([]any)
	fields := []FieldError{}
	for _, raw := range list {
		each, isObject := raw.(*wire.Object)
		if !isObject {
			continue
		}
		get := func(key string) any {
			value, _ := each.Get(key)
			return value
		}
		name, isText := get("name").(string)
		if !isText {
			continue
		}
		field := FieldError{Name: name, Messages: []string{}, Code: wire.Of(get("code")), Type: wire.Of(get("type")), Pointer: textIn(get("pointer"))}
		messages, _ := get("messages").([]any)
		for _, message := range messages {
			if text, isText := message.(string); isText {
				field.Messages = append(field.Messages, text)
			}
		}
		fields = append(fields, field)
	}
	return fields
}
