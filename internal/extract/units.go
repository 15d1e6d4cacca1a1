package extract

import (
	"context"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract/actor"
	argstruct "github.com/argmap/argmap/internal/extract/structure"
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
	if r, _ := utf8.DecodeLastRuneInString(ta); unicode.IsLetter(r) && runOnLine(ta) {
		// a line of a sentence's length ending in a word, with no
		// closing stop, before a line in lower case: the sentence goes on ("Planners say yes: a
		// ban makes\nthe centre quieter …"); a heading is shorter
		return true
	}
	w := ta
	if i := strings.LastIndexByte(ta, ' '); i >= 0 {
		w = ta[i+1:]
	}
	return joinWords[strings.ToLower(w)]
}

// minRunOnWords is the fewest words a line without a closing stop needs
// to run on into a next line in lower case when the text is not wrapped
// at a fixed width.
const minRunOnWords = 6

// runOnLine reports whether a line is as long as a sentence
// (minRunOnWords words or more) and not a title: fewer than half of its
// words are capitalised ("Why the Detention Centre Must Close" is a title).
func runOnLine(ta string) bool {
	fs := strings.Fields(ta)
	if len(fs) < minRunOnWords {
		return false
	}
	caps := 0
	for _, f := range fs {
		if r, _ := utf8.DecodeRuneInString(f); unicode.IsUpper(r) {
			caps++
		}
	}
	return caps*2 < len(fs)
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
			// skip to the next stop, or to the first byte past maxSentence
			// from start, which is tested as below (one test a byte where
			// there were four)
			for lim := min(sg.End, start+maxSentence+1); i < lim && !stopByte[text[i]]; i++ {
			}
			if i == sg.End {
				break
			}
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

// stopByte marks the bytes that may end a sentence: . ! ?
var stopByte = [256]bool{'.': true, '!': true, '?': true}

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
	var lb [32]byte
	lw := appendLower(lb[:0], w) // strings.ToLower(w), on the stack for a short word
	if (string(lw) == "no" || string(lw) == "nos") && !unicode.IsDigit(next) && next != '#' {
		// "No." abbreviates a number only before one ("No. 5"); before
		// a word it is the answer "No." ("No. Switching at once …")
		return true
	}
	if abbreviations[string(lw)] {
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

// Section is the kind of document part a segment lies in.
type Section int

// Sections.
const (
	SectionBody         Section = iota // argument: abstract, body, posts
	SectionNotes                       // numbered notes: backing, sources
	SectionBibliography                // references: citations, not claims
	SectionApparatus                   // acknowledgements, funding, author notes
	SectionChrome                      // page furniture: purchase boxes, related items, site menus
)

// The units stage: the text is cut into blocks and sentences, every block
// is placed in its section (body, notes, bibliography, apparatus, page
// chrome) and read for page furniture (headings, captions, record metadata,
// bylines, bibliography entries), the actors the text mentions are found,
// and the speaker of a quoted statement is followed from its heading on.
// Every sentence becomes a unit with its surface (features.go) computed
// once for the stages after.

// findUnits is the units stage.
func (p *Pipeline) findUnits(ctx context.Context, d *state) error {
	d.segs = Segments(d.text)
	d.sents = Sentences(d.text, d.segs)
	if err := cancelled(ctx); err != nil {
		return err
	}
	d.mentions, d.actors = p.actors.Find(d.text)
	d.dominant = p.actors.Dominant(d.mentions)
	if err := cancelled(ctx); err != nil {
		return err
	}
	d.units, d.headline, d.bibSegs = blockUnits(d.text, d.segs, d.sents, d.mentions)
	return nil
}

// statementHeads open a statement made by the actors they name.
var statementHeads = []string{
	"statement by", "statement of", "statement from", "joint statement by", "joint statement of",
	"open letter from", "open letter by", "letter from", "submission by", "submission of", "remarks by",
	"press release by", "declaration by", "declaration of", "testimony of", "testimony by", "position paper by",
	"communique by", "communiqué by",
}

// blockUnits walks the segments in order, keeping track of the section and
// of the speaker of a quoted statement, and makes every sentence a unit. It
// returns the units, the headline block (see state) and the blocks that are
// bibliography.
func blockUnits(text string, segs []Segment, sents []Sentence, ms []actor.Mention) ([]unit, int, map[int]bool) {
	units := make([]unit, 0, len(sents))
	headline := -1
	bibSegs := map[int]bool{}
	sec := SectionBody
	var speakers []string
	si := 0
	var sentSurf []surface
	var sentToks [][]argstruct.Token
	var sentWords []*sentenceWords
	// each sentence's words and structure flags, when read from its tokens
	allWords := make([]sentenceWords, len(sents))
	// the words of every sentence, split once for the surfaces and the
	// structure parser
	allToks, allPadded := argstruct.TokenizeSpans(text, len(sents), func(i int) (int, int) { return sents[i].Start, sents[i].End })
	room := newWordRoom(text)
	for gi, sg := range segs {
		// the block's sentences, and its surface: read once
		sj := si
		for sj < len(sents) && sents[sj].Seg == gi {
			sj++
		}
		sentSurf, sentToks, sentWords = sentSurf[:0], sentToks[:0], sentWords[:0]
		// the sentences' words, each taken from room after the one before
		// unless read again from the text: then the block's words are that
		// run as it stands
		mark, allSame := room.mark(), true
		for k, s := range sents[si:sj] {
			toks := allToks[si+k]
			surf, sfl, same := surfaceOfTokens(text, s.Start, s.End, toks, allPadded[si+k], room)
			var words *sentenceWords
			if same {
				words = &allWords[si+k]
				words.lower, words.sfl = surf.ws, sfl
			}
			allSame = allSame && same
			sentToks, sentWords = append(sentToks, toks), append(sentWords, words)
			sentSurf = append(sentSurf, surf)
		}
		var st surface
		if sj-si == 1 && sents[si].Start == sg.Start && sents[si].End == sg.End {
			st = sentSurf[0]
		} else {
			var run []string
			var runFl []uint16
			if allSame {
				run, runFl, _ = room.since(mark)
			}
			var ok bool
			if st, ok = joinSurface(text, sg.Start, sg.End, sents[si:sj], sentSurf, run, runFl); !ok {
				st = surfaceOf(text[sg.Start:sg.End])
			}
		}
		heading := isHeading(st) || gi == 0 && isTitleLine(st)
		if headline < 0 && gi <= 15 && st.nWords >= 3 && heading && !strongChromeHit(st) && chromeHit(st.p) == "" && !isMetadata(st) {
			headline = gi
		}
		furniture := ""
		switch {
		case heading:
			furniture = "heading"
			if strongChromeHit(st) {
				speakers = nil // a new post or page part: the statement is over
			}
			if ns, ok := sectionOf(st); ok && (ns == SectionBody || st.nWords <= 6) {
				sec = ns
				if ns != SectionBody {
					speakers = nil
				}
			}
			for _, h := range statementHeads {
				if st.firstWords(3, h) {
					speakers = speakers[:0:0]
					for _, m := range mentionsIn(ms, sg.Start, sg.End) {
						if m.Kind == argmap.ActorOrganisation || m.Kind == argmap.ActorPerson || m.Kind == argmap.ActorGroup || m.Kind == "" {
							if !contains(speakers, m.Name) {
								speakers = append(speakers, m.Name)
							}
						}
					}
					break
				}
			}
		case isCaption(text[sg.Start:sg.End], st):
			furniture = "caption"
		case isMetadata(st):
			furniture = "metadata"
		case sg.End-sg.Start < 400 && strongChromeHit(st):
			furniture = "chrome"
			speakers = nil
		case bibScore(text[sg.Start:sg.End]) >= 3:
			furniture = "bibliographic"
			bibSegs[gi] = true
		case st.nWords <= 12 && strings.Contains(text[sg.Start:sg.End], " | "):
			furniture = "byline"
		}
		if sec == SectionBibliography {
			bibSegs[gi] = true
		}
		for k, s := range sents[si:sj] {
			u := unit{Sentence: s, sec: sec, para: sg.Para, furniture: furniture, speakers: speakers, toks: sentToks[k], words: sentWords[k]}
			if furniture == "" {
				u.surf = sentSurf[k]
			}
			units = append(units, u)
		}
		si = sj
	}
	return units, headline, bibSegs
}

// strongChromeHit reports whether s holds a chrome cue strong
// enough to mark a whole short block.
func strongChromeHit(s surface) bool {
	if s.flags&flagStrongChrome == 0 {
		return false
	}
	p := s.p
	for c := range strongChrome {
		if hasPhrase(p, c) {
			return true
		}
	}
	return false
}

// chromeHit returns the first chrome cue found in padded words p, or "".
func chromeHit(p string) string {
	return chromeIndex.find(strings.Fields(p))
}

// leads reports whether a heading starts with one of words, after a section
// number ("4.", "IV.").
func leads(s surface, words ...string) bool {
	ws := s.ws
	if len(ws) > 1 && sectionNumber(ws[0]) {
		ws = ws[1:]
	}
	return len(ws) > 0 && contains(words, ws[0])
}

// sectionNumber reports whether w numbers a section: digits, or a roman
// numeral of up to four letters.
func sectionNumber(w string) bool {
	if w == "" {
		return false
	}
	if strings.Trim(w, "0123456789") == "" {
		return true
	}
	return len(w) <= 4 && strings.Trim(w, "ivxlc") == ""
}

// sectionOf reads a heading and returns the section it opens, and whether it
// names one at all (other headings keep the body going).
func sectionOf(s surface) (Section, bool) {
	if s.nWords == 0 {
		return SectionBody, false
	}
	has := sectionHeads.find(s.ws) // one pass over the words for all the lists below
	switch {
	case has&(1<<headBibliography) != 0:
		return SectionBibliography, true
	case leads(s, "notes", "endnotes", "footnotes", "note"):
		// only when the heading starts with it: "Notes", "4. Endnotes",
		// "Note on sources"; "Briefing note on returns" or "Field notes
		// from Lesbos" is a title, and the document under it is its body
		return SectionNotes, true
	case has&(1<<headApparatus) != 0:
		return SectionApparatus, true
	case has&(1<<headChrome) != 0:
		return SectionChrome, true
	case has&(1<<headBody) != 0:
		return SectionBody, true
	}
	return SectionBody, false
}

// The words of headings that name a section, by kind (sectionOf).
const (
	headBibliography = iota
	headApparatus
	headChrome
	headBody
)

var sectionHeads = newPhraseSets([][]string{
	headBibliography: {"references", "bibliography", "works cited", "literature cited", "further reading", "for reference",
		"sources", "literature", "reference list", "cited works"},
	headApparatus: {"acknowledgements", "acknowledgments", "acknowledgement", "acknowledgment", "funding",
		"about the author", "about the authors", "author information", "conflict of interest", "disclosure",
		"declaration of interest", "author biography", "biographical note", "notes on contributors"},
	headChrome: {"related research", "recommended articles", "people also read", "cited by", "log in",
		"purchase", "share", "metrics", "related articles", "more from", "you may also like", "read next",
		"comments", "leave a reply", "actions", "tags", "categories", "about us", "contact"},
	headBody: {"abstract", "introduction", "conclusion", "conclusions", "summary", "discussion", "background",
		"results", "findings", "statement", "post", "message"},
})

// phraseSets finds which of up to 64 lists of phrases have a phrase among
// a sequence of words, in one pass: the same as asking hasPhrase of the
// padded words for each phrase.
type phraseSets map[string][]setPhrase

type setPhrase struct {
	set   int
	words []string
}

func newPhraseSets(sets [][]string) phraseSets {
	ps := phraseSets{}
	for set, phrases := range sets {
		for _, ph := range phrases {
			ws := strings.Fields(ph)
			ps[ws[0]] = append(ps[ws[0]], setPhrase{set, ws})
		}
	}
	return ps
}

// find returns a bit for each list with a phrase in ws.
func (ps phraseSets) find(ws []string) uint64 {
	var found uint64
	for i, w := range ws {
		for _, ph := range ps[w] {
			if found&(1<<ph.set) == 0 && len(ph.words) <= len(ws)-i && slices.Equal(ws[i:i+len(ph.words)], ph.words) {
				found |= 1 << ph.set
			}
		}
	}
	return found
}

// isHeading reports whether a whole segment reads as a heading, title, byline
// or label: short, no closing punctuation, starting in upper case.
func isHeading(s surface) bool {
	if s.terminal == '.' || s.terminal == '!' || s.nWords == 0 {
		return false
	}
	if s.terminal == '?' {
		return s.nWords <= 12 && s.upper
	}
	if s.terminal == ':' {
		return s.nWords <= 8
	}
	if !s.upper {
		return s.nWords <= 3
	}
	return s.nWords <= 16 && (s.nWords <= 10 || !strings.Contains(s.text, ",") || s.capShare > 0.5)
}

// isTitleLine reports whether a document's first segment reads as its
// title however long: no closing punctuation at all, starting in upper
// case ("Calorie labels on menus and the meals ordered: a study in 34
// restaurants"). A paper's or report's title often runs past isHeading's
// length.
func isTitleLine(s surface) bool {
	return s.terminal == 0 && s.upper && s.nWords >= 3 && s.nWords <= maxTitleWords
}

// maxTitleWords is the longest first segment isTitleLine reads as a title.
const maxTitleWords = 30

// isMetadata reports whether a segment is a "Label: value" line of a record
// page ("ISSN: ...", "Joined: ...", "Item Type: ...") rather than prose.
func isMetadata(s surface) bool {
	i := strings.IndexByte(s.text, ':')
	if i <= 0 || i > 40 {
		return false
	}
	label := surface{}
	label = surfaceOf(s.text[:i])
	if label.nWords == 0 || label.nWords > 4 || !label.upper {
		return false
	}
	value := surfaceOf(s.text[i+1:])
	return s.nWords <= 14 || (value.funcN <= 1 && value.terminal != '.')
}

// isCaption reports whether a segment is a picture caption or credit.
func isCaption(text string, s surface) bool {
	if captionColon(text) {
		low := strings.ToLower(text)
		for _, c := range []string{"photo:", "photograph:", "image:", "picture:", "credit:", "illustration:"} {
			if strings.Contains(low, c) {
				return true
			}
		}
	}
	if s.flags&flagCaption == 0 {
		return false // none of the words below
	}
	p := s.p
	if strings.Contains(p, " photo by ") || strings.Contains(p, " image by ") {
		return true
	}
	return strings.Contains(p, " cover picture ") || strings.Contains(p, " cover image ") ||
		strings.Contains(p, " pictured ")
}

// captionColon reports whether text has a colon after a letter that ends
// one of isCaption's labels ("photo:", "credit:" ...) in either case, or
// after a byte outside ASCII (lowered, which may end in such a letter): the
// cheap test before the text is lowered and searched for the labels.
func captionColon(text string) bool {
	for i := strings.IndexByte(text, ':'); i >= 0; {
		if i > 0 {
			c := text[i-1]
			if c >= utf8.RuneSelf {
				return true
			}
			switch c | 0x20 {
			case 'o', 'h', 'e', 't', 'n':
				return true
			}
		}
		j := strings.IndexByte(text[i+1:], ':')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return false
}

// bibScore scores how much a segment looks like a bibliography entry:
// "Surname, First (2010). Title. Journal 28(6): 977–999."
func bibScore(text string) int {
	score := 0
	head := text
	if len(head) > 80 {
		head = head[:80]
	}
	// "Surname, Given" at the start; without it a line is not an entry
	if i := strings.IndexByte(head, ','); i > 1 && i < 30 {
		w := head[:i]
		next, _ := utf8.DecodeRuneInString(strings.TrimLeft(head[i+1:], " "))
		if (!strings.Contains(w, " ") || strings.Count(w, " ") == 1) && !unicode.IsLower(next) {
			r := []rune(w)
			if len(r) > 1 && r[0] >= 'A' && r[0] <= 'Z' || len(r) > 1 && r[0] > 127 {
				score++
			}
		}
	}
	if score == 0 && workHeader(text) {
		score++
	}
	if score == 0 {
		return 0
	}
	ws := words(text)
	for i, w := range ws {
		if isYear(strings.TrimRight(w, "abcdefg")) && i < 14 {
			score++
			break
		}
	}
	lt := strings.ToLower(text)
	for _, c := range []string{"pp. ", "journal", "university press", " press", "routledge", "(eds", "(ed.", " eds.",
		"(hg.)", " in: ", "vol.", "doi:", "doi.org", "edited by", "studies", "studien", "review of", "quarterly", "berlin:",
		"london:", "new york:", "oxford:", "cambridge:"} {
		if strings.Contains(lt, c) {
			score++
			break
		}
	}
	if score < 3 && publisherRe.MatchString(text) {
		score++ // ". Place: Publisher"
	}
	// page ranges and volume(issue)
	for i := 1; i+1 < len(text); i++ {
		c := text[i]
		if (c == '(' && text[i-1] >= '0' && text[i-1] <= '9' && text[i+1] >= '0' && text[i+1] <= '9') ||
			((c == '-' || strings.HasPrefix(text[i:], "–")) && text[i-1] >= '0' && text[i-1] <= '9' && i+3 < len(text) &&
				(text[i+1] >= '0' && text[i+1] <= '9' || text[i+3] >= '0' && text[i+3] <= '9')) {
			score++
			break
		}
	}
	return score
}

// workHeaderRe matches an entry headed "Given Surname (YEAR) *Title*": the
// line naming a reviewed book or a listed work in prose order, with the
// title marked (italic or quoted) right after the year.
var workHeaderRe = regexp.MustCompile(`^[\p{Lu}][\p{L}'’-]+(?:\s+\p{Lu}\.)?(?:\s+[\p{Lu}][\p{L}'’-]+){1,2}(?:\s+(?:and|&)\s+[\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+){1,2})?\s+\((?:19|20)\d\d[a-z]?\)\s*[*_“"‘]`)

// workHeader reports whether text opens, after emphasis or list markers, with
// "Given Surname (YEAR)" and a marked title. A text without "(19" or "(20"
// cannot match workHeaderRe: it is not run on it (most sentences).
func workHeader(text string) bool {
	return bracketedCentury(text) && workHeaderRe.MatchString(strings.TrimLeft(text, "*_#-•> \t"))
}

// bracketedCentury reports whether text holds "(19" or "(20", which every
// match of workHeaderRe does.
func bracketedCentury(text string) bool {
	for i := strings.IndexByte(text, '('); i >= 0 && i+2 < len(text); {
		if a, b := text[i+1], text[i+2]; a == '1' && b == '9' || a == '2' && b == '0' {
			return true
		}
		j := strings.IndexByte(text[i+1:], '(')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return false
}

// publisherRe matches an imprint after a title: ". Leiden: Brill", ". New
// York: Norton".
var publisherRe = regexp.MustCompile(`[.*_”"]\s+\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?:\s+\p{Lu}`)
