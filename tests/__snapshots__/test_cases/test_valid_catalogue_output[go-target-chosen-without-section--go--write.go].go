// Code generated from catalogue.yaml by error-bindings. DO NOT EDIT.

package acmeerrors

import (
	"errors"
	"fmt"
	"math"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"acmeerrors/internal/wire"
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
		value := wire.Value(e.Extras[name])
		kinds, declared := extraKindsOf[name]
		if declared && value != nil && !wire.IsOfKind(value, kinds) {
			holds := strings.ReplaceAll(kinds, "|", " or ")
			return 0, nil, nil, fmt.Errorf("the extra %q holds %s, not %T", name, holds, e.Extras[name])
		}
		extras.Set(name, value)
	}
	rawCode := sentValue(string(e.Code), codeKinds[e.Code] != nil, codeWire[e.Code], e.sentCode, wire.Of(wire.Value(e.RawCode)))
	fields := make([]wire.Field, 0, len(e.Fields))
	for _, each := range e.Fields {
		fields = append(fields, wire.Field{Name: each.Name, Messages: append([]string{}, each.Messages...), Code: wire.Of(wire.Value(each.Code)), Type: wire.Of(wire.Value(each.Type)), Pointer: optional(each.Pointer)})
	}
	body := wire.Write(chosen, wire.Written{RawCode: rawCode, RawType: sentValue(string(e.Type), typeKinds[e.Type] != nil, typeWire[e.Type], e.sentType, nil), Message: e.Message, Reference: optional(e.Reference), Fields: fields, Extras: extras, RequestID: optional(e.RequestID)}, codeExtrasByID[wire.Key(rawCode)])
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

// sentValue is what a server writes for a code or a type: a known one's canonical wire value
// (its key unless the catalogue says another), else the value as it was sent, else raw.
func sentValue(text string, known bool, canonical, sent, raw any) any {
	switch {
	case known && canonical != nil:
		return canonical
	case known:
		return text
	case sent != nil:
		return sent
	case text != "":
		return text
	}
	return raw
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
	data.Set("code", dataValue(string(e.Code), codeKinds[e.Code] != nil, e.sentCode, e.RawCode))
	data.Set("raw_code", wire.Of(wire.Value(e.RawCode)))
	data.Set("type", dataValue(string(e.Type), typeKinds[e.Type] != nil, e.sentType, e.RawType))
	data.Set("message", e.Message)
	data.Set("reference", optional(e.Reference))
	data.Set("fields", fieldData(e.Fields))
	items := []any{}
	for _, item := range e.Errors {
		each := wire.NewObject()
		each.Set("code", dataValue(string(item.Code), codeKinds[item.Code] != nil, nil, item.RawCode))
		each.Set("raw_code", wire.Of(wire.Value(item.RawCode)))
		each.Set("type", dataValue(string(item.Type), typeKinds[item.Type] != nil, nil, item.RawType))
		each.Set("message", optional(item.Message))
		each.Set("fields", fieldData(item.Fields))
		each.Set("extras", wire.Value(nonNil(item.Extras)))
		items = append(items, each)
	}
	data.Set("errors", items)
	data.Set("extras", wire.Value(nonNil(e.Extras)))
	data.Set("body", e.data)
	headers := map[string]any{}
	for name, value := range wire.Redacted(wire.HeaderMap(e.Header), secretHeaderSet) {
		headers[name] = value
	}
	data.Set("headers", wire.Value(headers))
	data.Set("request_id", optional(e.RequestID))
	data.Set("retry_after", nil)
	if e.RetryAfter != nil {
		data.Set("retry_after", wire.Value(e.RetryAfter.Seconds()))
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

// dataValue is a code or a type as data: a known one's key, else the value sent (a number
// stays a number).
func dataValue(text string, known bool, sent, raw any) any {
	if known {
		return text
	}
	for _, value := range []any{sent, wire.Of(wire.Value(raw))} {
		if value != nil && wireText(value) == text {
			return value
		}
	}
	if text == "" {
		return nil
	}
	return text
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
		record.Set("code", wire.Of(wire.Value(each.Code)))
		record.Set("type", wire.Of(wire.Value(each.Type)))
		record.Set("pointer", optional(each.Pointer))
		found = append(found, record)
	}
	return found
}
