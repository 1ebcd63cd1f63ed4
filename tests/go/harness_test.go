// The Go side of tests/bindings.py: every generated Go package of a test run, driven through
// the same jobs as the Python and TypeScript ones, in one `go test` run.
//
// tests/bindings.py copies each catalogue's package under bindings/, writes registry_test.go
// (which imports them and calls register for each) and jobs.json, and runs `go test`. What a
// package makes of each response, its answers, and a description of its kinds found by
// reflection go to results.json. While the test runs, it serves each package's answers (made
// with the package's Write) for the other languages to read, until /done is asked for.
package harness

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

// A package as the registry gives it: its functions, whatever their result types.
type binding struct {
	fromResponse, errorFor, fromJSON, fromHTTPResponse, lookup, kinds, write, translate, check any
}

var registry = map[string]binding{}

func register(name string, functions binding) { registry[name] = functions }

type response struct {
	Status      int               `json:"status"`
	ContentType *string           `json:"content_type"`
	Headers     map[string]string `json:"headers"`
	Body        *string           `json:"body"`
}

type job struct {
	API        string            `json:"api"`
	Responses  []response        `json:"responses"`
	PythonData []json.RawMessage `json:"python_data"`
	Answers    [][3]string       `json:"answers"`
	Served     []string          `json:"served"`
}

func call(function any, arguments ...any) reflect.Value {
	values := make([]reflect.Value, len(arguments))
	for index, argument := range arguments {
		if argument == nil {
			values[index] = reflect.Zero(reflect.TypeOf(function).In(index))
		} else {
			values[index] = reflect.ValueOf(argument)
		}
	}
	return reflect.ValueOf(function).Call(values)[0]
}

func field(value reflect.Value, name string) any {
	return value.Elem().FieldByName(name).Interface()
}

func method(value reflect.Value, name string, arguments ...reflect.Value) []reflect.Value {
	return value.MethodByName(name).Call(arguments)
}

// plain is a value of a package as JSON data: json.Number as a number, nil as null.
func plain(value any) any {
	data, err := json.Marshal(value)
	if err != nil {
		panic(err)
	}
	var found any
	decoder := json.NewDecoder(bytes.NewReader(data))
	decoder.UseNumber()
	if err := decoder.Decode(&found); err != nil {
		panic(err)
	}
	return found
}

func optional(text string) any {
	if text == "" {
		return nil
	}
	return text
}

func className(err reflect.Value) string {
	kind := err.Elem().FieldByName("Kind")
	if kind.IsNil() {
		return "Error"
	}
	return kind.Elem().FieldByName("Name").String()
}

func fields(value any) []any {
	list := reflect.ValueOf(value)
	found := []any{}
	for index := 0; index < list.Len(); index++ {
		each := list.Index(index)
		result := map[string]any{"name": each.FieldByName("Name").String(), "messages": plain(each.FieldByName("Messages").Interface())}
		if result["messages"] == nil {
			result["messages"] = []any{}
		}
		for _, name := range []string{"Code", "Type"} {
			if part := each.FieldByName(name).Interface(); part != nil {
				result[strings.ToLower(name)] = part
			}
		}
		if pointer := each.FieldByName("Pointer").String(); pointer != "" {
			result["pointer"] = pointer
		}
		found = append(found, result)
	}
	return found
}

// data is what an error's MarshalJSON gives.
func data(err reflect.Value) map[string]any {
	var data map[string]any
	marshalled := method(err, "MarshalJSON")[0].Bytes()
	decoder := json.NewDecoder(bytes.NewReader(marshalled))
	decoder.UseNumber()
	if decoder.Decode(&data) != nil {
		panic("MarshalJSON gave no object")
	}
	return data
}

func result(err reflect.Value) map[string]any {
	said := data(err)
	var retryAfter any
	if delay := field(err, "RetryAfter").(*time.Duration); delay != nil {
		retryAfter = json.Number(strconv.FormatFloat(delay.Seconds(), 'g', -1, 64))
	}
	items := []any{}
	list := err.Elem().FieldByName("Errors")
	dataItems, _ := said["errors"].([]any)
	for index := 0; index < list.Len(); index++ {
		each := list.Index(index)
		itemData, _ := dataItems[index].(map[string]any)
		items = append(items, map[string]any{
			"code":     itemData["code"],
			"raw_code": each.FieldByName("RawCode").Interface(),
			"type":     itemData["type"],
			"message":  optional(each.FieldByName("Message").String()),
			"fields":   fields(each.FieldByName("Fields").Interface()),
			"extras":   plain(each.FieldByName("Extras").Interface()),
		})
	}
	fault := method(err, "Fault")[0].String()
	return map[string]any{
		"class":       className(err),
		"status":      nullIfZero(field(err, "Status").(int)),
		"code":        said["code"],
		"raw_code":    field(err, "RawCode"),
		"type":        said["type"],
		"message":     field(err, "Message"),
		"reference":   optional(field(err, "Reference").(string)),
		"fields":      fields(field(err, "Fields")),
		"extras":      plain(field(err, "Extras")),
		"errors":      items,
		"request_id":  optional(field(err, "RequestID").(string)),
		"retry_after": retryAfter,
		"retryable":   field(err, "Retryable"),
		"throttled":   field(err, "Throttled"),
		"removed":     field(err, "Removed"),
		"fault":       optional(fault),
		"data":        said,
	}
}

func nullIfZero(status int) any {
	if status == 0 {
		return nil
	}
	return status
}

func header(found response) http.Header {
	made := http.Header{}
	for name, value := range found.Headers {
		made.Set(name, value)
	}
	if found.ContentType != nil {
		made.Set("Content-Type", *found.ContentType)
	}
	return made
}

// readBack is what an error read back holds, in the terms the other languages use.
func readBack(err reflect.Value) map[string]any {
	found := result(err)
	return map[string]any{"class": found["class"], "code": found["code"], "raw_code": found["raw_code"], "message": found["message"], "fields": found["fields"]}
}

type answer struct {
	Status  int               `json:"status"`
	Headers map[string]string `json:"headers"`
	Body    string            `json:"body"`
	Read    map[string]any    `json:"read"`
	// What Go's client read from the Python server and the Node server answering the same.
	Fetched map[string]map[string]any `json:"fetched"`
}

// answers are the errors a package answers with, each read back; with Write, an error answers
// as its Answer in the first envelope says.
func answers(t *testing.T, functions binding, wanted [][3]string) []answer {
	made := []answer{}
	for _, one := range wanted {
		kind := call(functions.lookup, one[0])
		err := method(kind, "New", reflect.ValueOf(one[2]))[0]
		parts := method(err, "Answer", reflect.ValueOf(one[1]))
		if failed := parts[3].Interface(); failed != nil {
			panic(failed)
		}
		status, headers, body := int(parts[0].Int()), parts[1].Interface().(http.Header), parts[2].Bytes()
		lower := map[string]string{}
		for name := range headers {
			lower[strings.ToLower(name)] = headers.Get(name)
		}
		back := call(functions.fromResponse, status, headers, body)
		made = append(made, answer{Status: status, Headers: lower, Body: string(body), Read: readBack(back)})
		first := method(err, "Answer", reflect.ValueOf(""))
		recorder := httptest.NewRecorder()
		if failed := call(functions.write, recorder, err.Interface()); !failed.IsNil() {
			t.Fatal(failed.Interface())
		}
		if recorder.Code != int(first[0].Int()) || !reflect.DeepEqual(recorder.Header(), first[1].Interface()) || !bytes.Equal(recorder.Body.Bytes(), first[2].Bytes()) {
			t.Errorf("%s: Write does not answer as Answer says", one[0])
		}
	}
	return made
}

// describe is what a package's kinds say, found by reflection: the same description every
// language's bindings must give of the catalogue's codes and types.
func describe(functions binding) map[string]any {
	codes, types := map[string]any{}, map[string]any{}
	kinds := call(functions.kinds)
	for index := 0; index < kinds.Len(); index++ {
		kind := kinds.Index(index).Elem()
		wire := plain(kind.FieldByName("Wire").Interface())
		if wire == nil {
			wire = []any{}
		}
		var retryable any
		if said := kind.FieldByName("Retryable"); !said.IsNil() {
			retryable = said.Elem().Bool()
		}
		var parent any
		if up := kind.FieldByName("Parent"); !up.IsNil() {
			parent = optional(up.Elem().FieldByName("Type").String())
		}
		switch {
		case kind.FieldByName("Code").String() != "":
			codes[kind.FieldByName("Code").String()] = map[string]any{
				"wire":          wire,
				"statuses":      plain(kind.FieldByName("Statuses").Interface()),
				"answer_status": nullIfZero(int(kind.FieldByName("AnswerStatus").Int())),
				"message":       kind.FieldByName("DefaultMessage").String(),
				"description":   kind.FieldByName("Description").String(),
				"retryable":     retryable,
				"throttling":    kind.FieldByName("Throttling").Bool(),
				"fault":         optional(kind.FieldByName("Fault").String()),
				"type":          parent,
				"deprecated":    optional(kind.FieldByName("Deprecated").String()),
				"replaced_by":   optional(kind.FieldByName("ReplacedBy").String()),
			}
		case kind.FieldByName("Type").String() != "" && kind.FieldByName("Parent").IsNil():
			types[kind.FieldByName("Type").String()] = map[string]any{
				"wire":        wire,
				"fault":       optional(kind.FieldByName("Fault").String()),
				"deprecated":  optional(kind.FieldByName("Deprecated").String()),
				"description": kind.FieldByName("Description").String(),
			}
		}
	}
	return map[string]any{"codes": codes, "types": types}
}

func fetch(functions binding, url string) map[string]any {
	client := &http.Client{Timeout: 30 * time.Second}
	got, err := client.Get(url)
	if err != nil {
		panic(err)
	}
	return readBack(call(functions.fromHTTPResponse, got))
}

// checked: Check makes an error of a response exactly when ErrorFor does, and leaves the body
// of any other to read as it came.
func checked(t *testing.T, api string, functions binding, responses []response) {
	bodies := make([][]byte, len(responses))
	for index, got := range responses {
		if got.Body != nil {
			bodies[index] = []byte(*got.Body)
		}
	}
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		index, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/"))
		for name, values := range header(responses[index]) {
			w.Header()[name] = values
		}
		w.WriteHeader(responses[index].Status)
		_, _ = w.Write(bodies[index])
	}))
	defer server.Close()
	for index, got := range responses {
		if got.Status < 200 || got.Status > 599 || got.Status == 204 || got.Status == 304 {
			continue // a status a Go server sends without its body, or none a server sends
		}
		resp, err := http.Get(fmt.Sprintf("%s/%d", server.URL, index))
		if err != nil {
			t.Fatal(err)
		}
		found := call(functions.check, resp, nil)
		isError := !call(functions.errorFor, got.Status, header(got), bodies[index]).IsNil()
		if found.IsNil() == isError {
			t.Errorf("%s response %d: Check and ErrorFor disagree", api, index)
		}
		if found.IsNil() {
			kept, _ := io.ReadAll(resp.Body)
			if !bytes.Equal(kept, bodies[index]) {
				t.Errorf("%s response %d: Check did not leave the body as it came", api, index)
			}
		}
		resp.Body.Close()
	}
}

// sentinels: wrapped, an error is its kind and every kind its kind is a kind of
// (errors.Is), and errors.As finds it again; it is no other kind of the package.
func sentinels(t *testing.T, api string, err reflect.Value) {
	wrapped := fmt.Errorf("calling the API: %w", err.Interface().(error))
	target := reflect.New(err.Type())
	if !errors.As(wrapped, target.Interface()) || target.Elem().Interface() != err.Interface() {
		t.Errorf("%s: errors.As does not find the error", api)
	}
	mine := map[any]bool{}
	for kind := err.Elem().FieldByName("Kind"); !kind.IsNil(); kind = kind.Elem().FieldByName("Parent") {
		mine[kind.Interface()] = true
		if !errors.Is(wrapped, kind.Interface().(error)) {
			t.Errorf("%s: errors.Is(err, %s) is false", api, kind.Elem().FieldByName("Name"))
		}
	}
	kinds := registry[api].kinds
	all := call(kinds)
	for index := 0; index < all.Len(); index++ {
		kind := all.Index(index)
		if !mine[kind.Interface()] && errors.Is(wrapped, kind.Interface().(error)) {
			t.Errorf("%s: errors.Is(err, %s) is true", api, kind.Elem().FieldByName("Name"))
		}
	}
}

// failures: what an HTTP client's error stands for, as Translate and Check say.
func failures(t *testing.T, api string, functions binding) {
	kindOf := func(err reflect.Value) string {
		if err.IsNil() {
			return "nil"
		}
		return className(err) + " sent=" + strconv.FormatBool(field(err, "Sent").(bool))
	}
	refused := func() error {
		_, err := http.Get("http://127.0.0.1:1/")
		return err
	}()
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done() // never answers: the client gives up first
	}))
	defer slow.Close()
	timedOut := func() error {
		_, err := (&http.Client{Timeout: 20 * time.Millisecond}).Get(slow.URL)
		return err
	}()
	hungUp := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		connection, _, _ := w.(http.Hijacker).Hijack()
		connection.Close()
	}))
	defer hungUp.Close()
	cut := func() error {
		_, err := http.Get(hungUp.URL)
		return err
	}()
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	request, _ := http.NewRequestWithContext(cancelled, http.MethodGet, slow.URL, nil)
	_, aborted := http.DefaultClient.Do(request)
	for _, want := range []struct {
		err  error
		kind string
	}{
		{refused, "ErrConnection sent=false"},
		{timedOut, "ErrTimeout sent=true"},
		{cut, "ErrTransport sent=true"},
		{aborted, "nil"},
		{errors.New("no failure of a request"), "nil"},
	} {
		if got := kindOf(call(functions.translate, want.err)); got != want.kind {
			t.Errorf("%s: Translate(%v) gave %s, not %s", api, want.err, got, want.kind)
		}
		found := call(functions.check, nil, want.err)
		if want.kind == "nil" && found.Interface() != want.err {
			t.Errorf("%s: Check gave %v for %v, not the error itself", api, found, want.err)
		}
	}
	translated := call(functions.translate, refused)
	if !errors.Is(translated.Interface().(error), refused) {
		t.Errorf("%s: the translated error does not unwrap to the client's", api)
	}
	again := call(functions.translate, fmt.Errorf("wrapped: %w", translated.Interface().(error)))
	if again.Interface() != translated.Interface() {
		t.Errorf("%s: an error of the package in the chain is not given back as itself", api)
	}
}

func TestBindings(t *testing.T) {
	root := os.Getenv("HARNESS_DIR")
	if root == "" {
		t.Skip("run by tests/bindings.py")
	}
	raw, err := os.ReadFile(filepath.Join(root, "jobs.json"))
	if err != nil {
		t.Fatal(err)
	}
	var jobs []job
	if err := json.Unmarshal(raw, &jobs); err != nil {
		t.Fatal(err)
	}
	results := map[string]any{}
	serving := map[string][]answer{}
	for _, one := range jobs {
		functions, found := registry[one.API]
		if !found {
			t.Fatalf("no package registered for %s", one.API)
		}
		read := []any{}
		for index, got := range one.Responses {
			var body []byte
			if got.Body != nil {
				body = []byte(*got.Body)
			}
			err := call(functions.fromResponse, got.Status, header(got), body)
			sentinels(t, one.API, err)
			found := result(err)
			found["is_error"] = !call(functions.errorFor, got.Status, header(got), body).IsNil()
			if index < len(one.PythonData) {
				found["rebuilt"] = data(call(functions.fromJSON, []byte(one.PythonData[index])))
			}
			read = append(read, found)
		}
		checked(t, one.API, functions, one.Responses)
		if one.API == jobs[0].API {
			// The same code in every package, and a timeout to wait for: once a run.
			failures(t, one.API, functions)
		}
		made := answers(t, functions, one.Answers)
		for index := range made {
			made[index].Fetched = map[string]map[string]any{}
			for _, server := range one.Served {
				made[index].Fetched[server] = fetch(functions, fmt.Sprintf("%s/%s/%d", server, one.API, index))
			}
		}
		serving[one.API] = made
		results[one.API] = map[string]any{"read": read, "answers": made, "description": describe(functions)}
	}
	output, err := json.Marshal(results)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "results.json"), output, 0o644); err != nil {
		t.Fatal(err)
	}
	serve(t, root, serving)
}

// serve answers GET /API/INDEX with that answer of the package until /done is asked for.
func serve(t *testing.T, root string, serving map[string][]answer) {
	done := make(chan struct{})
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		parts := strings.Split(strings.TrimPrefix(r.URL.Path, "/"), "/")
		if parts[0] == "done" {
			w.WriteHeader(http.StatusNoContent)
			close(done)
			return
		}
		index, _ := strconv.Atoi(parts[len(parts)-1])
		made := serving[parts[0]]
		if len(parts) != 2 || index < 0 || index >= len(made) {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		for name, value := range made[index].Headers {
			w.Header().Set(name, value)
		}
		w.WriteHeader(made[index].Status)
		_, _ = w.Write([]byte(made[index].Body))
	})
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	server := &http.Server{Handler: handler}
	go func() {
		if err := server.Serve(listener); err != nil && !errors.Is(err, http.ErrServerClosed) {
			panic(err)
		}
	}()
	address := "http://" + listener.Addr().String()
	if err := os.WriteFile(filepath.Join(root, "server.url.tmp"), []byte(address), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(root, "server.url.tmp"), filepath.Join(root, "server.url")); err != nil {
		t.Fatal(err)
	}
	select {
	case <-done:
	case <-time.After(10 * time.Minute):
		t.Fatal("nobody asked for /done")
	}
	// Gracefully: /done's own answer is still on its way (Close could cut it off).
	if err := server.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
}
