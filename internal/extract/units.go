package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxSentence bounds a sentence's length in bytes: longer runs without a
// sentence end are cut at a space, so pathological input stays linear.
const maxSentence = 1200

// Segment is a run of text that reads as one block: a line, or several lines
// joined when the text is hard-wrapped or a line plainly continues on the
// next. Start and End are byte offsets (end exclusive) with the leading list
// or heading marker and surrounding space trimmed.
type Segment struct {
	Start, End int
	Marker     string // list or note marker that was trimmed ("1.", "•", "#"), if any
	Para       int    // index of the blank-line separated paragraph
	Lines      int    // number of lines joined
	Alone      bool   // the segment is its paragraph's only segment
	First      bool   // first segment of its paragraph
}

// Sentence is a sentence-sized unit of a segment, by byte offsets.
type Sentence struct {
	Start, End int
	Seg        int // index into the segments
}

type line struct {
	start, end int // trimmed content
	marker     string
}

// isTrimRune reports whether r is space-like: whitespace, NBSP, BOM, zero-width.
func isTrimRune(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\ufeff' || r == '\u200b' || r == '\u200e' || r == '\u200f'
}

// trimSpan narrows [s,e) of text past space-like runes on both sides.
func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !isTrimRune(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !isTrimRune(r) {
			break
		}
		e -= n
	}
	return s, e
}

// listMarker returns the length of a list, note or heading marker at the start
// of s (and the marker), or 0.
func listMarker(s string) (int, string) {
	if s == "" {
		return 0, ""
	}
	i := 0
	switch {
	case s[0] == '#' || s[0] == '>':
		for i < len(s) && (s[i] == '#' || s[i] == '>') {
			i++
		}
		m := s[:i]
		for i < len(s) && s[i] == ' ' {
			i++
		}
		return i, m
	case s[0] >= '0' && s[0] <= '9':
		for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i < len(s) && (s[i] == '.' || s[i] == ')') && (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\t') {
			m := s[:i+1]
			i++
			for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
				i++
			}
			return i, m
		}
		return 0, ""
	case s[0] == '[':
		j := 1
		for j < len(s) && j < 4 && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j > 1 && j < len(s) && s[j] == ']' {
			m := s[:j+1]
			j++
			for j < len(s) && s[j] == ' ' {
				j++
			}
			return j, m
		}
		return 0, ""
	}
	r, n := utf8.DecodeRuneInString(s)
	switch r {
	case '•', '*', '·', '▪', '‣', '◦', '-', '–', '—', '+', '●', '■':
		if n < len(s) && (s[n] == ' ' || s[n] == '\t') || n == len(s) {
			j := n
			for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
				j++
			}
			return j, s[:n]
		}
	}
	return 0, ""
}

func splitLines(text string) []line {
	var out []line
	for pos := 0; pos <= len(text); {
		nl := strings.IndexByte(text[pos:], '\n')
		end := len(text)
		if nl >= 0 {
			end = pos + nl
		}
		s, e := trimSpan(text, pos, end)
		l := line{start: s, end: e}
		if s < e {
			if n, m := listMarker(text[s:e]); n > 0 {
				l.marker = m
				l.start, _ = trimSpan(text, s+n, e)
			}
		}
		out = append(out, l)
		if nl < 0 {
			break
		}
		pos = end + 1
	}
	return out
}

// joinWords are words a wrapped line may end on when the sentence goes on.
var joinWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "and": true, "or": true, "to": true, "in": true,
	"for": true, "with": true, "by": true, "on": true, "at": true, "from": true, "that": true, "as": true,
	"is": true, "are": true, "was": true, "were": true, "its": true, "their": true, "which": true,
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'”’)]»")
	if s == "" {
		return false
	}
	switch s[len(s)-1] {
	case '.', '!', '?', ':', ';':
		return true
	}
	return strings.HasSuffix(s, "…")
}

// continues reports whether line a (text ta) runs on into the next line tb.
// In hard-wrapped text a line runs on when it is long (near the wrap width,
// wide) or the next line starts in lower case; a short line before a
// capitalised one is a line of its own (a heading, a dateline, a byline).
func continues(ta, tb string, wrapped bool, short bool) bool {
	if ta == "" || tb == "" {
		return false
	}
	if strings.HasSuffix(ta, ":") && wrapped && !short && startsLower(tb) {
		// a colon at the wrap introduces the rest of the sentence ("we
		// argue that P:\nthrough ..."), not a list or a heading's body
		return true
	}
	if endsSentence(ta) {
		return false
	}
	if wrapped && !short {
		return true
	}
	if !startsLower(tb) {
		return false
	}
	last := ta[len(ta)-1]
	if last == ',' || last == '-' || last == '(' {
		return true
	}
	w := ta
	if i := strings.LastIndexByte(ta, ' '); i >= 0 {
		w = ta[i+1:]
	}
	return joinWords[strings.ToLower(w)]
}

// hardWrapped reports whether the text looks wrapped at a fixed width: many
// long lines run straight on into a next line that starts in lower case.
func hardWrapped(text string, lines []line) bool {
	long, runOn := 0, 0
	for i, l := range lines {
		if l.end-l.start < 50 {
			continue
		}
		long++
		if i+1 < len(lines) {
			n := lines[i+1]
			if n.end > n.start && n.marker == "" && !endsSentence(text[l.start:l.end]) && startsLower(text[n.start:n.end]) {
				runOn++
			}
		}
	}
	return runOn >= 3 && runOn*10 >= long*4
}

// wrapWidth estimates the width text is wrapped at: the median length of the
// lines of 50 bytes or more that run on into a next line.
func wrapWidth(lines []line) int {
	var ls []int
	for i, l := range lines {
		if n := l.end - l.start; n >= 50 && i+1 < len(lines) && lines[i+1].end > lines[i+1].start {
			ls = append(ls, n)
		}
	}
	if len(ls) == 0 {
		return 0
	}
	sort.Ints(ls)
	return ls[len(ls)/2]
}

// NormalizeBreaks returns text with every line break written as '\n', byte
// for byte the same length, so that offsets into the result are offsets into
// text: a lone CR (old Mac files) becomes LF, CR LF becomes space LF, NEL
// (U+0085) becomes LF and space, LINE SEPARATOR (U+2028) LF and two spaces,
// PARAGRAPH SEPARATOR (U+2029) two LFs and a space. Text without any of them
// is returned as it is.
func NormalizeBreaks(text string) string {
	if !strings.ContainsRune(text, '\r') && !strings.Contains(text, "\u0085") && !strings.Contains(text, "\u2028") && !strings.Contains(text, "\u2029") {
		return text
	}
	b := []byte(text)
	for i := 0; i < len(b); i++ {
		switch {
		case b[i] == '\r' && i+1 < len(b) && b[i+1] == '\n':
			b[i] = ' '
		case b[i] == '\r':
			b[i] = '\n'
		case b[i] == 0xc2 && i+1 < len(b) && b[i+1] == 0x85:
			b[i], b[i+1] = '\n', ' '
		case b[i] == 0xe2 && i+2 < len(b) && b[i+1] == 0x80 && b[i+2] == 0xa8:
			b[i], b[i+1], b[i+2] = '\n', ' ', ' '
		case b[i] == 0xe2 && i+2 < len(b) && b[i+1] == 0x80 && b[i+2] == 0xa9:
			b[i], b[i+1], b[i+2] = '\n', '\n', ' '
		}
	}
	return string(b)
}

// maxSegment bounds a segment's length in bytes: a longer line or run of
// joined lines (a document all on one line, a page of text without line
// breaks) is split into one segment per sentence, so that a verdict about a
// whole block (heading, bibliography, furniture) is never taken for the
// whole document.
const maxSegment = 4 * maxSentence

// Segments splits text into segments: paragraphs are separated by blank
// lines, and lines of a paragraph are joined when one runs on into the next.
// Line breaks are LF: run NormalizeBreaks on text first.
func Segments(text string) []Segment {
	lines := splitLines(text)
	wrapped := hardWrapped(text, lines)
	width := 0
	if wrapped {
		width = wrapWidth(lines)
	}
	var segs []Segment
	para := 0
	paraStart := 0 // index in segs of the paragraph's first segment
	prevBlank := true
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if l.start >= l.end {
			if !prevBlank {
				para++
			}
			prevBlank = true
			continue
		}
		if prevBlank {
			paraStart = len(segs)
		}
		prevBlank = false
		seg := Segment{Start: l.start, End: l.end, Marker: l.marker, Para: para, Lines: 1, First: len(segs) == paraStart}
		for i+1 < len(lines) {
			n := lines[i+1]
			if n.start >= n.end || n.marker != "" || !continues(text[seg.Start:lines[i].end], text[n.start:n.end], wrapped, (lines[i].end-lines[i].start)*10 < width*6) {
				break
			}
			seg.End = n.end
			seg.Lines++
			i++
		}
		if seg.End-seg.Start > maxSegment {
			segs = append(segs, splitLong(text, seg)...)
		} else {
			segs = append(segs, seg)
		}
		// mark paragraph singletons
		count := len(segs) - paraStart
		for j := paraStart; j < len(segs); j++ {
			segs[j].Alone = count == 1
		}
	}
	return segs
}

// splitLong splits a segment longer than maxSegment into one segment per
// sentence, in the same paragraph.
func splitLong(text string, seg Segment) []Segment {
	sents := Sentences(text, []Segment{seg})
	out := make([]Segment, 0, len(sents))
	for i, s := range sents {
		part := Segment{Start: s.Start, End: s.End, Para: seg.Para, Lines: 1, First: seg.First && i == 0}
		if i == 0 {
			part.Start, part.Marker = seg.Start, seg.Marker
		}
		out = append(out, part)
	}
	return out
}

// abbreviations end in a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "vs": true, "etc": true,
	"e.g": true, "i.e": true, "cf": true, "pp": true, "p": true, "vol": true, "no": true, "nos": true,
	"fig": true, "figs": true, "al": true, "inc": true, "ltd": true, "co": true, "jr": true, "sr": true,
	"u.s": true, "u.k": true, "u.n": true, "e.u": true, "jan": true, "feb": true, "mar": true, "apr": true,
	"jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"approx": true, "ed": true, "eds": true, "rev": true, "gen": true, "gov": true, "sen": true, "rep": true,
	"dept": true, "univ": true, "ch": true, "chap": true, "sec": true, "art": true, "para": true, "ibid": true,
	"op": true, "cit": true, "viz": true, "ca": true, "c": true, "n.d": true, "a.m": true, "p.m": true,
	"est": true, "mt": true, "ft": true, "jan.-feb": true, "u.s.a": true, "ph.d": true, "govt": true,
}

// Sentences splits every segment into sentences. A sentence ends at ., ! or ?
// (with closing quotes and brackets) followed by space, unless the full stop
// belongs to an abbreviation or an initial, or the next word starts in lower
// case. Sentences longer than maxSentence are cut at a space.
func Sentences(text string, segs []Segment) []Sentence {
	var out []Sentence
	emit := func(s, e, seg int) {
		s, e = trimSpan(text, s, e)
		for e-s > maxSentence {
			cut := s + maxSentence
			for cut > s && !utf8.RuneStart(text[cut]) {
				cut--
			}
			if sp := strings.LastIndexAny(text[s:cut], " \n\t"); sp > maxSentence/2 {
				cut = s + sp
			}
			a, b := trimSpan(text, s, cut)
			if a < b {
				out = append(out, Sentence{Start: a, End: b, Seg: seg})
			}
			s, e = trimSpan(text, cut, e)
		}
		if s < e {
			out = append(out, Sentence{Start: s, End: e, Seg: seg})
		}
	}
	for si, sg := range segs {
		start := sg.Start
		for i := sg.Start; i < sg.End; i++ {
			c := text[i]
			if c != '.' && c != '!' && c != '?' {
				if i-start > maxSentence {
					emit(start, i, si)
					start = i
					for start < sg.End && !utf8.RuneStart(text[start]) {
						start++
					}
					i = start
				}
				continue
			}
			j := i + 1
			for j < sg.End {
				r, n := utf8.DecodeRuneInString(text[j:sg.End])
				if r == '.' || r == '!' || r == '?' || r == '"' || r == '\'' || r == '”' || r == '’' || r == ')' || r == ']' || r == '»' {
					j += n
					continue
				}
				break
			}
			if j >= sg.End {
				break
			}
			r, _ := utf8.DecodeRuneInString(text[j:sg.End])
			if !isTrimRune(r) {
				i = j - 1
				continue
			}
			k, _ := trimSpan(text, j, sg.End)
			next, _ := utf8.DecodeRuneInString(text[k:sg.End])
			if c == '.' && !boundaryAfterStop(text[start:i], next) {
				i = j - 1
				continue
			}
			emit(start, j, si)
			start = k
			i = k - 1
		}
		emit(start, sg.End, si)
	}
	return out
}

// boundaryAfterStop decides whether a full stop ending before (the sentence
// so far) ends the sentence, given the first rune of what follows.
func boundaryAfterStop(before string, next rune) bool {
	if unicode.IsLower(next) {
		return false
	}
	w := before
	if i := strings.LastIndexAny(before, " \n\t(\"“‘'"); i >= 0 {
		w = before[i+1:]
	}
	if w == "" {
		return true
	}
	lw := strings.ToLower(w)
	if abbreviations[lw] {
		return false
	}
	// a single letter is an initial ("John D. Smith")
	if r, n := utf8.DecodeRuneInString(w); n == len(w) && unicode.IsUpper(r) {
		return false
	}
	// dotted initialisms ("U.N", "A.B.C")
	if strings.Count(w, ".") >= 1 && len(w) <= 8 {
		allShort := true
		for _, p := range strings.Split(w, ".") {
			if utf8.RuneCountInString(p) > 1 {
				allShort = false
			}
		}
		if allShort {
			return false
		}
	}
	return true
}
