// The Go runtime against the Python one (templates/go/internal/wire/wire.go against
// templates/python/__package__/_runtime.py), run by tests/golang.py with the cases
// tests/runtime_cases.py writes.
package wire

import (
	"encoding/base64"
	"encoding/json"
	"os"
	"testing"
)

// The cases tests/runtime_cases.py wrote: random, hostile responses as the Python runtime reads
// them, and the bodies it writes for what it read. The Go runtime must read and write the same.

type specSource struct {
	Path     string  `json:"path"`
	Name     *string `json:"name"`
	Messages *string `json:"messages"`
	Message  *string `json:"message"`
	Shape    string  `json:"shape"`
	Code     *string `json:"code"`
	Type     *string `json:"type"`
	Pointer  *string `json:"pointer"`
}

type specEnvelope struct {
	Name      *string      `json:"name"`
	Type      *string      `json:"type"`
	Code      *string      `json:"code"`
	Message   *string      `json:"message"`
	Reference *string      `json:"reference"`
	Fields    []specSource `json:"fields"`
	When      *struct {
		MediaTypes []string          `json:"media_types"`
		Statuses   []string          `json:"statuses"`
		Present    []string          `json:"present"`
		Equals     []json.RawMessage `json:"equals"`
	} `json:"when"`
	Body      string      `json:"body"`
	Errors    *string     `json:"errors"`
	Decides   string      `json:"decides"`
	CodeFrom  string      `json:"code_from"`
	Extras    [][3]string `json:"extras"`
	RequestID *string     `json:"request_id"`
}

type suite struct {
	Envelopes  []specEnvelope    `json:"envelopes"`
	CodeExtras []json.RawMessage `json:"code_extras"`
	Known      []json.RawMessage `json:"known"`
	Cases      []struct {
		Label   string                     `json:"label"`
		Status  *int                       `json:"status"`
		Body    *string                    `json:"body"`
		Headers map[string]string          `json:"headers"`
		Expect  json.RawMessage            `json:"expect"`
		Written map[string]json.RawMessage `json:"written"`
	} `json:"cases"`
}

func str(text *string) string {
	if text == nil {
		return ""
	}
	return *text
}

func decoded(t *testing.T, raw []byte) any {
	t.Helper()
	value, ok := Decode(raw)
	if !ok {
		t.Fatalf("not JSON: %s", raw)
	}
	return value
}

func (s specEnvelope) envelope(t *testing.T) Envelope {
	found := Envelope{
		Name: str(s.Name), Type: str(s.Type), Code: str(s.Code), Message: str(s.Message),
		Reference: str(s.Reference), Text: s.Body == "text", Errors: str(s.Errors),
		FirstKnown: s.Decides == "first_known", LastSegment: s.CodeFrom == "last_segment",
		RequestID: str(s.RequestID),
	}
	for _, source := range s.Fields {
		found.Fields = append(found.Fields, FieldSource{
			Path: source.Path, Name: str(source.Name), Messages: str(source.Messages),
			Message: str(source.Message), Shape: source.Shape, Code: str(source.Code),
			Type: str(source.Type), Pointer: str(source.Pointer),
		})
	}
	for _, extra := range s.Extras {
		found.Extras = append(found.Extras, Extra{extra[0], extra[1], extra[2]})
	}
	if s.When != nil {
		found.When = &Condition{MediaTypes: s.When.MediaTypes, Statuses: s.When.Statuses, Present: s.When.Present}
		for _, pair := range s.When.Equals {
			items := decoded(t, pair).([]any)
			found.When.Equals = append(found.When.Equals, Equality{items[0].(string), items[1]})
		}
	}
	return found
}

// pyKey is wireKey of a value in the cases' canonical form.
func pyKey(value any) string {
	if number, ok := value.(*Object); ok {
		text, _ := number.Get("num")
		return "n:" + text.(string)
	}
	return "s:" + value.(string)
}

func envelopeName(env *Envelope) any {
	if env == nil {
		return nil
	}
	return env.Name
}

func TestPython(t *testing.T) {
	data, err := os.ReadFile("testdata/cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var suites []suite
	if err := json.Unmarshal(data, &suites); err != nil {
		t.Fatal(err)
	}
	failures := 0
	for _, s := range suites {
		var envelopes []Envelope
		for _, spec := range s.Envelopes {
			envelopes = append(envelopes, spec.envelope(t))
		}
		extras := map[string][]Extra{}
		for _, pair := range s.CodeExtras {
			items := decoded(t, pair).([]any)
			var specs []Extra
			for _, spec := range items[1].([]any) {
				parts := spec.([]any)
				specs = append(specs, Extra{parts[0].(string), parts[1].(string), parts[2].(string)})
			}
			extras[pyKey(items[0])] = specs
		}
		known := map[string]bool{}
		for _, raw := range s.Known {
			known[pyKey(decoded(t, raw))] = true
		}
		for _, c := range s.Cases {
			status := 0
			if c.Status != nil {
				status = *c.Status
			}
			var body []byte
			if c.Body != nil {
				body, _ = base64.StdEncoding.DecodeString(*c.Body)
				if body == nil {
					body = []byte{}
				}
			}
			got := Read(status, body, c.Headers, envelopes,
				func(raw any, env *Envelope) bool { return raw != nil && known[Key(CodeKey(raw, env))] },
				func(key string) []Extra { return extras[key] })
			errors := []any{}
			for _, one := range got.Errors {
				entry := NewObject()
				entry.Set("raw_code", canon(one.RawCode))
				entry.Set("raw_type", canon(one.RawType))
				entry.Set("message", one.Message)
				entry.Set("reference", one.Reference)
				entry.Set("request_id", one.RequestID)
				entry.Set("fields", canon(one.Fields))
				entry.Set("extras", canon(one.Extras))
				entry.Set("envelope", envelopeName(one.Envelope))
				errors = append(errors, entry)
			}
			expect := decoded(t, c.Expect).(*Object)
			mine := NewObject()
			// Python keeps a JSON null body as sent; Go has nil (and isJSON).
			if want, _ := expect.Get("body"); looseEqual(want, rawMark) && got.Body == nil && got.IsJSON {
				mine.Set("body", want)
			} else {
				mine.Set("body", canon(got.Body))
			}
			mine.Set("is_json", got.IsJSON)
			mine.Set("raw_code", canon(got.RawCode))
			mine.Set("code_envelope", envelopeName(got.CodeEnvelope))
			mine.Set("raw_type", canon(got.RawType))
			mine.Set("message", got.Message)
			mine.Set("reference", got.Reference)
			mine.Set("request_id", got.RequestID)
			mine.Set("fields", canon(got.Fields))
			mine.Set("extras", canon(got.Extras))
			mine.Set("errors", errors)
			if g, w := string(Encode(mine)), string(Encode(expect)); g != w {
				failures++
				if failures < 8 {
					t.Errorf("%s: read %q\n got  %s\n want %s", c.Label, body, g, w)
				}
				continue
			}
			message, _ := got.Message.(string)
			sent := Written{
				RawCode: got.RawCode, RawType: got.RawType, Message: message, Reference: got.Reference,
				Fields: got.Fields, Extras: got.Extras, RequestID: got.RequestID,
			}
			for i := range envelopes {
				env := &envelopes[i]
				want := decoded(t, c.Written[env.Name])
				g := string(Encode(canon(Write(env, sent, extras[Key(got.RawCode)]))))
				if w := string(Encode(want)); g != w {
					failures++
					if failures < 8 {
						t.Errorf("%s: write %s of %q\n got  %s\n want %s", c.Label, env.Name, body, g, w)
					}
				}
			}
		}
	}
	if failures > 0 {
		t.Errorf("%d failures", failures)
	}
}

// rawMark is what gen.py says for a body Python keeps as sent (JSON null).
var rawMark = func() any {
	found := NewObject()
	found.Set("raw", true)
	return found
}()
