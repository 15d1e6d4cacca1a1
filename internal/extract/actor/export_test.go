package actor

import (
	"fmt"
	"github.com/argmap/argmap/internal/extract/lexicon"
	"github.com/argmap/argmap/internal/extract/spaces"
	"reflect"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TokenLowsAgree checks that every token of text has the lower case
// strings.ToLower gives it ("and" for "&").
func TokenLowsAgree(text string) error {
	for _, t := range tokenize(text) {
		want := strings.ToLower(t.text)
		if t.text == "&" {
			want = "and"
		}
		if t.low != want {
			return fmt.Errorf("token %q of %q: low %q, want %q", t.text, text, t.low, want)
		}
	}
	return nil
}

// InitialsMatchAgrees checks initialsMatch against the form that builds
// every spelling of each word (initialsMatchSpelled) on the words of text
// taken from index from on, for the letters of acr.
func InitialsMatchAgrees(text string, from int, acr string) error {
	toks := tokenize(text)
	var idx []int
	for k := from; k < len(toks); k++ {
		idx = append(idx, k)
	}
	letters := []rune(strings.ToLower(acr))
	if got, want := initialsMatch(toks, idx, letters), initialsMatchSpelled(toks, idx, letters); got != want {
		return fmt.Errorf("initialsMatch(%q from %d, %q) = %v, spelled out %v", text, from, acr, got, want)
	}
	return nil
}

// initialsMatchSpelled is initialsMatch as it was written first: each
// word's spellings built as rune slices, then tried in turn.
func initialsMatchSpelled(toks []token, idx []int, letters []rune) bool {
	var rec func(w, l int) bool
	rec = func(w, l int) bool {
		if w == len(idx) {
			return l == len(letters)
		}
		if l >= len(letters) {
			return false
		}
		t := toks[idx[w]]
		var options [][]rune
		first, _ := utf8.DecodeRuneInString(t.low)
		options = append(options, []rune{first})
		if strings.Contains(t.low, "-") {
			var parts []rune
			for _, p := range strings.Split(t.low, "-") {
				if r, _ := utf8.DecodeRuneInString(p); r != utf8.RuneError {
					parts = append(parts, r)
				}
			}
			options = append(options, parts)
		}
		if allCaps(t.text) && len(t.text) > 1 {
			var all []rune
			for _, r := range t.low {
				if unicode.IsLetter(r) {
					all = append(all, r)
				}
			}
			options = append(options, all)
		}
		for _, opt := range options {
			if l+len(opt) > len(letters) {
				continue
			}
			ok := true
			for k, r := range opt {
				if letters[l+k] != r {
					ok = false
					break
				}
			}
			if ok && rec(w+1, l+len(opt)) {
				return true
			}
		}
		return false
	}
	return rec(0, 0)
}

// SpacingAgrees checks oneSpaced and asciiLower against strings.Join of
// strings.Fields and strings.ToLower.
func SpacingAgrees(s string) error {
	if got, want := spaces.Single(s), strings.Join(strings.Fields(s), " "); got != want {
		return fmt.Errorf("spaces.Single(%q) = %q, want %q", s, got, want)
	}
	if low, ok := asciiLower([]byte("x"), s); ok && string(low) != "x"+strings.ToLower(s) || !ok && string(low) != "x" {
		return fmt.Errorf("asciiLower(%q) = %q, %v", s, low, ok)
	}
	return nil
}

// InitialismAgrees checks initialismSoFar against the form that splits s
// at its dots first.
func InitialismAgrees(s string) error {
	want := true
	for _, p := range strings.Split(s, ".") {
		if p == "" {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(p); utf8.RuneCountInString(p) != 1 || !unicode.IsUpper(r) {
			want = false
			break
		}
	}
	if got := initialismSoFar(s); got != want {
		return fmt.Errorf("initialismSoFar(%q) = %v, want %v", s, got, want)
	}
	return nil
}

// TokenizeAgrees checks tokenize against tokenizeIntoSlow, the form it
// replaced: the same tokens with the same offsets, lower case and flags.
func TokenizeAgrees(text string) error {
	got, want := tokenize(text), tokenizeIntoSlow(nil, text)
	if len(got) != len(want) {
		return fmt.Errorf("tokenize(%q): %d tokens, the old form %d:\n%+v\n%+v", text, len(got), len(want), got, want)
	}
	for k := range got {
		if got[k] != want[k] {
			return fmt.Errorf("tokenize(%q) token %d = %+v, the old form %+v", text, k, got[k], want[k])
		}
	}
	return nil
}

// tokenizeIntoSlow is tokenizeInto as it was until session 15: tokens
// made first, each word's case found by a second scan (caseOf), then the
// possessives' "s" tokens removed in a pass of their own.
func tokenizeIntoSlow(toks []token, text string) []token {
	if n := len(text)/6 + 1; cap(toks) < n {
		toks = make([]token, 0, n)
	}
	toks = toks[:0]
	// the lower case of capitalised ASCII words, and the token index and
	// offset in arena of each of them: scratch, on the stack for a short
	// text (a name, a sentence)
	var arenaArr [256]byte
	var lowAtArr [32]int
	arena := arenaArr[:0]
	lowAt := lowAtArr[:0]
	i := 0
	n := len(text)
	for i < n {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if r == '&' {
			toks = append(toks, token{start: i, end: i + 1, text: "&", low: "and"})
			i += size
			continue
		}
		if !lexicon.IsWordRune(r) {
			i += size
			continue
		}
		start := i
		i += size
		for i < n {
			r, size = rune(text[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(text[i:])
			}
			if lexicon.IsWordRune(r) {
				i += size
				continue
			}
			// Inner hyphen or dot between word runes: "nation-states", "U.N.".
			if (r == '-' || r == '‐' || r == '.') && i+size < n {
				r2, _ := utf8.DecodeRuneInString(text[i+size:])
				if lexicon.IsWordRune(r2) {
					if r == '.' && !initialismSoFar(text[start:i]) {
						break
					}
					i += size
					continue
				}
			}
			break
		}
		end := i
		// Initialisms keep their final dot: "U.N." but not "migrants.".
		if i < n && text[i] == '.' && initialismSoFar(text[start:end]) && strings.Contains(text[start:end], ".") {
			end = i + 1
			i = end
		}
		t := token{start: start, end: end, text: text[start:end]}
		switch upper, ascii := caseOf(t.text); {
		case !ascii:
			t.low = strings.ToLower(t.text)
		case upper:
			// lowered into one arena, cut into strings below: one
			// allocation a text, not one a capitalised word
			lowAt = append(lowAt, len(toks), len(arena))
			for k := 0; k < len(t.text); k++ {
				c := t.text[k]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				arena = append(arena, c)
			}
		default:
			t.low = t.text // already lower case
		}
		toks = append(toks, t)
	}
	if len(lowAt) > 0 {
		all := string(arena)
		for k := 0; k < len(lowAt); k += 2 {
			end := len(all)
			if k+3 < len(lowAt) {
				end = lowAt[k+3]
			}
			toks[lowAt[k]].low = all[lowAt[k+1]:end]
		}
	}
	// Possessives and punctuation between tokens.
	for k := range toks {
		from := toks[k].end
		to := n
		if k+1 < len(toks) {
			to = toks[k+1].start
		}
		gap := text[from:to]
		if (gap == "'" || gap == "’" || gap == "`") && k+1 < len(toks) && toks[k+1].low == "s" {
			toks[k].poss = true
			// The "s" after the apostrophe is a token of its own; drop it below.
		} else if (strings.HasPrefix(gap, "'") || strings.HasPrefix(gap, "’")) && strings.HasSuffix(toks[k].low, "s") {
			toks[k].poss = true
		}
		if gap == " " {
			continue // the common case: no punctuation, no line break, no possessive
		}
		if strings.ContainsAny(gap, ".,;:?!()[]{}\"“”‘’'|•\n") {
			toks[k].breakAfter = true
		}
		if strings.Contains(gap, "\n") {
			toks[k].newline = true
		}
	}
	// Remove the "s" tokens of possessives.
	out := toks[:0]
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		if k > 0 && toks[k-1].poss && t.low == "s" && t.start-toks[k-1].end <= 3 {
			// inherit the punctuation flags of the dropped token
			out[len(out)-1].breakAfter = t.breakAfter
			out[len(out)-1].newline = t.newline
			continue
		}
		out = append(out, t)
	}
	return out
}

// caseOf reports whether s has an upper-case ASCII letter and whether it is
// all ASCII.
func caseOf(s string) (upper, ascii bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return upper, false
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	return upper, true
}

// TokenizeCount tokenizes text into buf and returns how many tokens it
// made; slow takes the form tokenize replaced. For benchmarks.
func TokenizeCount(buf *[]token, text string, slow bool) int {
	if slow {
		*buf = tokenizeIntoSlow(*buf, text)
	} else {
		*buf = tokenizeInto(*buf, text)
	}
	return len(*buf)
}

// Token is token, for a benchmark's buffer.
type Token = token

// AnyStartsKnown checks what longest's filter relies on: every word that
// opens a form of the any-case trie (f.anyRoot's children) is one
// mayStartAny lets through; a word too long for its table passes too, and
// a word no form opens with does not.
func AnyStartsKnown(f *Finder) error {
	var keys []string
	if f.anyRoot.next != nil {
		for k := range f.anyRoot.next {
			keys = append(keys, k)
		}
	} else if f.anyRoot.child != nil {
		keys = append(keys, f.anyRoot.word)
	}
	if len(keys) == 0 {
		return fmt.Errorf("the any-case trie is empty")
	}
	for _, k := range keys {
		if !f.mayStartAny(k) {
			return fmt.Errorf("mayStartAny(%q) = false, but a form of the any-case trie opens with it", k)
		}
	}
	if long := strings.Repeat("q", maxStartLen); !f.mayStartAny(long) || f.mayStartAny("zq") {
		return fmt.Errorf("mayStartAny: a word of %d bytes must pass, \"zq\" must not", maxStartLen)
	}
	return nil
}

// ActorsOfAgrees checks actorsOf against actorsOfSlow, the form that kept
// a map of lower-cased aliases an actor, on the mentions Find makes of text
// and on ms.
func ActorsOfAgrees(f *Finder, text string, ms []Mention) error {
	found, _ := f.Find(text)
	for _, in := range [][]Mention{found, ms} {
		if got, want := actorsOf(in), actorsOfSlow(in); !reflect.DeepEqual(got, want) {
			return fmt.Errorf("actorsOf(%d mentions) = %+v, the slow form %+v", len(in), got, want)
		}
	}
	return nil
}

// actorsOfSlow is actorsOf as it was until session 15.
func actorsOfSlow(ms []Mention) []Actor {
	idx := map[string]int{}
	var out []Actor
	seen := map[string]map[string]bool{}
	for _, m := range ms {
		i, ok := idx[m.Name]
		if !ok {
			i = len(out)
			idx[m.Name] = i
			out = append(out, Actor{Name: m.Name, Kind: m.Kind})
			seen[m.Name] = map[string]bool{strings.ToLower(m.Name): true}
		}
		out[i].Mentions++
		alias := cleanAlias(m.Surface)
		if alias == "" {
			continue
		}
		// the alias in lower case: a look-up needs no new string when it
		// is ASCII (most are, and most are seen already)
		var buf [64]byte
		if low, ok := asciiLower(buf[:0], alias); ok {
			if !seen[m.Name][string(low)] {
				seen[m.Name][string(low)] = true
				out[i].Aliases = append(out[i].Aliases, alias)
			}
		} else if !seen[m.Name][strings.ToLower(alias)] {
			seen[m.Name][strings.ToLower(alias)] = true
			out[i].Aliases = append(out[i].Aliases, alias)
		}
	}
	slices.SortFunc(out, func(a, b Actor) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// WordClassesAgree checks that the word classes a scan of text keeps with
// its tokens (is) are the sets' answers, for every token and class, asked
// first in an order drawn from seed (each question looks up or reads what
// an earlier one kept) and then again, alone and two classes at once.
func WordClassesAgree(text string, seed int) error {
	toks := tokenize(text)
	s := &scan{toks: toks, cls: make([]uint16, len(toks))}
	// the sets, named here again: the classes are checked against them,
	// not against the list the table is built from
	sets := []struct {
		set map[string]bool
		cl  uint16
	}{{connectors, clConnector}, {headKeywords, clHead}, {leadKeywords, clLead}, {organWords, clOrgan},
		{titleWords, clTitle}, {junkWords, clJunk}, {honorifics, clHonorific}, {roleWords, clRole}, {notNames, clNotName}}
	type q struct{ k, c int }
	var qs []q
	for k := range toks {
		for c := range sets {
			qs = append(qs, q{k, c})
		}
	}
	// a fixed shuffle: a linear congruential walk over the questions
	x := uint64(seed)*2862933555777941757 + 3037000493
	for i := len(qs) - 1; i > 0; i-- {
		x = x*6364136223846793005 + 1442695040888963407
		j := int(x>>33) % (i + 1)
		qs[i], qs[j] = qs[j], qs[i]
	}
	for round := 0; round < 2; round++ {
		for _, q := range qs {
			c := sets[q.c]
			want := c.set[toks[q.k].low]
			if got := s.is(q.k, c.cl); got != want {
				return fmt.Errorf("%q token %d %q: class %b = %v, the set says %v", text, q.k, toks[q.k].low, c.cl, got, want)
			}
			d := sets[(q.c+1)%len(sets)]
			if got, want := s.is(q.k, c.cl|d.cl), want || d.set[toks[q.k].low]; got != want {
				return fmt.Errorf("%q token %d %q: classes %b = %v, the sets say %v", text, q.k, toks[q.k].low, c.cl|d.cl, got, want)
			}
		}
	}
	return nil
}

// ClassWords returns every word of the word classes' sets, sorted.
func ClassWords() []string {
	var ws []string
	for _, set := range []map[string]bool{connectors, headKeywords, leadKeywords, organWords, titleWords, junkWords, honorifics, roleWords, notNames} {
		for w := range set {
			ws = append(ws, w)
		}
	}
	slices.Sort(ws)
	return slices.Compact(ws)
}
