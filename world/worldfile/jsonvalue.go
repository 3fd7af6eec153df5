package worldfile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// utf8BOM is the byte order mark some editors put before JSON.
const utf8BOM = "\xEF\xBB\xBF"

// fileProblems collects the problems of one file.
type fileProblems struct {
	file string
	list []Problem
}

func (p *fileProblems) errorf(field, format string, args ...any) {
	p.list = append(p.list, Problem{File: p.file, Field: field, Severity: Error, Message: fmt.Sprintf(format, args...)})
}

func (p *fileProblems) warnf(field, format string, args ...any) {
	p.list = append(p.list, Problem{File: p.file, Field: field, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}

// otherKeys returns, sorted, the keys of obj that are not in known.
func otherKeys(obj map[string]json.RawMessage, known ...string) []string {
	var keys []string
	for k := range obj {
		if !slices.Contains(known, k) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}

// decodeObject decodes a whole file as one JSON object. It rejects invalid
// UTF-8 (encoding/json would silently replace it) and accepts a leading BOM.
func decodeObject(data []byte) (map[string]json.RawMessage, error) {
	data = trimBOM(data)
	if !utf8.Valid(data) {
		return nil, errors.New("file is not valid UTF-8")
	}
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return nil, errors.New("file must hold one JSON object")
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(data, &obj); err != nil {
		return nil, jsonError(data, err)
	}
	return obj, nil
}

// trimBOM drops a leading UTF-8 byte order mark.
func trimBOM(data []byte) []byte {
	return bytes.TrimPrefix(data, []byte(utf8BOM))
}

// jsonError rewrites a syntax error's byte offset as line and column.
func jsonError(data []byte, err error) error {
	var syn *json.SyntaxError
	if !errors.As(err, &syn) {
		return fmt.Errorf("invalid JSON: %w", err)
	}
	off := min(int(syn.Offset), len(data))
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := off - bytes.LastIndexByte(data[:off], '\n')
	return fmt.Errorf("invalid JSON at line %d, column %d: %w", line, col, err)
}

// isNull reports whether raw is absent or the JSON null.
func isNull(raw json.RawMessage) bool {
	return len(raw) == 0 || bytes.Equal(bytes.TrimSpace(raw), []byte("null"))
}

// optString decodes obj[key] as an optional string; null or absent is "".
// A value of another type is an Error (reported as prefix+key) and yields "".
func optString(obj map[string]json.RawMessage, prefix, key string, p *fileProblems) string {
	raw, ok := obj[key]
	if !ok || isNull(raw) {
		return ""
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		p.errorf(prefix+key, "must be a string")
		return ""
	}
	return s
}

// reqString decodes obj[key] as a required string: absent, null, blank or
// not a string is an Error (reported as prefix+key) and yields "".
func reqString(obj map[string]json.RawMessage, prefix, key string, p *fileProblems) string {
	raw, ok := obj[key]
	if !ok || isNull(raw) {
		p.errorf(prefix+key, "required field is missing")
		return ""
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		p.errorf(prefix+key, "must be a string")
		return ""
	}
	if strings.TrimSpace(s) == "" {
		p.errorf(prefix+key, "required field is empty")
		return ""
	}
	return s
}

// optNumber decodes raw as an optional number; null or absent is (0, false).
func optNumber(raw json.RawMessage, field string, p *fileProblems) (float64, bool) {
	if isNull(raw) {
		return 0, false
	}
	var f float64
	if err := json.Unmarshal(raw, &f); err != nil {
		p.errorf(field, "must be a number")
		return 0, false
	}
	return f, true
}
