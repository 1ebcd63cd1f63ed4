// Code generated from catalogue.yaml by error-bindings. DO NOT EDIT.

package qerrors

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/qonversion/api-errors/go/internal/wire"
)

// Answer is the status, header and body a server answers with for the error, laid out as the
// envelope named so says ("" for the catalogue's first). The status is the error's, else its
// kind's AnswerStatus, else its kind's first status (a range's first: 500 for 5xx), else 500.
// What the envelope has no place for is not sent. It fails for an envelope the catalogue does
// not declare, and for an extra holding a value of a JSON type the catalogue does not give it.
func (e *Error) Answer(envelopeName string) (int, http.Header, []byte, error) {
	chosen, err := envelopeNamed(envelopeName)
	if err != nil {
		return 0, nil, nil, err
	}
	extras := wire.NewObject()
	names := make([]string, 0, len(e.Extras))
	for name := range e.Extras {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		value := runtimeValue(e.Extras[name])
		kinds, declared := extraKindsOf[name]
		if declared && value != nil && !wire.IsOfKind(value, kinds) {
			holds := strings.ReplaceAll(kinds, "|", " or ")
			return 0, nil, nil, fmt.Errorf("the extra %q holds %s, not %T", name, holds, e.Extras[name])
		}
		extras.Set(name, value)
	}
	rawCode := e.wireCode()
	fields := make([]wire.Field, 0, len(e.Fields))
	for _, each := range e.Fields {
		fields = append(fields, wire.Field{Name: each.Name, Messages: append([]string{}, each.Messages...), Code: wire.Of(runtimeValue(each.Code)), Type: wire.Of(runtimeValue(each.Type)), Pointer: optional(each.Pointer)})
	}
	body := wire.Write(chosen, wire.Written{RawCode: rawCode, RawType: e.wireType(), Message: e.Message, Reference: optional(e.Reference), Fields: fields, Extras: extras, RequestID: optional(e.RequestID)}, codeExtrasByID[wire.Key(rawCode)])
	header := http.Header{}
	var text []byte
	if chosen.Text {
		header.Set("Content-Type", "text/plain; charset=utf-8")
		text = []byte(textIn(body))
	} else {
		media := "application/json"
		if chosen.When != nil && len(chosen.When.MediaTypes) > 0 {
			media = chosen.When.MediaTypes[0]
		}
		header.Set("Content-Type", media)
		text = wire.Encode(body)
	}
	if e.RetryAfter != nil {
		header.Set("Retry-After", strconv.FormatFloat(math.Ceil(e.RetryAfter.Seconds()), 'f', -1, 64))
	}
	if e.RequestID != "" && len(requestIDHeaders) > 0 {
		header.Set(requestIDHeaders[0], e.RequestID)
	}
	return e.answerStatus(chosen), header, text, nil
}

// Write answers with err: an *Error in its chain as its Answer in the catalogue's first
// envelope, a *Kind as a new error of that kind, anything else as an error of no kind with
// status 500 and the default message (so that no detail of it leaks). It gives what failed.
func Write(w http.ResponseWriter, err error) error {
	var found *Error
	var kind *Kind
	switch {
	case errors.As(err, &found):
	case errors.As(err, &kind):
		found = kind.New()
	default:
		found = (*Kind)(nil).New()
		found.Status = http.StatusInternalServerError
	}
	status, header, body, failed := found.Answer("")
	if failed != nil {
		return failed
	}
	for name, values := range header {
		w.Header()[name] = values
	}
	w.WriteHeader(status)
	_, failed = w.Write(body)
	return failed
}

func envelopeNamed(name string) (*wire.Envelope, error) {
	if name == "" && len(envelopes) > 0 {
		return &envelopes[0], nil
	}
	names := make([]string, 0, len(envelopes))
	for index := range envelopes {
		if envelopes[index].Name == name {
			return &envelopes[index], nil
		}
		names = append(names, envelopes[index].Name)
	}
	return nil, fmt.Errorf("no envelope %q: the catalogue declares %s", name, strings.Join(names, ", "))
}

// wireCode is what a server writes for the error's code: a known code's canonical wire value,
// else the code as it was sent.
func (e *Error) wireCode() any {
	if _, known := codeKinds[e.Code]; known {
		if value, found := codeWire[e.Code]; found {
			return value
		}
		return string(e.Code)
	}
	if e.sentCode != nil {
		return e.sentCode
	}
	if e.Code != "" {
		return string(e.Code)
	}
	return wire.Of(runtimeValue(e.RawCode))
}

func (e *Error) wireType() any {
	if _, known := typeKinds[e.Type]; known {
		if value, found := typeWire[e.Type]; found {
			return value
		}
		return string(e.Type)
	}
	if e.sentType != nil {
		return e.sentType
	}
	if e.Type != "" {
		return string(e.Type)
	}
	return nil
}

func (e *Error) answerStatus(chosen *wire.Envelope) int {
	entry := func(text string) int {
		if strings.HasSuffix(text, "xx") {
			return int(text[0]-'0') * 100
		}
		status, _ := strconv.Atoi(text)
		return status
	}
	status := e.Status
	if status == 0 && e.Kind != nil {
		status = e.Kind.AnswerStatus
		if status == 0 && len(e.Kind.Statuses) > 0 {
			status = entry(e.Kind.Statuses[0])
		}
	}
	if status == 0 {
		status = http.StatusInternalServerError
	}
	if chosen.When != nil && len(chosen.When.Statuses) > 0 && !wire.ReadsStatus([]wire.Envelope{*chosen}, status) {
		status = entry(chosen.When.Statuses[0])
	}
	return status
}

func optional(text string) any {
	if text == "" {
		return nil
	}
	return text
}

// runtimeValue is a Go value as the runtime holds JSON: numbers as json.Number, slices as
// []any, maps as objects in the order of their sorted keys.
func runtimeValue(value any) any {
	switch found := value.(type) {
	case []string:
		list := make([]any, 0, len(found))
		for _, each := range found {
			list = append(list, each)
		}
		return list
	case []any:
		list := make([]any, 0, len(found))
		for _, each := range found {
			list = append(list, runtimeValue(each))
		}
		return list
	case map[string]any:
		keys := make([]string, 0, len(found))
		for key := range found {
			keys = append(keys, key)
		}
		sort.Strings(keys)
		record := wire.NewObject()
		for _, key := range keys {
			record.Set(key, runtimeValue(found[key]))
		}
		return record
	case int32:
		return number(strconv.FormatInt(int64(found), 10))
	case float32:
		return jsonValue(float64(found))
	case json.Number, string, bool, nil, *wire.Object:
		return found
	}
	return jsonValue(value)
}

// MarshalJSON is the error as JSON data, in the shape every language's bindings read back
// (FromJSON here, from_dict in Python, fromJSON in TypeScript); secret headers redacted.
func (e *Error) MarshalJSON() ([]byte, error) {
	data := wire.NewObject()
	data.Set("shape", number("1"))
	name := "Error"
	if e.Kind != nil {
		name = e.Kind.Name
	}
	data.Set("class", name)
	data.Set("status", nil)
	if e.Status != 0 {
		data.Set("status", number(strconv.Itoa(e.Status)))
	}
	data.Set("code", dataCode(e.Code, e.sentCode, e.RawCode))
	data.Set("raw_code", wire.Of(runtimeValue(e.RawCode)))
	data.Set("type", dataType(e.Type, e.sentType, e.RawType))
	data.Set("message", e.Message)
	data.Set("reference", optional(e.Reference))
	data.Set("fields", fieldData(e.Fields))
	items := []any{}
	for _, item := range e.Errors {
		each := wire.NewObject()
		each.Set("code", dataCode(item.Code, nil, item.RawCode))
		each.Set("raw_code", wire.Of(runtimeValue(item.RawCode)))
		each.Set("type", dataType(item.Type, nil, item.RawType))
		each.Set("message", optional(item.Message))
		each.Set("fields", fieldData(item.Fields))
		each.Set("extras", runtimeValue(nonNil(item.Extras)))
		items = append(items, each)
	}
	data.Set("errors", items)
	data.Set("extras", runtimeValue(nonNil(e.Extras)))
	data.Set("body", e.data)
	headers := map[string]any{}
	for name, value := range wire.Redacted(wire.HeaderMap(e.Header), secretHeaderSet) {
		headers[name] = value
	}
	data.Set("headers", runtimeValue(headers))
	data.Set("request_id", optional(e.RequestID))
	data.Set("retry_after", nil)
	if e.RetryAfter != nil {
		data.Set("retry_after", jsonValue(e.RetryAfter.Seconds()))
	}
	data.Set("retryable", e.Retryable)
	data.Set("throttled", e.Throttled)
	data.Set("removed", e.Removed)
	if e.Kind != nil && e.Kind.class == classTransport {
		data.Set("sent", e.Sent)
	}
	return wire.Encode(data), nil
}

func nonNil(extras map[string]any) map[string]any {
	if extras == nil {
		return map[string]any{}
	}
	return extras
}

// dataCode is a code as data: a known one's key, else the value sent (a number a number).
func dataCode(code ErrorCode, sent, raw any) any {
	if _, known := codeKinds[code]; known {
		return string(code)
	}
	for _, value := range []any{sent, wire.Of(runtimeValue(raw))} {
		if value != nil && wireText(value) == string(code) {
			return value
		}
	}
	if code == "" {
		return nil
	}
	return string(code)
}

func dataType(typ ErrorType, sent, raw any) any {
	if _, known := typeKinds[typ]; known {
		return string(typ)
	}
	for _, value := range []any{sent, wire.Of(runtimeValue(raw))} {
		if value != nil && wireText(value) == string(typ) {
			return value
		}
	}
	if typ == "" {
		return nil
	}
	return string(typ)
}

func fieldData(fields []FieldError) []any {
	found := make([]any, 0, len(fields))
	for _, each := range fields {
		record := wire.NewObject()
		record.Set("name", each.Name)
		messages := make([]any, 0, len(each.Messages))
		for _, message := range each.Messages {
			messages = append(messages, message)
		}
		record.Set("messages", messages)
		record.Set("code", wire.Of(runtimeValue(each.Code)))
		record.Set("type", wire.Of(runtimeValue(each.Type)))
		record.Set("pointer", optional(each.Pointer))
		found = append(found, record)
	}
	return found
}
