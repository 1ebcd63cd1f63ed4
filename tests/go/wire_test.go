// Table tests of the Go runtime (templates/go/internal/wire/wire.go), run by tests/golang.py
// in the same `go test` as the harness.
package wire

import (
	"encoding/json"
	"math"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"
)

func mustJSON(t *testing.T, text string) any {
	t.Helper()
	value, ok := Decode([]byte(text))
	if !ok {
		t.Fatalf("not JSON: %s", text)
	}
	return value
}

func TestDecodeJSON(t *testing.T) {
	for text, want := range map[string]string{
		`{"b":1,"a":2,"b":3}`:            `{"b":3,"a":2}`,
		" \t\n{\"a\" : [ 1 , 2.50 ] }\r": `{"a":[1,2.50]}`,
		`"\ud83d\ude00\u00e9\/"`:         `"😀é/"`,
		`"\ud800x"`:                      `"�x"`,
		`12345678901234567890123`:        `12345678901234567890123`,
		`1e400`:                          `1e400`,
		`-0`:                             `-0`,
		`null`:                           `null`,
		"\"a\xffb\xe2\x82\"":             `"a�b�"`,
	} {
		got, ok := Decode([]byte(text))
		if !ok || string(Encode(got)) != want {
			t.Errorf("decodeJSON(%q) = %s %v, want %s", text, Encode(got), ok, want)
		}
	}
	for _, text := range []string{
		"", " ", `{"a":1} x`, `{"a":1}{}`, `[1,]`, `{"a":1,}`, `NaN`, `Infinity`, `-Infinity`,
		`01`, `1.`, `.5`, `1e`, `+1`, "\"a\tb\"", `"\x"`, `"\u12"`, `{a:1}`, `[1 2]`, `tru`,
		"\ufeff{}", strings.Repeat("1", 4301), strings.Repeat("[", 901) + strings.Repeat("]", 901),
	} {
		if _, ok := Decode([]byte(text)); ok {
			t.Errorf("decodeJSON(%q) is JSON", text)
		}
	}
	for _, text := range []string{strings.Repeat("1", 4300), "-" + strings.Repeat("1", 4300),
		strings.Repeat("1", 5000) + ".0", strings.Repeat("[", 900) + strings.Repeat("]", 900)} {
		if _, ok := Decode([]byte(text)); !ok {
			t.Errorf("decodeJSON(%.20q...) is not JSON", text)
		}
	}
}

func TestObject(t *testing.T) {
	o := NewObject()
	o.Set("b", 1)
	o.Set("a", 2)
	o.Set("b", 3)
	if !reflect.DeepEqual(o.Keys, []string{"b", "a"}) || o.Values["b"] != 3 {
		t.Errorf("set: %v %v", o.Keys, o.Values)
	}
	if _, ok := (*Object)(nil).Get("a"); ok {
		t.Error("nil object has a member")
	}
	got := Plain(mustJSON(t, `{"a":[{"b":null}],"c":"d"}`))
	want := map[string]any{"a": []any{map[string]any{"b": nil}}, "c": "d"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("plain: %#v", got)
	}
}

func TestEncodeJSON(t *testing.T) {
	for _, c := range []struct {
		value any
		want  string
	}{
		{map[string]any{"b": 1, "a": []string{"x"}}, `{"a":["x"],"b":1}`},
		{"<&>\"\\\n\x01é", `"<&>\"\\\n\u0001é"`},
		{int64(-3), `-3`},
		{1.5, `1.5`},
		{math.Inf(1), `null`},
		{json.Number("1e400"), `1e400`},
		{json.Number("bad"), `"bad"`},
		{nil, `null`},
		{true, `true`},
		{[]byte("a\xff"), `"a�"`},
		{struct{ A int }{1}, `"{1}"`},
	} {
		if got := string(Encode(c.value)); got != c.want {
			t.Errorf("encodeJSON(%#v) = %s, want %s", c.value, got, c.want)
		}
	}
}

func TestNumbers(t *testing.T) {
	same := [][]string{
		{"20404", "20404.0", "2.0404e4", "204040e-1"},
		{"0", "-0", "0.0", "-0.0"},
		{"9007199254740992", "9007199254740993.0"}, // a float rounds, as Python's does
		{"1e400", "2e400"},
	}
	for _, group := range same {
		for _, text := range group {
			if Key(json.Number(text)) != Key(json.Number(group[0])) {
				t.Errorf("wireKey(%s) != wireKey(%s)", text, group[0])
			}
		}
	}
	differ := [][2]any{
		{json.Number("20404"), "20404"},
		{json.Number("9007199254740993"), json.Number("9007199254740992")},
		{json.Number("1"), json.Number("1.5")},
		{json.Number("1e400"), json.Number("-1e400")},
	}
	for _, pair := range differ {
		if Key(pair[0]) == Key(pair[1]) {
			t.Errorf("wireKey(%v) == wireKey(%v)", pair[0], pair[1])
		}
	}
	if Key(nil) != "" || Key(true) != "" || Key(json.Number("x")) != "" {
		t.Error("wireKey of no wire value")
	}
	for in, want := range map[json.Number]any{
		"20404": json.Number("20404"), "2.0404e4": json.Number("20404"), "-0": json.Number("0"),
		"1.5": nil, "1e400": nil, "1e20": json.Number("100000000000000000000"),
		"123456789012345678901234567890": json.Number("123456789012345678901234567890"),
	} {
		if got := Of(in); got != want {
			t.Errorf("wireOf(%s) = %#v, want %#v", in, got, want)
		}
	}
	if Of(true) != nil || Of(nil) != nil || Of("x") != "x" || Of([]any{}) != nil {
		t.Error("wireOf of others")
	}
	if !equal(json.Number("1"), json.Number("1.0")) || equal(true, json.Number("1")) ||
		equal(json.Number("1"), "1") || !equal(nil, nil) || equal(nil, false) ||
		!equal(mustJSON(t, `[true]`), mustJSON(t, `[1]`)) || !equal(false, false) {
		t.Error("equal")
	}
}

func TestPaths(t *testing.T) {
	body := mustJSON(t, `{"a":{"b c":[10,20,30],"it's":1,"é":2},
		"list":[{"k":"x","v":1},{"k":"y","v":2},{"k":"y","v":3},{"k":{"n":1},"v":4},{"k":2,"v":5}],
		"m":{"z":{"t":true},"10":{"t":true},"2":{"t":true}},
		"s":[null]}`)
	for path, want := range map[string]string{
		"$":                        "",
		"$.a['b c'][0]":            `10`,
		"$.a['b c'][-1]":           `30`,
		"$.a['b c'][-3]":           `10`,
		"$.a['it\\'s']":            `1`,
		"$.a['\\u00e9']":           `2`,
		"$.list[?@.k=='y'].v":      `2`,
		"$.list[?@.k==2].v":        `5`,
		"$.list[?@.k==2.0].v":      `5`,
		"$.list[?@.k.n==1].v":      `4`,
		"$.list[?@['k']=='x'].v":   `1`,
		"$.m[?@.t==true]":          `{"t":true}`,
		"$.s[0]":                   `null`,
		"$.list[?@.v==3]['k']":     `"y"`,
		"$.a['b c'][?@==20]":       `20`,
		"$.list[?@.k=='y'][?@==3]": `3`,
	} {
		got, ok := find(body, path)
		if path == "$" {
			if !ok || got != body {
				t.Errorf("find $")
			}
			continue
		}
		if !ok || string(Encode(got)) != want {
			t.Errorf("find(%s) = %s %v, want %s", path, Encode(got), ok, want)
		}
	}
	for _, path := range []string{"", "$.x", "$.a['b c'][3]", "$.a['b c'][-4]", "$.list[?@.k=='z']",
		"$.list[?@.k==true]", "$.s[0].x", "$.a.b c", "$[0]", "$.list.k", "$..a"} {
		if got, ok := find(body, path); ok {
			t.Errorf("find(%s) = %v", path, got)
		}
	}
	// JavaScript's member order decides which member a filter finds first.
	got, _ := find(mustJSON(t, `{"b":{"x":1,"i":"b"},"10":{"x":1,"i":"10"},"2":{"x":1,"i":"2"}}`), "$[?@.x==1].i")
	if got != "2" {
		t.Errorf("first member: %v", got)
	}
}

func TestParse(t *testing.T) {
	for _, c := range []struct {
		body   []byte
		want   any
		isJSON bool
	}{
		{nil, nil, false},
		{[]byte{}, "", false},
		{[]byte("\xef\xbb\xbf\"a\""), "a", true},
		{[]byte("\xef\xbb\xbf\xef\xbb\xbf\"a\""), "\ufeff\"a\"", false},
		{[]byte("oops \xe2\x82A\xf0\x9f\xff\xed\xa0\x80"), "oops \ufffdA\ufffd\ufffd\ufffd\ufffd\ufffd", false},
		{[]byte("[1] x"), "[1] x", false},
		{[]byte(" 12 "), json.Number("12"), true},
	} {
		got, isJSON := parse(c.body)
		if got != c.want || isJSON != c.isJSON {
			t.Errorf("parse(%q) = %#v %v", c.body, got, isJSON)
		}
	}
}

func TestHeaders(t *testing.T) {
	h := HeaderMap(http.Header{"X-Id": {"a", "b"}, "x-id": {"c"}, "Content-Type": {" Application/JSON ; charset=x"}, "Empty": {}})
	if h["x-id"] != "a, b, c" || h["empty"] != "" || mediaType(h) != "application/json" {
		t.Errorf("headerMap: %#v", h)
	}
	if mediaType(map[string]string{}) != "" || mediaType(map[string]string{"content-type": "\x1c;"}) != "" {
		t.Error("no media type")
	}
	if id, ok := RequestID(map[string]string{"a": " \t", "b": " x-1\t"}, []string{"c", "a", "b"}); !ok || id != "x-1" {
		t.Errorf("request id %q", id)
	}
	if _, ok := RequestID(map[string]string{"a": ""}, []string{"a"}); ok {
		t.Error("empty request id")
	}
	shown := Redacted(map[string]string{"authorization": "x", "x-csrf-token": "y", "mine": "z", "ok": "w"}, map[string]bool{"mine": true})
	if !reflect.DeepEqual(shown, map[string]string{"authorization": "[redacted]", "x-csrf-token": "[redacted]", "mine": "[redacted]", "ok": "w"}) {
		t.Errorf("redacted: %v", shown)
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(1994, 11, 6, 8, 49, 0, 0, time.UTC)
	for _, c := range []struct {
		headers map[string]string
		want    float64
		ok      bool
	}{
		{map[string]string{"retry-after": " 120 "}, 120, true},
		{map[string]string{"retry-after-ms": "1500.5", "retry-after": "9"}, 1.5005, true},
		{map[string]string{"retry-after-ms": "x", "retry-after": "9"}, 9, true},
		{map[string]string{"retry-after": "Sun, 06 Nov 1994 08:49:37 GMT"}, 37, true},
		{map[string]string{"retry-after": "Sunday, 06-Nov-94 08:49:37 GMT"}, 37, true},
		{map[string]string{"retry-after": "Sun Nov  6 08:49:37 1994"}, 37, true},
		{map[string]string{"retry-after": "Sun, 06 Nov 1994 08:49:37 GMT", "date": "Sun, 06 Nov 1994 08:49:30 GMT"}, 7, true},
		{map[string]string{"retry-after": "Sun, 06 Nov 1994 08:48:37 GMT"}, 0, true},
		{map[string]string{"retry-after": "Sun, 06 Foo 1994 08:49:37 GMT"}, 0, false},
		{map[string]string{"retry-after": "Sun, 32 Nov 1994 08:49:37 GMT"}, 0, false},
		{map[string]string{"retry-after": "-1"}, 0, false},
		{map[string]string{"retry-after": "1.5"}, 0, false},
		{map[string]string{}, 0, false},
	} {
		got, ok := RetryAfter(c.headers, now)
		if ok != c.ok || math.Abs(got-c.want) > 1e-9 {
			t.Errorf("retryAfterOf(%v) = %v %v, want %v", c.headers, got, ok, c.want)
		}
	}
	for text, want := range map[string]float64{
		"Thu, 01 Jan 1970 00:00:00 GMT":    0,
		"Thursday, 01-Jan-70 00:00:00 GMT": 0,
		"Saturday, 01-Jan-00 00:00:00 GMT": 946684800,
		"Thu Jan  1 00:00:01 1970":         1,
		"Sat, 31 Feb 2001 00:00:00 GMT":    983577600, // rolls over into March, as Python's
	} {
		if got, ok := httpDate(text); !ok || got != want {
			t.Errorf("httpDate(%s) = %v %v, want %v", text, got, ok, want)
		}
	}
}

func TestKinds(t *testing.T) {
	for _, c := range []struct {
		value any
		kinds string
		want  bool
	}{
		{"x", "string", true}, {json.Number("1"), "string", false},
		{json.Number("1.0"), "integer", true}, {json.Number("1.5"), "integer", false}, {"1", "integer", false},
		{true, "integer", false}, {3, "integer", true}, {2.0, "integer", true}, {2.5, "number", true},
		{json.Number("1.5"), "number", true}, {true, "boolean", true}, {json.Number("0"), "boolean", false},
		{[]any{"a"}, "strings", true}, {[]any{"a", json.Number("1")}, "strings", false}, {[]string{}, "strings", true},
		{mustJSON(t, `{}`), "object", true}, {nil, "object", false}, {"x", "object", true},
		{"x", "integer|string", true}, {struct{}{}, "string", false}, {struct{}{}, "object", true},
	} {
		if got := IsOfKind(c.value, c.kinds); got != c.want {
			t.Errorf("isOfKind(%#v, %s) = %v", c.value, c.kinds, got)
		}
	}
}

func TestStatuses(t *testing.T) {
	envelopes := []Envelope{{}, {When: &Condition{Statuses: []string{"200", "3xx"}}}}
	for status, want := range map[int]bool{200: true, 302: true, 201: false, 404: false} {
		if ReadsStatus(envelopes, status) != want {
			t.Errorf("readsStatus(%d)", status)
		}
	}
	entries := map[string]string{"404": "exact", "4xx": "range"}
	for status, want := range map[int]string{404: "exact", 400: "range", 0: "", 4000: "", 500: ""} {
		if got, _ := StatusEntry(status, entries); got != want {
			t.Errorf("statusEntry(%d) = %s", status, got)
		}
	}
}

var testEnvelopes = []Envelope{
	{
		Name: "main", Code: "$.error.code", Type: "$.error.type", Message: "$.error.message",
		Reference: "$.error.doc", RequestID: "$.meta.request_id",
		Fields: []FieldSource{
			{Path: "$.error.fields", Name: "$.name", Messages: "$.messages"},
			{Path: "$.error.details", Message: "$.msg", Pointer: "$.loc", Code: "$.code", Type: "$.kind"},
			{Path: "$.error.map", Shape: "map"},
			{Path: "$.error.strings", Shape: "strings"},
		},
		Extras: []Extra{{"count", "$.error.count", "integer"}, {"tags", "$.error.tags", "strings"}},
		When:   &Condition{MediaTypes: []string{"application/json"}},
	},
	{
		Name: "list", Code: "$.code", Message: "$.message", Errors: "$.errors", FirstKnown: true,
		Fields: []FieldSource{{Path: "$", Name: "$.field", Message: "$.message"}},
		When:   &Condition{Statuses: []string{"4xx", "200"}, Present: []string{"$.errors"}},
	},
	{
		Name: "problem", Code: "$.type", Type: "$.type", Message: "$.title", LastSegment: true,
		When: &Condition{Equals: []Equality{{"$.v", json.Number("2")}, {"$.ok", false}}},
	},
	{Name: "text", Text: true},
}

func readTest(status int, body string, headers map[string]string) Parsed {
	known := func(raw any, env *Envelope) bool { return raw == "known" }
	extras := func(key string) []Extra {
		if key == "s:not_found" {
			return []Extra{{"what", "$.what", "string"}}
		}
		return nil
	}
	return Read(status, []byte(body), headers, testEnvelopes, known, extras)
}

func TestRead(t *testing.T) {
	json := map[string]string{"content-type": "application/json"}
	p := readTest(400, `{"error":{"code":20404.0,"type":"t","message":"m","doc":"d","count":3.0,"tags":["a"],
		"fields":[{"name":"f","messages":["x","y"]},{"name":"f","messages":["z"]},"bare",{"messages":["no name"]}]},
		"meta":{"request_id":"r"}}`, json)
	if p.RawCode != Of(json_("20404")) || p.CodeEnvelope.Name != "main" || p.RawType != "t" || p.Message != "m" ||
		p.Reference != "d" || p.RequestID != "r" || !p.IsJSON {
		t.Errorf("read: %+v", p)
	}
	if got := string(Encode(canon(p.Fields))); got != `[["f",["x","y","z"],null,null,null],["",["bare"],null,null,null]]` {
		t.Errorf("fields: %s", got)
	}
	if got := string(Encode(p.Extras)); got != `{"count":3,"tags":["a"]}` {
		t.Errorf("extras: %s", got)
	}
	// The media type rules the main envelope out; the problem one reads the rest.
	p = readTest(0, `{"error":{"code":"x"},"type":"https://e.com/not_found/?a#b","title":"T","v":2.0,"ok":false}`,
		map[string]string{"content-type": "text/json"})
	if p.RawCode != "https://e.com/not_found/?a#b" || CodeKey(p.RawCode, p.CodeEnvelope) != "not_found" || p.Message != "T" {
		t.Errorf("problem: %+v", p)
	}
	p = readTest(0, `{"type":"x","title":"T","v":"2","ok":false}`, nil)
	if p.RawCode != nil || p.Message != nil {
		t.Errorf("equals: %+v", p)
	}
	p = readTest(200, `{"errors":[{"code":"a","message":"first","field":"f"},7,{"code":"known","message":"second"}]}`, nil)
	if p.RawCode != "known" || p.Message != "second" || len(p.Errors) != 2 || p.Errors[0].RawCode != "a" ||
		len(p.Errors[0].Fields) != 1 || p.Errors[0].Fields[0].Name != "f" || len(p.Fields) != 0 {
		t.Errorf("first_known: %+v", p)
	}
	p = readTest(200, `{"errors":{"code":"a"}}`, nil)
	if p.RawCode != "a" || len(p.Errors) != 1 {
		t.Errorf("one error: %+v", p)
	}
	if p = readTest(201, `{"errors":[{"code":"a"}]}`, nil); p.RawCode != nil {
		t.Errorf("status: %+v", p)
	}
	if p = readTest(404, `{"errors":[{"code":"a"}]}`, nil); p.RawCode != "a" {
		t.Errorf("4xx: %+v", p)
	}
	if p = readTest(0, `{"errors":[{"code":"a"}]}`, nil); p.RawCode != nil {
		t.Errorf("no status: %+v", p)
	}
	for body, want := range map[string]any{" \tService down\r\n ": "Service down", " <html>": nil, " ": nil, `"json"`: nil} {
		if p = readTest(503, body, nil); p.Message != want {
			t.Errorf("text %q: %+v", body, p)
		}
	}
	if p = readTest(503, "Down", map[string]string{"content-type": "text/html"}); p.Message != nil {
		t.Errorf("html: %+v", p)
	}
	if p = readTest(302, "Down", nil); p.Message != nil {
		t.Errorf("302 text: %+v", p)
	}
	p = readTest(404, `{"error":{"code":"not_found","message":"m"},"what":"thing"}`, nil)
	if got := string(Encode(p.Extras)); got != `{"what":"thing"}` {
		t.Errorf("code extras: %s", got)
	}
	p = readTest(400, `{"error":{"details":[{"loc":"a.b","msg":"bad","code":7,"kind":"k"},{"loc":"a.b","msg":"worse","code":7,"kind":"k"},{"msg":"none"}]}}`, nil)
	if got := string(Encode(canon(p.Fields))); got != `[["a.b",["bad","worse"],{"num":"7"},"k","a.b"]]` {
		t.Errorf("pointer fields: %s", got)
	}
	p = readTest(400, `{"error":{"map":{"b":"x","a":{"c":["y","z"],"d":[1]},"1":[]}}}`, nil)
	if got := string(Encode(canon(p.Fields))); got != `[["1",[],null,null,null],["b",["x"],null,null,null],["a.c",["y","z"],null,null,null]]` {
		t.Errorf("map fields: %s", got)
	}
	p = readTest(400, `{"error":{"strings":["x",1,"y"]}}`, nil)
	if got := string(Encode(canon(p.Fields))); got != `[["",["x","y"],null,null,null]]` {
		t.Errorf("strings fields: %s", got)
	}
	if p = readTest(400, "{\"error\":{\"message\":\"a\xffb\"}}", nil); p.Message != "a\ufffdb" {
		t.Errorf("invalid UTF-8: %+v", p)
	}
	if p = Read(400, nil, nil, testEnvelopes, nil, nil); p.Body != nil || p.IsJSON || p.Message != nil {
		t.Errorf("no body: %+v", p)
	}
}

func json_(text string) json.Number { return json.Number(text) }

func TestWriteRoundTrip(t *testing.T) {
	extras := NewObject()
	extras.Set("count", json.Number("3"))
	extras.Set("tags", []string{"a", "b"})
	extras.Set("what", "thing")
	for _, c := range []struct {
		env    int
		fields []Field
		want   string
	}{
		{0, []Field{{Name: "f", Messages: []string{"x", "y"}}, {Name: "g", Messages: []string{}}},
			`{"error":{"code":"not_found","type":"t","message":"m","doc":"d","count":3,"tags":["a","b"],"fields":[{"name":"f","messages":["x","y"]},{"name":"g","messages":[]}]},"meta":{"request_id":"r"},"what":"thing"}`},
		{1, []Field{{Name: "f", Messages: []string{"x", "y"}}, {Name: "g", Messages: []string{}}},
			`{"errors":[{"code":"not_found","message":"x","what":"thing","field":"f"},{"code":"not_found","message":"y","what":"thing","field":"f"},{"code":"not_found","message":"m","what":"thing","field":"g"}]}`},
		{1, nil, `{"errors":[{"code":"not_found","message":"m","what":"thing"}]}`},
		{2, nil, `{"type":"not_found","title":"m","what":"thing","v":2,"ok":false}`},
	} {
		env := &testEnvelopes[c.env]
		sent := Written{RawCode: "not_found", RawType: "t", Message: "m", Reference: "d", Fields: c.fields, Extras: extras, RequestID: "r"}
		if c.env == 2 {
			sent.RawType = "not_found"
		}
		body := Write(env, sent, []Extra{{"what", "$.what", "string"}})
		if got := string(Encode(body)); got != c.want {
			t.Errorf("write %s:\n got  %s\n want %s", env.Name, got, c.want)
			continue
		}
		p := readTest(400, string(Encode(body)), nil)
		if p.CodeEnvelope != env || p.RawCode != "not_found" || p.Message != firstMessage(c.fields, "m", c.env) {
			t.Errorf("read back %s: %+v", env.Name, p)
		}
	}
	if got := Write(&testEnvelopes[3], Written{Message: "down"}, nil); got != "down" {
		t.Errorf("text write: %v", got)
	}
	// Pointers: an empty one is none (Python's truthiness).
	env := &Envelope{Fields: []FieldSource{{Path: "$.d", Message: "$.m", Pointer: "$.p", Code: "$.c"}}}
	got := Encode(Write(env, Written{Fields: []Field{{Name: "n", Messages: []string{"x"}, Pointer: "", Code: json.Number("7")}, {Name: "o", Pointer: "/o"}}}, nil))
	if string(got) != `{"d":[{"p":"n","m":"x","c":7},{"p":"/o"}]}` {
		t.Errorf("pointers: %s", got)
	}
	// Paths with indices and filters make what they need.
	env = &Envelope{Code: "$.a[2].b", Message: "$.l[?@.k=='x'].m", Type: "$.n[-1]"}
	got = Encode(Write(env, Written{RawCode: 1, RawType: 2.5, Message: "m"}, nil))
	if string(got) != `{"a":[null,null,{"b":1}],"n":[2.5],"l":[{"k":"x","m":"m"}]}` {
		t.Errorf("paths: %s", got)
	}
}

func firstMessage(fields []Field, message string, env int) any {
	if env == 1 && len(fields) > 0 {
		return fields[0].Messages[0]
	}
	return message
}

func FuzzRead(f *testing.F) {
	for _, seed := range []string{`{"error":{"code":"x","fields":[{"name":"a","messages":["b"]}],"map":{"a":{"b":["c"]}}}}`,
		`{"errors":[{"code":1,"message":"m","field":"f"}]}`, `{"type":"a/b/","title":"t","v":2,"ok":false}`,
		"text", "\xff\xfe", `[[[[]]]]`, `{"a":1e999,"b":-0.0}`} {
		f.Add(400, []byte(seed))
	}
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		p := Read(status, body, map[string]string{"content-type": "application/json"}, testEnvelopes,
			func(raw any, env *Envelope) bool { return Key(CodeKey(raw, env)) == "s:known" },
			func(key string) []Extra { return []Extra{{"x", "$.x", "object"}} })
		Plain(p.Body)
		Encode(p.Body)
		message, _ := p.Message.(string)
		for i := range testEnvelopes {
			Encode(Write(&testEnvelopes[i], Written{RawCode: p.RawCode, RawType: p.RawType, Message: message,
				Reference: p.Reference, Fields: p.Fields, Extras: p.Extras, RequestID: p.RequestID}, nil))
		}
		if value, ok := Decode(body); ok {
			again, ok := Decode(Encode(value))
			if !ok || !equal(value, again) {
				t.Errorf("round trip of %q", body)
			}
		}
	})
}

// canon is a value with its numbers, objects and fields made comparable as JSON.
func canon(value any) any {
	switch v := value.(type) {
	case json.Number:
		key, _ := numberKey(v)
		found := NewObject()
		found.Set("num", key)
		return found
	case []string:
		return canon(messagesValue(v))
	case []any:
		items := []any{}
		for _, item := range v {
			items = append(items, canon(item))
		}
		return items
	case *Object:
		pairs := []any{}
		for _, key := range v.Keys {
			pairs = append(pairs, []any{key, canon(v.Values[key])})
		}
		found := NewObject()
		found.Set("obj", pairs)
		return found
	case []Field:
		items := []any{}
		for _, one := range v {
			items = append(items, canon([]any{one.Name, messagesValue(one.Messages), one.Code, one.Type, one.Pointer}))
		}
		return items
	}
	return value
}
