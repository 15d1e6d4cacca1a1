package extract

import (
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	argstruct "github.com/argmap/argmap/internal/extract/structure"
	"github.com/argmap/argmap/internal/extract/swar"
	"github.com/argmap/argmap/internal/extract/wordfilter"
)

// words returns the lower-cased word tokens of s: letters, digits, and inner
// apostrophes, hyphens and full stops (curly apostrophes folded); "%" ends a
// token and is kept.
func words(s string) []string {
	ws, _ := wordsOf(s, false)
	return ws
}

// wordsOf returns the words of s and, when pad is set, padded(words) too,
// cut from the same string: the words are written one after another into
// buf (space-separated when padding) and cut out of one string at the end,
// two allocations a sentence, not one a word.
func wordsOf(s string, pad bool) ([]string, string) {
	// buf and bounds are scratch (the words are cut from a copy of buf):
	// on the stack for a sentence of ordinary length
	var bufArr [384]byte
	var boundsArr [128]int32
	buf, bounds := bufArr[:0], boundsArr[:0] // start, end of each word in buf (documents are < 2 GB)
	if len(s)+2 > len(bufArr) {
		buf = make([]byte, 0, len(s)+2)
	}
	if n := len(s)/3 + 2; n > len(boundsArr) {
		bounds = make([]int32, 0, n)
	}
	if pad {
		buf = append(buf, ' ')
	}
	start := len(buf)
	flush := func() {
		end := len(buf)
		for end > start && (buf[end-1] == '\'' || buf[end-1] == '-' || buf[end-1] == '.') {
			end--
		}
		buf = buf[:end]
		if end > start {
			bounds = append(bounds, int32(start), int32(end))
			if pad {
				buf = append(buf, ' ')
			}
		}
		start = len(buf)
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
				buf = append(buf, c)
			case c >= 'A' && c <= 'Z':
				buf = append(buf, c+'a'-'A')
			case c == '\'' || c == '-' || c == '.':
				if len(buf) > start {
					buf = append(buf, c)
				}
			case c == '%':
				if len(buf) > start {
					buf = append(buf, c)
					flush()
				}
			default:
				flush()
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		case r == '’' || r == '‘':
			if len(buf) > start {
				buf = append(buf, '\'')
			}
		default:
			flush()
		}
	}
	flush()
	if pad && len(bounds) == 0 {
		buf = append(buf, ' ') // padded(nil) is two spaces
	}
	all := string(buf)
	out := make([]string, len(bounds)/2)
	for k := range out {
		out[k] = all[bounds[2*k]:bounds[2*k+1]]
	}
	if !pad {
		all = ""
	}
	return out, all
}

// padded joins words with single spaces and pads both ends, so a phrase cue
// " we argue " matches on word boundaries.
func padded(ws []string) string {
	n := 2 + len(ws) // the spaces
	for _, w := range ws {
		n += len(w)
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteByte(' ')
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	b.WriteByte(' ')
	return b.String() // one allocation, where the joins made two
}

// cueSet is a named list of phrases; a phrase matches on word boundaries.
type cueSet struct {
	name    string
	weight  float64
	phrases []string
}

// cueLabel returns the cue a verdict records for the phrase m of the set
// named name found in a sentence, "name:m": from labels, the set's labels
// made once at start-up, rather than made again for each sentence.
func cueLabel(labels map[string]string, name, m string) string {
	if l, ok := labels[m]; ok {
		return l
	}
	return name + ":" + m
}

// labelsOf returns, for each set, its phrases' labels ("name:phrase").
func labelsOf(sets []cueSet) []map[string]string {
	out := make([]map[string]string, len(sets))
	for i, cs := range sets {
		out[i] = make(map[string]string, len(cs.phrases))
		for _, ph := range cs.phrases {
			out[i][ph] = cs.name + ":" + ph
		}
	}
	return out
}

// The cue sets are general word classes (reporting verbs, evaluative
// adjectives, modals, hedges, contrast and conclusion connectives, deontic
// nouns, page-furniture phrases), never phrases of a document someone read:
// those were removed (2026-11, issue 8: "paints", "facilitating abuses",
// "long-suspected", "image_pdfimage_print", "who benefits" and 44 more). A
// few members first met in the IOM documents stay because their class is
// general and the dev figures need them: "dodgy", "fishy" (informal
// evaluation), "voicemail" (personal communication, beside "interview" and
// "correspondence with"), "my clients" (first-hand professional
// experience), "what is certain" (epistemic stance).

// The roles stage's weights besides the cue sets' (classify): what a
// feature adds to a sentence's claim or evidence score, the score that
// counts as a signal, and how a score becomes the verdict's confidence
// (base + perPoint × score, clamped to 0.05..0.95). Set by hand, not fitted.
const (
	wRhetorical   = 2.0 // a question that asserts ("isn't this ...?")
	wReportThat   = 1.5 // added to the report set's weight when "that" follows the verb
	wCitedFinding = 3.0 // "Name (2011) showed ..."
	wExample      = 2.0 // "for example", "e.g." or "see" at the start
	wPointer      = 2.0 // "there is a report ..."
	wStatistic    = 1.5 // a number with a quantity word
	wDatedEvent   = 1.5 // a year or month with an event verb
	wNarrative    = 1.5 // past-tense narrative with a time phrase
	signal        = 1.5 // a claim or evidence score this high is a signal
	claimBase     = 0.45
	evidenceBase  = 0.5
	perPoint      = 0.1
)

// Claim cues: what makes a sentence a proposition someone could dispute.
var claimCues = []cueSet{
	{"finding", 2, []string{
		"we find", "we found", "we argue", "we contend", "we show", "we demonstrate", "we suggest", "we conclude",
		"we hypothesize", "we hypothesise", "we propose", "we claim", "we maintain", "i argue", "i contend",
		"i suggest", "i show", "argues that", "argue that", "shows that", "show that", "finds that", "found that",
		"concludes that", "suggests that", "suggest that", "demonstrates that", "reveals", "reveal", "illustrates",
		"illustrate", "indicates that", "confirms that", "finds", "concludes", "contends", "calls for",
		"it is clear", "what is certain", "is responsible for", "means that", "it means", "this means",
		"which means", "it follows that", "this shows", "this suggests", "is evidence that",
	}},
	{"recommendation", 2, []string{
		"should", "must", "ought to", "need to", "needs to", "we urge", "urge", "recommend", "recommends",
		"we recommend", "call on", "calls on", "cannot", "can not", "have to", "has to", "required to",
		"it is essential", "it is necessary", "is needed", "are needed", "there is a need",
	}},
	{"evaluation", 1.5, []string{
		"useful", "important", "importance", "critical", "crucial", "troubling", "problematic", "dodgy", "fishy",
		"brilliant", "interesting", "surprising", "significant", "remarkable", "remarkably", "deplorable",
		"untenable", "fragile", "effective", "ineffective", "legitimate", "illegitimate", "unlawful", "arbitrary",
		"inhumane", "brutal", "dominant", "instrumental", "essential", "inadequate", "insufficient", "flawed",
		"misleading", "unfair", "desirable", "undesirable", "attractive", "convenient", "neglected", "puzzling",
		"dramatically", "successfully", "controversial", "questionable", "dubious", "wrong", "worst", "best",
		"better", "worse", "powerful", "prominent", "vast", "complex", "grave", "abusive", "harmful", "far from",
		"not only", "fails", "true", "false", "likely", "unlikely", "fine", "good", "bad", "great",
	}},
	{"criticism", 1.5, []string{
		"critical of", "concerned", "concern", "concerns", "criticism", "criticise", "criticize", "criticised",
		"criticized", "fail to", "fails to", "failed to", "violate", "violates", "violated", "harm", "harming",
		"harms", "abuse", "abuses", "obstruct", "obstructing", "undermine", "undermines", "threaten", "threatens",
		"risk", "risks", "exclude", "excludes", "disregarded", "disregard", "neglect", "challenged", "challenges",
		"questioned", "contested", "disputed", "oppose", "opposes", "against", "denounce", "denounced", "condemn",
		"condemned",
	}},
	{"position", 1.5, []string{
		"i think", "i believe", "in my view", "in our view", "we believe", "we trust", "we recognize",
		"we recognise", "mindful", "suspect", "suspected", "we hold", "i suspect", "we are convinced",
		"we consider", "it seems", "seems to", "appears to", "we disagree", "i disagree", "we agree", "i agree",
		"we reject", "i reject", "i contest", "we contest", "i doubt", "we doubt", "i am convinced", "i'm convinced",
		"i am sure", "i'm sure", "we are sure",
	}},
	{"hedge", 1, []string{
		"may", "might", "could", "perhaps", "presumably", "arguably", "possibly", "probably", "tend to", "tends to",
		"seem to",
	}},
	{"contrast", 0.5, []string{
		"however", "but", "yet", "although", "though", "despite", "in contrast", "nevertheless", "whereas",
		"instead", "rather than", "even with", "even though",
	}},
	{"generalisation", 0.5, []string{
		"thus", "therefore", "hence", "often", "always", "never", "generally", "largely", "mainly", "primarily",
		"above all", "first and foremost", "increasingly", "in the long run", "in this way", "in this sense",
	}},
	{"normative", 0.5, []string{
		"obligations", "obligation", "responsibilities", "responsibility", "rights", "accountable",
		"accountability",
	}},
}

// Evidence cues: backing rather than a disputable proposition.
var evidenceCues = []cueSet{
	{"report", 1.5, []string{
		"mentions", "mentioned", "reports", "reported", "says", "said", "states that", "stated", "told",
		"notes that", "noted that", "writes", "wrote", "cite", "cites", "cited", "quoted", "quotes", "announced",
		"according to", "recounts", "recounted", "documented", "described", "testified", "warned", "alleged",
	}},
	{"example", 2, nil}, // sentence-initial "for example", set in code
	{"method", 2, []string{
		"consisted of", "interviews", "interview", "fieldwork", "field work", "archival", "surveyed", "voicemail",
		"questionnaire", "questionnaires", "ethnographic", "participant observation", "we interviewed",
		"data were collected", "data was collected", "visits to", "focus groups", "personal communication",
		"field notes", "fieldnotes", "correspondence with", "my clients", "in my experience", "i worked",
		"i have worked", "i saw", "i have seen", "we saw", "i visited", "we visited", "i met", "we met",
		"i was there", "we observed", "i observed",
	}},
	{"citation", 2, []string{
		"please see", "also see", "see also", "see e.g", "for a discussion", "for an overview",
	}},
	{"factive", 3, []string{
		"the fact that", "we note", "we are aware", "it is known", "it is well known",
	}},
}

// quantity words mark statistics.
var quantityWords = map[string]bool{
	"percent": true, "per": true, "%": true, "million": true, "millions": true, "billion": true,
	"billions": true, "thousand": true, "thousands": true, "hundreds": true, "euros": true, "euro": true,
	"dollars": true, "usd": true, "eur": true, "half": true, "one-third": true, "two-thirds": true,
	"one-quarter": true, "majority": true, "minority": true,
}

// eventVerbs are past-tense verbs of datable events.
var eventVerbs = map[string]bool{
	"founded": true, "established": true, "joined": true, "opened": true, "received": true, "began": true,
	"started": true, "signed": true, "adopted": true, "held": true, "launched": true, "created": true,
	"renamed": true, "became": true, "cut": true, "protested": true, "demonstrated": true, "took": true,
	"was": true, "were": true, "grew": true, "set": true, "closed": true, "elected": true, "appointed": true,
	"passed": true, "introduced": true, "merged": true, "moved": true, "released": true,
	"published": true, "killed": true, "died": true, "arrived": true, "returned": true,
	"funded": true, "allocated": true, "spent": true, "paid": true,
}

var monthNames = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
}

func isYear(w string) bool {
	w = strings.TrimSuffix(w, "s")
	if len(w) != 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w >= "1800" && w <= "2099"
}

func hasDigit(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= '0' && w[i] <= '9' {
			return true
		}
	}
	return false
}

// features of one sentence's surface.
type surface struct {
	flags    uint16   // the union of its words' flags
	wflags   []uint16 // the flags of each word
	cues     []string // for every cue set, its first phrase found, or "" (not set by joinSurface)
	text     string
	ws       []string
	p        string // padded words
	nWords   int
	upper    bool // starts with an upper-case letter or digit
	lower    bool // starts with a lower-case letter
	terminal byte // '.', '!', '?', ':' or 0
	capShare float64
	caps     int // words that open with an upper-case letter (white space delimited)
	alpha    int // words that open with a letter
	funcN    int // function words
}

var functionWords = map[string]bool{
	"the": true, "of": true, "to": true, "is": true, "are": true, "was": true, "were": true, "and": true,
	"in": true, "that": true, "a": true, "an": true, "for": true, "be": true, "by": true, "with": true,
	"on": true, "as": true, "it": true, "this": true, "have": true, "has": true, "can": true, "not": true,
	"its": true, "their": true, "they": true, "we": true, "i": true, "from": true, "which": true,
	"who": true, "or": true, "but": true, "at": true, "been": true, "will": true, "would": true,
	"should": true, "there": true, "these": true, "those": true, "how": true, "what": true,
}

func surfaceOf(text string) surface {
	ws, p := wordsOf(text, true)
	return surfaceWith(text, ws, make([]uint16, len(ws)), nil, p)
}

// wordRoom hands out the words and word flags of a document's sentence
// surfaces from a few large arrays, instead of two allocations a sentence.
// Each slice is capped at its length: an append to one copies it rather
// than running into the next.
type wordRoom struct {
	ws    []string
	fl    []uint16
	sfl   []uint16 // the structure parser's flags of the words
	chunk int      // the room a new array makes
	gen   int      // counts the arrays made: what since tells apart
}

// newWordRoom returns a room for the sentences of text.
func newWordRoom(text string) *wordRoom {
	r := &wordRoom{chunk: len(text)/6 + 64}
	r.ws = make([]string, 0, r.chunk)
	r.fl, r.sfl = flagRoom(r.chunk)
	return r
}

// flagRoom returns room for n words' flags and structure flags, cut from
// one array.
func flagRoom(n int) (fl, sfl []uint16) {
	b := make([]uint16, 2*n)
	return b[:0:n], b[n : n : 2*n]
}

// take returns room for n words, their flags and their structure flags
// (all 0).
func (r *wordRoom) take(n int) ([]string, []uint16, []uint16) {
	if cap(r.ws)-len(r.ws) < n {
		r.ws = make([]string, 0, max(n, r.chunk))
		r.fl, r.sfl = flagRoom(max(n, r.chunk))
		r.gen++
	}
	a := len(r.ws)
	r.ws, r.fl, r.sfl = r.ws[:a+n], r.fl[:a+n], r.sfl[:a+n]
	return r.ws[a : a+n : a+n], r.fl[a : a+n : a+n], r.sfl[a : a+n : a+n]
}

// roomMark is where a wordRoom stood: its array and the room taken of it.
type roomMark struct{ gen, at int }

// mark returns where r stands now.
func (r *wordRoom) mark() roomMark { return roomMark{r.gen, len(r.ws)} }

// since returns the words and flags taken from r after m, one run (capped
// at its length), when r has made no new array since; else ok is false.
func (r *wordRoom) since(m roomMark) (ws []string, fl []uint16, ok bool) {
	if r.gen != m.gen {
		return nil, nil, false
	}
	n := len(r.ws)
	return r.ws[m.at:n:n], r.fl[m.at:n:n], true
}

// surfaceOfTokens is surfaceOf(text[start:end]) for a span the structure
// parser has split already (argstruct.TokenizeSpans: toks, and p, its
// padded words): the words are read from them, not from the text again,
// and ok is true. The two splitters take the same word runes and lower them
// alike, but wordsOf runs a word on across any stretch of apostrophes,
// hyphens and full stops (curly quotes among them) where Tokenize joins
// across one mark before a word rune only, and wordsOf keeps a '%' after a
// word ("50%"). A span where that may matter (marksJoin), rare, is read
// again by wordsOf, and ok is false.
// The words and their flags take room from r. When ok, sfl holds the
// structure parser's flags of the words (argstruct.Sentence.Flags), from
// the same look-ups.
func surfaceOfTokens(text string, start, end int, toks []argstruct.Token, p string, r *wordRoom) (s surface, sfl []uint16, ok bool) {
	if marksJoin(text, end, toks) {
		return surfaceOf(text[start:end]), nil, false
	}
	ws, fl, sfl := r.take(len(toks))
	for k, t := range toks {
		ws[k] = t.Word
	}
	return surfaceWith(text[start:end], ws, fl, sfl, p), sfl, true
}

// marksJoin reports whether wordsOf would keep marks in a word of the span
// of text that ends at end and whose words are toks: whether a gap between
// two of them is all apostrophes, hyphens, full stops and curly quotes
// (wordsOf runs the word on across it), or a gap opens with such marks, or
// none, and a '%' (wordsOf keeps them and the '%'). Anywhere else wordsOf's
// words are the tokens' words: both drop the marks at a word's end.
func marksJoin(text string, end int, toks []argstruct.Token) bool {
	for k, t := range toks {
		ge := end // the gap's end
		if k+1 < len(toks) {
			ge = toks[k+1].Start
		}
		i := t.End
		for i < ge {
			if c := text[i]; c == '\'' || c == '-' || c == '.' {
				i++
			} else if strings.HasPrefix(text[i:ge], "’") || strings.HasPrefix(text[i:ge], "‘") {
				i += len("’")
			} else {
				break
			}
		}
		if i < ge && text[i] == '%' || i == ge && k+1 < len(toks) {
			return true
		}
	}
	return false
}

// surfaceWith returns the surface of text, whose words are ws and padded
// words p; wflags, as long as ws and all 0, takes the words' flags, and
// sfl, nil or as long as ws and all 0, their structure flags.
func surfaceWith(text string, ws []string, wflags []uint16, sfl []uint16, p string) surface {
	s := surface{text: text, ws: ws, p: p, nWords: len(ws), wflags: wflags}
	s.shape()
	// one look-up a word: its flags, and the cue phrases it opens
	for i, w := range ws {
		if !vocabF.May(w) {
			continue
		}
		e, ok := vocab[w]
		if !ok {
			continue
		}
		if sfl != nil {
			sfl[i] = e.sflags
		}
		s.wflags[i] = e.flags
		s.flags |= e.flags
		if e.flags&flagFunction != 0 {
			s.funcN++
		}
		for _, c := range e.cues {
			if s.cues != nil && s.cues[c.set] != "" || i+len(c.phrase) > len(ws) {
				continue
			}
			ok := true
			for k := 1; k < len(c.phrase); k++ {
				if ws[i+k] != c.phrase[k] {
					ok = false
					break
				}
			}
			if ok {
				if s.cues == nil {
					s.cues = make([]string, nSets) // only for a sentence with a cue found
				}
				s.cues[c.set] = c.text
			}
		}
	}
	if s.cues == nil {
		s.cues = noCues
	}
	return s
}

// shape sets what s tells of its text's shape: the case of its first
// letter, its closing punctuation, the share of its words that are
// capitalised.
func (s *surface) shape() {
	s.ends()
	text := s.text
	s.caps, s.alpha = 0, 0
	// eight ASCII bytes at a time: the bytes that open a word (no space
	// after a space: ' ', '\n', '\t' or '\r'), among them the letters and
	// the capitals, counted at once
	i := 0
	prev := uint64(0x80) // the byte before was a space, as swar marks it
	for ; i+8 <= len(text); i += 8 {
		x := swar.Load(text, i)
		if x&swar.Hi != 0 {
			break
		}
		sp := swar.Eq(x, ' ') | swar.Eq(x, '\n') | swar.Eq(x, '\t') | swar.Eq(x, '\r')
		opens := ^sp & (sp<<8 | prev) & swar.Hi
		s.alpha += bits.OnesCount64(opens & swar.In(x|0x2020202020202020, 'a', 'z'))
		s.caps += bits.OnesCount64(opens & swar.In(x, 'A', 'Z'))
		prev = sp >> 56
	}
	start := prev != 0
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			// ASCII: a letter is A-Z or a-z, upper case A-Z
			i++
			if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
				start = true
				continue
			}
			if start && 'a' <= c|0x20 && c|0x20 <= 'z' {
				s.alpha++
				if c <= 'Z' {
					s.caps++
				}
			}
			start = false
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		if start && unicode.IsLetter(r) {
			s.alpha++
			if unicode.IsUpper(r) {
				s.caps++
			}
		}
		start = false
	}
	s.setCapShare()
}

// ends sets what the ends of s's text tell: the case of its first letter
// and its closing punctuation.
func (s *surface) ends() {
	text := s.text
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(text, "\"'“‘(["))
	s.upper = unicode.IsUpper(r) || unicode.IsDigit(r)
	s.lower = unicode.IsLower(r)
	t := strings.TrimRight(text, "\"'”’)] ")
	if t != "" {
		switch c := t[len(t)-1]; c {
		case '.', '!', '?', ':':
			s.terminal = c
		}
		if strings.HasSuffix(t, "…") {
			s.terminal = '.'
		}
	}
}

// setCapShare sets the share of capitalised words from the counts.
func (s *surface) setCapShare() {
	if s.alpha > 0 {
		s.capShare = float64(s.caps) / float64(s.alpha)
	}
}

// joinSurface returns the surface of text[start:end] given the surfaces of
// its parts, consecutive spans of it separated by white space only (as a
// block's sentences are): the same as surfaceOf(text[start:end]), without
// reading its words again. ok is false when the parts do not tile the
// span so. When the caller has the parts' words and flags side by side in
// one run (run, runFl: a wordRoom's since), the surface takes that run
// instead of a copy; nil: copied.
func joinSurface(text string, start, end int, parts []Sentence, surfs []surface, run []string, runFl []uint16) (surface, bool) {
	if len(parts) == 0 || parts[0].Start != start || parts[len(parts)-1].End != end {
		return surface{}, false
	}
	n := 0
	for k, sp := range parts {
		if k > 0 {
			gap := text[parts[k-1].End:sp.Start]
			if gap == "" {
				return surface{}, false
			}
			for i := 0; i < len(gap); i++ {
				if c := gap[i]; c != ' ' && c != '\n' && c != '\t' && c != '\r' {
					return surface{}, false
				}
			}
		}
		n += len(surfs[k].ws)
	}
	var ws []string
	s := surface{text: text[start:end]}
	if run != nil && len(run) == n && len(runFl) == n {
		ws, s.wflags = run, runFl
	} else {
		ws, s.wflags = make([]string, 0, n), make([]uint16, 0, n)
		for k := range parts {
			ws = append(ws, surfs[k].ws...)
			s.wflags = append(s.wflags, surfs[k].wflags...)
		}
	}
	for k := range parts {
		s.caps += surfs[k].caps // the gaps are white space: words do not run across them
		s.alpha += surfs[k].alpha
		s.funcN += surfs[k].funcN
		s.flags |= surfs[k].flags
	}
	s.ws, s.p, s.nWords = ws, padded(ws), len(ws)
	s.ends()
	s.setCapShare()
	return s, true
}

// hasWords reports whether the words ws follow each other in s: what
// hasPhrase finds of them joined by spaces in the padded words, without
// scanning the text.
func (s surface) hasWords(ws ...string) bool {
	for i := 0; i+len(ws) <= len(s.ws); i++ {
		if s.ws[i] == ws[0] && slices.Equal(s.ws[i:i+len(ws)], ws) {
			return true
		}
	}
	return false
}

// firstWords reports whether phrase occurs among the first n words.
func (s surface) firstWords(n int, phrase string) bool {
	ws := s.ws
	if len(ws) > n {
		ws = ws[:n]
	}
	if strings.TrimSpace(phrase) == "" {
		return true
	}
	for i := range ws {
		if phraseAt(ws[i:], phrase) {
			return true
		}
	}
	return false
}

// phraseAt reports whether ws opens with the words of phrase (separated by
// spaces).
func phraseAt(ws []string, phrase string) bool {
	k := 0
	for phrase != "" {
		w := phrase
		if j := strings.IndexByte(phrase, ' '); j >= 0 {
			w, phrase = phrase[:j], phrase[j+1:]
		} else {
			phrase = ""
		}
		if w == "" {
			continue
		}
		if k >= len(ws) || ws[k] != w {
			return false
		}
		k++
	}
	return true
}

// hasPhrase reports whether padded words p contain phrase on word
// boundaries, without building a padded copy of the phrase.
func hasPhrase(p, phrase string) bool {
	for i := 0; ; {
		j := strings.Index(p[i:], phrase)
		if j < 0 {
			return false
		}
		a, b := i+j, i+j+len(phrase)
		if a > 0 && p[a-1] == ' ' && b < len(p) && p[b] == ' ' {
			return true
		}
		i = a + 1
	}
}

// phraseIndex finds phrases in a word sequence by their first word, so a
// sentence is scanned once however many phrases there are.
type phraseIndex map[string][][]string

func newPhraseIndex(phrases []string) phraseIndex {
	ix := phraseIndex{}
	for _, ph := range phrases {
		ws := strings.Fields(ph)
		if len(ws) > 0 {
			ix[ws[0]] = append(ix[ws[0]], ws)
		}
	}
	return ix
}

// find returns the first phrase (in sentence order) occurring in ws, or "".
func (ix phraseIndex) find(ws []string) string {
	for i, w := range ws {
		for _, ph := range ix[w] {
			if i+len(ph) > len(ws) {
				continue
			}
			ok := true
			for k := 1; k < len(ph); k++ {
				if ws[i+k] != ph[k] {
					ok = false
					break
				}
			}
			if ok {
				return strings.Join(ph, " ")
			}
		}
	}
	return ""
}

// chromeIndex finds chrome cues in a heading.
var chromeIndex = newPhraseIndex(chromeCues)

// Word flags, looked up once per word.
const (
	flagFunction     uint16 = 1 << iota
	flagEvent               // a past-tense verb of datable events
	flagQuantity            // a word of quantity
	flagMonth               // a month's name
	flagRelativeTime        // a word of the relative time phrases
	flagStrongChrome        // the first word of a strong chrome cue
	flagCaption             // a word of the caption phrases ("photo by")
	flagSelf                // a determiner a text names itself with ("this paper")
	flagSection             // the first word of a section heading's phrase
)

// lexEntry is one cue phrase of one cue set.
type lexEntry struct {
	set    int
	text   string
	phrase []string
}

// vocabEntry is what the vocabulary knows of a word: its flags and the cue
// phrases it opens.
type vocabEntry struct {
	flags  uint16
	cues   []lexEntry
	sflags uint16 // the structure parser's flags of the word (argstruct.WordFlags)
}

// The vocabulary indexes every cue phrase of every set by its first word,
// with the word's flags, so a sentence's features take one map look-up a
// word. It holds the structure parser's flags of its words too, and an
// entry for every word the parser flags: that look-up serves the parser as
// well (argstruct.Sentence.Flags). It is built once, at start-up, and only
// read after.
var (
	vocab        = map[string]vocabEntry{}
	vocabF       *wordfilter.Filter // rules out most words outside vocab; made at the end of init
	nSets        int
	noCues       []string // nSets empty strings
	setEvidence  int      // first evidence set; claim sets come before it
	setChrome    int
	setCourtesy  int
	setPosition  int // the claim set of stances ("we disagree")
	setRecommend int // the claim set of what ought to be done ("should")

	claimLabels, evidenceLabels []map[string]string // labelsOf the claim and evidence sets
)

// wordFlags returns the flags of a word.
func wordFlags(w string) uint16 {
	if !vocabF.May(w) {
		return 0
	}
	return vocab[w].flags
}

func init() {
	flag := func(ws map[string]bool, f uint16) {
		for w := range ws {
			e := vocab[w]
			e.flags |= f
			vocab[w] = e
		}
	}
	flag(functionWords, flagFunction)
	flag(eventVerbs, flagEvent)
	flag(quantityWords, flagQuantity)
	flag(monthNames, flagMonth)
	for _, ph := range relativeTimes {
		// the phrase's longest word (the later one of equals): the rarest
		key := ""
		for _, w := range strings.Fields(ph) {
			if len(w) >= len(key) {
				key = w
			}
		}
		flag(map[string]bool{key: true}, flagRelativeTime)
	}
	flag(map[string]bool{"photo": true, "image": true, "cover": true, "pictured": true}, flagCaption)
	flag(selfDeterminers, flagSelf)

	for ph := range strongChrome {
		flag(map[string]bool{strings.Fields(ph)[0]: true}, flagStrongChrome)
	}
	add := func(phrases []string) int {
		set := nSets
		nSets++
		for _, ph := range phrases {
			ws := strings.Fields(ph)
			if len(ws) > 0 {
				e := vocab[ws[0]]
				e.cues = append(e.cues, lexEntry{set: set, text: ph, phrase: ws})
				vocab[ws[0]] = e
			}
		}
		return set
	}
	for _, cs := range claimCues {
		if cs.name == "position" {
			setPosition = nSets
		}
		if cs.name == "recommendation" {
			setRecommend = nSets
		}
		add(cs.phrases)
	}
	setEvidence = nSets
	for _, cs := range evidenceCues {
		add(cs.phrases)
	}
	claimLabels, evidenceLabels = labelsOf(claimCues), labelsOf(evidenceCues)
	setChrome = add(chromeCues)
	setCourtesy = add(courtesyCues)
	noCues = make([]string, nSets)
	for _, w := range argstruct.FlaggedWords() {
		e := vocab[w]
		e.sflags = argstruct.WordFlags(w)
		vocab[w] = e
	}
	vocabF = wordfilter.New(wordfilter.Keys(vocab))
}

// holdsView returns the verb with which the sentence in ws opens by the
// writer stating a view in the first person, or "": how sure the writer is
// (certainty: "I'm not sure …"), or "I" (or "I'd", "I would", "we"), at
// most two adverbs ("honestly", "really"), and a verb of
// believing or saying one's view (viewVerbs: "I reckon most …", "I'd bet
// that …", "We honestly suspect …") that does not go on with "to" (an
// intention: "I expect to finish"). The position phrases catch the
// commonest of these ("I think"); this catches the rest of the class.
func holdsView(ws []string) string {
	if a := certainty(ws); a != "" {
		return a
	}
	k := 0
	switch {
	case len(ws) > 1 && (ws[0] == "i" || ws[0] == "we") && (ws[1] == "would" || ws[1] == "do"):
		k = 2
	case len(ws) > 0 && (ws[0] == "i" || ws[0] == "we" || ws[0] == "i'd" || ws[0] == "we'd"):
		k = 1
	default:
		return ""
	}
	for n := 0; n < 2 && k < len(ws) && strings.HasSuffix(ws[k], "ly") && len(ws[k]) > 4; n++ {
		k++ // "honestly", "really", "strongly"
	}
	if k < len(ws) && seeVerbs[ws[k]] && (contains(ws[k+1:], "differently") || contains(ws[k+1:], "otherwise")) {
		return ws[k] // "I see it differently.", "We think otherwise."
	}
	if k+1 >= len(ws) || !viewVerbs[ws[k]] || ws[k+1] == "to" {
		return ""
	}
	return ws[k]
}

// seeVerbs say how one sees a matter: with "differently" or "otherwise"
// the writer takes the other side ("I see it differently.").
var seeVerbs = map[string]bool{"see": true, "think": true, "feel": true, "view": true, "read": true}

// certainty returns the adjective with which ws opens by the writer
// saying how sure they are of a view, or "": "I'm (not) sure …", "We are
// not convinced …", "I am certain that …". Said of a view, doubt is a
// stance as much as belief is.
func certainty(ws []string) string {
	k := 0
	switch {
	case len(ws) > 0 && (ws[0] == "i'm" || ws[0] == "we're"):
		k = 1
	case len(ws) > 1 && (ws[0] == "i" && ws[1] == "am" || ws[0] == "we" && ws[1] == "are"):
		k = 2
	default:
		return ""
	}
	if k < len(ws) && ws[k] == "not" {
		k++
	}
	if k+1 < len(ws) && certainWords[ws[k]] {
		return ws[k]
	}
	return ""
}

// certainWords say how sure one is of a view.
var certainWords = wordSet(`sure certain convinced confident persuaded`)

// viewVerbs are verbs of believing, guessing and saying what one holds,
// which take the view as their clause ("I reckon that …").
var viewVerbs = wordSet(`think believe reckon suspect guess bet wager suppose imagine doubt fear predict say
	argue maintain contend insist expect`)

// chromeCues are phrases of page furniture common to publisher pages,
// repositories, forums and blogs: never part of an argument.
var chromeCues = []string{
	"cookie", "cookies", "log in", "login", "sign in", "sign up", "subscribe", "add to cart", "download",
	"downloaded", "pdf", "kindle", "e-mail", "email", "wi-fi", "share this", "skip to content", "back to top",
	"scroll to top", "reply with quote", "post subject", "view user's profile", "private message",
	"private messages", "memberlist", "usergroups", "forum index", "powered by", "copyright", "all rights reserved",
	"terms of use", "privacy policy", "disclaimer", "recommend this", "librarian", "altmetric", "altmetrics",
	"crossref", "citations to date", "issn", "isbn", "item id", "item type", "date deposited", "last modified",
	"depositing user", "google scholar", "full text", "version of record", "related research", "people also read",
	"recommended articles", "cited by", "in this forum", "jump to", "display posts", "all times are",
	"post new topic", "reply to topic", "next topic", "previous topic", "online access", "find out more",
	"your account", "usage policies", "your device", "reproduced freely", "may be reproduced", "licensing",
	"licensors", "click here", "read more", "newsletter", "follow us", "your browser", "javascript",
	"open in a new tab", "view all", "show more", "table of contents", "advertisement", "sponsored",
	"leave a comment", "cite this", "how to cite", "published online", "first published",
	"accepted for publication", "originally posted by", "last edited by", "for more information", "please contact",
	"media contact", "press contact", "media enquiries", "press enquiries", "subscribe to", "sign up for",
	"donate now", "share on", "rss", "sitemap", "contact us", "about us", "faq", "home page", "homepage", "cart",
	"checkout", "article pdf",
}

// strongChrome are chrome cues strong enough to mark a whole short segment.
var strongChrome = map[string]bool{
	"cookie": true, "cookies": true, "log in": true, "login": true, "back to top": true, "reply with quote": true,
	"post subject": true, "skip to content": true, "powered by": true, "add to cart": true,
	"kindle": true, "view user's profile": true, "private message": true, "scroll to top": true,
	"in this forum": true, "post new topic": true, "copyright": true, "all rights reserved": true,
}

// webNouns are what a page asks its reader to manage.
var webNouns = []string{"account", "device", "devices", "browser", "settings", "email", "e-mail", "cart", "password",
	"username", "profile", "subscription", "inbox", "librarian", "basket", "wishlist"}

// replyMention reports whether the only "@" of text opens it as a forum
// reply's address to a poster ("@ana fair enough, but …") before a sentence
// of its own (four words or more after the name): the reply, not a handle
// or an e-mail address left on the page.
func replyMention(text string, ws []string) bool {
	t := strings.TrimSpace(text)
	return strings.HasPrefix(t, "@") && strings.Count(t, "@") == 1 && len(ws) >= 5
}

// chromeText reports page furniture visible only in the raw text: e-mail and
// handle addresses, reader-directed device talk ("your account").
func chromeText(text, p string, ws []string) string {
	// each word is looked for only where a byte of it that few words hold
	// is in p ("kindle" and "cookie" hold a k): most sentences have none
	if k := strings.IndexByte(p, 'k') >= 0; k && strings.Contains(p, "kindle") {
		return "kindle"
	} else if k && strings.Contains(p, "cookie") {
		return "cookie"
	}
	if strings.IndexByte(p, '-') >= 0 && strings.Contains(p, "wi-fi") {
		return "wi-fi"
	}
	if strings.IndexByte(p, 'j') >= 0 && strings.Contains(p, "javascript") {
		return "javascript"
	}
	if strings.IndexByte(text, '@') >= 0 && !replyMention(text, ws) {
		return "@"
	}
	if strings.Contains(text, "©") {
		return "©"
	}
	your := false
	for _, w := range ws {
		if w == "your" || w == "you" {
			your = true
			break
		}
	}
	if your {
		for _, w := range ws {
			for _, n := range webNouns {
				if w == n {
					return "your " + n
				}
			}
		}
	}
	return ""
}

// The word classes the roles stage reads (roles.go), besides the cue sets
// above.

// courtesyCues are the ritual phrases of acknowledgements and formal
// statements: thanks, welcomes, readiness to engage.
var courtesyCues = []string{
	"we thank", "thank you", "thanks to", "i thank", "grateful", "gratitude", "welcome the opportunity",
	"welcomes the opportunity", "stand ready", "stands ready", "look forward", "looks forward", "pleased to",
	"honoured to", "honored to", "supported by a", "was supported by", "funded by a", "we acknowledge",
	"i acknowledge", "is acknowledged", "are acknowledged", "we are indebted", "i am indebted", "thanks",
	"many thanks",
}

// selfDeterminers and selfNouns are the ways a text names itself ("this
// paper", "the present study", "this introductory chapter").
var (
	selfDeterminers = map[string]bool{"this": true, "the": true, "our": true}
	selfNouns       = map[string]bool{"paper": true, "article": true, "chapter": true, "study": true, "essay": true,
		"book": true, "volume": true, "report": true, "section": true, "thesis": true, "introduction": true,
		"contribution": true, "piece": true, "issue": true, "post": true, "brief": true, "interview": true,
		"conclusion": true}
)

// announceVerbs say what a text will do, not what is the case.
var announceVerbs = map[string]bool{
	"examines": true, "examine": true, "explores": true, "explore": true, "investigates": true,
	"investigate": true, "analyses": true, "analyzes": true, "analyse": true, "analyze": true,
	"appraises": true, "assesses": true, "aims": true, "seeks": true, "provides": true, "introduces": true,
	"outlines": true, "discusses": true, "discuss": true, "describes": true, "considers": true, "maps": true,
	"sets": true, "offers": true, "reviews": true, "presents": true, "focuses": true, "traces": true,
	"situates": true, "looks": true, "addresses": true, "charts": true, "reflects": true, "distills": true,
	"distils": true, "interrogates": true, "does": true, "begins": true, "turns": true, "asks": true,
	"consists": true, "proceeds": true, "opens": true, "closes": true, "covers": true, "summarises": true,
	"summarizes": true, "will": true, "first": true, "then": true, "also": true, "further": true,
	"studies": true, "approaches": true, "engages": true, "revisits": true, "contributes": true,
}

var ordinals = map[string]bool{"first": true, "second": true, "third": true, "fourth": true, "fifth": true,
	"sixth": true, "finally": true, "lastly": true, "next": true, "then": true}

// findingVerbs turn an announcement into a finding ("this chapter shows that").
var findingVerbs = []string{
	"shows", "show", "finds", "find", "argues", "argue", "concludes", "conclude", "reveals", "demonstrates",
	"suggests", "contends", "claims", "calls for", "is critical", "identifies", "proves", "establishes", "confirms",
}

// degreeAdverbs intensify a word without adding content.
var degreeAdverbs = map[string]bool{
	"so": true, "very": true, "really": true, "totally": true, "absolutely": true, "just": true, "quite": true,
	"too": true, "truly": true, "simply": true, "utterly": true, "completely": true, "pretty": true,
}

var evidenceKinds = map[string]string{"report": "testimony", "method": "observation", "citation": "citation", "factive": "observation"}

// citeVerbs report what a cited work found or said.
var citeVerbs = map[string]bool{
	"showed": true, "shows": true, "show": true, "found": true, "finds": true, "find": true, "argues": true,
	"argued": true, "argue": true, "concluded": true, "concludes": true, "conclude": true, "recounts": true,
	"says": true, "say": true, "said": true, "notes": true, "noted": true, "note": true, "describes": true,
	"described": true, "describe": true, "documented": true, "documents": true, "document": true,
	"reports": true, "reported": true, "report": true, "makes": true, "made": true, "suggests": true,
	"suggested": true, "suggest": true, "demonstrates": true, "demonstrated": true, "demonstrate": true,
	"observes": true, "observed": true, "observe": true, "claims": true, "claimed": true, "claim": true,
	"writes": true, "wrote": true, "write": true, "points": true, "pointed": true, "estimates": true,
	"estimated": true, "counted": true, "counts": true, "identified": true, "identifies": true,
	"traces": true, "traced": true, "records": true, "recorded": true,
}

// irregularPast are common irregular past-tense verbs of narrative.
var irregularPast = map[string]bool{
	"broadcast": true, "did": true, "went": true, "came": true, "gave": true, "saw": true, "sold": true,
	"led": true, "left": true, "won": true, "lost": true, "met": true, "fell": true, "rose": true, "told": true,
	"wrote": true, "brought": true, "bought": true, "ran": true, "sent": true, "built": true, "flew": true,
	"flown": true, "fled": true, "drew": true, "struck": true, "sank": true, "caught": true, "spoke": true,
	"began": true, "grew": true, "took": true, "held": true, "paid": true, "spent": true, "set": true, "cut": true,
	"became": true, "knew": true, "put": true, "kept": true,
}

// quantityPhrases mark statistics as quantity words do.
var quantityPhrases = []string{"more than half", "all but", "one-third", "a number of", "as much as", "per cent", "the majority of"}

// relativeTimes are narrative time phrases.
var relativeTimes = []string{"later", "ago", "earlier that", "the following year", "the next day",
	"that year", "at the time", "the same year", "the previous year", "last year"}

// structureNouns are what a text announces it will set out.
var structureNouns = map[string]bool{"points": true, "themes": true, "questions": true, "issues": true,
	"reasons": true, "lessons": true, "observations": true, "arguments": true, "things": true, "remarks": true,
	"parts": true, "sections": true, "steps": true}

var countWords = map[string]bool{"two": true, "three": true, "four": true, "five": true, "several": true,
	"a": true, "some": true, "few": true}
