package structure

import (
	"sort"
	"strings"

	"github.com/argmap/argmap/internal/extract/lexicon"
)

// Texts of several paragraphs (essays, reports, posts, long documents) are
// decoded paragraph by paragraph. A writer who argues over paragraphs
// states the thesis in the opening paragraph, most often at its end after
// some background, and restates it in the closing one; each body paragraph
// opens with its own claim (the topic sentence), which its other sentences
// argue for or against. The decoder therefore
//   - decodes each paragraph (cut to ParseOptions.Block units) as one
//     argument with the learned model, its central-claim scores shifted by
//     the unit's place: the opening paragraph's last sentence up, a unit
//     there that says what ought to be done up, its plain units without a
//     stance of the writer's (stance) down; a later paragraph's first unit
//     up, or, when its first sentence grants a point to make another
//     ("X sounds expensive, but Y"), the point made, which the granted
//     point contests and which supports the thesis (concessiveTopic);
//   - in a short essay, takes a body paragraph that opens by raising a view
//     to answer it (counterParagraph: "Parents often say …", "It is true
//     that …", then "Yet …") as a counter-argument: the view is the
//     paragraph's claim, it contests the thesis, and the writer's
//     sentences after it contest the view (those that go on reporting,
//     "They point out …", give the view's reasons); a paragraph right
//     after it that opens by turning against it ("However, this argument
//     …") attacks the view, not the thesis;
//   - in a short text, decodes an opening unit that takes a decision or a
//     position ("The council has decided …": a statement's news) as
//     argumentative even when the roles stage calls it evidence (ledeUnits);
//   - leaves quoted units (forum replies: lines opening with ">") out of
//     the blocks and attaches the claim of the reply after a quote to the
//     quote's source, the earlier unit the quoted poster wrote (quotes.go);
//   - in a short thread of posts under header lines (threads.go), takes
//     the thesis from the opening post and attaches a reply's claim to the
//     post it answers, with its poster's side;
//   - in a short essay, also takes as a counter-argument a paragraph
//     that tells a worry others had ("Parents had worried that …", "… the
//     main concern raised before …") and then what happened, a denial
//     answering it ("… and no incidents were reported"), the worry its
//     claim even when it reads as a report;
//   - in a short text, has the plain sentences of a paragraph under a
//     heading that names results ("Findings") bear on the thesis each, not
//     on the finding before them (findingsHeading: a report lists its
//     findings; an essay's body paragraph argues for its topic sentence);
//   - in a short essay, takes a closing paragraph that grants points and
//     then turns to say what ought to be done ("X is not perfect. … Towns
//     should still …": closingTurn) as the turn, which the granted points
//     contest; the turn is the thesis unless the opening paragraph already
//     says what ought to be done;
//   - takes as the thesis the paragraph claim most likely a central claim,
//     with a prior for the opening (strong in an essay, unless its claim
//     only asks or reports what others hold: asks; stronger when it carries
//     the writer's stance, so that a conclusive closing sentence does not
//     win over it) and (less) the closing
//     paragraph and against a plain unit; a counter-argument is never the
//     thesis (since session 20 the thesis scorer, longcentral.go, chooses
//     among the candidates, the priors' choice one of its features);
//   - attaches every other paragraph's claim to the thesis, supporting or
//     contesting it as the model's function and role scores say (the
//     closing paragraph's restatement so supports the thesis);
//   - leaves the opening paragraph's plain units (description, report,
//     evidence: Unit.Plain) unattached when nothing bears on them: they set
//     the scene rather than argue.
//
// The priors are log-odds set by hand (no texts of several paragraphs with
// gold structure were at hand to fit them), on essays written for the
// tests; the model's weights are the microtexts-trained ones.
const (
	// introEndPrior favours the last sentence of the opening paragraph as
	// its claim, and plainPrior counts against a plain unit there.
	introEndPrior = 3.0
	plainPrior    = -3.0
	// topicPrior favours a later paragraph's first unit as its claim.
	topicPrior = 2.0
	// openingThesisPrior and closingThesisPrior favour the opening and the
	// closing paragraph's claims when the thesis is chosen among the
	// paragraphs' claims.
	openingThesisPrior = 2.0
	closingThesisPrior = 1.0
	// essayThesisPrior favours the opening paragraph's claim in a text of
	// an essay's shape (three paragraphs or more) so that it wins over the
	// closing restatement unless the model finds it very unlikely: the
	// model, fitted on one-paragraph texts, scores a closing "so ..."
	// sentence high, and in an essay that sentence restates the thesis.
	essayThesisPrior = 6.0
	// reportFloor is the least opponent and attack log-odds of a unit that
	// reports a view without owning it (reportFloors).
	reportFloor = 2.0
	// longThesisPrior favours both in a long text (a report's thesis is
	// as often in its conclusions as in its summary).
	longThesisPrior = 1.0
	// stanceThesisPrior adds to essayThesisPrior when the opening
	// paragraph's claim carries a stance of the writer's (stance).
	stanceThesisPrior = 4.0
	// deonticPrior favours a unit of an essay's opening paragraph that
	// says what ought to be done ("should", "must"): the usual form of a
	// thesis, wherever it stands in the paragraph.
	deonticPrior = 2.0
	// dependentPrior counts against a dependent clause split off its
	// sentence (dependent) as a central claim: of a one-paragraph text, of
	// a paragraph, or the thesis.
	dependentPrior = -3.0
)

// dependent reports whether unit k of v continues its sentence with a
// dependent clause: a relative clause ("..., which ...", "– what we call
// ..."), a reason, a condition or a concession. Such a clause can be a
// premise, but it leans on the clause before it for its subject or its
// sense, and a writer does not state a central claim in one.
func dependent(v *view, k int) bool {
	in := &v.info[k]
	if in.sentFirst {
		return false
	}
	switch in.class {
	case classRelative, classCausal, classCondition, classConcession:
		return true
	}
	return in.first != "" && wh[in.first]
}

// wh are the relative words that open a clause without a connective class
// of their own (a free relative: "what we call ...").
var wh = map[string]bool{"what": true, "whatever": true, "whom": true, "whose": true, "whereby": true, "wherein": true}

// opensDependent reports whether unit k of v is a subordinate clause that
// opens its sentence, its main clause following in a unit of its own
// ("Although X, | Y", "If X, | Y", "Because X, | Y"): a dependent clause as
// much as one that follows its main clause (dependent), and no central
// claim either. Of microtexts2's units 17 are such clauses and none is a
// central claim (our own texts: 2 and none).
func opensDependent(v *view, k int) bool {
	in := &v.info[k]
	if !in.sentFirst || in.sentLast || len(in.ws) < 2 {
		return false
	}
	return subordinators[in.ws[0]] || in.ws[0] == "even" && (in.ws[1] == "though" || in.ws[1] == "if")
}

// subordinators open an adverbial clause that cannot stand alone: a
// concession, a contrast, a condition, a reason or a time ("as", also a
// preposition, and "once", also an adverb, are left out).
var subordinators = set("although", "though", "while", "whilst", "whereas", "if", "unless", "because", "since",
	"when", "whenever")

// dependentPriors are the central-claim priors of v's units that dependent
// gives, or nil when no unit is dependent. In a short text of one argument
// a subordinate clause that opens its sentence (opensDependent) has it
// too; the paragraph decoding of longer texts, and the thesis scorer that
// reads dependent, were fitted without it.
func dependentPriors(v *view) []float64 {
	var prior []float64
	for k := range v.units {
		if dependent(v, k) || v.short && opensDependent(v, k) {
			if prior == nil {
				prior = make([]float64, len(v.units))
			}
			prior[k] = dependentPrior
		}
	}
	return prior
}

// parseParagraphs decodes a text of several paragraphs, or a long one
// (long: each paragraph is decoded within opt.Window units and maxRoots
// root candidates, so parsing stays linear in the length of the text).
func (m *Model) parseParagraphs(text string, units []Unit, opt ParseOptions, long bool) Structure {
	st := Structure{Opponent: make([]float64, len(units))}
	long = long && !essayShaped(units, essayUnits*opt.OneArgument, opt.Block)
	// blocks: paragraphs, cut to opt.Block units
	// (a quoted unit is no part of a block, and the block after it answers
	// it: quotes.go)
	var post []int // a thread's posts (threads.go)
	var authors []string
	if !long {
		units = ledeUnits(text, units)
		post, authors = threadPosts(text, units)
	}
	type block struct{ start, end, answers int }
	var blocks []block
	src := quoteSources(text, units)
	if src != nil {
		st.Quotes = make([]int, len(units))
		for i, k := range src {
			st.Quotes[i] = -1
			if k >= 0 && k != i {
				st.Quotes[i] = k
			}
		}
	}
	answers := -1
	for i := 0; i < len(units); {
		if src != nil && src[i] >= 0 {
			answers = src[i]
			i++
			continue
		}
		j := i + 1
		for j < len(units) && units[j].Para == units[i].Para && j-i < opt.Block && (src == nil || src[j] < 0) {
			j++
		}
		if i > 0 && units[i-1].Para != units[i].Para && (src == nil || src[i-1] < 0) {
			answers = -1
		}
		blocks = append(blocks, block{i, j, answers})
		answers = -1
		i = j
	}
	if len(blocks) == 0 {
		return st
	}
	// the opening and closing paragraphs: in a long text the first and
	// last of more than one unit when there are such (a lone unit there is
	// often a heading or a sign-off; a short essay may close on one sentence)
	opening, closing := units[0].Para, units[len(units)-1].Para
	multi := false
	for _, b := range blocks {
		if !long {
			break
		}
		if b.end-b.start > 1 || b.start > 0 && units[b.start-1].Para == units[b.start].Para {
			if !multi {
				opening, multi = units[b.start].Para, true
			}
			closing = units[b.start].Para
		}
	}
	// an essay's shape: an opening, at least one body paragraph and a
	// closing (else the opening paragraph may be the whole argument, and
	// its thesis anywhere in it)
	paras := 1
	for i := 1; i < len(units); i++ {
		if units[i].Para != units[i-1].Para {
			paras++
		}
	}
	essay := paras >= 3
	st.Whole = essay && !long
	if essay && !long && post == nil {
		opening = thesisParagraph(text, units, opening)
	}
	var roots []rootInfo
	var subs []rootInfo // the blocks' other units, when the thesis scorer chooses the thesis
	var leaves []int
	var openView *view // the opening paragraph's first block, from unit openStart
	openStart := 0
	var prior []float64
	lastCounter, prevPara := -1, -1 // the last counter-argument's claim; the paragraph before
	for _, b := range blocks {
		if opt.Stop != nil && opt.Stop() {
			return st
		}
		n := b.end - b.start
		bu := units[b.start:b.end]
		para := bu[0].Para
		first := b.start == 0 || units[b.start-1].Para != para || b.answers >= 0 // the block opens its paragraph or answers a quote
		prior = append(prior[:0], make([]float64, n)...)
		bv := newView(text, bu)
		act := -1 // a bare act of the writer's in the block ("I contest that claim."), pointing at what follows
		for k := range bu {
			if dependent(bv, k) {
				prior[k] += dependentPrior
			}
			if in := &bv.info[k]; in.sentFirst && in.sentLast && post == nil {
				switch {
				case roadmap(in.ws):
					// "This statement sets out why …": background
					prior[k] += plainPrior
				case bareAct(in.ws) && k > 0 && k+1 < n && b.answers < 0:
					// "X says P. I contest that claim. <the position>":
					// the act is no claim of the paragraph, the sentences
					// after it carry the position it takes (one that
					// opens its paragraph or a reply to a quote, "I doubt
					// it.", is the claim the reply makes)
					prior[k] += dependentPrior
					act = k
				}
			}
		}
		counter := false
		findings := false  // a report's paragraph of findings under its heading (findingsHeading)
		answer := -1       // the answering half of a concessive topic sentence (concessiveTopic)
		turn := -1         // the closing paragraph's turn after what it grants (closingTurn)
		concluded := false // the paragraph draws its claim at its end (concludes)
		switch {
		case para == opening:
			if k := concessiveTopic(bv); k > 0 && !long && (reportsView(bv.info[0].ws) || othersSay(bv.info[0].ws)) {
				// "My daughter says I should …, but I doubt …": the
				// writer's point is the answer to the view reported
				prior[k] += topicPrior
				for j := 0; j < k; j++ {
					prior[j] += dependentPrior
				}
			}
			lastSent := bu[n-1].Sent
			for k, u := range bu {
				if essay && u.Sent == lastSent {
					prior[k] += introEndPrior
				}
				if essay && !long && (bv.info[k].strong && !reportsView(bv.info[k].ws) || studyConcludes(bv.info[k].ws)) {
					prior[k] += deonticPrior
				}
				if essay && !long && u.Sent == units[0].Sent && bv.info[k].sentFirst && announces(bv.info[k].ws) {
					// a statement's news, a change set for a date ("From 3
					// March, the library will open on Sundays"), opens it
					prior[k] += deonticPrior
				}
				if u.Plain && (long || !stance(bv, k)) {
					prior[k] += plainPrior
				}
			}
		case first:
			counter = essay && !long && counterParagraph(bv, opt.Adjective)
			findings = essay && !long && post == nil && !counter && findingsHeading(text, bu[0].Start)
			if k := closingTurn(bv); k > 0 && essay && !long && post == nil && para == closing && !counter {
				// "X is not perfect. … Towns should still do X.": the
				// closing paragraph grants points to turn on them
				turn = k
			} else if k := concessiveTopic(bv); k > 0 && !long && !counter {
				prior[k] += topicPrior
				answer = k
			} else if k := concludes(bv); k > 0 && !long && !counter {
				// "First, X. Y. Therefore, Z.": the paragraph draws its
				// claim at its end
				concluded = true
				prior[0] += topicPrior
				prior[k] += 2 * topicPrior
			} else {
				prior[0] += topicPrior
				if bv.info[0].class == classAddition {
					// "Secondly, …", "Moreover, …": the paragraph opens a
					// new point of the writer's
					prior[0] += topicPrior
				}
			}
		}
		window, nroots, root := 0, n, -1
		if long {
			window, nroots = opt.Window, maxRoots
		}
		if counter {
			root = 0
			if bu[0].Leaf {
				// the view raised to be answered is the paragraph's
				// claim, even when it reads as a report (evidence)
				bu = append([]Unit(nil), bu...)
				bu[0].Leaf = false
				bv.units = bu
			}
		}
		if turn > 0 {
			root = turn
		}
		if post != nil && first && post[b.start] > 0 && authors[post[b.start]] != authors[0] && allLeaves(bu) {
			// a reply told only as what happened to its poster ("The
			// long days wear the younger children out …") still makes a
			// point, in its first sentence: it answers as a claim would
			// (the opening poster's later posts are left as they are: an
			// answer to a reply taken as a claim is taken as contesting
			// it, and one that only reports, "Pécoud makes a related
			// point: …", often thanks)
			bu = append([]Unit(nil), bu...)
			bu[0].Leaf = false
			bv.units = bu
		}
		if _, ok := replyKind(&bv.info[0]); ok && post != nil && first && post[b.start] > 0 {
			root = 0 // a reply that opens by agreeing or dissenting ("Agreed.", "Not so.") says its claim first
		}
		bv.oppFloor = reportFloors(bv)
		t := m.decodeWith(bv, window, nroots, root, prior)
		contested := -1 // the unit the bare act contests: the first of the sentence before it
		if act > 0 && root < 0 && contestsBack(bv.info[act].ws) {
			contested = act - 1
			for contested > 0 && bu[contested-1].Sent == bu[act-1].Sent {
				contested--
			}
		}
		if act >= 0 && (t.root == act || contested >= 0 && t.root < act) && root < 0 {
			// the tree hangs on the bare act, or on what the act
			// contests: root it on the likeliest claim after the act
			best := -1
			for k := act + 1; k < n; k++ {
				if !bu[k].Leaf && (best < 0 || t.ccz[k]+prior[k] > t.ccz[best]+prior[best]) {
					best = k
				}
			}
			if best >= 0 {
				t = m.decodeWith(bv, window, nroots, best, prior)
			}
			if best >= 0 && contested >= 0 {
				// "X says P. I contest that claim. Q.": P goes against
				// the position taken, its own sentence's other units
				// give its reasons, and the act answers it
				for k, r := range t.rels {
					switch {
					case r.From == contested:
						t.rels[k].To, t.rels[k].Kind, t.rels[k].Undercut = t.root, Attack, false
					case r.From > contested && r.From < act:
						t.rels[k].To, t.rels[k].Kind, t.rels[k].Undercut = contested, Support, false
					case r.From == act && !bu[contested].Leaf:
						t.rels[k].To, t.rels[k].Kind, t.rels[k].Undercut = contested, Attack, false
					}
				}
			}
		}
		conceded := answer >= 0 && t.root == answer
		if turn > 0 {
			// what the paragraph grants before it turns goes against the
			// turn; what spells a granted point out supports that point
			for k, r := range t.rels {
				if r.To != turn || bu[r.From].Sent >= bu[turn].Sent {
					continue
				}
				t.rels[k].Kind, t.rels[k].Undercut = Attack, false
				if in := &bv.info[r.From]; bu[r.From].Sent != bu[0].Sent && in.sentFirst && in.class == classNone {
					t.rels[k].To, t.rels[k].Kind = 0, Support
				}
			}
		}
		if conceded {
			// the writer grants a point to make another: what is granted
			// goes against the point made
			for k, r := range t.rels {
				if bu[r.From].Sent == bu[0].Sent && r.From < answer {
					t.rels[k].To, t.rels[k].Kind, t.rels[k].Undercut = answer, Attack, false
				}
			}
		}
		if findings && t.root >= 0 {
			// a report lists its findings under a heading: each plain
			// finding that opens a sentence bears on the report's own
			// finding (the thesis), not on the finding listed before it
			// a caveat ("Numbers this small vary …, so this fall alone
			// does not prove …": limitations) goes against the finding
			// right before it
			limit := limitations(bv)
			kept := t.rels[:0]
			for _, r := range t.rels {
				in := &bv.info[r.From]
				if prev := sentenceStart(bv, r.From); limit[r.From] && in.sentFirst && prev >= 0 && !limit[prev] && !r.Undercut {
					r.To, r.Kind = prev, Attack
					kept = append(kept, r)
					continue
				}
				if r.From != t.root && in.sentFirst && in.class == classNone && bu[r.From].Plain && !r.Undercut {
					leaves = append(leaves, b.start+r.From)
					continue
				}
				kept = append(kept, r)
			}
			t.rels = kept
		}
		if counter {
			// the paragraph raises a view to answer it: what the writer
			// says after it, in a sentence of its own, turns against it;
			// a reason given in the view's own sentence is the view's
			// a sentence before the one that answers ("But …", "Nevertheless
			// …", "… is wrong") gives the view's own reasons, as does one
			// that goes on reporting it ("They point out that …") when the
			// answer is not marked
			answer := answerAt(bv)
			// an answer that only denies or disputes, in a few words ("In
			// practice it does not.", "Experience shows otherwise.", "The
			// repair log suggests something else."), is argued for by
			// what follows it: the evidence supports the denial, where
			// after an answer with content of its own ("Yet children
			// notice …") each sentence turns against the view
			bare := answer < n && bareAnswer(&bv.info[answer])
			for k, r := range t.rels {
				switch in := &bv.info[r.From]; {
				case bare && (r.To == 0 || r.To == answer) && in.sentFirst && bu[r.From].Sent > bu[answer].Sent:
					t.rels[k].To, t.rels[k].Kind, t.rels[k].Undercut = answer, Support, false
				case r.To != 0:
				case bu[r.From].Sent != bu[0].Sent && (answer == n || bu[r.From].Sent < bu[answer].Sent) && in.sentFirst && agrees(in):
					// the writer grants it first: "That is a fair concern."
					t.rels[k].Kind, t.rels[k].Undercut = Support, false
				case bu[r.From].Sent != bu[0].Sent && (answer < n && bu[r.From].Sent >= bu[answer].Sent || answer == n && !goesOnReporting(in)):
					t.rels[k].Kind, t.rels[k].Undercut = Attack, false
				case bu[r.From].Sent != bu[0].Sent:
					t.rels[k].Kind, t.rels[k].Undercut = Support, false
				case in.class == classCausal || in.class == classRelative || in.class == classAddition:
					// its reason, or its second half ("Admittedly, X, and Y")
					t.rels[k].Kind, t.rels[k].Undercut = Support, false
				}
			}
		}
		for k, p := range t.opp {
			st.Opponent[b.start+k] = p
		}
		if para == opening && t.root > 0 && essay && !long && post == nil && turnsOn(bv, t.root) {
			// "X could keep fees lower. It is a tempting idea. In my
			// opinion, though, …": a thesis that turns on what the
			// opening said before it has that said against it; the first
			// sentence before it is the view, the others its reasons
			view := -1
			for _, r := range t.rels {
				if r.To == t.root && bu[r.From].Sent < bu[t.root].Sent && bv.info[r.From].sentFirst && (view < 0 || r.From < view) {
					view = r.From
				}
			}
			for k, r := range t.rels {
				switch {
				case view < 0 || r.To != t.root || bu[r.From].Sent >= bu[t.root].Sent:
				case r.From == view:
					t.rels[k].Kind, t.rels[k].Undercut = Attack, false
				case bv.info[r.From].sentFirst:
					t.rels[k].To, t.rels[k].Kind, t.rels[k].Undercut = view, Support, false
				}
			}
		}
		if t.root >= 0 && post == nil {
			// a text saying what it does ("This statement sets out why
			// …") does not argue: it stays out when nothing bears on it
			target := make([]bool, n)
			for _, r := range t.rels {
				target[r.To] = true
			}
			kept := t.rels[:0]
			for _, r := range t.rels {
				if in := &bv.info[r.From]; target[r.From] || !in.sentFirst || !in.sentLast || !roadmap(in.ws) {
					kept = append(kept, r)
				}
			}
			t.rels = kept
		}
		if para == opening && t.root >= 0 {
			// background: the plain units that open the opening paragraph,
			// before anything argues, stay out of the argument when nothing
			// bears on them
			scene := 0
			for scene < n && bu[scene].Plain && scene != t.root {
				scene++
			}
			target := make([]bool, n)
			for _, r := range t.rels {
				target[r.To] = true
			}
			kept := t.rels[:0]
			for _, r := range t.rels {
				if r.From >= scene || target[r.From] {
					kept = append(kept, r)
				}
			}
			t.rels = kept
		}
		if counter || conceded || turn > 0 || findings || concluded || contested >= 0 || post != nil ||
			para == opening && t.root > 0 && essay && !long && turnsOn(bv, t.root) {
			// the block's relations follow a construction of the rules
			// above (a view raised to be answered, a point granted, a
			// turn, findings, a paragraph that concludes, a bare act, a
			// thread's posts)
			if st.Ruled == nil {
				st.Ruled = make([]bool, len(units))
			}
			for k := b.start; k < b.end; k++ {
				st.Ruled[k] = true
			}
		}
		for _, r := range t.rels {
			r.From += b.start
			r.To += b.start
			st.Relations = append(st.Relations, r)
		}
		if t.root < 0 {
			// no unit of the block can be a target: each bears on the thesis,
			// but evidence of the opening paragraph is background
			if para != opening {
				for k := b.start; k < b.end; k++ {
					leaves = append(leaves, k)
				}
			}
			continue
		}
		rebuts := -1
		if essay && !long && first && para != opening && !counter && lastCounter >= 0 && units[lastCounter].Para == prevPara && answersBefore(&bv.info[0]) {
			rebuts = lastCounter
		}
		if counter {
			lastCounter = b.start + t.root
		}
		prevPara = para
		granted := essay && !long && post == nil && first && para != opening && !counter && t.root == 0 && grants(&bv.info[0])
		if para == opening && openView == nil {
			openView, openStart = bv, b.start
		}
		claim := func(k int) rootInfo {
			took := act >= 0 && act < k
			r := rootInfo{took: took, granted: granted && k == 0, rebuts: rebuts, conceded: conceded && k == answer, turn: turn > 0 && k == turn, unit: b.start + k, cc: t.ccz[k], opp: t.opp[k], att: t.att[k], blockLen: n,
				plain: (bu[k].Plain || roadmap(bv.info[k].ws)) && !took && (long || !stance(bv, k)), dep: dependent(bv, k) || rejects(&bv.info[k]), counter: counter,
				asks: asks(&bv.info[k]), answers: b.answers, info: &bv.info[k], view: bv, k: k, post: -1, root: t.root}
			if post != nil {
				r.post = post[b.start+k]
			}
			return r
		}
		roots = append(roots, claim(t.root))
		if (m.thesis != nil && m.thesisParas || m.thesisRec != nil) && !long {
			// every other unit that may be a central claim is a candidate
			// for the thesis too (longcentral.go; in a long text, only
			// the paragraphs' claims)
			for k := range bu {
				if k != t.root && !bu[k].Leaf {
					subs = append(subs, claim(k))
				}
			}
		}
	}
	if len(roots) == 0 {
		return st
	}
	if all := func() bool {
		for _, r := range roots {
			if !r.counter {
				return false
			}
		}
		return true
	}(); all {
		for k := range roots {
			roots[k].counter = false
		}
	}
	// the thesis: the paragraph claim most likely a central claim (in a
	// long text among blocks of more than one unit when there are any); a
	// plain unit (no argumentative cue: description, a figure) counts
	// against, as inside the opening paragraph, else a short general
	// statement of fact that opens a report's paragraph can win it
	opClaims := false // the opening post has a paragraph claim that may be the thesis (not one that only describes: an opening post may only ask)
	for _, r := range roots {
		opClaims = opClaims || r.post == 0 && !r.counter && r.answers < 0 && r.rebuts < 0 && !r.plain
	}
	var cands []int // the claims that may be the thesis
	eligible := func(r *rootInfo) bool {
		// a view raised to be answered, an answer to one, or a reply is
		// not the thesis
		return !(r.counter || r.answers >= 0 || r.rebuts >= 0 || r.post > 0 && opClaims)
	}
	for k := range roots {
		if eligible(&roots[k]) {
			cands = append(cands, k)
		}
	}
	best := -1
	if (m.thesis != nil && m.thesisParas || m.thesisRec != nil) && len(cands) > 0 {
		rule := ruleThesis(units, roots, cands, opening, closing, essay, long)
		all := append(roots[:len(roots):len(roots)], subs...)
		cands := cands[:len(cands):len(cands)]
		for k := len(roots); k < len(all); k++ {
			if eligible(&all[k]) {
				cands = append(cands, k)
			}
		}
		x := newThesisText(text, units, all, len(roots), opening, closing, textKind(essay, long, post != nil))
		x.rule = rule
		if rec := m.thesisRec; rec != nil {
			for _, k := range cands {
				fs := featureSet{names: rec.names}
				x.features(&fs, k)
				rec.units, rec.fs = append(rec.units, all[k].unit), append(rec.fs, fs.fs)
			}
		}
		if m.thesis != nil && m.thesisParas {
			best = m.thesis.choose(x, cands)
			if best >= 0 && rule >= 0 && all[best].plain && !roots[rule].plain {
				// a plain unit (description, a figure: no argumentative
				// cue) is no thesis over a claim the priors take
				best = rule
			}
		}
		if best >= len(roots) {
			// a unit below its paragraph's claim: it leaves its block's
			// tree (what bears on it stays), and the paragraph's claim
			// bears on it as the thesis
			u := all[best].unit
			kept := st.Relations[:0]
			for _, r := range st.Relations {
				if r.From != u {
					kept = append(kept, r)
				}
			}
			st.Relations = kept
			chosen := all[best]
			roots, best = append(roots, chosen), len(roots)
		}
	}
	if best < 0 {
		best = ruleThesis(units, roots, cands, opening, closing, essay, long)
	}
	main := roots[best].unit
	st.Central = []int{main}
	restated := -1
	if essay && !long && post == nil && units[main].Para == opening && closing != opening {
		// the closing paragraph's claim restates the thesis when it opens
		// by concluding, or says what ought to be done, concludes or
		// evaluates in the thesis's words, and does not deny or turn: it
		// is the thesis again, not a reason for it, and a second central
		// claim
		th := roots[best].info
		for k, r := range roots {
			in := r.info
			if units[r.unit].Para == closing && !r.counter && r.answers < 0 &&
				in.class != classContrast && in.class2 != classContrast && !contains(in.any, classContrast) &&
				(in.class == classConclusion || in.class2 == classConclusion ||
					!in.neg && (in.strong || in.eval > 0 || contains(in.any, classConclusion)) && overlap(in.content, th.content) > 0) &&
				m.pairKind(text, units, main, r.unit, false) == Support { // the classifiers last: they cost most
				restated = k
				if u := restatesBetter(r.view, r.k, r.unit, th); u >= 0 {
					// the paragraph sums up first and then says again
					// what ought to be done: that sentence is the thesis
					// again, and the summing up a reason for it
					restated = -1
					for i := range st.Relations {
						if st.Relations[i].From == u {
							st.Relations = append(st.Relations[:i], st.Relations[i+1:]...)
							break
						}
					}
					st.Central = append(st.Central, u)
					break
				}
				st.Central = append(st.Central, r.unit)
				break
			}
		}
	}
	var th *thread
	if post != nil {
		th = newThread(authors, roots[best].post, main, roots[best].info)
	}
	for k, r := range roots {
		if k == best || k == restated {
			continue
		}
		if units[r.unit].Para == opening && r.plain {
			continue // background of the opening paragraph
		}
		if th != nil && r.post > th.op && th.opens(r.post, r.unit) {
			// a reply's claim: it bears on the post it answers, with its
			// poster's side (threads.go)
			to, side := main, 1
			if r.answers >= 0 {
				to, side = r.answers, th.sideOf(r.answers, post)
			} else if q := th.answered(text, units, post, r.post, r.info.content, reacts(r.info)); q >= 0 {
				to, side = th.claim[q], th.side[q]
			}
			kind, ok := replyKind(r.info)
			if !ok && rejects(r.info) {
				kind, ok = Attack, true // "That isn't true for …"
			}
			q := post[to]
			if !ok && th.authors[r.post] == th.authors[th.op] && q != th.op && to == th.claim[q] && r.answers < 0 {
				// the opening poster answering a reply defends the thesis
				// unless the answer only agrees: the reply was against it
				// whatever its words seemed to say
				kind, ok = Attack, true
				if agrees(r.info) {
					kind = Support
				} else if th.side[q] > 0 {
					th.against(q, st.Relations)
					side = -1
				}
			}
			if !ok {
				if s, known := th.posterSide(r.post); known && side != 0 {
					kind = Support
					if s != side {
						kind = Attack
					}
				} else if to == main && raisesConcern(r.info) && opposesPlan(roots[best].info) {
					// "… and I think it's a mistake." ¶ "Cheating is my
					// worry.": a worry about what the opening post is
					// against agrees with it
					kind = Support
				} else if r.info.class == classNone && contains(r.info.any, classContrast) || r.conceded || contradicts(r.info, th.infoOf(to, post)) ||
					to == main && raisesConcern(r.info) {
					// "Free fares sound nice, but someone has to pay": a
					// reply that grants a point to turn on it disagrees, as
					// does one that says the opposite in the same words
					kind = Attack
				} else {
					kind = m.pairKind(text, units, to, r.unit, r.counter)
				}
			}
			th.settle(r.post, r.unit, to, side, kind, post, r.info)
			st.Relations = append(st.Relations, Relation{From: r.unit, To: to, Kind: kind, Score: 0.5 * (1 - sigmoid(r.cc))})
			continue
		}
		// support or attack as in an edge of the evidence graph: the
		// function classifier, and whether the two units voice the same
		// side, read with the thesis before the paragraph's claim (a
		// paragraph that opens with "However" answers what came before)
		to := main
		switch {
		case r.answers >= 0:
			to = r.answers // a reply bears on what it quotes
		case r.rebuts >= 0:
			to = r.rebuts // the paragraph answers the view raised before it
		}
		// a view others hold, reported in the opening paragraph whose
		// thesis stands later, is what the essay argues against
		reported := essay && !long && units[r.unit].Para == opening && r.info.sentFirst && (reportsView(r.info.ws) || othersSay(r.info.ws))
		kind := m.pairKind(text, units, to, r.unit, r.counter || r.rebuts >= 0 || reported)
		if k, ok := replyKind(r.info); ok && r.answers >= 0 {
			kind = k
		}
		if r.counter || r.rebuts >= 0 || reported || r.conceded || r.granted || r.answers >= 0 || k > 0 && roots[k-1].granted {
			if st.Ruled == nil {
				st.Ruled = make([]bool, len(units))
			}
			st.Ruled[r.unit] = true
		}
		if r.conceded && to == main && r.answers < 0 {
			// the writer's own point, made against what it grants: it
			// argues for the writer's thesis however its "but" reads
			kind = Support
		}
		switch {
		case r.granted && to == main && k+1 < len(roots) && answersBefore(roots[k+1].info):
			// a paragraph that grants a point the next one turns on
			// ("The trips do give some pupils … ¶ Yet the cost shuts out
			// …") goes against the thesis, and the turn argues for it
			kind = Attack
		case k > 0 && roots[k-1].granted && to == main && answersBefore(r.info):
			kind = Support
		}
		st.Relations = append(st.Relations, Relation{From: r.unit, To: to, Kind: kind, Score: 0.5 * (1 - sigmoid(r.cc))})
	}
	if essay && !long && post == nil && openView != nil && units[main].Para != opening {
		// a view others hold, reported in the opening paragraph whose
		// thesis stands later, is what the essay argues against, also
		// when the paragraph's decoding hung it on a sentence of the scene
		for i, r := range st.Relations {
			k := r.From - openStart
			if k < 0 || k >= len(openView.units) || units[r.To].Para != opening || r.Undercut {
				continue
			}
			if in := &openView.info[k]; in.sentFirst && (reportsView(in.ws) || othersSay(in.ws)) {
				st.Relations[i].To, st.Relations[i].Kind = main, Attack
				if st.Ruled == nil {
					st.Ruled = make([]bool, len(units))
				}
				st.Ruled[r.From] = true
			}
		}
	}
	for _, k := range leaves {
		st.Relations = append(st.Relations, Relation{From: k, To: main, Kind: Support, Score: 0.3})
	}
	if st.Whole && m.restate != nil {
		st = m.restate.apply(text, units, st)
	}
	sort.SliceStable(st.Relations, func(i, j int) bool { return st.Relations[i].From < st.Relations[j].From })
	return st
}

// ruleThesis returns the thesis among the candidates cands (indices of
// roots) by the hand-set priors (the thesis scorer reads its choice as a
// feature, and keeps it over a plain unit of its own choosing): the paragraph claim most likely a central
// claim (in a long text among blocks of more than one unit when there are
// any); a plain unit (no argumentative cue: description, a figure) counts
// against, as inside the opening paragraph, else a short general
// statement of fact that opens a report's paragraph can win it. The
// decoding uses it when the model has no thesis scorer for texts of
// several paragraphs (WithThesis).
func ruleThesis(units []Unit, roots []rootInfo, cands []int, opening, closing int, essay, long bool) int {
	openingEnd := -1 // the opening paragraph's last sentence
	for _, u := range units {
		if u.Para == opening {
			openingEnd = u.Sent
		}
	}
	best, bestScore := -1, noEdge
	for _, k := range cands {
		r := roots[k]
		s := r.cc
		if r.plain && !(essay && !long && units[r.unit].Para == opening && (units[r.unit].Sent == openingEnd || units[r.unit].Sent == units[0].Sent && announces(r.info.ws))) {
			// (the opening paragraph's claim of an essay-shaped text that
			// closes the paragraph, where a thesis stands, was chosen in
			// its paragraph with the plain prior already: a statement's
			// thesis is often a plain sentence, "Tenants have been left
			// with no other way to be heard.", and counted against twice
			// it lost to a closing sign-off with a modal, "… a fair offer
			// would settle the matter quickly."; a plain sentence that
			// opens the paragraph is background, "Each spring, many
			// schools send …", and the thesis may stand at the end)
			s += plainPrior
		}
		if r.dep {
			s += dependentPrior
		}
		switch p := units[r.unit].Para; {
		case long && (p == opening || p == closing):
			s += longThesisPrior
		case p == opening && essay && !r.asks:
			s += essayThesisPrior
			if !long && (stance(r.view, r.k) || r.took) {
				// the writer's stance opens the essay: the closing
				// paragraph, however conclusive it sounds, restates it
				s += stanceThesisPrior
			}
		case p == opening:
			// an opening paragraph that only asks or reports what others
			// hold leaves the thesis to a later one, often the last
			s += openingThesisPrior
		case p == closing:
			s += closingThesisPrior
		}
		if best < 0 || long && r.blockLen > 1 && roots[best].blockLen == 1 ||
			(!long || (r.blockLen > 1) == (roots[best].blockLen > 1)) && s > bestScore {
			best, bestScore = k, s
		}
	}
	// a closing paragraph that turns on what it grants to say what ought
	// to be done states the writer's thesis, unless the opening already
	// said what ought to be done (then the turn restates it)
	for k, r := range roots {
		if !r.turn || k == best {
			continue
		}
		if b := roots[best]; !b.info.strong && !studyConcludes(b.info.ws) {
			best = k
		}
		break
	}
	return best
}

// rootInfo is a paragraph's claim (the root of its block's tree), a
// candidate for the thesis.
type rootInfo struct {
	unit     int
	cc       float64 // central-claim score, comparable across blocks
	opp, att float64 // opponent and attack probabilities
	blockLen int
	plain    bool
	dep      bool // a dependent clause (dependent), or a bare denial (rejects): it leans on what came before
	counter  bool // the paragraph raises a view to answer it (counterParagraph)
	asks     bool // it asks or reports what others hold (asks)
	answers  int  // the unit it answers (a quote's source), or -1
	rebuts   int  // the counter-argument of the paragraph before that it answers, or -1
	info     *unitInfo
	view     *view // the block's view, and the unit's index in it
	k        int
	post     int  // the thread post it is in, or -1
	conceded bool // it answers a point its sentence grants first (concessiveTopic)
	turn     bool // the closing paragraph's turn after what it grants (closingTurn)
	granted  bool // a body paragraph that only grants a point ("Admittedly, …", "The trips do give …"), answered by the next
	took     bool // a bare act of the writer's before it in its block takes its side ("I contest that claim. <it>")
	root     int  // the root of its block's tree (k when it is the root)
}

// turnsOn tells whether unit k of v opens its sentence turning on what
// came before: a contrast connective at its start ("Yet …", "However, …")
// or among its first four words ("In my opinion, though, …").
func turnsOn(v *view, k int) bool {
	in := &v.info[k]
	if !in.sentFirst || v.units[k].Sent == v.units[0].Sent {
		return false
	}
	if in.class == classContrast || in.class2 == classContrast {
		return true
	}
	for _, w := range in.ws[:min(len(in.ws), 4)] {
		if w == "though" || w == "however" {
			return true
		}
	}
	return false
}

// raisesConcern tells whether a reply's claim names a worry or a problem
// and does not agree ("The running costs worry me more than the warmth.",
// "Childcare is the real problem."): said of a plan the opening post
// puts, it goes against the plan.
func raisesConcern(in *unitInfo) bool {
	return !agrees(in) && !in.neg && (containsAny(in.ws, worryNouns) || containsAny(in.ws, worryVerbs) || containsAny(in.ws, problemNouns))
}

// opposesPlan tells whether a thesis is against what it speaks of: a
// negation, or a word of rejecting or of a wrong choice ("… and I think
// it's a mistake", "We oppose the plan").
func opposesPlan(in *unitInfo) bool {
	return in.neg || containsAny(in.ws, againstWords)
}

var againstWords = set("mistake", "mistaken", "error", "folly", "misguided", "unwise", "foolish", "pointless",
	"wrong", "against", "oppose", "opposes", "opposed", "reject", "rejects", "rejected", "disaster")

var problemNouns = set("problem", "problems", "risk", "risks", "downside", "downsides", "drawback", "drawbacks", "snag", "catch")

// allLeaves tells whether every unit of us is a leaf (evidence).
func allLeaves(us []Unit) bool {
	for _, u := range us {
		if !u.Leaf {
			return false
		}
	}
	return true
}

// reacts tells whether a reply's claim is a bare reaction to what it
// answers: a sentence of a few words that agrees or dissents (replyKind:
// "Not in our case.", "Agreed.", "No."), or denies what came before
// (rejects: "That isn't true for a well-designed system.").
func reacts(in *unitInfo) bool {
	_, ok := replyKind(in)
	return (ok || rejects(in)) && in.sentFirst && in.sentLast
}

// pairKind is the kind of the relation from unit claim to unit target as
// an edge of the evidence graph: the function classifier, and whether the
// two units voice the same side, read with the target before the claim (a
// paragraph that opens with "However" answers what came before); Attack
// when counter is set.
func (m *Model) pairKind(text string, units []Unit, target, claim int, counter bool) Kind {
	c := m.combine
	opp, att := m.pairRoles(text, units, target, claim)
	same := opp[1]*opp[0] + (1-opp[1])*(1-opp[0])
	sup := c.Function*(1-att[1]) + c.Role*same
	attack := c.Function*att[1] + c.Role*(1-same)
	if attack > sup || counter {
		return Attack
	}
	return Support
}

// pairRoles scores the opponent and attack probabilities of the units
// thesis and claim read as a text of two units, the thesis first.
func (m *Model) pairRoles(text string, units []Unit, thesis, claim int) (opp, att [2]float64) {
	pair := []Unit{units[thesis], units[claim]}
	pair[0].Sent, pair[1].Sent = 0, 1
	v := newView(text, pair)
	floor := reportFloors(v)
	var fs featureSet
	for i := range pair {
		fs.fs = fs.fs[:0]
		v.unitFeatures(&fs, i, true)
		z := [3]float64{}
		m.unitT.score(fs.fs, z[:])
		if floor != nil {
			z[1], z[2] = max(z[1], floor[i]), max(z[2], floor[i])
		}
		opp[i], att[i] = sigmoid(z[1]), sigmoid(z[2])
	}
	return opp, att
}

// reportFloors returns the least opponent and attack log-odds of v's
// units: reportFloor for a unit that opens its sentence by reporting a view
// without owning it (reportsView: "Some say …", "It is often argued that
// …"), nil when there is none. Such a view is the opponent's, raised to be
// answered. The classifiers, fitted on one-paragraph microtexts where such
// a view is answered at once by a contrast ("…, but …"), learn the
// contrast rather than the report and give it almost no chance when the
// answer is a sentence of its own ("This objection overlooks …").
func reportFloors(v *view) []float64 {
	var floor []float64
	for i, in := range v.info {
		if in.sentFirst && reportsView(in.ws) {
			if floor == nil {
				floor = make([]float64, len(v.info))
				for k := range floor {
					floor[k] = noEdge
				}
			}
			floor[i] = reportFloor
		}
	}
	return floor
}

// stance reports whether the writer takes a stance in unit k of v: a
// strong modal, an evaluative word or a phrase of opinion. A unit the
// roles stage found plain (no cue of its own) can still state a thesis
// with one of these ("X is a fair way to ...").
func stance(v *view, k int) bool {
	in := &v.info[k]
	if in.strong || in.eval > 0 || in.class == classOpinion || in.class2 == classOpinion || contains(in.any, classOpinion) || studyConcludes(in.ws) {
		return true
	}
	for _, w := range in.ws {
		if verdictWords[w] || superlative(w) {
			return true
		}
	}
	// the writer speaking in the first person: "we argue that …", "I
	// contest that claim"
	return len(in.ws) > 1 && (in.ws[0] == "i" || in.ws[0] == "we") && !auxiliaries[in.ws[1]]
}

// asks reports whether a unit asks a question, directly or not ("…
// whether …"), reports what others hold, or only denies it ("They are
// wrong."): an essay that opens so states its thesis later.
func asks(in *unitInfo) bool {
	return in.question || contains(in.ws, "whether") || reportsView(in.ws) || othersSay(in.ws) || rejects(in)
}

// verdictWords judge what they speak of, as the evaluative words of the
// features do: "The plan … is a mistake", "a scandal", "a success".
var verdictWords = set("mistake", "mistaken", "error", "failure", "disgrace", "scandal", "shame", "success",
	"disaster", "folly", "nonsense", "wise", "unwise", "foolish", "misguided", "welcome", "deserves", "deserve",
	"worth", "worthwhile", "pointless", "wasteful", "waste")

// counterParagraph reports whether a body paragraph (the block v, from
// its start) opens by raising a view the writer then answers: its first
// sentence reports a view (reportsView), or reports what others say or
// grants a point ("Parents often say …", "It is true that …") and a later
// sentence of the paragraph turns against it (a contrast connective).
func counterParagraph(v *view, adjective func(string) bool) bool {
	if len(v.info) < 2 || !v.info[0].sentFirst {
		return false
	}
	in := &v.info[0]
	if reportsView(in.ws) || othersAsk(in.ws) {
		return true
	}
	ws := in.ws
	if c, n := connectiveAt(ws, 0); c == classContrast || c == classAddition {
		ws = ws[n:] // "On the other hand, shopkeepers fear …"
	}
	if explainedAway(v) || dipRecovered(v) {
		// "Recruiting volunteers was harder than expected. … This
		// reflects the short notice rather than …": a weak finding
		// explained away
		return true
	}
	if raisedWorry(ws) {
		// "Safety was the main concern raised before the trial.": a
		// worry others had, answered by what happened ("… no incidents
		// were reported") as much as by a contrast; one told in the past
		// ("Stallholders were worried that rain would …") is answered by
		// what the paragraph goes on to tell, whatever its words ("A
		// covered row was added, and wet Sundays drew as many …")
		return answerAt(v) < len(v.units) || deniedLater(v) || len(v.units) > 1 && containsAny(ws, worryPast)
	}
	if !othersSay(ws) && !grants(in) && !seemsGood(in, adjective) {
		return false
	}
	return answerAt(v) < len(v.units)
}

// raisedWorry tells whether ws reports a worry raised by others: a noun
// of worry within three words of a verb of raising it, before or after
// ("the main concern raised before …", "The fear most often voiced is
// …", "Some staff have raised concerns about …"), a subject that had the
// worry ("Parents had worried that …", othersSay), or one that was
// worried ("Some residents were concerned that …": beWorried).
func raisedWorry(ws []string) bool {
	for k, w := range ws {
		if !worryNouns[w] {
			continue
		}
		for _, x := range ws[max(0, k-3):min(len(ws), k+4)] {
			if raisedForms[x] {
				return true
			}
		}
	}
	return othersSay(ws) && containsAny(ws, worryVerbs) || beWorried(ws)
}

// beWorried tells whether ws opens with a third-person subject of up to
// maxSubjectWords words, a past form of "be", adverbs and an adjective of
// worry before what it is about: "Some residents were worried that …",
// "Staff had been concerned about …": a worry others had before what the
// text goes on to tell. One in the present ("Drivers are also concerned
// about safety") is a worry still held, often the writer's side's; the
// writer's own ("We were concerned that …") is not another's view.
func beWorried(ws []string) bool {
	for j := 1; j < len(ws) && j <= maxSubjectWords; j++ {
		if w := ws[j-1]; firstPerson[w] || secondPerson[w] {
			return false
		}
		if ws[j] == "had" && j+1 < len(ws) && ws[j+1] == "been" {
			j++
		} else if ws[j] != "was" && ws[j] != "were" {
			continue
		}
		m := j + 1
		for m < len(ws) && reportAdverbs[ws[m]] {
			m++
		}
		return m+1 < len(ws) && worryAdjectives[ws[m]] && worryObjects[ws[m+1]]
	}
	return false
}

var (
	worryNouns      = set("concern", "concerns", "worry", "worries", "fear", "fears", "objection", "objections", "complaint", "complaints")
	raisedForms     = set("raised", "voiced", "expressed", "heard")
	worryVerbs      = set("worried", "feared", "worry", "worries", "fear", "fears", "complained", "objected")
	worryAdjectives = set("worried", "concerned", "afraid", "anxious", "fearful", "uneasy", "nervous")
	worryObjects    = set("that", "about", "by", "over", "for")
	worryPast       = set("was", "were", "had", "raised", "voiced", "expressed", "feared", "worried", "complained", "objected")
)

// explainsAway tells whether a unit opens its sentence by pointing back
// at what came before and accounting for it so as to deny what it seems
// to show: a demonstrative subject, a verb of meaning or accounting
// within three words, and a negation or "rather than" ("This does not
// mean the fridge was not needed: …", "This reflects the short notice
// given rather than a lack of goodwill."). Such a sentence answers a
// weak finding the way a "But …" answers a view.
func explainsAway(in *unitInfo) bool {
	ws := in.ws
	if !in.sentFirst || len(ws) < 3 || !demonstratives[ws[0]] {
		return false
	}
	verb := false
	for _, w := range ws[1:min(len(ws), 4)] {
		verb = verb || accountVerbs[w]
	}
	if !verb {
		return false
	}
	if in.neg {
		return true
	}
	for k := 1; k+1 < len(ws); k++ {
		if ws[k] == "rather" && ws[k+1] == "than" {
			return true
		}
	}
	return false
}

var (
	demonstratives = set("this", "that", "these", "those", "it")
	accountVerbs   = set("mean", "means", "meant", "reflect", "reflects", "reflected", "show", "shows", "showed",
		"suggest", "suggests", "suggested", "indicate", "indicates", "indicated", "explain", "explains",
		"explained", "owe", "owes", "owed", "stem", "stems", "stemmed", "due", "imply", "implies", "implied")
)

// containsAny tells whether ws holds a word of set.
func containsAny(ws []string, set map[string]bool) bool {
	for _, w := range ws {
		if set[w] {
			return true
		}
	}
	return false
}

// dipRecovered tells whether v opens by telling of a fall ("Visits fell in
// August.") that a later sentence tells was made up ("… and visits
// recovered in September."): a weak finding answered by what followed.
func dipRecovered(v *view) bool {
	if !containsAny(v.info[0].ws, fallWords) {
		return false
	}
	for k := 1; k < len(v.info); k++ {
		if v.units[k].Sent != v.units[0].Sent && containsAny(v.info[k].ws, recoveryWords) {
			return true
		}
	}
	return false
}

var (
	fallWords     = set("fell", "dropped", "declined", "dipped", "slumped", "decreased", "shrank", "sank")
	recoveryWords = set("recovered", "rebounded", "bounced", "recover", "recovers", "rebound", "rebounds")
)

// explainedAway tells whether a sentence of v after its first explains
// away what the first says (explainsAway).
func explainedAway(v *view) bool {
	for k := 1; k < len(v.info); k++ {
		if v.units[k].Sent != v.units[0].Sent && explainsAway(&v.info[k]) {
			return true
		}
	}
	return false
}

// deniedLater tells whether a sentence of v after its first denies
// something ("… and no incidents were reported", "Nobody …"): what
// happened, answering a worry.
func deniedLater(v *view) bool {
	for k := 1; k < len(v.info); k++ {
		if v.units[k].Sent != v.units[0].Sent && v.info[k].neg {
			return true
		}
	}
	return false
}

// answerAt returns the first unit of v after its first sentence that
// answers what came before: it opens with a contrast ("Yet …", "But …")
// or says it is wrong (disputeWords); len(v.units) when none does.
func answerAt(v *view) int {
	for k := 1; k < len(v.info); k++ {
		if v.units[k].Sent != v.units[0].Sent && turnsAgainst(&v.info[k]) {
			return k
		}
	}
	return len(v.units)
}

// turnsAgainst tells whether a unit turns against what came before: a contrast
// connective at its start, or a word saying it is wrong.
func turnsAgainst(in *unitInfo) bool {
	if in.class == classContrast || in.class2 == classContrast || in.class == classConcession && contains(in.any, classContrast) {
		return true
	}
	for _, w := range in.ws {
		if disputeWords[w] {
			return true
		}
	}
	return rejects(in) || explainsAway(in) || showsOtherwise(in) || judgesView(in) || minimises(in)
}

// minimises tells whether a sentence points back at what came before to
// make it small: "That is less than one per cent of its budget.", "This
// amounts to only a few minutes a day.": an answer to a figure or a worry
// raised.
func minimises(in *unitInfo) bool {
	ws := in.ws
	if !in.sentFirst || len(ws) < 3 || ws[0] != "that" && ws[0] != "this" && ws[0] != "it" {
		return false
	}
	switch ws[1] {
	case "is", "was", "amounts", "amounted", "comes", "came", "means", "works":
	default:
		return false
	}
	for _, w := range ws[2:min(len(ws), 6)] {
		if smallWords[w] {
			return true
		}
	}
	return false
}

var smallWords = set("only", "just", "merely", "less", "fraction", "tiny", "small", "little", "trivial", "negligible",
	"fewer", "mere")

// judgesView tells whether a sentence opens by pointing at a view as a
// view and saying something of it without agreeing: "That argument was
// stronger ten years ago.", "This objection misses …", "Such worries
// come too late.": the writer weighing the view raised, an answer.
func judgesView(in *unitInfo) bool {
	ws := in.ws
	if !in.sentFirst || len(ws) < 3 || !viewPointers[ws[0]] || agrees(in) || containsAny(ws, meritWords) {
		return false // "This view has some truth in it." grants
	}
	return viewNouns[ws[1]] || len(ws) > 3 && viewNouns[ws[2]] // "That old argument …"
}

var (
	viewPointers = set("this", "that", "these", "those", "such")
	viewNouns    = set("argument", "arguments", "claim", "claims", "view", "views", "point", "points", "objection",
		"objections", "worry", "worries", "concern", "concerns", "fear", "fears", "idea", "ideas", "complaint",
		"complaints", "reasoning", "criticism", "criticisms", "charge", "case", "line", "belief", "assumption")
	meritWords = set("truth", "true", "merit", "merits", "sense", "valid", "reasonable", "understandable", "fair", "right")
)

// bareAnswer tells whether an answer to a view only denies or disputes it
// in a sentence of a few words, with nothing of its own to say: "That is
// not the case.", "Experience shows otherwise.", "The repair log
// suggests something else."
func bareAnswer(in *unitInfo) bool {
	if !in.sentFirst || !in.sentLast || len(in.ws) > maxRejectWords || in.class == classConcession || agrees(in) {
		return false // "It is true that schools cannot …" grants
	}
	return rejects(in) || showsOtherwise(in) || containsAny(in.ws, disputeWords)
}

// showsOtherwise tells whether a sentence says that what is known shows
// something else than what came before: a verb of showing or telling and
// a word of difference ("Its own accounts tell a different story.", "The
// repair log suggests something else.", "The evidence points the other
// way.").
func showsOtherwise(in *unitInfo) bool {
	if !in.sentFirst || !in.sentLast {
		return false
	}
	verb, other := false, false
	for k, w := range in.ws {
		verb = verb || showForms[w]
		other = other || differenceWords[w] || w == "other" && k+1 < len(in.ws) && in.ws[k+1] == "way"
	}
	return verb && other
}

var (
	showForms, _    = inflectAll([]string{"show:showed:shown", "suggest", "tell:told", "point", "indicate", "reveal", "paint", "prove"})
	differenceWords = set("else", "different", "differently")
)

// rejects tells whether a unit is a short sentence that denies what came
// before, pointing back at it: "They have not.", "That is not the case.",
// "We do not accept this.", "They are wrong."
func rejects(in *unitInfo) bool {
	if !in.sentFirst || !in.sentLast || len(in.ws) > maxRejectWords {
		return false
	}
	back, denies := false, in.neg
	for _, w := range in.ws {
		back = back || pointsBack[w]
		denies = denies || disputeWords[w] || dissentWords[w]
	}
	return back && denies
}

// maxRejectWords is the longest sentence rejects reads as a bare denial.
const maxRejectWords = 8

// pointsBack are the words with which a sentence refers to what came
// before it ("otherwise": than it said).
var pointsBack = set("this", "that", "it", "they", "so", "these", "those", "such", "otherwise", "opposite", "contrary")

// Rejects reports whether the sentence text[start:end] denies the one
// before it, text[pstart:pend], which reports a view without owning it
// ("Some say X. They are wrong."): such a short sentence is the writer's
// answer, and takes part in the argument however few its words.
func Rejects(text string, pstart, pend, start, end int) bool {
	v := newView(text, []Unit{{Start: pstart, End: pend, Sent: 0}, {Start: start, End: end, Sent: 1}})
	prev, cur := &v.info[0], &v.info[1]
	if !reportsView(prev.ws) && !othersSay(prev.ws) {
		return false
	}
	return rejects(cur)
}

// answersBefore tells whether a paragraph's first unit answers what the
// paragraph before it said: it opens with a contrast ("However, …"), or
// points back ("This argument …", "That view …") and says it is wrong. A
// paragraph that says another view is wrong ("It is also wrong to say …")
// answers that view, not the one before.
func answersBefore(in *unitInfo) bool {
	if in.class == classContrast || in.class2 == classContrast {
		return true
	}
	if len(in.ws) == 0 {
		return false
	}
	switch in.ws[0] {
	case "this", "that", "these", "those", "such":
		return turnsAgainst(in)
	}
	return false
}

// goesOnReporting tells whether a unit opens its sentence by reporting
// more of what the others hold, a pronoun standing for them ("They point
// out that …", "They also say …") or a subject of their own ("Residents
// assume that …": othersSay, reportsView).
func goesOnReporting(in *unitInfo) bool {
	ws := in.ws
	if in.sentFirst && (othersSay(ws) || reportsView(ws)) {
		return true
	}
	if !in.sentFirst || len(ws) < 2 || ws[0] != "they" && ws[0] != "he" && ws[0] != "she" {
		return false
	}
	k := 1
	for k < len(ws) && reportAdverbs[ws[k]] {
		k++
	}
	return k < len(ws) && (reportForms[ws[k]] || k+1 < len(ws) && (ws[k] == "point" || ws[k] == "points") && ws[k+1] == "out")
}

// disputeWords say that what came before is wrong without a contrast
// connective: "Experience shows otherwise.", "Surveys found the opposite.",
// "This view overlooks …".
var disputeWords = set("otherwise", "opposite", "contrary", "wrong", "mistaken", "myth", "unfounded",
	"overlooks", "overlook", "ignores", "ignore", "forgets", "forget", "misses", "exaggerated", "exaggerates",
	"untrue", "false", "flawed", "misleading")

// othersSay tells whether ws opens with a short third-person subject (one
// to maxSubjectWords words after an article or a third-person possessive, none of
// them the writer, the reader or a pronoun), adverbs, a verb that leads
// into another ("like to", "tend to") and a verb of saying or believing:
// "Parents often say …", "Zoo directors argue …", "The developer claims
// …", "Airlines like to say …", "People keep saying …".
func othersSay(ws []string) bool {
	d := 0
	if len(ws) > 0 && determiners[ws[0]] {
		d = 1
	}
	for j := d + 1; j < len(ws) && j <= d+maxSubjectWords; j++ {
		w := ws[j-1]
		// an article inside the subject belongs to it ("Firms renting
		// out the scooters argue …"), one opening the sentence is d
		inner := j > d+1 && determiners[w]
		if !inner && (firstPerson[w] || secondPerson[w] || subjects[w] && !(j == 1 && w == "people") || auxiliaries[w] || wordFlags[w]&wConnective != 0) {
			return false
		}
		m := j
		for m < len(ws) && reportAdverbs[ws[m]] {
			m++
		}
		if m+1 < len(ws) && leadVerbs[ws[m]] && ws[m+1] == "to" {
			m += 2
		}
		if m+1 < len(ws) && (ws[m] == "had" || ws[m] == "have" || ws[m] == "has") && reportParticiples[ws[m+1]] {
			m++ // "Parents had worried that …"
		}
		if m+1 < len(ws) && (ws[m] == "keep" || ws[m] == "keeps" || ws[m] == "kept") && len(ws[m+1]) > 5 &&
			strings.HasSuffix(ws[m+1], "ing") && reportForms[ws[m+1][:len(ws[m+1])-3]] {
			return true // "People keep saying …"
		}
		if m < len(ws) && reportsAt(ws, m) && (m+1 == len(ws) || !auxiliaries[ws[m+1]]) { // not a noun: "Her claim is …"
			return true
		}
	}
	return false
}

// maxSubjectWords is the longest subject othersSay reads before the verb
// of saying: "Firms selling the cars say …" has four words.
const maxSubjectWords = 5

// determiners may open the subject othersSay reads; leadVerbs lead into
// the verb of saying ("like to say").
var (
	determiners = set("the", "a", "an", "their", "his", "her", "its", "my")
	leadVerbs   = set("like", "likes", "love", "loves", "tend", "tends", "want", "wants", "continue", "continues",
		"seem", "seems", "appear", "appears")
)

// grants tells whether a unit opens its sentence by granting a point
// ("It is true that …", "Admittedly, …", "Of course …") rather than with
// a subordinate concession ("Although …"), whose main clause is the
// writer's own.
func grants(in *unitInfo) bool {
	if in.class == classNone && in.sentFirst && !in.question && emphaticDo(in.ws) {
		return true // "The trips do give some pupils …"
	}
	if in.class != classConcession || len(in.ws) == 0 {
		return false
	}
	switch in.ws[0] {
	case "although", "though", "even", "despite", "in", "while":
		return false
	}
	return true
}

// emphaticDo tells whether ws opens with a subject of up to
// maxSubjectWords words and an unstressed "do", "does" or "did" before a
// verb that is not negated ("The trips do give …", "Cars did become
// cheaper"): the emphatic "do" of a point granted.
func emphaticDo(ws []string) bool {
	for j := 1; j < len(ws)-1 && j <= maxSubjectWords; j++ {
		switch ws[j] {
		case "do", "does", "did":
			next := ws[j+1]
			return next != "not" && next != "n't" && !auxiliaries[next] && !firstPerson[ws[j-1]] && !secondPerson[ws[j-1]] &&
				wordFlags[ws[j-1]]&wConnective == 0 && !wh[ws[0]] && ws[0] != "how" && ws[0] != "why" && ws[0] != "when" && ws[0] != "where"
		}
		if auxiliaries[ws[j]] || wordFlags[ws[j]]&wNeg != 0 {
			return false
		}
	}
	return false
}

// Statements and press releases open with their news: a body that takes a
// position or a decision ("The council has decided to …", "We welcome …",
// "The union calls on …"). The roles stage often labels that sentence
// evidence (it reports an event), which would keep it from being the
// thesis; in the opening paragraph of a short text a unit with one of
// these verbs is decoded as an argumentative unit.
var positionForms, _ = inflectAll([]string{"decide", "announce", "agree", "approve", "vote", "resolve",
	"urge", "welcome", "condemn", "reject", "oppose", "recommend", "demand", "pledge", "commit:committed",
	"endorse", "deplore", "regret", "call"})

// takesPosition tells whether ws has a verb of deciding or taking a
// position (positionForms) among its first twelve words, after its first.
func takesPosition(ws []string) bool {
	for k := 1; k < len(ws) && k < 12; k++ {
		if positionForms[ws[k]] {
			return k+1 >= len(ws) || ws[k] != "call" && ws[k] != "calls" && ws[k] != "called" || ws[k+1] == "on" || ws[k+1] == "for"
		}
	}
	return false
}

// announces tells whether ws tells of a change set for a time: "will" and
// a verb, and a word of time ("From 3 March, the library will open on
// Sundays", "Fares will rise next month"): the news a statement opens
// with, as a decision is.
func announces(ws []string) bool {
	will, when := false, false
	for k, w := range ws {
		will = will || w == "will" && k > 0 && k+1 < len(ws) && ws[k+1] != "be" && ws[k+1] != "not" && !auxiliaries[ws[k+1]]
		when = when || timeWords[w]
	}
	return will && when
}

var timeWords = set("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "next",
	"tomorrow", "today", "tonight", "weekend", "spring", "summer", "autumn", "winter")

// ledeUnits returns units, or a copy in which the units of the opening
// paragraph that take a position (takesPosition) are neither leaves nor
// plain.
func ledeUnits(text string, units []Unit) []Unit {
	var toks []token
	var out []Unit
	for i, u := range units {
		if u.Para != units[0].Para {
			break
		}
		if !u.Leaf && !u.Plain {
			continue
		}
		ws := u.ws
		if ws == nil {
			toks = tokenize(text, u.Start, u.End, toks[:0])
			ws = words(toks)
		}
		if !takesPosition(ws) {
			continue
		}
		if out == nil {
			out = append([]Unit(nil), units...)
		}
		out[i].Leaf, out[i].Plain = false, false
	}
	if out == nil {
		return units
	}
	return out
}

// concessiveTopic returns the unit of the block v's first sentence that
// answers a point the sentence grants first ("A covered hall sounds
// expensive, but it pays for itself …", "X may be true, yet Y"): a later
// unit of the sentence opening with a contrast that turns ("but", "yet",
// "however"; not "whereas" or "while", whose clause is the lesser one),
// after an opening unit with no connective of its own; -1 when there is
// none. The topic sentence's point is the answer.
func concessiveTopic(v *view) int {
	if len(v.info) < 2 || !v.info[0].sentFirst || v.info[0].class != classNone {
		return -1
	}
	for k := 1; k < len(v.info) && v.units[k].Sent == v.units[0].Sent; k++ {
		in := &v.info[k]
		if in.class == classContrast {
			if len(in.ws) > 0 && (in.ws[0] == "whereas" || in.ws[0] == "while") {
				return -1
			}
			return k
		}
	}
	return -1
}

// othersAsk tells whether ws opens by reporting a question others put to
// the writer: a subject that is not the writer, then within a few words a
// verb of asking and what they ask ("Some customers have asked why …",
// "Residents wonder whether …", "Readers asked us how …"). The writer
// raises it to answer it.
func othersAsk(ws []string) bool {
	if len(ws) < 3 || firstPerson[ws[0]] || secondPerson[ws[0]] {
		return false
	}
	for k := 1; k < len(ws)-1 && k <= 5; k++ {
		if firstPerson[ws[k]] && !askForms[ws[k-1]] {
			return false
		}
		if !askForms[ws[k]] {
			continue
		}
		next := ws[k+1]
		if (next == "us" || next == "me" || next == "them") && k+2 < len(ws) {
			next = ws[k+2]
		}
		return askedWords[next]
	}
	return false
}

var (
	askForms   = set("ask", "asks", "asked", "asking", "wonder", "wonders", "wondered", "question", "questioned")
	askedWords = set("why", "whether", "if", "how", "what", "when", "who", "where")
)

// restatesBetter returns a later sentence of the closing paragraph (its
// block's view v) whose claim, unit k of v and the text's unit unit,
// restates the thesis th, when that claim does not say what ought to be
// done and the sentence does, in the thesis's words, as the thesis does
// ("To sum up, a tree is an investment … Councils should budget for trees
// …"); else -1.
func restatesBetter(v *view, k, unit int, th *unitInfo) int {
	if !th.strong || v.info[k].strong {
		return -1
	}
	start := unit - k
	for j := k + 1; j < len(v.info); j++ {
		in := &v.info[j]
		if in.sentFirst && (in.strong || verdictFor(in)) && !in.neg && !in.question && in.class != classContrast && overlap(in.content, th.content) > 0 {
			return start + j
		}
	}
	return -1
}

// essayUnits is how many times ParseOptions.OneArgument units a text of
// several paragraphs may have and still be decoded as one essay (its
// thesis, counter paragraphs and restatement): an argumentative essay of
// five paragraphs of four or five sentences splits into 25 to 40 units.
const essayUnits = 2

// essayShaped tells whether units, too many for one argument, still make
// an essay: three to maxEssayParagraphs paragraphs, at most most units, and
// no paragraph longer than a block (a report or a chapter has longer ones).
func essayShaped(units []Unit, most, block int) bool {
	if len(units) > most {
		return false
	}
	paras, run := 1, 1
	for i := 1; i < len(units); i++ {
		if units[i].Para != units[i-1].Para {
			paras, run = paras+1, 0
		}
		if run++; run > block {
			return false
		}
	}
	return paras >= 3 && paras <= maxEssayParagraphs
}

// maxEssayParagraphs is the most paragraphs (with units) of a text
// essayShaped takes for an essay over one argument's length: an essay has
// an opening, a few body paragraphs and a closing; a thread page, a brief
// or a letter of more runs on.
const maxEssayParagraphs = 8

// concludes returns the first unit of the block v's last sentence when that
// sentence opens with a conclusion ("Therefore, …", "Thus …") after two
// sentences or more, else -1.
func concludes(v *view) int {
	n := len(v.units)
	k := n - 1
	for k > 0 && v.units[k-1].Sent == v.units[n-1].Sent {
		k--
	}
	if k == 0 || v.units[k].Sent-v.units[0].Sent < 2 || v.info[k].class != classConclusion {
		return -1
	}
	return k
}

// findingsHeading reports whether the paragraph whose first unit starts
// at start stands right under a heading that names results ("Findings",
// "Key results", "## Outcomes"): a line of at most six words without a
// sentence's closing stop, directly above the paragraph's first line or
// above one blank line. It reads at most maxHeaderBytes above the
// paragraph.
func findingsHeading(text string, start int) bool {
	ls := strings.LastIndexByte(text[:start], '\n') + 1
	if ls == 0 {
		return false
	}
	for blank := 0; blank < 2; blank++ {
		floor := max(0, ls-1-maxHeaderBytes)
		ps := strings.LastIndexByte(text[floor:ls-1], '\n') + 1 + floor
		if ps == floor && floor > 0 {
			return false // a line longer than a heading
		}
		line := strings.TrimSpace(text[ps : ls-1])
		if line == "" {
			if ps == 0 {
				return false
			}
			ls = ps
			continue
		}
		if strings.ContainsAny(line[len(line)-1:], ".!?") {
			return false
		}
		ws := words(tokenize(line, 0, len(line), nil))
		if len(ws) == 0 || len(ws) > 6 {
			return false
		}
		return resultLabels[ws[len(ws)-1]]
	}
	return false
}

// closingTurn returns the unit of the block v that turns on what the
// sentences before it grant and says what ought to be done ("Quiet rooms
// are not perfect. Some guests ignore the signs. Hotels should still
// offer one."): a unit opening a later sentence, with a strong modal and a
// contrast (at its start or inside: "still", "nevertheless", "yet"), after
// a first sentence that says nothing ought to be done; -1 when there is
// none.
func closingTurn(v *view) int {
	if len(v.info) < 2 || v.info[0].strong {
		return -1
	}
	for k := 1; k < len(v.info); k++ {
		in := &v.info[k]
		if v.units[k].Sent == v.units[0].Sent || !in.sentFirst || !in.strong || in.question {
			continue
		}
		if in.class == classContrast || in.class2 == classContrast || contains(in.any, classContrast) || modalTurns(in.ws) {
			return k
		}
	}
	return -1
}

// modalTurns tells whether ws has a strong modal followed by a contrast
// ("should still", "must nevertheless"): "still" alone is ambiguous ("is
// still used"), after "should" it turns.
func modalTurns(ws []string) bool {
	for j := 0; j+1 < len(ws); j++ {
		if wordFlags[ws[j]]&wStrong == 0 {
			continue
		}
		if c, _ := connectiveAt(ws, j+1); c == classContrast {
			return true
		}
	}
	return false
}

// seemsGood tells whether a unit grants a point by how it looks: a verb of
// seeming and, within three words after it, a word of judgement
// (evaluative, a verdict) or an adjective (adjective: a word class of the
// caller's lexicon; "Rotating the Games sounds fair", "A ban may seem
// sensible", "It looks like a tidy answer"); answered later, the point is
// the other side's.
func seemsGood(in *unitInfo, adjective func(string) bool) bool {
	for k, w := range in.ws {
		if !seemForms[w] {
			continue
		}
		for _, x := range in.ws[k+1 : min(len(in.ws), k+4)] {
			if wordFlags[x]&wEval != 0 || verdictWords[x] {
				return true
			}
			// a function word or a connective is no predicate, and
			// "like" after a verb of seeming compares ("sounds like …")
			if adjective != nil && wordFlags[x]&(wFunction|wConnective) == 0 && x != "like" && adjective(x) {
				return true
			}
		}
	}
	return false
}

var seemForms = set("sounds", "sound", "seems", "seem", "looks", "look", "appears", "appear")

// verdictFor tells whether a unit passes a verdict ("… deserves a place",
// "… is a mistake"): the words of verdictWords.
func verdictFor(in *unitInfo) bool {
	for _, w := range in.ws {
		if verdictWords[w] {
			return true
		}
	}
	return false
}

// studyConcludes tells whether ws opens with a study or report stating
// what it finds: "This report finds that …", "The review concludes …".
func studyConcludes(ws []string) bool {
	return len(ws) > 2 && (ws[0] == "this" || ws[0] == "the" || ws[0] == "our") && studyNouns[ws[1]] && concludeForms[ws[2]]
}

var concludeForms = set("finds", "found", "concludes", "concluded", "recommends", "recommended", "shows", "showed",
	"argues", "argued", "establishes", "demonstrates", "suggests")

// thesisParagraph returns the paragraph that opens an essay's argument:
// the first, or the one right after it when that is a single sentence
// with a stance of the writer's (stance) or a cue of a claim (not
// Unit.Plain), or any sentence but a question when the first only
// describes (its units all plain), and the first has no stance, question
// or view of others: "Phones
// have turned the working day into … ¶ A legal right to disconnect …
// would be good for workers and employers alike. ¶ …", a thesis set
// apart under an introduction that only describes. The first paragraph
// is then read as a body paragraph.
func thesisParagraph(text string, units []Unit, first int) int {
	end := 0
	for end < len(units) && units[end].Para == first {
		end++
	}
	next := end
	for next < len(units) && units[next].Para == units[end].Para {
		next++
	}
	if end == len(units) || next == len(units) || units[end].Sent != units[next-1].Sent || units[end-1].Sent == units[0].Sent {
		return first // no later paragraph after it, not a lone sentence, or a one-sentence opening
	}
	intro, thesis := newView(text, units[:end]), newView(text, units[end:next])
	described := true // the introduction only describes: plain units all
	for k, u := range intro.units {
		if stance(intro, k) || intro.info[k].question || reportsView(intro.info[k].ws) {
			return first
		}
		described = described && u.Plain
	}
	for k, u := range thesis.units {
		if in := &thesis.info[k]; !in.question && !roadmap(in.ws) && (stance(thesis, k) || !u.Plain || described) {
			return units[end].Para
		}
	}
	return first
}

// sentenceStart returns the first unit of the sentence before the one
// unit k of v is in, or -1 when k's sentence is v's first.
func sentenceStart(v *view, k int) int {
	for k > 0 && v.units[k-1].Sent == v.units[k].Sent {
		k--
	}
	if k == 0 {
		return -1
	}
	k--
	for k > 0 && v.units[k-1].Sent == v.units[k].Sent {
		k--
	}
	return k
}

// superlative tells whether w is the superlative of an adjective ("finest",
// "clumsiest"): a judgement of rank, as an evaluative word is.
func superlative(w string) bool {
	if len(w) < 6 || !strings.HasSuffix(w, "est") {
		return false
	}
	lex := lexicon.Default()
	for _, l := range lex.Lemmas(w) {
		if l != w && len(lex.Adjectives(lex.Concepts(l))) > 0 {
			return true
		}
	}
	return false
}
