package render

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// clean makes s safe to place in a label: valid UTF-8, no control characters,
// every run of white space folded to one space, trimmed.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// wrap cleans s and breaks it into lines of at most width runes, breaking at
// spaces where it can and inside words longer than a line. At most maxLines
// lines are kept; when text is cut the last line ends with an ellipsis.
func wrap(s string, width, maxLines int) []string {
	words := strings.Fields(clean(s))
	var lines []string
	var cur []rune
	cut := false
	flush := func() {
		lines = append(lines, string(cur))
		cur = cur[:0]
	}
	for _, w := range words {
		rw := []rune(w)
		for len(rw) > 0 {
			if len(lines) == maxLines {
				cut = true
				break
			}
			need := len(rw)
			if len(cur) > 0 {
				need++
			}
			if len(cur)+need <= width {
				if len(cur) > 0 {
					cur = append(cur, ' ')
				}
				cur = append(cur, rw...)
				rw = nil
				continue
			}
			if len(cur) > 0 {
				flush()
				continue
			}
			// A word longer than a line: hard-break it.
			cur = append(cur, rw[:width]...)
			rw = rw[width:]
			flush()
		}
		if cut {
			break
		}
	}
	if len(cur) > 0 {
		if len(lines) == maxLines {
			cut = true
		} else {
			flush()
		}
	}
	if cut && len(lines) > 0 {
		last := []rune(lines[len(lines)-1])
		if len(last) >= width {
			last = last[:width-1]
		}
		lines[len(lines)-1] = strings.TrimRight(string(last), " ") + "…"
	}
	return lines
}

// shorten cleans s and cuts it to at most n runes, ending with an ellipsis
// when cut.
func shorten(s string, n int) string {
	s = clean(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimRight(string(r[:n-1]), " ") + "…"
}

// quote returns s as a DOT double-quoted string whose text Graphviz shows
// literally: backslashes are doubled (so "\N", "\n", "\l" stay text), quotes
// escaped, and an ampersand written as the entity &amp; (Graphviz decodes
// entities in labels, so "&lt;" typed by a user must not become "<"). Lines
// are joined with the DOT line break "\n". Control characters never reach
// here: callers pass text through clean or wrap first.
func quote(lines ...string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i, l := range lines {
		if i > 0 {
			b.WriteString(`\n`)
		}
		for _, r := range l {
			switch r {
			case '\\':
				b.WriteString(`\\`)
			case '"':
				b.WriteString(`\"`)
			case '&':
				b.WriteString(`&amp;`)
			default:
				if r < 0x20 || r == 0x7f {
					b.WriteByte(' ')
					continue
				}
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// boldLabel returns lines as a Graphviz HTML-like label in bold, one line per
// <BR/>. Every character that HTML-like labels treat specially is written as
// an entity, so the text shows literally. Graphviz still expands \N, \G, \E,
// \H, \T and \L in such labels (an entity for the backslash does not stop
// it), so a word joiner (U+2060, invisible) goes between such a backslash and
// its letter. Control characters never reach here: callers pass text through
// clean or wrap first.
func boldLabel(lines ...string) string {
	var b strings.Builder
	b.WriteString("<<B>")
	for i, l := range lines {
		if i > 0 {
			b.WriteString(`<BR/>`)
		}
		prev := rune(0)
		for _, r := range l {
			if prev == '\\' && strings.ContainsRune("NGEHTL", r) {
				b.WriteString("&#8288;")
			}
			prev = r
			switch r {
			case '&':
				b.WriteString("&amp;")
			case '<':
				b.WriteString("&lt;")
			case '>':
				b.WriteString("&gt;")
			case '"':
				b.WriteString("&quot;")
			default:
				if r < 0x20 || r == 0x7f {
					b.WriteByte(' ')
					continue
				}
				b.WriteRune(r)
			}
		}
	}
	b.WriteString("</B>>")
	return b.String()
}

// safeName reports whether id can be used as a node name and SVG element ID
// as it is: ASCII letters, digits and underscores only, so it can never close
// an XML comment or attribute in Graphviz's SVG output.
func safeName(id string) bool {
	if id == "" || len(id) > 100 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}
