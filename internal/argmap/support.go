package argmap

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// DefaultDepth is how many relations deep a question by claim ID, and a map,
// look by default: the argument around a claim, reasons of reasons.
const DefaultDepth = 3

// DefaultTextDepth is how many relations deep a question in words looks by
// default: the sources that state or deny it, and those one relation away
// (a reason for it, an objection to it). Each further step multiplies the
// chance that a relation the linker inferred has the wrong kind or target,
// and a source placed only by such a chain is on the side its sign gives,
// not where its words stand; asked with a larger depth, chains are walked
// as far as for a claim ID.
const DefaultTextDepth = 1

// MaxDepth bounds every traversal.
const MaxDepth = 8

// SourceRef names a source in answers.
type SourceRef struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	URI   string `json:"uri"`
}

// ClaimMatch is a stored claim a question resolved to.
type ClaimMatch struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	Gist string `json:"gist,omitempty"`
	// Referent is what the claim's (or evidence's) subject that points back
	// was read as, with the passage that names it.
	Referent *Referent `json:"referent,omitempty"`
	Rank     float64   `json:"rank"`
	Source   SourceRef `json:"source"`
}

// Stance is how a claim stands to a question.
type Stance string

// Stances.
const (
	StanceSame   Stance = "same"   // the claim states the question's proposition
	StanceDenial Stance = "denial" // the claim denies it
	StanceTopic  Stance = "topic"  // the claim only shares its topic: not an answer
)

// Judgement is a Judge's verdict on one claim: its stance, how much of the
// question it covers (0..1), and who asserts the part that matches ("" for
// the author of the source, or the reported speaker: "Critics").
type Judgement struct {
	Stance   Stance  `json:"stance"`
	Score    float64 `json:"score"`
	Asserter string  `json:"asserter,omitempty"`
}

// Judge decides the stance of a claim's text against a question's text.
// JudgeAll judges a question's search candidates together, so that it may
// weigh the question's words by how common they are among them.
type Judge interface {
	Judge(question, claim string) Judgement
	JudgeAll(question string, texts []string) []Judgement
}

// ContextJudge is a Judge that can read a claim whose subject points back
// to something an earlier sentence named ("It now acts for ...", "The
// organisation now acts for ...") as what its gist says that subject stands
// for: gists[i] is the gist of texts[i] ("" when it has none).
type ContextJudge interface {
	JudgeAllInContext(question string, texts, gists []string) []Judgement
}

// SourceJudge is a ContextJudge that judges a question's candidates each
// with the others of its source: sources[i] is the ID of the source
// texts[i] is stated in (a source that states the question says it in more
// than one sentence, in part).
type SourceJudge interface {
	JudgeSources(question string, texts, gists, sources []string) []Judgement
}

// VoiceJudge is a Judge that can tell from a text alone that all of it is
// in its author's voice, when Judge finds no asserter in it ("") for any
// question: an answer then need not judge a passage it reaches through
// relations to know who asserts it.
type VoiceJudge interface {
	OwnVoice(text string) bool
}

// StatementJudge is a Judge that can tell a text that states something
// from one that states nothing: a bare citation ("Smith (2019)"), a
// heading, a name, with no predicate. An answer quotes, of the passages it
// reaches through relations, only those that state something; one that
// states nothing does not bear on the question, and so puts no source on a
// side. (A passage that matches the question itself is quoted: the judge
// found it states or denies the question.)
type StatementJudge interface {
	States(text string) bool
}

// Post is one post of a source several people wrote (a forum thread):
// where its header starts in the source text and who posted it (a name, or
// "the poster of" and the post's date when it names nobody).
type Post struct {
	Start  int
	Poster string
}

// PostFinder finds the posts of a source's text (nil for a text one author
// wrote). A Judge that implements it lets answers treat each post's poster
// as asserting what the post says, and list a thread whose posters take
// both sides on each side under them.
type PostFinder interface {
	Posts(text string) []Post
}

// PosterAt returns the poster of the post that holds offset at, or "" when
// at lies before the first post (the thread's header) or posts is empty.
func PosterAt(posts []Post, at int) string {
	who := ""
	for _, p := range posts {
		if p.Start > at {
			break
		}
		who = p.Poster
	}
	return who
}

// PropositionMatch is a proposition a question matched: the claims that
// state it across sources, and how it stands to the question.
type PropositionMatch struct {
	ID    string  `json:"id"`
	Text  string  `json:"text"`
	Match Stance  `json:"match"` // same or denial: the side its sources take
	Score float64 `json:"score"`
	// View says whose the claim's words are when they are not its source's
	// own: ViewReported for a view the source reports (AssertedBy names
	// whose, "Critics"), ViewRejected for one it reports to reject. The
	// view itself then reads the other way round from Match: "Critics say
	// that P. We disagree." denies P, though the critics' view states it.
	View       string       `json:"view,omitempty"`
	AssertedBy string       `json:"asserted_by,omitempty"`
	Claims     []ClaimMatch `json:"claims"`
}

// Views of a matched proposition that is not its source's own statement
// (PropositionMatch.View).
const (
	ViewReported = "reported" // a view the source reports, not its own
	ViewRejected = "rejected" // a view the source reports to reject it
)

// viewOf returns the View and AssertedBy of a matched claim: rejected when
// its source rejects the view it states, reported when the judge found
// another speaker asserting the part that matches.
func viewOf(m judged) (view, by string) {
	switch {
	case rejectedView(m.hit.Claim):
		return ViewRejected, m.j.Asserter
	case m.j.Asserter != "":
		return ViewReported, m.j.Asserter
	}
	return "", ""
}

// ChainStep is one relation of the chain from a quoted claim to the matched
// proposition, written with the claims' text.
type ChainStep struct {
	Kind     RelationKind `json:"kind"`
	From     string       `json:"from"`
	To       string       `json:"to"`
	Relation string       `json:"relation"`
}

// Quote is one passage of a source that bears on the question: the span,
// the claim or evidence it states, who asserts it ("author" or a reported
// speaker) and the chain of relations to the matched proposition (empty
// when the passage states or denies it itself).
type Quote struct {
	Span
	Node       string `json:"node"`
	AssertedBy string `json:"asserted_by"`
	Reported   bool   `json:"reported"`
	Poster     string `json:"poster,omitempty"` // the poster of the post it stands in, in a thread several people wrote
	Stance     Stance `json:"stance,omitempty"` // for a passage that matches the question itself
	// View is ViewRejected for a passage that matches the question itself
	// and states a view its source goes on to reject: Stance is then the
	// source's side, the other way round from the view's words.
	View  string      `json:"view,omitempty"`
	Chain []ChainStep `json:"chain"`
}

// Backing is one source that supports or contests a claim: the spans where it
// states the nodes that bear on the claim, and the shortest chain of relations
// that connects them. Quotes carries the same passages with who asserts them
// and their chains written as text.
type Backing struct {
	Source SourceRef `json:"source"`
	Quotes []Quote   `json:"quotes"`
	Spans  []Span    `json:"spans"`
	Path   []Step    `json:"path"`
	Nodes  []string  `json:"nodes"` // the claims and evidence of this source that bear on the claim
	// QuotesTotal is how many passages bear on the claim in all; an answer
	// with a cap on passages (AnswerPage.Quotes) lists the first of them,
	// and Spans and Nodes are those of the passages listed.
	QuotesTotal int `json:"quotes_total"`
	// Posters are, for a thread several people wrote, the posters whose
	// posts put the source on this side; a thread whose posters take both
	// sides is listed on each, under its posters.
	Posters []string `json:"posters,omitempty"`
}

// SupportAnswer answers "which sources support this claim, and which contest
// it?". Propositions are what the question matched and how; Claims every
// stored claim behind them. When nothing states or denies the question,
// Propositions is empty and Suggestions lists the closest claims.
// SupportingTotal and ContestingTotal count the sources of each side; a
// page (AnswerPage) lists some of them, and NextCursor continues it.
type SupportAnswer struct {
	Query           string             `json:"query"`
	Propositions    []PropositionMatch `json:"propositions"`
	Claims          []ClaimMatch       `json:"claims"`
	Supporting      []Backing          `json:"supporting"`
	Contesting      []Backing          `json:"contesting"`
	SupportingTotal int                `json:"supporting_total"`
	ContestingTotal int                `json:"contesting_total"`
	NextCursor      string             `json:"next_cursor,omitempty"`
	Suggestions     []ClaimMatch       `json:"suggestions"`
}

// AnswerPage bounds an answer: how many sources of each side it lists
// (Limit; 0 lists them all), how many of each side it passes over first
// (Offset), and how many passages of each source it quotes (Quotes; 0
// quotes them all). Source, when set, lists that source alone, on each side
// it is on, in place of Limit and Offset. The zero AnswerPage is the whole
// answer.
type AnswerPage struct {
	Limit  int
	Offset int
	Quotes int
	Source string
}

// Bounds of a page of an answer: DefaultAnswerSources sources of each side
// and DefaultAnswerQuotes passages of each source unless asked otherwise,
// at most MaxAnswerSources and MaxAnswerQuotes (the whole answer has no
// bound).
const (
	DefaultAnswerSources = 20
	DefaultAnswerQuotes  = 20
	MaxAnswerSources     = 1000
	MaxAnswerQuotes      = 1000
)

// Questioner is the part of a store that questions need.
type Questioner interface {
	Claim(ctx context.Context, id string) (*Claim, error)
	Evidence(ctx context.Context, id string) (*Evidence, error)
	Claims(ctx context.Context, f ClaimFilter) ([]Claim, error)
	SearchEvidence(ctx context.Context, q string, limit int) ([]EvidenceHit, error)
	SearchClaims(ctx context.Context, q string, limit int) ([]ClaimHit, error)
	Reach(ctx context.Context, claimID string, depth int) ([]Reach, error)
	Source(ctx context.Context, id string) (*Source, error)
	SourcesByID(ctx context.Context, ids []string) ([]Source, error)
	NodeTexts(ctx context.Context, ids []string) (map[string]string, error)
}

// Polarity returns +1 when a path supports its target and -1 when it contests
// it: each contests step flips the sign (a contest of a contester defends, an
// undercut of a support contests).
func Polarity(steps []Step) int {
	p := 1
	for _, s := range steps {
		if s.Kind == Contests {
			p = -p
		}
	}
	return p
}

// ResolveClaims turns a query into claims: a claim ID gives that claim
// (ENOTFOUND if unknown); text gives the best full-text matches, the top hit
// and any others ranked at least half as well, at most max. EINVALID for an
// empty query; ENOTFOUND when nothing matches.
func ResolveClaims(ctx context.Context, q Questioner, query string, max int) ([]ClaimHit, error) {
	query = strings.TrimSpace(query)
	if query == "" {
		return nil, Errorf(EINVALID, "the query is empty")
	}
	if !utf8.ValidString(query) {
		return nil, Errorf(EINVALID, "the query is not valid UTF-8")
	}
	if KindOf(query) == KindClaim && !strings.ContainsAny(query, " \t") {
		c, err := q.Claim(ctx, query)
		if err != nil {
			return nil, err
		}
		return []ClaimHit{{Claim: *c, Rank: 1}}, nil
	}
	if max <= 0 {
		max = 3
	}
	hits, err := q.SearchClaims(ctx, query, max)
	if err != nil {
		return nil, err
	}
	if len(hits) == 0 {
		return nil, Errorf(ENOTFOUND, "no stored claim matches %q", shorten(query, 80))
	}
	top := hits[0].Rank
	out := hits[:1]
	for _, h := range hits[1:] {
		if top > 0 && h.Rank >= top/2 {
			out = append(out, h)
		}
	}
	return out, nil
}

// FindSupporters answers query (a claim ID or text) over the store. Text is
// searched; with a Judge, every candidate claim is judged against the query
// and only those that state it (same) or deny it (denial) are answers, topic
// matches are left out; without one, the best full-text matches count as
// stating it. The matched claims are grouped into propositions; from each,
// relations are walked depth deep back (depth 0: one for text, three for a
// claim ID; see AnswerDepth), and what is reached is grouped by
// source into supporting and contesting: a denial's supporters contest the
// query and its contesters support it. Where a source speaks in its own
// voice on the question, that decides its side; views it only reports
// (critics say ...) count when it has none of its own. EINVALID for an empty
// query, ENOTFOUND for an unknown claim ID; text that matches nothing gives
// an answer with no propositions and the closest claims as suggestions.
func FindSupporters(ctx context.Context, q Questioner, j Judge, query string, depth int) (*SupportAnswer, error) {
	return FindSupportersPage(ctx, q, j, query, depth, AnswerPage{})
}

// FindSupportersPage answers as FindSupporters does, one page at a time:
// the sides are decided and ordered over every source, then pg.Limit
// sources of each side from pg.Offset are listed, each with its first
// pg.Quotes passages (the closest first) and their count. The totals count
// every source; NextCursor (AnswerCursor) is set when either side has
// sources past the page. EINVALID for a negative offset, limit or cap.
func FindSupportersPage(ctx context.Context, q Questioner, j Judge, query string, depth int, pg AnswerPage) (*SupportAnswer, error) {
	if pg.Limit < 0 || pg.Offset < 0 || pg.Quotes < 0 {
		return nil, Errorf(EINVALID, "an answer's page has no negative bounds")
	}
	depth = AnswerDepth(query, depth)
	query = strings.TrimSpace(query)
	ans := &SupportAnswer{Query: query, Propositions: []PropositionMatch{}, Claims: []ClaimMatch{},
		Supporting: []Backing{}, Contesting: []Backing{}, Suggestions: []ClaimMatch{}}
	f := finder{ctx: ctx, q: q, j: j, query: query, sources: map[string]*Source{}, texts: map[string]string{},
		asserters: map[string]string{}, bears: map[string]bool{}, stating: map[string]bool{}}
	byID := askedByID(query)
	var matched []judged
	if byID || j == nil {
		hits, err := ResolveClaims(ctx, q, query, 3)
		if err != nil {
			return nil, err
		}
		for _, h := range hits {
			matched = append(matched, judged{hit: h, j: Judgement{Stance: StanceSame, Score: h.Rank}})
		}
		if byID && j != nil {
			// the claim's own text is the question its sources answer
			f.query = hits[0].Claim.Text
		}
	} else {
		if query == "" {
			return nil, Errorf(EINVALID, "the query is empty")
		}
		if !utf8.ValidString(query) {
			return nil, Errorf(EINVALID, "the query is not valid UTF-8")
		}
		cs, err := AnswerCandidates(ctx, q, query)
		if err != nil {
			return nil, err
		}
		cs.KeepAnswering(j, query)
		hits := cs.Hits
		js := cs.Judge(j, query)
		var topic []judged
		for i, jd := range js {
			if rejectedView(hits[i].Claim) {
				// a view the source goes on to reject: it denies what the
				// view states
				switch jd.Stance {
				case StanceSame:
					jd.Stance = StanceDenial
				case StanceDenial:
					jd.Stance = StanceSame
				}
			}
			if jd.Stance == StanceTopic {
				if KindOf(hits[i].Claim.ID) == KindClaim {
					topic = append(topic, judged{hit: hits[i], j: jd})
				}
				continue
			}
			matched = append(matched, judged{hit: hits[i], j: jd})
		}
		if len(matched) == 0 {
			sort.SliceStable(topic, func(a, b int) bool { return topic[a].j.Score > topic[b].j.Score })
			topic = topic[:min(len(topic), maxSuggestions)]
			var ids []string
			for _, t := range topic {
				if len(t.hit.Claim.Spans) > 0 {
					ids = append(ids, t.hit.Claim.Spans[0].SourceID)
				}
			}
			if err := f.loadSources(ids); err != nil {
				return nil, err
			}
			for i, t := range topic {
				if i == maxSuggestions {
					break
				}
				m, err := f.claimMatch(t.hit.Claim, t.j.Score)
				if err != nil {
					return nil, err
				}
				ans.Suggestions = append(ans.Suggestions, m)
			}
			return ans, nil
		}
		sort.SliceStable(matched, func(a, b int) bool { return matched[a].j.Score > matched[b].j.Score })
	}
	// propositions: one per stance and proposition ID, best match first
	type prop struct {
		pm    *PropositionMatch
		sign  int
		items []judged
	}
	var props []*prop
	byKey := map[string]*prop{}
	for _, m := range matched {
		// a view its source reports, or rejects, is a proposition of its
		// own beside the same words said in a source's own voice: the row
		// says whose view it is and which way its source takes it
		view, by := viewOf(m)
		k := string(m.j.Stance) + " " + view + " " + by + " " + PropositionOf(m.hit.Claim)
		p, ok := byKey[k]
		if !ok {
			sign := 1
			if m.j.Stance == StanceDenial {
				sign = -1
			}
			p = &prop{pm: &PropositionMatch{ID: PropositionOf(m.hit.Claim), Text: m.hit.Claim.Text, Match: m.j.Stance, Score: m.j.Score,
				View: view, AssertedBy: by, Claims: []ClaimMatch{}}, sign: sign}
			byKey[k] = p
			props = append(props, p)
		}
		p.items = append(p.items, m)
	}
	// every claim that states a matched proposition answers with it, whether
	// or not the search found it
	inProp := map[string]bool{}
	for _, m := range matched {
		inProp[m.hit.Claim.ID] = true
	}
	for _, p := range props {
		if KindOf(p.pm.ID) != KindClaim || (j != nil && !byID) {
			// evidence stands alone; a judged question judged the members
			// with the rest of its candidates
			continue
		}
		members, err := q.Claims(ctx, ClaimFilter{Proposition: p.pm.ID, Page: Page{Limit: MaxLimit}})
		if err != nil {
			return nil, err
		}
		for _, c := range members {
			if inProp[c.ID] || rejectedView(c) {
				// (a view its source rejects stands on the other side: it
				// answers only when the search found it and judged it so)
				continue
			}
			inProp[c.ID] = true
			jd := p.items[0].j
			jd.Asserter = ""
			if j != nil {
				// a member must bear on the question itself, at least in
				// part: grouping is a judgement too, and may be wrong
				own := judgeInContext(j, f.query, c)
				if own.Score < memberCoverage {
					continue
				}
				jd.Asserter = own.Asserter
			}
			p.items = append(p.items, judged{hit: ClaimHit{Claim: c, Rank: jd.Score}, j: jd})
		}
	}
	// every source's passages: side, own voice or reported
	type passage struct {
		pol      int
		quote    Quote
		path     []Step
		node     string
		reported bool
		rank     float64
	}
	// every passage once, in all; the lists below are indexes into it
	var all []passage
	perSource := map[string][]int32{}
	var order []string
	type reachKey struct{ node, claim string }
	seenReach := map[reachKey]bool{}
	direct := map[string]bool{}
	for _, m := range matched {
		direct[m.hit.Claim.ID] = true
	}
	// every walk first, then the titles of every source they quote in one
	// light lookup (not one read of a whole source text per source)
	reachOf := map[string][]Reach{}
	var sourceIDs, nodeIDs []string
	for _, p := range props {
		for _, m := range p.items {
			if len(m.hit.Claim.Spans) > 0 {
				sourceIDs = append(sourceIDs, m.hit.Claim.Spans[0].SourceID)
			}
			if _, ok := reachOf[m.hit.Claim.ID]; ok {
				continue
			}
			reaches := []Reach{{Node: m.hit.Claim.ID, Spans: m.hit.Claim.Spans}}
			if KindOf(m.hit.Claim.ID) == KindClaim {
				var err error
				if reaches, err = q.Reach(ctx, m.hit.Claim.ID, depth); err != nil {
					return nil, err
				}
			}
			reachOf[m.hit.Claim.ID] = reaches
			for _, r := range reaches {
				for _, sp := range r.Spans {
					sourceIDs = append(sourceIDs, sp.SourceID)
				}
				if len(r.Steps) > 0 {
					nodeIDs = append(nodeIDs, r.Node)
				}
				for _, s := range r.Steps {
					nodeIDs = append(nodeIDs, s.From, s.To)
				}
			}
		}
	}
	if err := f.loadSources(sourceIDs); err != nil {
		return nil, err
	}
	if err := f.loadTexts(nodeIDs); err != nil {
		return nil, err
	}
	// a passage per span reached at most: sized once (grown by appends it
	// was a third of an answer's allocations)
	all = make([]passage, 0, len(sourceIDs))
	for _, p := range props {
		for _, m := range p.items {
			cm, err := f.claimMatch(m.hit.Claim, m.j.Score)
			if err != nil {
				return nil, err
			}
			p.pm.Claims = append(p.pm.Claims, cm)
			ans.Claims = append(ans.Claims, cm)
			reaches := reachOf[m.hit.Claim.ID]
			for _, r := range reaches {
				if k := (reachKey{r.Node, m.hit.Claim.ID}); seenReach[k] || (len(r.Steps) > 0 && direct[r.Node]) {
					// a matched claim answers for itself
					continue
				} else {
					seenReach[k] = true
				}
				if j != nil && !byID && len(r.Steps) > 0 && !f.bearsAcross(m.hit.Claim, r.Steps[len(r.Steps)-1], reaches) {
					// a claim of another document linked to the matched
					// claim for a part of it the question does not ask
					// about bears on that part, not on the question
					continue
				}
				pol := Polarity(r.Steps) * p.sign
				if len(r.Steps) > 0 && rejectedView(m.hit.Claim) {
					// the claim states the view its source rejects: what
					// bears on it bears on the view, whose side is the
					// question's
					pol = -pol
				}
				asserter := m.j.Asserter
				stance := m.j.Stance
				view := ""
				if rejectedView(m.hit.Claim) {
					view = ViewRejected
				}
				if len(r.Steps) > 0 {
					stance, view = "", ""
					asserter = f.asserter(r.Node)
				}
				for _, sp := range r.Spans {
					if _, err := f.ref(sp.SourceID); IsNotFound(err) {
						continue
					} else if err != nil {
						return nil, err
					}
					if len(r.Steps) > 0 && !f.states(sp, r.Node) {
						// a span reached through a relation that states
						// nothing (a bare citation, a heading) is no
						// statement to quote; a matched one was judged
						// to state or deny the question
						continue
					}
					if _, ok := perSource[sp.SourceID]; !ok {
						order = append(order, sp.SourceID)
					}
					by := asserter
					if by == "" {
						by = "author"
					}
					perSource[sp.SourceID] = append(perSource[sp.SourceID], int32(len(all)))
					all = append(all, passage{pol: pol, node: r.Node, path: r.Steps,
						reported: asserter != "", rank: m.j.Score,
						quote: Quote{Span: sp, Node: r.Node, AssertedBy: by, Reported: asserter != "", Stance: stance, View: view}})
				}
			}
		}
		ans.Propositions = append(ans.Propositions, *p.pm)
	}
	judgedText := j != nil && !byID
	posts, err := f.posts(order)
	if err != nil {
		return nil, err
	}
	// each side's sources, with their passages and rank; side 1 is at
	// index 0 and side -1 at 1 of every pair of lists below
	type listed struct {
		b        Backing
		passages []int32
		rank     float64
	}
	at := func(side int) int { return (1 - side) / 2 }
	var sides [2][]listed
	// kept from source to source (emptied for each), so that a source's
	// sides cost no maps of their own; quotedAll backs every listed's
	// passages
	seenSpan, seenNode := map[Span]bool{}, map[string]bool{}
	var quotedAll []int32
	for _, sid := range order {
		// each poster of a thread is a voice of its own; a source one
		// author wrote has one (the author's, "")
		voices := []string{""}
		var byVoice map[string][]int32
		if len(posts[sid]) > 0 {
			voices, byVoice = voices[:0], map[string][]int32{}
			for _, i := range perSource[sid] {
				p := &all[i]
				v := PosterAt(posts[sid], p.quote.Start)
				if _, ok := byVoice[v]; !ok {
					voices = append(voices, v)
				}
				if v != "" {
					p.quote.Poster = v
					if !p.reported {
						p.quote.AssertedBy = v
					}
				}
				byVoice[v] = append(byVoice[v], i)
			}
		}
		var onSide [2][]int32
		var postersOn [2][]string
		for _, v := range voices {
			ps := perSource[sid]
			if byVoice != nil {
				ps = byVoice[v]
			}
			// what a voice says in its own name outweighs what it reports;
			// on a judged question, what it states or denies itself
			// outweighs what only reaches the proposition through a chain
			// of relations (a sentence the parser linked the wrong way does
			// not put a source on both sides); a walk from a claim ID shows
			// the whole argument
			own := false
			var direct [2]bool
			for _, i := range ps {
				if !all[i].reported {
					own = true
				}
			}
			for _, i := range ps {
				if p := &all[i]; judgedText && len(p.path) == 0 && (!own || !p.reported) {
					direct[at(p.pol)] = true
				}
			}
			if judgedText && direct[0] && direct[1] {
				// a voice that both states and denies the question in its
				// own words stands on the side of its denial: what it
				// states too is a view it concedes or sets out before
				// turning it down ("X is a tool of states. Yet X is more
				// than a tool"), or a reading of a sentence that the
				// denial's negation, read from its words, corrects
				direct[0] = false
			}
			if judgedText && !direct[0] && !direct[1] {
				// a voice that reaches the proposition only through chains
				// stands on the side of its shortest one: a claim that
				// contests a claim stating the question contests the
				// question, and what contests that contester, a step
				// further, does not also put its source on the other side
				shortest := 0
				for _, i := range ps {
					if p := &all[i]; !(own && p.reported) && (shortest == 0 || len(p.path) < shortest) {
						shortest = len(p.path)
					}
				}
				for _, i := range ps {
					if p := &all[i]; !(own && p.reported) && len(p.path) == shortest {
						direct[at(p.pol)] = true
					}
				}
			}
			for _, side := range []int{1, -1} {
				if (direct[0] || direct[1]) && !direct[at(side)] {
					continue
				}
				n := len(onSide[at(side)])
				for _, i := range ps {
					if p := &all[i]; p.pol == side && !(own && p.reported) {
						onSide[at(side)] = append(onSide[at(side)], i)
					}
				}
				if v != "" && len(onSide[at(side)]) > n {
					postersOn[at(side)] = append(postersOn[at(side)], v)
				}
			}
		}
		for _, side := range []int{1, -1} {
			var b *Backing
			first := len(quotedAll)
			clear(seenSpan)
			clear(seenNode)
			best := 0.0
			for _, i := range onSide[at(side)] {
				p := &all[i]
				if b == nil {
					sr, _ := f.ref(sid)
					b = &Backing{Source: sr, Quotes: []Quote{}, Spans: []Span{}, Path: p.path, Nodes: []string{}}
				}
				if len(p.path) < len(b.Path) {
					b.Path = p.path
				}
				best = max(best, p.rank)
				if !seenSpan[p.quote.Span] {
					seenSpan[p.quote.Span] = true
					quotedAll = append(quotedAll, i)
				}
				if !seenNode[p.node] {
					seenNode[p.node] = true
					b.Nodes = append(b.Nodes, p.node)
				}
			}
			if b == nil {
				continue
			}
			quoted := quotedAll[first:len(quotedAll):len(quotedAll)]
			if b.Path == nil {
				b.Path = []Step{}
			}
			b.Posters = postersOn[at(side)]
			b.QuotesTotal = len(quoted)
			// the closest passages first
			slices.SortStableFunc(quoted, func(x, y int32) int {
				px, py := &all[x], &all[y]
				switch {
				case len(px.path) != len(py.path):
					return cmp.Compare(len(px.path), len(py.path))
				default:
					return cmp.Compare(px.quote.Start, py.quote.Start)
				}
			})
			sides[at(side)] = append(sides[at(side)], listed{b: *b, passages: quoted, rank: best})
		}
	}
	// Closest first: direct statements, then by path length; among equals,
	// sources stating the best-matching claims first, then by title. Then
	// the page: its sources, each with its first passages, their chains
	// written out.
	for _, side := range []int{1, -1} {
		list := sides[at(side)]
		less := func(a, b *listed) bool {
			if len(a.b.Path) != len(b.b.Path) {
				return len(a.b.Path) < len(b.b.Path)
			}
			if a.rank != b.rank {
				return a.rank > b.rank
			}
			return a.b.Source.Title < b.b.Source.Title
		}
		slices.SortStableFunc(list, func(a, b listed) int {
			switch {
			case less(&a, &b):
				return -1
			case less(&b, &a):
				return 1
			}
			return 0
		})
		total := len(list)
		list = list[min(pg.Offset, total):]
		if pg.Source != "" {
			var one []listed
			for _, l := range sides[at(side)] {
				if l.b.Source.ID == pg.Source {
					one = append(one, l)
				}
			}
			list = one
		} else if pg.Limit > 0 {
			list = list[:min(pg.Limit, len(list))]
			if pg.Offset+pg.Limit < total {
				ans.NextCursor = AnswerCursor(query, depth, pg.Offset+pg.Limit)
			}
		}
		out := make([]Backing, 0, len(list))
		for _, l := range list {
			b := l.b
			ps := l.passages
			if pg.Quotes > 0 && len(ps) > pg.Quotes {
				ps = ps[:pg.Quotes]
				// the nodes of the passages listed
				keep := map[string]bool{}
				for _, i := range ps {
					keep[all[i].node] = true
				}
				nodes := []string{}
				for _, n := range b.Nodes {
					if keep[n] {
						nodes = append(nodes, n)
					}
				}
				b.Nodes = nodes
			}
			b.Quotes = make([]Quote, len(ps))
			b.Spans = make([]Span, len(ps))
			for k, i := range ps {
				p := &all[i]
				chain, err := f.chain(p.path)
				if err != nil {
					return nil, err
				}
				b.Quotes[k] = p.quote
				b.Quotes[k].Chain = chain
				b.Spans[k] = p.quote.Span
			}
			sort.Slice(b.Spans, func(i, j int) bool { return b.Spans[i].Start < b.Spans[j].Start })
			out = append(out, b)
		}
		if side > 0 {
			ans.Supporting, ans.SupportingTotal = out, total
		} else {
			ans.Contesting, ans.ContestingTotal = out, total
		}
	}
	return ans, nil
}

// Candidates are what a question in words is judged over: the claims a
// full-text search for it finds, the other claims of their propositions,
// then the evidence the search finds, with each one's text and gist (the
// evidence's gist is its text read as its referent names its subject).
type Candidates struct {
	Hits  []ClaimHit
	Texts []string
	Gists []string
	// Stored counts the candidates that are stored claims and evidence;
	// the passages a PassageSearcher found follow them
	Stored int
}

// AnswerCandidates returns the candidates FindSupportersPage judges for a
// question in words.
func AnswerCandidates(ctx context.Context, q Questioner, query string) (*Candidates, error) {
	hits, err := q.SearchClaims(ctx, query, searchCandidates)
	if err != nil {
		return nil, err
	}
	// evidence states findings and reported views too
	evs, err := q.SearchEvidence(ctx, query, searchCandidates/2)
	if err != nil {
		return nil, err
	}
	// the other claims of the propositions found: restatements the
	// search missed, judged like the rest
	have := map[string]bool{}
	for _, h := range hits {
		have[h.Claim.ID] = true
	}
	props := map[string]bool{}
	found := len(hits)
	for _, h := range hits[:found] {
		p := PropositionOf(h.Claim)
		if props[p] || len(hits) >= maxJudged {
			continue
		}
		props[p] = true
		members, err := q.Claims(ctx, ClaimFilter{Proposition: p, Page: Page{Limit: maxMembers}})
		if err != nil {
			return nil, err
		}
		for _, c := range members {
			if !have[c.ID] && len(hits) < maxJudged {
				have[c.ID] = true
				hits = append(hits, ClaimHit{Claim: c, Rank: h.Rank})
			}
		}
	}
	passages := 0
	if ps, ok := q.(PassageSearcher); ok {
		// the sentences that no claim or evidence covers, in the sources
		// found (the first passageSources, claims' sources first): what
		// the extraction left out (an announcement of what a text
		// examines, a table row, a caption) may still answer
		var ids []string
		seen := map[string]bool{}
		add := func(spans []Span) {
			if len(spans) > 0 && !seen[spans[0].SourceID] && len(ids) < passageSources {
				seen[spans[0].SourceID] = true
				ids = append(ids, spans[0].SourceID)
			}
		}
		for _, h := range hits {
			add(h.Claim.Spans)
		}
		for _, h := range evs {
			add(h.Evidence.Spans)
		}
		more, err := ps.SearchPassages(ctx, query, ids, searchCandidates/2)
		if err != nil {
			return nil, err
		}
		passages = len(more)
		evs = append(evs, more...)
	}
	nClaims := len(hits)
	for _, h := range evs {
		c := Claim{ID: h.Evidence.ID, Text: h.Evidence.Text, Spans: h.Evidence.Spans, Referent: h.Evidence.Referent}
		hits = append(hits, ClaimHit{Claim: c, Rank: h.Rank})
	}
	texts := make([]string, len(hits))
	gists := make([]string, len(hits))
	for i, h := range hits {
		texts[i], gists[i] = h.Claim.Text, h.Claim.Gist
		if i >= nClaims {
			// evidence has no gist: its subject is read as its
			// referent names it
			if r := evs[i-nClaims].Evidence.Referent; r != nil {
				gists[i] = r.Reading(texts[i])
			}
		}
	}
	return &Candidates{Hits: hits, Texts: texts, Gists: gists, Stored: len(hits) - passages}, nil
}

// PassageSearcher is a Questioner that also finds, in the texts of the
// sources sourceIDs, the sentences that no claim or evidence of theirs
// covers and that match query, best first, at most limit: each as an
// evidence hit whose evidence is no stored node (its ID is PassageID of
// its one span). An answer judges them with its other candidates.
type PassageSearcher interface {
	SearchPassages(ctx context.Context, query string, sourceIDs []string, limit int) ([]EvidenceHit, error)
}

// passagePrefix opens the ID of a passage (PassageID).
const passagePrefix = "psg_"

// PassageID names the passage of a source at sp, a sentence no stored
// claim or evidence covers, as an answer quotes it (Quote.Node): no stored
// node has it.
func PassageID(sp Span) string {
	return passagePrefix + sp.SourceID + "_" + strconv.Itoa(sp.Start) + "_" + strconv.Itoa(sp.End)
}

// PassageSpan returns the span a PassageID names, and false for any other
// ID.
func PassageSpan(id string) (Span, bool) {
	rest, ok := strings.CutPrefix(id, passagePrefix)
	if !ok {
		return Span{}, false
	}
	rest, e, ok1 := cutLast(rest, "_")
	src, b, ok2 := cutLast(rest, "_")
	start, err1 := strconv.Atoi(b)
	end, err2 := strconv.Atoi(e)
	if !ok1 || !ok2 || err1 != nil || err2 != nil || src == "" || start < 0 || end < start {
		return Span{}, false
	}
	return Span{SourceID: src, Start: start, End: end}, true
}

// cutLast cuts s around the last sep.
func cutLast(s, sep string) (before, after string, found bool) {
	if i := strings.LastIndex(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

// KeepAnswering keeps of the passages (the candidates after Stored) those
// that j, judging each alone, finds stating or denying query: only they
// are judged again among the stored candidates (Judge), which costs an
// answer a second judging of them all. (On the tuning question sets,
// session 16, 29 of 1,503 passages found answer alone, and 24 of the 27
// that answer among the candidates.)
func (c *Candidates) KeepAnswering(j Judge, query string) {
	n := c.Stored
	for i := c.Stored; i < len(c.Hits); i++ {
		if j.Judge(query, c.Texts[i]).Stance != StanceTopic {
			c.Hits[n], c.Texts[n], c.Gists[n] = c.Hits[i], c.Texts[i], c.Gists[i]
			n++
		}
	}
	c.Hits, c.Texts, c.Gists = c.Hits[:n], c.Texts[:n], c.Gists[:n]
}

// Sources returns the ID of the source each candidate is stated in first
// ("" for one without spans).
func (c *Candidates) Sources() []string {
	out := make([]string, len(c.Hits))
	for i, h := range c.Hits {
		if len(h.Claim.Spans) > 0 {
			out[i] = h.Claim.Spans[0].SourceID
		}
	}
	return out
}

// Judge judges the candidates against query with j, reading each in the
// context of its gist (ContextJudge) and with the others of its source
// (SourceJudge) when j can.
func (c *Candidates) Judge(j Judge, query string) []Judgement {
	js := c.judge(j, query, c.Stored)
	if c.Stored < len(c.Hits) {
		// a passage is judged among the stored candidates, which are
		// judged as they would be without the passages
		all := c.judge(j, query, len(c.Hits))
		js = append(js[:c.Stored:c.Stored], all[c.Stored:]...)
	}
	return js
}

// judge judges the first n candidates.
func (c *Candidates) judge(j Judge, query string, n int) []Judgement {
	if sj, ok := j.(SourceJudge); ok {
		return sj.JudgeSources(query, c.Texts[:n], c.Gists[:n], c.Sources()[:n])
	}
	if cj, ok := j.(ContextJudge); ok {
		return cj.JudgeAllInContext(query, c.Texts[:n], c.Gists[:n])
	}
	return j.JudgeAll(query, c.Texts[:n])
}

// searchCandidates is how many full-text matches a judged question weighs.
const searchCandidates = 60

// passageSources bounds the sources whose passages a judged question
// weighs (PassageSearcher), and so the texts it reads: the sources of the
// best matches first.
const passageSources = 16

// maxMembers bounds the claims of one proposition a question weighs, and
// maxJudged the claims it weighs in all.
const (
	maxMembers = 200
	maxJudged  = 400
)

// memberCoverage is the share of the question a claim grouped with a
// matched proposition must cover to answer with it.
const memberCoverage = 0.5

// maxSuggestions bounds the closest claims offered when nothing matches.
const maxSuggestions = 5

// rejectedView reports whether c states a view its source goes on to
// reject (CueRejectedView).
func rejectedView(c Claim) bool {
	for _, cue := range c.Cues {
		if cue == CueRejectedView {
			return true
		}
	}
	return false
}

// PropositionOf returns the ID of the proposition c states: its
// Proposition, or its own ID when it has none.
func PropositionOf(c Claim) string {
	if c.Proposition != "" {
		return c.Proposition
	}
	return c.ID
}

type judged struct {
	hit ClaimHit
	j   Judgement
}

// finder holds what one FindSupporters call looks up more than once.
type finder struct {
	ctx     context.Context
	q       Questioner
	j       Judge
	query   string
	sources map[string]*Source
	texts   map[string]string
	// asserters are the verdicts on who asserts each node reached through
	// relations: one Judge per node, however many matched claims reach it
	asserters map[string]string
	// bears are the verdicts of bearsAcross, by relation: one read of a
	// relation and one Judge each at most
	bears map[string]bool
	// stating are the verdicts of states, by text
	stating map[string]bool
}

// bearsAcross reports whether the step into the matched claim c (from a
// node of reaches, c's) carries c's side to the question. A relation the
// linker inferred across documents (OriginLinked) joins two claims that
// state or deny one proposition; when c says more than the question asks
// about, that proposition may be another part of it ("It is wrong to say
// that IOM enforces the exclusion" of a claim that also lists the sites
// IOM runs, asked whether IOM runs them). So the linked claim carries the
// side only when it covers the question as far as a claim grouped with a
// matched proposition must (memberCoverage). The document's own relations,
// and those a person made, always carry it. Only a step from another
// source than c's is looked up.
func (f *finder) bearsAcross(c Claim, step Step, reaches []Reach) bool {
	if b, ok := f.bears[step.RelationID]; ok {
		return b
	}
	b := true
	if f.otherSource(c, step.From, reaches) {
		if rr, ok := f.q.(relationReader); ok {
			if r, err := rr.Relation(f.ctx, step.RelationID); err == nil && r.Origin == OriginLinked {
				b = f.j.Judge(f.query, f.text(step.From)).Score >= memberCoverage
			}
		}
	}
	f.bears[step.RelationID] = b
	return b
}

// otherSource reports whether no source of c states the node from (whose
// spans reaches holds).
func (f *finder) otherSource(c Claim, from string, reaches []Reach) bool {
	for _, r := range reaches {
		if r.Node != from {
			continue
		}
		for _, sp := range r.Spans {
			for _, cs := range c.Spans {
				if cs.SourceID == sp.SourceID {
					return false
				}
			}
		}
		return true
	}
	return false
}

// states reports whether the span of node states something, as the judge
// reads its text (StatementJudge: the quote, else the node's text); yes
// when the judge cannot tell.
func (f *finder) states(sp Span, node string) bool {
	sj, ok := f.j.(StatementJudge)
	if !ok {
		return true
	}
	t := sp.Quote
	if t == "" {
		t = f.text(node)
	}
	b, ok := f.stating[t]
	if !ok {
		b = sj.States(t)
		f.stating[t] = b
	}
	return b
}

// asserter returns who asserts the node's text as the judge reads it
// against the question ("" for the author, and with no judge).
func (f *finder) asserter(node string) string {
	if f.j == nil {
		return ""
	}
	a, ok := f.asserters[node]
	if !ok {
		if vj, isVJ := f.j.(VoiceJudge); !isVJ || !vj.OwnVoice(f.text(node)) {
			a = f.j.Judge(f.query, f.text(node)).Asserter
		}
		f.asserters[node] = a
	}
	return a
}

// singleAuthor are the source kinds one author (or one team) writes: their
// texts are not read for posts.
var singleAuthor = map[string]bool{SourceArticle: true, SourceChapter: true, SourceBook: true, SourceStatement: true,
	SourceReport: true, SourceCited: true}

// posts finds the posts of the sources several people wrote among ids
// (source ID -> posts), when the judge can (PostFinder). Sources of a kind
// one author writes (articles, books, reports ...) are not read.
func (f *finder) posts(ids []string) (map[string][]Post, error) {
	pf, ok := f.j.(PostFinder)
	if !ok {
		return nil, nil
	}
	out := map[string][]Post{}
	for _, id := range ids {
		if s := f.sources[id]; s == nil || singleAuthor[s.Kind] {
			continue
		}
		s, err := f.q.Source(f.ctx, id)
		if IsNotFound(err) {
			continue
		} else if err != nil {
			return nil, err
		}
		if ps := pf.Posts(s.Text); len(ps) > 0 {
			out[id] = ps
		}
	}
	return out, nil
}

// loadSources looks up the sources of ids not yet known in one read. An ID
// it does not find is remembered as unknown (ref answers ENOTFOUND).
func (f *finder) loadSources(ids []string) error {
	var want []string
	for _, id := range ids {
		if _, ok := f.sources[id]; !ok {
			f.sources[id] = nil
			want = append(want, id)
		}
	}
	if len(want) == 0 {
		return nil
	}
	list, err := f.q.SourcesByID(f.ctx, want)
	if err != nil {
		return err
	}
	for i := range list {
		f.sources[list[i].ID] = &list[i]
	}
	return nil
}

func (f *finder) ref(id string) (SourceRef, error) {
	s, ok := f.sources[id]
	if ok && s == nil {
		return SourceRef{}, Errorf(ENOTFOUND, "source %s not found", id)
	}
	if !ok {
		var err error
		s, err = f.q.Source(f.ctx, id)
		if err != nil {
			return SourceRef{}, err
		}
		s.Text = ""
		f.sources[id] = s
	}
	return SourceRef{ID: s.ID, Title: s.Title, URI: s.URI}, nil
}

func (f *finder) claimMatch(c Claim, rank float64) (ClaimMatch, error) {
	m := ClaimMatch{ID: c.ID, Text: c.Text, Gist: c.Gist, Referent: c.Referent, Rank: rank}
	if len(c.Spans) > 0 {
		if r, err := f.ref(c.Spans[0].SourceID); err == nil {
			m.Source = r
		} else if !IsNotFound(err) {
			return m, err
		}
	}
	return m, nil
}

// text returns a node's text for chains: a claim's gist or text, evidence
// text, or a description of a relation (the inference an undercut attacks).
// loadTexts looks up the texts of the claims and evidence among ids not yet
// known in one read.
func (f *finder) loadTexts(ids []string) error {
	var want []string
	seen := map[string]bool{}
	for _, id := range ids {
		if _, ok := f.texts[id]; !ok && !seen[id] {
			if k := KindOf(id); k == KindClaim || k == KindEvidence {
				seen[id] = true
				want = append(want, id)
			}
		}
	}
	if len(want) == 0 {
		return nil
	}
	texts, err := f.q.NodeTexts(f.ctx, want)
	if err != nil {
		return err
	}
	for _, id := range want {
		t, ok := texts[id]
		if !ok {
			t = id // as text() does for a node it cannot read
		}
		f.texts[id] = t
	}
	return nil
}

func (f *finder) text(id string) string {
	if t, ok := f.texts[id]; ok {
		return t
	}
	t := id
	switch KindOf(id) {
	case KindClaim:
		if c, err := f.q.Claim(f.ctx, id); err == nil {
			t = c.Gist
			if t == "" {
				t = c.Text
			}
		}
	case KindEvidence:
		if e, err := f.q.Evidence(f.ctx, id); err == nil {
			t = e.Text
		}
	case KindRelation:
		t = "an inference"
		if rq, ok := f.q.(relationEndsReader); ok {
			if from, to, err := rq.RelationEnds(f.ctx, id); err == nil {
				t = InferenceName(&Relation{ID: id, From: from, To: to}, func(id string) string { return f.text(id) })
			}
		} else if rq, ok := f.q.(relationReader); ok {
			if r, err := rq.Relation(f.ctx, id); err == nil {
				t = InferenceName(r, func(id string) string { return f.text(id) })
			}
		}
	}
	f.texts[id] = t
	return t
}

// relationReader is the optional part of a Questioner that reads a relation:
// a chain that reaches a relation (the target of an undercut) names it by
// what it joins. Both stores have it.
type relationReader interface {
	Relation(ctx context.Context, id string) (*Relation, error)
}

// relationEndsReader is a lighter relationReader: only what a relation joins,
// which a store may answer from memory (sqlitestore's relations copy).
type relationEndsReader interface {
	RelationEnds(ctx context.Context, id string) (from []string, to string, err error)
}

// InferenceName names a relation for a reader by the texts it joins, never by
// its ID: "the inference from ‘premise’ (+ ‘premise’) to ‘target’", each text
// cut after a whole word; text gives a node's text. A relation whose target is
// itself a relation is named one level deep.
func InferenceName(r *Relation, text func(id string) string) string {
	name := func(id string) string {
		if KindOf(id) == KindRelation {
			return "another inference"
		}
		return "‘" + Clip(text(id), 30) + "’"
	}
	var from []string
	for _, p := range r.From {
		from = append(from, name(p))
	}
	return "the inference from " + strings.Join(from, " + ") + " to " + name(r.To)
}

func (f *finder) chain(steps []Step) ([]ChainStep, error) {
	out := make([]ChainStep, 0, len(steps))
	for _, s := range steps {
		if err := f.ctx.Err(); err != nil {
			return nil, Errorf(EUNAVAILABLE, "question cancelled: %w", err)
		}
		out = append(out, ChainStep{Kind: s.Kind, From: shorten(f.text(s.From), 300), To: shorten(f.text(s.To), 300), Relation: s.RelationID})
	}
	return out, nil
}

func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// AnswerCursor returns the cursor of the page of the answer to query at
// depth that starts at offset: opaque to users, and bound to the question,
// so that it is not taken for a page of another one.
func AnswerCursor(query string, depth int, offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(fmt.Sprintf("%d.%s", offset, questionKey(query, depth))))
}

// ParseAnswerCursor returns the offset a cursor of AnswerCursor holds.
// EINVALID for a cursor that is malformed or was given for another question
// or depth.
func ParseAnswerCursor(cursor, query string, depth int) (int, error) {
	depth = AnswerDepth(query, depth)
	raw, err := base64.RawURLEncoding.DecodeString(cursor)
	off, key, ok := strings.Cut(string(raw), ".")
	n, convErr := strconv.Atoi(off)
	if err != nil || !ok || convErr != nil || n < 0 || off != strconv.Itoa(n) {
		return 0, Errorf(EINVALID, "the cursor is not one an answer gave: ask without it for the first page")
	}
	if key != questionKey(query, depth) {
		return 0, Errorf(EINVALID, "the cursor belongs to another question or depth: ask without it for the first page")
	}
	return n, nil
}

// AnswerDepth is the depth FindSupporters walks for query when asked with
// depth: depth itself when it is positive (at most MaxDepth), else
// DefaultDepth for a claim ID and DefaultTextDepth for a question in words.
func AnswerDepth(query string, depth int) int {
	switch {
	case depth > 0:
		return min(depth, MaxDepth)
	case askedByID(query):
		return DefaultDepth
	}
	return DefaultTextDepth
}

// askedByID tells a question by claim ID from one in words.
func askedByID(query string) bool {
	query = strings.TrimSpace(query)
	return KindOf(query) == KindClaim && !strings.ContainsAny(query, " \t")
}

// questionKey is the part of a cursor that names the question.
func questionKey(query string, depth int) string {
	h := sha256.Sum256([]byte(strconv.Itoa(depth) + "\x00" + strings.TrimSpace(query)))
	return hex.EncodeToString(h[:6])
}

// judgeInContext judges one claim against question, reading a subject that
// points back as its gist names it when j can (ContextJudge).
func judgeInContext(j Judge, question string, c Claim) Judgement {
	if cj, ok := j.(ContextJudge); ok && c.Gist != "" && c.Gist != c.Text {
		return cj.JudgeAllInContext(question, []string{c.Text}, []string{c.Gist})[0]
	}
	return j.Judge(question, c.Text)
}
