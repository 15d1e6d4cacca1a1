package structure

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A forum thread is a text of posts, each under a header line naming its
// poster ("Posted by ana:", "Reply from ben:", "carla wrote:", "Posted: 4
// March, 09:12 by dan"). A reply argues with the thread, not with the
// paragraph before it: it bears on the opening post's claim, or on the post
// it answers — the post of a poster it names ("@ben", "Agree with ana"), or,
// when someone answered its poster, that answer. Each poster keeps a side:
// the opening poster defends the thread's thesis, and a later post by a
// poster who has a side supports what is on that side and contests the
// rest.

// headerWords are the words of a post header besides the poster's name
// and the date.
var headerWords = set("posted", "post", "by", "reply", "replied", "from", "wrote", "writes", "said", "says",
	"re", "answer", "answered", "comment", "commented", "quote", "quoting", "on", "at", "in", "to", "original",
	"response")

// threadPosts returns, for each unit of units, the index of the post it
// belongs to, and the posters' names by post; nil when the text is not a
// thread (fewer than two paragraphs under a post header, or a first
// paragraph under none).
func threadPosts(text string, units []Unit) (post []int, authors []string) {
	if len(units) == 0 {
		return nil, nil
	}
	post = make([]int, len(units))
	cur := -1
	for i, u := range units {
		if i == 0 || u.Para != units[i-1].Para {
			if name, ok := paragraphHeader(text, u.Start); ok {
				authors = append(authors, name)
				cur = len(authors) - 1
			} else if i == 0 {
				return nil, nil
			}
		}
		post[i] = cur
	}
	if len(authors) < 2 {
		return nil, nil
	}
	return post, authors
}

// maxPostLines is the most lines paragraphHeader walks up a paragraph,
// and maxPostBytes the most bytes: the walk stays short on a text of long
// lines or none.
const (
	maxPostLines = 40
	maxPostBytes = 8 << 10
)

// maxHeaderBytes is the longest line postHeader reads as a header.
const maxHeaderBytes = 200

// paragraphHeader reports whether the paragraph holding offset start lies
// under a post header, and the poster's name it gives (see postHeader):
// it walks up the paragraph's lines (a post may open with lines that are
// no unit: a greeting, "@ben", a quote) to the line above its first.
func paragraphHeader(text string, start int) (string, bool) {
	floor := max(0, start-maxPostBytes)
	ls := strings.LastIndexByte(text[floor:start], '\n') + 1
	if ls == 0 {
		return "", false
	}
	ls += floor
	for n := 0; n < maxPostLines && ls > floor; n++ {
		if name, ok := postHeader(text, ls); ok {
			return name, true
		}
		ps := strings.LastIndexByte(text[floor:ls-1], '\n') + 1
		if ps == 0 {
			return "", false
		}
		ps += floor
		if strings.TrimSpace(text[ps:ls-1]) == "" {
			return "", false // the paragraph's first line, and no header above it
		}
		ls = ps
	}
	return "", false
}

// postHeader reports whether the line before the one that holds offset
// start is a post header, and the poster's name it gives ("" when it names
// none: the name is then unknown, and compares equal to no other). It
// reads only the spaces before start and at most maxHeaderBytes above.
func postHeader(text string, start int) (string, bool) {
	ls := start
	for ls > 0 && (text[ls-1] == ' ' || text[ls-1] == '\t') {
		ls--
	}
	if ls == 0 || text[ls-1] != '\n' {
		return "", false // the unit does not open its line, or no line is above it
	}
	floor := max(0, ls-1-maxHeaderBytes)
	ps := strings.LastIndexByte(text[floor:ls-1], '\n') + 1
	if ps == 0 && floor > 0 {
		return "", false // too long a line for a header
	}
	ps += floor
	line := strings.TrimSpace(text[ps : ls-1])
	fs := strings.Fields(line)
	if len(fs) == 0 || len(fs) > 10 || strings.ContainsAny(line[len(line)-1:], ".!?\"”") {
		return "", false
	}
	name, marked := "", strings.HasSuffix(line, ":")
	for k, f := range fs {
		w := strings.ToLower(strings.Trim(f, ":,;()[]"))
		switch {
		case w == "by" || w == "from":
			marked = true
			if k+1 < len(fs) {
				name = poster(fs[k+1])
			}
		case w == "wrote" || w == "writes" || w == "said" || w == "says":
			marked = true
			if k > 0 && name == "" {
				name = poster(fs[k-1])
			}
		}
	}
	if !marked {
		return "", false
	}
	if name == "" && strings.HasSuffix(line, ":") {
		// "ana:", "Reply from ana:" without its preposition read above
		for k := len(fs) - 1; k >= 0; k-- {
			if w := strings.ToLower(strings.Trim(fs[k], ":,;()[]")); w != "" && !headerWords[w] {
				name = poster(fs[k])
				break
			}
		}
	}
	return name, true
}

// poster is the name in a header word: lower-cased, without the marks
// around it.
func poster(f string) string {
	return strings.ToLower(strings.TrimFunc(f, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '-' && r != '.'
	}))
}

// names reports whether text[start:end] names poster (as "@name" or the
// bare name, as a word of its own).
func names(text string, start, end int, poster string) bool {
	if len(poster) < 2 {
		return false
	}
	low := strings.ToLower(text[start:end])
	for off := 0; ; {
		k := strings.Index(low[off:], poster)
		if k < 0 {
			return false
		}
		k += off
		before, after := ' ', ' '
		if k > 0 {
			before, _ = utf8.DecodeLastRuneInString(low[:k])
		}
		if e := k + len(poster); e < len(low) {
			after, _ = utf8.DecodeRuneInString(low[e:])
		}
		if !nameRune(before) && !nameRune(after) {
			return true
		}
		off = k + 1
	}
}

func nameRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }

// thread is what the decoding knows of a thread's posts as it attaches
// their claims in text order.
type thread struct {
	authors []string
	op      int            // the post that holds the thesis
	claim   []int          // each post's claim (the first it attached), or -1
	side    []int          // the side of each post's claim: 1 the thesis's, -1 against, 0 unknown
	target  []int          // the post each post answered, or -1
	poster  map[string]int // each poster's side, once known
	info    []*unitInfo    // each post's claim's unit information
}

func newThread(authors []string, op, thesis int, info *unitInfo) *thread {
	t := &thread{authors: authors, op: op, claim: make([]int, len(authors)), side: make([]int, len(authors)),
		target: make([]int, len(authors)), poster: map[string]int{}, info: make([]*unitInfo, len(authors))}
	t.info[op] = info
	for p := range authors {
		t.claim[p], t.target[p] = -1, -1
	}
	t.claim[op], t.side[op] = thesis, 1
	if authors[op] != "" {
		t.poster[authors[op]] = 1
	}
	return t
}

// opens reports whether unit is the first claim of post p to be attached:
// the post's claim.
func (t *thread) opens(p, unit int) bool { return t.claim[p] < 0 || t.claim[p] == unit }

// sideOf is the side of the post that holds unit (post: each unit's post).
func (t *thread) sideOf(unit int, post []int) int {
	if p := post[unit]; p >= 0 {
		return t.side[p]
	}
	return 0
}

// minEcho is the fewest content words a reply's claim must share with an
// earlier reply's claim to be taken as answering it.
const minEcho = 2

// answered returns the earlier post that post p (whose claim has the
// content words content) answers, or -1 (the thesis): the latest post of
// a poster it names, else the post right before it when that post
// answered p's poster, else the latest reply by another poster whose claim
// it echoes (minEcho content words, more than it shares with the thesis:
// "… no formal protection mandate …" — "Having no formal mandate is not
// …"). A reply whose claim is a bare reaction of agreement or dissent
// (reacts) answers the post right before it, when no poster is named.
func (t *thread) answered(text string, units []Unit, post []int, p int, content []uint64, reacts bool) int {
	start, end := -1, -1
	for i, q := range post {
		if q == p {
			if start < 0 {
				// from the top of the post: "@ben" may stand before its
				// first unit
				floor := max(0, units[i].Start-maxPostBytes)
				start = floor + strings.LastIndex(text[floor:units[i].Start], "\n\n") + 1
			}
			end = units[i].End
		}
	}
	me := t.authors[p]
	for q := p - 1; q >= 0 && start >= 0; q-- {
		if a := t.authors[q]; a != "" && a != me && t.claim[q] >= 0 && names(text, start, end, a) {
			return q
		}
	}
	if q := p - 1; q >= 0 && q != t.op && t.claim[q] >= 0 && t.target[q] >= 0 && me != "" &&
		t.authors[t.target[q]] == me && t.authors[q] != me {
		return q
	}
	if q := p - 1; reacts && q >= 0 && q != t.op && t.claim[q] >= 0 && t.authors[q] != me {
		// a reply that opens with a bare reaction ("Not in our case.",
		// "Agreed.") reacts to what stands right above it
		return q
	}
	best, most := -1, max(minEcho-1, overlap(content, t.info[t.op].content))
	for q := p - 1; q >= 0; q-- {
		if q == t.op || t.claim[q] < 0 || me != "" && t.authors[q] == me {
			continue
		}
		if n := overlap(content, t.info[q].content); n > most {
			best, most = q, n
		}
	}
	return best
}

// posterSide is the side post p's poster has taken, if known.
func (t *thread) posterSide(p int) (int, bool) {
	s, ok := t.poster[t.authors[p]]
	return s, ok && t.authors[p] != ""
}

// settle records that post p's claim unit (with its information info)
// bears on unit to (whose side is side) with kind.
func (t *thread) settle(p, unit, to, side int, kind Kind, post []int, info *unitInfo) {
	t.claim[p], t.info[p] = unit, info
	if kind == Attack {
		side = -side
	}
	t.side[p] = side
	t.target[p] = post[to]
	if a := t.authors[p]; a != "" && side != 0 {
		if _, ok := t.poster[a]; !ok {
			t.poster[a] = side
		}
	}
}

// against turns post q's claim, found attached to the thesis or an
// earlier post as support, against it, with the side of q and its poster.
func (t *thread) against(q int, rels []Relation) {
	for k := range rels {
		if rels[k].From == t.claim[q] && rels[k].Kind == Support {
			rels[k].Kind = Attack
			break
		}
	}
	t.side[q] = -t.side[q]
	if a := t.authors[q]; a != "" {
		t.poster[a] = t.side[q]
	}
}

// agrees tells whether a unit agrees with what it answers and does not
// turn: a word of agreement ("Fair point.", "Agreed, thanks.") and no
// contrast or negation.
func agrees(in *unitInfo) bool {
	if in.neg || in.class == classContrast || in.class2 == classContrast || contains(in.any, classContrast) {
		return false
	}
	for _, w := range in.ws {
		if agreeWords[w] || grantWords[w] {
			return true
		}
	}
	return false
}

// grantWords grant what a reply answers: "Fair point.", "Good point,
// thanks."
var grantWords = set("fair", "thanks", "thank", "point")

// PostOpening reports whether offset start opens a line right under a
// post header ("Reply from ben:"): a forum reply's first sentence, which
// takes a side however short it is ("Agreed.", "Not in my town.").
func PostOpening(text string, start int) bool {
	_, ok := postHeader(text, start)
	return ok
}

// contradicts tells whether a reply's claim says the opposite of the claim
// it answers in the same words: they share a content word and one of
// them is denied (a negation, or a word of doubt or dissent) and the other
// not ("I doubt it would make much difference" — "It would make a big
// difference").
func contradicts(a, b *unitInfo) bool {
	return a != nil && b != nil && overlap(a.content, b.content) > 0 && denied(a) != denied(b)
}

func denied(in *unitInfo) bool {
	if in.neg {
		return true
	}
	for _, w := range in.ws {
		if dissentWords[w] {
			return true
		}
	}
	return false
}

// infoOf is the information of the claim of the post that holds unit, or
// nil.
func (t *thread) infoOf(unit int, post []int) *unitInfo {
	if p := post[unit]; p >= 0 && t.claim[p] == unit {
		return t.info[p]
	}
	return nil
}
