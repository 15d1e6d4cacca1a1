package neo4jstore

import (
	"fmt"
	"sort"
	"strings"
)

// statement is one Cypher statement cut from a file: its text, the line of
// the file it starts on (1-based) and, for query files, the parameters it
// declares in its "// params:" header.
type statement struct {
	Name   string
	Text   string
	Line   int
	Params []string // sorted, without "$"
}

// splitStatements cuts Cypher text into statements at every ";" outside
// strings, quoted names and comments. Statements holding only comments or
// space are dropped. An unterminated string or comment is an error.
func splitStatements(src string) ([]statement, error) {
	var (
		out   []statement
		code  = false // whether the current statement has any code yet
		first = 0     // offset of the first code byte of the current statement
		line  = 1
	)
	flush := func(end int) {
		if code {
			text := strings.TrimSpace(src[first:end])
			out = append(out, statement{Text: text, Line: 1 + strings.Count(src[:first], "\n")})
		}
		code = false
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '\n':
			line++
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			if i < len(src) {
				line++
			}
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			end := strings.Index(src[i+2:], "*/")
			if end < 0 {
				return nil, fmt.Errorf("line %d: unterminated /* comment", line)
			}
			line += strings.Count(src[i:i+2+end+2], "\n")
			i += 2 + end + 1
		case c == '\'' || c == '"' || c == '`':
			if !code {
				code, first = true, i
			}
			open := line
			j := i + 1
			for ; j < len(src); j++ {
				if src[j] == '\n' {
					line++
				}
				if src[j] == '\\' && c != '`' {
					j++
					continue
				}
				if src[j] == c {
					if c == '`' && j+1 < len(src) && src[j+1] == '`' { // `` escapes a backtick
						j++
						continue
					}
					break
				}
			}
			if j >= len(src) {
				return nil, fmt.Errorf("line %d: unterminated %c quote", open, c)
			}
			i = j
		case c == ';':
			flush(i)
		case c == ' ' || c == '\t' || c == '\r':
		default:
			if !code {
				code, first = true, i
			}
		}
	}
	flush(len(src))
	return out, nil
}

// paramsHeader returns the parameters a query file declares on its
// "// params: $a, $b" line ("// params: none" for none). ok is false when the
// file has no such line.
func paramsHeader(src string) (params []string, ok bool, err error) {
	for _, l := range strings.Split(src, "\n") {
		l = strings.TrimSpace(l)
		rest, found := strings.CutPrefix(l, "// params:")
		if !found {
			continue
		}
		if ok {
			return nil, false, fmt.Errorf("more than one params line")
		}
		ok = true
		rest = strings.TrimSpace(rest)
		if rest == "none" {
			continue
		}
		for _, p := range strings.Split(rest, ",") {
			p = strings.TrimSpace(p)
			name, dollar := strings.CutPrefix(p, "$")
			if !dollar || !isIdent(name) {
				return nil, false, fmt.Errorf("params line: %q is not a $name", p)
			}
			params = append(params, name)
		}
	}
	sort.Strings(params)
	for i := 1; i < len(params); i++ {
		if params[i] == params[i-1] {
			return nil, false, fmt.Errorf("params line: $%s is listed twice", params[i])
		}
	}
	return params, ok, nil
}

// usedParams returns the distinct $names a statement's code refers to,
// sorted; strings and comments are skipped.
func usedParams(text string) []string {
	seen := map[string]bool{}
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '/' && i+1 < len(text) && text[i+1] == '/':
			for i < len(text) && text[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(text) && text[i+1] == '*':
			if end := strings.Index(text[i+2:], "*/"); end >= 0 {
				i += 2 + end + 1
			} else {
				i = len(text)
			}
		case c == '\'' || c == '"' || c == '`':
			j := i + 1
			for ; j < len(text) && text[j] != c; j++ {
				if text[j] == '\\' && c != '`' {
					j++
				}
			}
			i = j
		case c == '$':
			j := i + 1
			for j < len(text) && isIdentByte(text[j], j > i+1) {
				j++
			}
			if j > i+1 {
				seen[text[i+1:j]] = true
			}
			i = j - 1
		}
	}
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isIdentByte(s[i], i > 0) {
			return false
		}
	}
	return true
}

func isIdentByte(c byte, notFirst bool) bool {
	return c == '_' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || (notFirst && '0' <= c && c <= '9')
}
