// Code generated from catalogue.yaml by error-bindings. DO NOT EDIT.

package acmeerrors

// How error responses are read and written: the part of the package that is the same for
// every API, a port of the TypeScript and Python runtimes. Where those two differ, this one
// does what Python does. Paths into bodies are a subset of RFC 9535 JSONPath in one
// canonical form, read here as data.

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"net/http"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// JSON values -----------------------------------------------------------------------------

// object is a JSON object that keeps its members in the order sent: the order decides which
// member a path finds first, and a body written back keeps the order it was built in.
type object struct {
	keys   []string
	values map[string]any
}

func newObject() *object {
	return &object{values: make(map[string]any)}
}

func (o *object) get(key string) (any, bool) {
	if o == nil {
		return nil, false
	}
	value, ok := o.values[key]
	return value, ok
}

func (o *object) set(key string, value any) {
	if o.values == nil {
		o.values = map[string]any{}
	}
	if _, ok := o.values[key]; !ok {
		o.keys = append(o.keys, key)
	}
	o.values[key] = value
}

// Python's json refuses deeper bodies (RecursionError) at about a thousand levels less the
// caller's stack; 900 stays within what any likely caller of Python's bindings reads.
const maxDepth = 900

// Python's int() refuses longer integers (sys.get_int_max_str_digits), and so its json.
const maxDigits = 4300

type decoder struct {
	text string
	at   int
}

func decodeJSON(data []byte) (any, bool) {
	return decodeText(pyText(data))
}

// decodeText reads text that is valid UTF-8, as Python's json.loads reads a str.
func decodeText(text string) (any, bool) {
	d := &decoder{text: text}
	d.space()
	value, ok := d.value(0)
	if !ok {
		return nil, false
	}
	d.space()
	return value, d.at == len(d.text)
}

func (d *decoder) space() {
	for d.at < len(d.text) {
		switch d.text[d.at] {
		case ' ', '\t', '\n', '\r':
			d.at++
		default:
			return
		}
	}
}

func (d *decoder) is(c byte) bool {
	return d.at < len(d.text) && d.text[d.at] == c
}

func (d *decoder) digit() bool {
	return d.at < len(d.text) && d.text[d.at] >= '0' && d.text[d.at] <= '9'
}

func (d *decoder) value(depth int) (any, bool) {
	if d.at >= len(d.text) {
		return nil, false
	}
	switch c := d.text[d.at]; {
	case c == '{':
		return d.object(depth + 1)
	case c == '[':
		return d.array(depth + 1)
	case c == '"':
		return d.str()
	case c == '-' || c >= '0' && c <= '9':
		return d.number()
	}
	rest := d.text[d.at:]
	switch {
	case strings.HasPrefix(rest, "true"):
		d.at += 4
		return true, true
	case strings.HasPrefix(rest, "false"):
		d.at += 5
		return false, true
	case strings.HasPrefix(rest, "null"):
		d.at += 4
		return nil, true
	}
	return nil, false
}

func (d *decoder) object(depth int) (any, bool) {
	if depth > maxDepth {
		return nil, false
	}
	d.at++
	found := newObject()
	d.space()
	if d.is('}') {
		d.at++
		return found, true
	}
	for {
		if !d.is('"') {
			return nil, false
		}
		key, ok := d.str()
		if !ok {
			return nil, false
		}
		d.space()
		if !d.is(':') {
			return nil, false
		}
		d.at++
		d.space()
		value, ok := d.value(depth)
		if !ok {
			return nil, false
		}
		found.set(key.(string), value)
		d.space()
		if d.is('}') {
			d.at++
			return found, true
		}
		if !d.is(',') {
			return nil, false
		}
		d.at++
		d.space()
	}
}

func (d *decoder) array(depth int) (any, bool) {
	if depth > maxDepth {
		return nil, false
	}
	d.at++
	found := []any{}
	d.space()
	if d.is(']') {
		d.at++
		return found, true
	}
	for {
		value, ok := d.value(depth)
		if !ok {
			return nil, false
		}
		found = append(found, value)
		d.space()
		if d.is(']') {
			d.at++
			return found, true
		}
		if !d.is(',') {
			return nil, false
		}
		d.at++
		d.space()
	}
}

var escapes = map[byte]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

func (d *decoder) str() (any, bool) {
	d.at++
	var b strings.Builder
	for d.at < len(d.text) {
		c := d.text[d.at]
		switch {
		case c == '"':
			d.at++
			return b.String(), true
		case c < 0x20:
			return nil, false // Python's json is strict: no raw control characters
		case c != '\\':
			b.WriteByte(c)
			d.at++
			continue
		}
		d.at++
		if d.at >= len(d.text) {
			return nil, false
		}
		if plain, ok := escapes[d.text[d.at]]; ok {
			b.WriteByte(plain)
			d.at++
			continue
		}
		unit, ok := d.unit()
		if !ok {
			return nil, false
		}
		r := rune(unit)
		if utf16.IsSurrogate(r) && r < 0xdc00 && strings.HasPrefix(d.text[d.at:], `\u`) {
			mark := d.at
			d.at++
			if low, ok := d.unit(); ok && low >= 0xdc00 && low <= 0xdfff {
				r = utf16.DecodeRune(r, rune(low))
			} else {
				d.at = mark
			}
		}
		// A lone surrogate, which Python keeps in its str, has no UTF-8 form.
		b.WriteRune(r)
	}
	return nil, false
}

// unit reads the uXXXX of an escape.
func (d *decoder) unit() (uint64, bool) {
	if d.text[d.at] != 'u' || d.at+5 > len(d.text) {
		return 0, false
	}
	hex := d.text[d.at+1 : d.at+5]
	if strings.Trim(hex, "0123456789abcdefABCDEF") != "" {
		return 0, false
	}
	unit, _ := strconv.ParseUint(hex, 16, 32)
	d.at += 5
	return unit, true
}

func (d *decoder) number() (any, bool) {
	start := d.at
	if d.is('-') {
		d.at++
	}
	integral := d.at
	switch {
	case d.is('0'):
		d.at++
	case d.digit():
		for d.digit() {
			d.at++
		}
	default:
		return nil, false
	}
	digits := d.at - integral
	float := false
	if d.is('.') && d.at+1 < len(d.text) && d.text[d.at+1] >= '0' && d.text[d.at+1] <= '9' {
		d.at++
		for d.digit() {
			d.at++
		}
		float = true
	}
	if d.is('e') || d.is('E') {
		mark := d.at
		d.at++
		if d.is('+') || d.is('-') {
			d.at++
		}
		if d.digit() {
			for d.digit() {
				d.at++
			}
			float = true
		} else {
			d.at = mark
		}
	}
	if !float && digits > maxDigits {
		return nil, false
	}
	return json.Number(d.text[start:d.at]), true
}

// pyText is data as Python's data.decode("utf-8", "replace") gives it: each maximal part of
// an invalid sequence becomes one U+FFFD (as TextDecoder does too).
func pyText(data []byte) string {
	if utf8.Valid(data) {
		return string(data)
	}
	var b strings.Builder
	for at := 0; at < len(data); {
		c := data[at]
		if c < 0x80 {
			b.WriteByte(c)
			at++
			continue
		}
		size, low, high := 0, byte(0x80), byte(0xbf)
		switch {
		case c >= 0xc2 && c <= 0xdf:
			size = 1
		case c == 0xe0:
			size, low = 2, 0xa0
		case c >= 0xe1 && c <= 0xec, c == 0xee, c == 0xef:
			size = 2
		case c == 0xed:
			size, high = 2, 0x9f
		case c == 0xf0:
			size, low = 3, 0x90
		case c >= 0xf1 && c <= 0xf3:
			size = 3
		case c == 0xf4:
			size, high = 3, 0x8f
		}
		end := at + 1
		for taken := 0; taken < size && end < len(data) && data[end] >= low && data[end] <= high; taken++ {
			low, high = 0x80, 0xbf
			end++
		}
		if size > 0 && end == at+1+size {
			b.Write(data[at:end])
		} else {
			b.WriteRune(utf8.RuneError)
		}
		at = end
	}
	return b.String()
}

func encodeJSON(value any) []byte {
	return appendJSON(nil, jsonData(value))
}

func appendJSON(b []byte, value any) []byte {
	switch v := value.(type) {
	case bool:
		return strconv.AppendBool(b, v)
	case json.Number:
		return append(b, v...)
	case string:
		return appendString(b, v)
	case []any:
		b = append(b, '[')
		for i, item := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSON(b, item)
		}
		return append(b, ']')
	case *object:
		b = append(b, '{')
		for i, key := range v.keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, key)
			b = append(b, ':')
			b = appendJSON(b, v.values[key])
		}
		return append(b, '}')
	}
	return append(b, "null"...)
}

func appendString(b []byte, text string) []byte {
	b = append(b, '"')
	for _, r := range text {
		switch {
		case r == '"' || r == '\\':
			b = append(b, '\\', byte(r))
		case r == '\n':
			b = append(b, `\n`...)
		case r == '\r':
			b = append(b, `\r`...)
		case r == '\t':
			b = append(b, `\t`...)
		case r < 0x20:
			b = append(b, fmt.Sprintf(`\u%04x`, r)...)
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return append(b, '"')
}

// jsonData is value as a runtime value: itself when it is one (copied), a Go value as the
// JSON it stands for, anything else as text (as runtime.ts's jsonData and Python's json_data).
func jsonData(value any) any {
	if found, ok := valueOf(value); ok {
		return found
	}
	return fmt.Sprint(value)
}

// valueOf is jsonData for the values that have a JSON form; ok is false for the others.
func valueOf(value any) (any, bool) {
	switch v := value.(type) {
	case nil, bool, string:
		return v, true
	case json.Number:
		if _, ok := numberKey(v); ok {
			return v, true
		}
		return string(v), true
	case []byte:
		return pyText(v), true
	case []string:
		items := make([]any, len(v))
		for i, item := range v {
			items[i] = item
		}
		return items, true
	case []any:
		items := make([]any, len(v))
		for i, item := range v {
			items[i] = jsonData(item)
		}
		return items, true
	case *object:
		if v == nil {
			return nil, true
		}
		found := newObject()
		for _, key := range v.keys {
			found.set(key, jsonData(v.values[key]))
		}
		return found, true
	case map[string]any:
		keys := make([]string, 0, len(v))
		for key := range v {
			keys = append(keys, key)
		}
		sort.Strings(keys)
		found := newObject()
		for _, key := range keys {
			found.set(key, jsonData(v[key]))
		}
		return found, true
	}
	number := reflect.ValueOf(value)
	switch number.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return json.Number(strconv.FormatInt(number.Int(), 10)), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return json.Number(strconv.FormatUint(number.Uint(), 10)), true
	case reflect.Float32, reflect.Float64:
		float := number.Float()
		if math.IsInf(float, 0) || math.IsNaN(float) {
			return nil, true
		}
		text, _ := json.Marshal(float)
		return json.Number(text), true
	}
	return nil, false
}

func plain(value any) any {
	switch v := value.(type) {
	case *object:
		if v == nil {
			return nil
		}
		found := make(map[string]any, len(v.keys))
		for _, key := range v.keys {
			found[key] = plain(v.values[key])
		}
		return found
	case []any:
		items := make([]any, len(v))
		for i, item := range v {
			items[i] = plain(item)
		}
		return items
	}
	return value
}

// Numbers ---------------------------------------------------------------------------------

var numberSyntax = regexp.MustCompile(`^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$`)

// numberKey is a JSON number's exact value as text, as Python compares numbers: a literal
// without fraction or exponent is an exact int; any other a float (the nearest double, inf
// beyond), compared exactly with ints. ok is false for what is no JSON number.
func numberKey(number json.Number) (string, bool) {
	text := string(number)
	if !numberSyntax.MatchString(text) {
		return "", false
	}
	if !strings.ContainsAny(text, ".eE") {
		exact, _ := new(big.Int).SetString(text, 10)
		return exact.String(), true
	}
	float, _ := strconv.ParseFloat(text, 64)
	if math.IsInf(float, 0) {
		return strconv.FormatFloat(float, 'f', -1, 64), true
	}
	return new(big.Rat).SetFloat64(float).RatString(), true
}

func wireKey(value any) string {
	switch v := value.(type) {
	case string:
		return "s:" + v
	case json.Number:
		if key, ok := numberKey(v); ok {
			return "n:" + key
		}
	}
	return ""
}

// wireOf gives a number as Python's wire does: an integer (1.0 is 1) in its canonical text,
// so a code sent as 2.0404e4 reads as 20404; any other number is no code.
func wireOf(value any) any {
	switch v := value.(type) {
	case string:
		return v
	case json.Number:
		key, ok := numberKey(v)
		if ok && !strings.ContainsAny(key, "/I") {
			return json.Number(key)
		}
	}
	return nil
}

// equal is JSON equality as Python's runtime has it: numbers by value, never a boolean as a
// number, other values of one type by Python's == (so nested, True == 1).
func equal(left, right any) bool {
	_, leftBool := left.(bool)
	_, rightBool := right.(bool)
	if leftBool || rightBool {
		return leftBool && rightBool && left == right
	}
	return looseEqual(left, right)
}

func looseEqual(left, right any) bool {
	leftNumber, leftIs := numeric(left)
	rightNumber, rightIs := numeric(right)
	if leftIs || rightIs {
		return leftIs && rightIs && leftNumber == rightNumber
	}
	switch l := left.(type) {
	case nil:
		return right == nil
	case string:
		r, ok := right.(string)
		return ok && l == r
	case []any:
		r, ok := right.([]any)
		if !ok || len(l) != len(r) {
			return false
		}
		for i := range l {
			if !looseEqual(l[i], r[i]) {
				return false
			}
		}
		return true
	case *object:
		r, ok := right.(*object)
		if !ok || l == nil || r == nil {
			return ok && l == nil && r == nil
		}
		if len(l.keys) != len(r.keys) {
			return false
		}
		for _, key := range l.keys {
			value, has := r.get(key)
			if !has || !looseEqual(l.values[key], value) {
				return false
			}
		}
		return true
	}
	return false
}

func numeric(value any) (string, bool) {
	switch v := value.(type) {
	case bool:
		if v {
			return "1", true
		}
		return "0", true
	case json.Number:
		return numberKey(v)
	}
	return "", false
}

// Paths -----------------------------------------------------------------------------------

const (
	byName = iota
	byIndex
	byFilter
)

type step struct {
	kind     int
	name     string
	index    int
	relative []step
	literal  any
}

var token = regexp.MustCompile(`^(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[(-?[0-9]+)\]|\['((?:[^'\\]|\\.)*)'\]|\[\?@((?:\.[A-Za-z_][A-Za-z0-9_]*|\[(?:-?[0-9]+|'(?:[^'\\]|\\.)*')\])*)==('(?:[^'\\]|\\.)*'|[^\]]+)\])`)

// Paths are the catalogue's, few and read again for every response.
var paths sync.Map

// pathOf gives the steps of a canonical path; ok is false for text that is no path (the
// generator refuses those, so it never is; other runtimes raise).
func pathOf(text string) ([]step, bool) {
	if found, ok := paths.Load(text); ok {
		return found.([]step), true
	}
	_, size := utf8.DecodeRuneInString(text)
	found, ok := steps(text[size:])
	if ok {
		paths.Store(text, found)
	}
	return found, ok
}

func steps(text string) ([]step, bool) {
	found := []step{}
	for at := 0; at < len(text); {
		match := token.FindStringSubmatchIndex(text[at:])
		if match == nil {
			return nil, false
		}
		group := func(n int) (string, bool) {
			if match[2*n] < 0 {
				return "", false
			}
			return text[at+match[2*n] : at+match[2*n+1]], true
		}
		if name, ok := group(1); ok {
			found = append(found, step{kind: byName, name: name})
		} else if index, ok := group(2); ok {
			number, err := strconv.Atoi(index)
			if err != nil {
				return nil, false
			}
			found = append(found, step{kind: byIndex, index: number})
		} else if quoted, ok := group(3); ok {
			found = append(found, step{kind: byName, name: unquote(quoted)})
		} else {
			relative, _ := group(4)
			literal, _ := group(5)
			inner, ok := steps(relative)
			if !ok {
				return nil, false
			}
			var value any
			if strings.HasPrefix(literal, "'") {
				value = unquote(trimQuotes(literal))
			} else if value, ok = decodeText(literal); !ok {
				return nil, false
			}
			found = append(found, step{kind: byFilter, relative: inner, literal: value})
		}
		at += match[1]
	}
	return found, true
}

// trimQuotes is Python's literal[1:-1].
func trimQuotes(text string) string {
	_, last := utf8.DecodeLastRuneInString(text)
	if len(text) < 1+last {
		return ""
	}
	return text[1 : len(text)-last]
}

// unquote reads a quoted name's escapes: \uXXXX as a UTF-16 unit (pairs join), any other
// escaped character but a newline as itself.
func unquote(text string) string {
	var units []rune
	for at := 0; at < len(text); {
		r, size := utf8.DecodeRuneInString(text[at:])
		if r == '\\' && at+size < len(text) {
			if hex := text[at+1:]; len(hex) >= 5 && hex[0] == 'u' && strings.Trim(hex[1:5], "0123456789abcdefABCDEF") == "" {
				unit, _ := strconv.ParseUint(hex[1:5], 16, 32)
				units = append(units, rune(unit))
				at += 6
				continue
			}
			if next, width := utf8.DecodeRuneInString(text[at+1:]); next != '\n' {
				units = append(units, next)
				at += 1 + width
				continue
			}
		}
		units = append(units, r)
		at += size
	}
	var b strings.Builder
	for i := 0; i < len(units); i++ {
		r := units[i]
		if utf16.IsSurrogate(r) && i+1 < len(units) {
			if joined := utf16.DecodeRune(r, units[i+1]); joined != utf8.RuneError {
				r = joined
				i++
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// child is what a name or an index selects in node.
func child(node any, part step) (any, bool) {
	switch part.kind {
	case byName:
		if found, ok := node.(*object); ok {
			return found.get(part.name)
		}
	case byIndex:
		if items, ok := node.([]any); ok {
			index := part.index
			if index < 0 {
				index += len(items)
			}
			if index >= 0 && index < len(items) {
				return items[index], true
			}
		}
	}
	return nil, false
}

func matches(node any, filter step) bool {
	value, ok := node, true
	for _, part := range filter.relative {
		if value, ok = child(value, part); !ok {
			return false
		}
	}
	return equal(value, filter.literal)
}

// members is an object's keys in the order JavaScript keeps them (array-index keys first,
// ascending, then the rest as sent), so that every language finds the same first.
func members(found *object) []string {
	var indices, rest []string
	for _, key := range found.keys {
		if arrayIndex(key) {
			indices = append(indices, key)
		} else {
			rest = append(rest, key)
		}
	}
	if len(indices) == 0 {
		return found.keys
	}
	sort.Slice(indices, func(i, j int) bool {
		return len(indices[i]) < len(indices[j]) ||
			len(indices[i]) == len(indices[j]) && indices[i] < indices[j]
	})
	return append(indices, rest...)
}

func arrayIndex(key string) bool {
	if key == "" || len(key) > 1 && key[0] == '0' || strings.Trim(key, "0123456789") != "" {
		return false
	}
	number, err := strconv.ParseUint(key, 10, 64)
	return err == nil && number < math.MaxUint32
}

func children(node any) []any {
	switch v := node.(type) {
	case []any:
		return v
	case *object:
		if v == nil {
			return nil
		}
		keys := members(v)
		found := make([]any, len(keys))
		for i, key := range keys {
			found[i] = v.values[key]
		}
		return found
	}
	return nil
}

// find is the node a path selects (the first, in document order); ok is false when the body
// has nothing there, or for no path ("").
func find(node any, text string) (any, bool) {
	if text == "" {
		return nil, false
	}
	parts, ok := pathOf(text)
	if !ok {
		return nil, false
	}
	nodes := []any{node}
	for _, part := range parts {
		var found []any
		for _, current := range nodes {
			if part.kind != byFilter {
				if value, ok := child(current, part); ok {
					found = append(found, value)
				}
				continue
			}
			for _, value := range children(current) {
				if matches(value, part) {
					found = append(found, value)
				}
			}
		}
		if len(found) == 0 {
			return nil, false
		}
		nodes = found
	}
	return nodes[0], true
}

// Bodies ----------------------------------------------------------------------------------

// parse gives the body as JSON and true when it is strict JSON, else as text (UTF-8, invalid
// bytes replaced, one byte order mark dropped) and false; nil and false for no body.
func parse(body []byte) (any, bool) {
	if body == nil {
		return nil, false
	}
	text := strings.TrimPrefix(pyText(body), "\ufeff")
	if value, ok := decodeText(text); ok {
		return value, true
	}
	return text, false
}

// Headers ---------------------------------------------------------------------------------

func headerMap(header http.Header) map[string]string {
	found := map[string]string{}
	// Names that differ only in case join in one order whatever the map's.
	names := make([]string, 0, len(header))
	for name := range header {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		key := strings.ToLower(name)
		text := strings.Join(header[name], ", ")
		if known, ok := found[key]; ok {
			text = known + ", " + text
		}
		found[key] = text
	}
	return found
}

// pySpace is what Python's str.strip() strips.
func pySpace(r rune) bool {
	return unicode.IsSpace(r) || r >= 0x1c && r <= 0x1f
}

func mediaType(headers map[string]string) string {
	value, _, _ := strings.Cut(headers["content-type"], ";")
	return strings.ToLower(strings.TrimFunc(value, pySpace))
}

func requestIDOf(headers map[string]string, names []string) (string, bool) {
	for _, name := range names {
		if value := strings.Trim(headers[name], " \t"); value != "" {
			return value, true
		}
	}
	return "", false
}

var months = strings.Fields("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec")

// IMF-fixdate, RFC 850 and asctime: the three forms RFC 9110 reads.
var httpDates = []*regexp.Regexp{
	regexp.MustCompile(`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (?P<day>[0-9]{2}) (?P<month>[A-Z][a-z]{2}) (?P<year>[0-9]{4}) (?P<time>[0-9]{2}:[0-9]{2}:[0-9]{2}) GMT$`),
	regexp.MustCompile(`^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (?P<day>[0-9]{2})-(?P<month>[A-Z][a-z]{2})-(?P<year>[0-9]{2}) (?P<time>[0-9]{2}:[0-9]{2}:[0-9]{2}) GMT$`),
	regexp.MustCompile(`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?P<month>[A-Z][a-z]{2}) (?P<day>[ 0-9][0-9]) (?P<time>[0-9]{2}:[0-9]{2}:[0-9]{2}) (?P<year>[0-9]{4})$`),
}

// httpDate gives the seconds since the epoch of an HTTP date; ok is false for other text.
func httpDate(text string) (float64, bool) {
	trimmed := strings.Trim(text, " \t")
	for _, pattern := range httpDates {
		match := pattern.FindStringSubmatch(trimmed)
		if match == nil {
			continue
		}
		month := slices.Index(months, match[pattern.SubexpIndex("month")])
		if month < 0 {
			continue
		}
		number := func(name string) int {
			found, _ := strconv.Atoi(strings.TrimLeft(match[pattern.SubexpIndex(name)], " "))
			return found
		}
		year, day := number("year"), number("day")
		if year >= 70 && year < 100 { // RFC 850's two digits
			year += 1900
		} else if year < 70 {
			year += 2000
		}
		clock := strings.Split(match[pattern.SubexpIndex("time")], ":")
		hour, _ := strconv.Atoi(clock[0])
		minute, _ := strconv.Atoi(clock[1])
		second, _ := strconv.Atoi(clock[2])
		if !(day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 60) {
			return 0, false
		}
		// time.Date rolls over (Feb 31, second 60) as Python's timegm and Date.UTC do.
		at := time.Date(year, time.Month(month+1), day, hour, minute, second, 0, time.UTC)
		return float64(at.Unix()), true
	}
	return 0, false
}

var (
	millisecondsPattern = regexp.MustCompile(`^[0-9]+(?:\.[0-9]+)?$`)
	secondsPattern      = regexp.MustCompile(`^[0-9]+$`)
)

// retryAfterOf gives the seconds the server asks to wait before retrying: retry-after-ms,
// else Retry-After as seconds or as an HTTP date (counted from the response's Date, else
// from now); never negative.
func retryAfterOf(headers map[string]string, now time.Time) (float64, bool) {
	milliseconds := strings.Trim(headers["retry-after-ms"], " \t")
	if millisecondsPattern.MatchString(milliseconds) {
		found, _ := strconv.ParseFloat(milliseconds, 64)
		return found / 1000, true
	}
	text := strings.Trim(headers["retry-after"], " \t")
	if secondsPattern.MatchString(text) {
		found, _ := strconv.ParseFloat(text, 64)
		return found, true
	}
	when, ok := httpDate(text)
	if !ok {
		return 0, false
	}
	from, ok := httpDate(headers["date"])
	if !ok {
		from = float64(now.Unix()) + float64(now.Nanosecond())/1e9
	}
	return math.Max(0, when-from), true
}

var secretHeaders = map[string]bool{
	"authorization":       true,
	"proxy-authorization": true,
	"cookie":              true,
	"set-cookie":          true,
	"x-api-key":           true,
}

// redacted gives headers with the value of each secret one (built-in or the catalogue's,
// and any *-token) shown as [redacted].
func redacted(headers map[string]string, secret map[string]bool) map[string]string {
	shown := make(map[string]string, len(headers))
	for name, value := range headers {
		if secretHeaders[name] || secret[name] || strings.HasSuffix(name, "-token") {
			value = "[redacted]"
		}
		shown[name] = value
	}
	return shown
}

// Envelopes -------------------------------------------------------------------------------

type fieldSource struct {
	path, name, messages, message string
	shape                         string
	code, typ, pointer            string
}

type extraSpec struct{ name, path, kind string }

type equality struct {
	path    string
	literal any
}

type condition struct {
	mediaTypes, statuses, present []string
	equals                        []equality
}

type envelope struct {
	name, typ, code, message, reference string
	fields                              []fieldSource
	when                                *condition
	text                                bool
	errors                              string
	firstKnown                          bool
	lastSegment                         bool
	extras                              []extraSpec
	requestID                           string
}

type field struct {
	name     string
	messages []string
	code     any
	typ      any
	pointer  any
}

type item struct {
	rawCode, rawType   any
	message, reference any
	fields             []field
	extras             *object
	env                *envelope
	requestID          any
}

type parsed struct {
	body      any
	isJSON    bool
	rawCode   any
	codeEnv   *envelope
	rawType   any
	message   any
	reference any
	fields    []field
	extras    *object
	errors    []item
	requestID any
}

// What a text body's message is stripped of: ASCII whitespace, as in every language.
const blank = " \t\n\f\r"

func stripBlank(text string) string {
	return strings.Trim(text, blank)
}

func statusMatches(entry string, status int) bool {
	text := strconv.Itoa(status)
	if strings.HasSuffix(entry, "xx") {
		return len(text) == 3 && text[0] == entry[0]
	}
	return entry == text
}

// applies says whether an envelope reads this response (status 0: none; media "": none).
func applies(env *envelope, status int, media string, body any, isJSON bool) bool {
	if env.text {
		text, ok := body.(string)
		if isJSON || !ok || stripBlank(text) == "" {
			return false
		}
		if media == "text/html" || strings.HasPrefix(stripBlank(text), "<") {
			return false // an HTML page is never a message
		}
	} else if !isJSON {
		return false
	}
	when := env.when
	if when == nil || len(when.statuses) == 0 {
		if status != 0 && (status < 400 || status > 599) {
			return false
		}
	} else if status == 0 || !slices.ContainsFunc(when.statuses, func(entry string) bool {
		return statusMatches(entry, status)
	}) {
		return false
	}
	if when == nil {
		return true
	}
	if len(when.mediaTypes) > 0 && media != "" && !slices.Contains(when.mediaTypes, media) {
		return false
	}
	for _, where := range when.present {
		if _, ok := find(body, where); !ok {
			return false
		}
	}
	for _, pair := range when.equals {
		value, ok := find(body, pair.path)
		if !ok || !equal(value, pair.literal) {
			return false
		}
	}
	return true
}

// readsStatus says whether some envelope reads bodies of a status that is not an error status.
func readsStatus(envelopes []envelope, status int) bool {
	for i := range envelopes {
		if when := envelopes[i].when; when != nil {
			for _, entry := range when.statuses {
				if statusMatches(entry, status) {
					return true
				}
			}
		}
	}
	return false
}

// statusEntry is what entries hold for a numeric status (0: none): the exact one, else its
// range's.
func statusEntry[V any](status int, entries map[string]V) (V, bool) {
	var none V
	if status == 0 {
		return none, false
	}
	exact := strconv.Itoa(status)
	if found, ok := entries[exact]; ok {
		return found, true
	}
	if len(exact) == 3 {
		found, ok := entries[exact[:1]+"xx"]
		return found, ok
	}
	return none, false
}

func textOf(value any) any {
	if found, ok := value.(string); ok {
		return found
	}
	return nil
}

// isOfKind says whether value is of one of the JSON types (|-separated) an extra may hold; a
// Go value counts as the JSON it is written as.
func isOfKind(value any, kinds string) bool {
	if found, ok := valueOf(value); ok {
		value = found
	}
	for _, kind := range strings.Split(kinds, "|") {
		if _, ok := ofKind(value, kind); ok {
			return true
		}
	}
	return false
}

// ofKind gives value as an extra of kind holds it (an integer in its canonical text, a list
// of strings as []string); ok is false when it is not of that kind.
func ofKind(value any, kind string) (any, bool) {
	switch kind {
	case "string":
		found, ok := value.(string)
		return found, ok
	case "integer":
		found, ok := wireOf(value).(json.Number)
		return found, ok
	case "number":
		found, ok := value.(json.Number)
		return found, ok
	case "boolean":
		found, ok := value.(bool)
		return found, ok
	case "strings":
		items, ok := value.([]any)
		found := stringsIn(items)
		return found, ok && len(found) == len(items)
	}
	return value, value != nil
}

// stringsIn is the strings among items, never nil.
func stringsIn(items []any) []string {
	found := []string{}
	for _, item := range items {
		if text, ok := item.(string); ok {
			found = append(found, text)
		}
	}
	return found
}

func mapFields(node any, prefix string) []field {
	found, ok := node.(*object)
	if !ok || found == nil {
		return nil
	}
	var fields []field
	for _, key := range members(found) {
		name := key
		if prefix != "" {
			name = prefix + "." + key
		}
		switch value := found.values[key].(type) {
		case string:
			messages := []string{value}
			fields = append(fields, field{name: name, messages: messages})
		case []any:
			if texts := stringsIn(value); len(texts) == len(value) {
				fields = append(fields, field{name: name, messages: texts})
			}
		default:
			fields = append(fields, mapFields(value, name)...)
		}
	}
	return fields
}

func fieldsOf(node any, source *fieldSource) []field {
	found, ok := find(node, source.path)
	if !ok {
		return nil
	}
	switch source.shape {
	case "map":
		return mapFields(found, "")
	case "strings":
		items, _ := found.([]any)
		texts := stringsIn(items)
		if len(texts) == 0 {
			return nil
		}
		return []field{
			{name: "", messages: texts},
		}
	}
	entries, ok := found.([]any)
	if !ok {
		entries = []any{found}
	}
	var fields []field
	grouped := map[string]int{}
	add := func(one field, texts []string) {
		key := string(encodeJSON([]any{one.name, wireKey(one.code), wireKey(one.typ), one.pointer}))
		if at, ok := grouped[key]; ok {
			fields[at].messages = append(fields[at].messages, texts...)
			return
		}
		grouped[key] = len(fields)
		one.messages = append([]string{}, texts...)
		fields = append(fields, one)
	}
	for _, entry := range entries {
		if bare, ok := entry.(string); ok {
			add(field{}, []string{bare}) // a bare message in a list of objects names no field
			continue
		}
		pointer := textOf(orNil(find(entry, source.pointer)))
		name := pointer
		if source.name != "" {
			name = orNil(find(entry, source.name))
		}
		named, ok := name.(string)
		if !ok {
			continue
		}
		var texts []string
		if source.messages != "" {
			raw, _ := find(entry, source.messages)
			list, _ := raw.([]any)
			texts = stringsIn(list)
		} else if single, ok := orNil(find(entry, source.message)).(string); ok {
			texts = []string{single}
		}
		one := field{name: named, pointer: pointer}
		if source.code != "" {
			one.code = wireOf(orNil(find(entry, source.code)))
		}
		if source.typ != "" {
			one.typ = wireOf(orNil(find(entry, source.typ)))
		}
		add(one, texts)
	}
	return fields
}

// orNil is what a path finds, nil when it finds nothing.
func orNil(value any, ok bool) any {
	if !ok {
		return nil
	}
	return value
}

func codeKey(raw any, env *envelope) any {
	text, ok := raw.(string)
	if env == nil || !env.lastSegment || !ok {
		return raw
	}
	text, _, _ = strings.Cut(text, "?")
	text, _, _ = strings.Cut(text, "#")
	text = strings.TrimRight(text, "/")
	return text[strings.LastIndex(text, "/")+1:]
}

func readItem(node any, env *envelope, codeExtras func(key string) []extraSpec) item {
	rawCode := wireOf(orNil(find(node, env.code)))
	specs := env.extras
	if rawCode != nil && codeExtras != nil {
		specs = append(slices.Clip(specs), codeExtras(wireKey(codeKey(rawCode, env)))...)
	}
	extras := newObject()
	for _, spec := range specs {
		if found, ok := find(node, spec.path); ok {
			if value, ok := ofKind(found, spec.kind); ok {
				extras.set(spec.name, value)
			}
		}
	}
	var fields []field
	for i := range env.fields {
		if fields = fieldsOf(node, &env.fields[i]); len(fields) > 0 {
			break
		}
	}
	return item{
		rawCode:   rawCode,
		rawType:   wireOf(orNil(find(node, env.typ))),
		message:   textOf(orNil(find(node, env.message))),
		reference: textOf(orNil(find(node, env.reference))),
		fields:    fields,
		extras:    extras,
		env:       env,
		requestID: textOf(orNil(find(node, env.requestID))),
	}
}

// read gives what a response says: each member from the first envelope that applies and has
// it.
func read(status int, body []byte, headers map[string]string, envelopes []envelope,
	known func(raw any, env *envelope) bool, codeExtras func(key string) []extraSpec) parsed {
	value, isJSON := parse(body)
	media := mediaType(headers)
	found := parsed{body: value, isJSON: isJSON, extras: newObject()}
	for i := range envelopes {
		env := &envelopes[i]
		if !applies(env, status, media, value, isJSON) {
			continue
		}
		var chosen *item
		switch {
		case env.text:
			chosen = &item{message: stripBlank(value.(string)), extras: newObject(), env: env}
		case env.errors == "":
			one := readItem(value, env, codeExtras)
			chosen = &one
		default:
			list, ok := find(value, env.errors)
			nodes, isList := list.([]any)
			if ok && !isList {
				nodes = []any{list}
			}
			var items []item
			for _, node := range nodes {
				if _, ok := node.(*object); ok {
					items = append(items, readItem(node, env, codeExtras))
				}
			}
			if len(items) > 0 && len(found.errors) == 0 {
				found.errors = items
			}
			if len(items) > 0 {
				chosen = &items[0]
			}
			if env.firstKnown && known != nil {
				for j := range items {
					if known(items[j].rawCode, env) {
						chosen = &items[j]
						break
					}
				}
			}
		}
		if chosen == nil {
			continue
		}
		if found.rawCode == nil && chosen.rawCode != nil {
			found.rawCode, found.codeEnv = chosen.rawCode, env
		}
		found.rawType = first(found.rawType, chosen.rawType)
		found.message = first(found.message, chosen.message)
		found.reference = first(found.reference, chosen.reference)
		found.requestID = first(found.requestID, chosen.requestID)
		if len(found.fields) == 0 {
			found.fields = chosen.fields
		}
		for _, key := range chosen.extras.keys {
			if _, ok := found.extras.get(key); !ok {
				found.extras.set(key, chosen.extras.values[key])
			}
		}
	}
	return found
}

func first(known, other any) any {
	if known != nil {
		return known
	}
	return other
}

// Writing bodies --------------------------------------------------------------------------

type written struct {
	rawCode, rawType any
	message          string
	reference        any
	fields           []field
	extras           *object
	requestID        any
}

// putSteps gives node with value at steps, containers made on the way (a name makes an
// object, an index a list long enough, a filter a member that matches it).
func putSteps(node any, parts []step, value any) any {
	if len(parts) == 0 {
		return value
	}
	part, rest := parts[0], parts[1:]
	if part.kind == byName {
		container, ok := node.(*object)
		if !ok || container == nil {
			container = newObject()
		}
		existing, _ := container.get(part.name)
		container.set(part.name, putSteps(existing, rest, value))
		return container
	}
	items, _ := node.([]any)
	index := part.index
	if part.kind == byFilter {
		index = slices.IndexFunc(items, func(candidate any) bool { return matches(candidate, part) })
		if index < 0 {
			items = append(items, putSteps(newObject(), part.relative, part.literal))
			index = len(items) - 1
		}
	} else if index < 0 {
		index = max(len(items)+index, 0)
	}
	for len(items) <= index {
		items = append(items, nil)
	}
	items[index] = putSteps(items[index], rest, value)
	return items
}

// put gives node with value at the canonical path text (nothing written for no path).
func put(node any, text string, value any) any {
	if text == "" {
		return node
	}
	parts, ok := pathOf(text)
	if !ok {
		return node
	}
	return putSteps(node, parts, value)
}

func messagesValue(messages []string) []any {
	found := make([]any, len(messages))
	for i, message := range messages {
		found[i] = message
	}
	return found
}

func writeFields(node any, source *fieldSource, fields []field) any {
	switch source.shape {
	case "map":
		found := newObject()
		for _, one := range fields {
			found.set(one.name, messagesValue(one.messages))
		}
		return put(node, source.path, found)
	case "strings":
		texts := []any{}
		for _, one := range fields {
			texts = append(texts, messagesValue(one.messages)...)
		}
		return put(node, source.path, texts)
	}
	entries := []any{}
	for _, one := range fields {
		// One entry a message where an entry holds one message; a field without any
		// message still gets its entry.
		texts := []any{nil}
		if source.messages != "" {
			texts = []any{messagesValue(one.messages)}
		} else if len(one.messages) > 0 {
			texts = messagesValue(one.messages)
		}
		for _, message := range texts {
			pointer, _ := one.pointer.(string)
			var entry any = newObject()
			if source.name != "" {
				entry = put(entry, source.name, one.name)
			}
			// As Python's truthiness has it: an empty pointer is none.
			if source.pointer != "" && (pointer != "" || source.name == "") {
				if pointer == "" {
					pointer = one.name
				}
				entry = put(entry, source.pointer, pointer)
			}
			if source.messages != "" {
				entry = put(entry, source.messages, message)
			} else if message != nil {
				entry = put(entry, source.message, message)
			}
			if source.code != "" && one.code != nil {
				entry = put(entry, source.code, jsonData(one.code))
			}
			if source.typ != "" && one.typ != nil {
				entry = put(entry, source.typ, jsonData(one.typ))
			}
			entries = append(entries, entry)
		}
	}
	return put(node, source.path, entries)
}

// write gives the body an envelope lays an error out in, as a runtime value (text for a text
// body), with the extras it declares and the code's own (codeExtras).
func write(env *envelope, sent written, codeExtras []extraSpec) any {
	if env.text {
		return sent.message
	}
	var node any = newObject()
	where := []string{env.code, env.typ, env.message, env.reference, env.requestID}
	for i, value := range []any{sent.rawCode, sent.rawType, sent.message, sent.reference, sent.requestID} {
		if value != nil {
			node = put(node, where[i], jsonData(value))
		}
	}
	for _, spec := range append(slices.Clip(env.extras), codeExtras...) {
		if value, ok := sent.extras.get(spec.name); ok {
			node = put(node, spec.path, jsonData(value))
		}
	}
	nodes := []any{node}
	if len(env.fields) > 0 && len(sent.fields) > 0 {
		source := &env.fields[0]
		if source.path == "$" && env.errors != "" {
			// Each error item is a field error too: one item a field error, each with the
			// code and extras (and a field's message in place of the error's).
			entries, _ := writeFields(nil, source, sent.fields).([]any)
			nodes = nil
			for _, entry := range entries {
				merged := newObject()
				for _, part := range []any{node, entry} {
					if found, ok := part.(*object); ok {
						for _, key := range found.keys {
							merged.set(key, found.values[key])
						}
					}
				}
				nodes = append(nodes, merged)
			}
			if len(nodes) == 0 {
				nodes = []any{node}
			}
		} else {
			nodes = []any{writeFields(node, source, sent.fields)}
		}
	}
	body := nodes[0]
	if env.errors != "" {
		body = put(newObject(), env.errors, nodes)
	}
	if env.when != nil {
		for _, pair := range env.when.equals {
			body = put(body, pair.path, jsonData(pair.literal))
		}
		for _, where := range env.when.present {
			if _, ok := find(body, where); !ok {
				body = put(body, where, nil)
			}
		}
	}
	return body
}
