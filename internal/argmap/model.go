package argmap

import (
	"strings"
	"time"
)

// Origin tells where a claim, evidence or relation came from.
type Origin string

// Origins.
const (
	OriginExtracted Origin = "extracted" // found in a document by the pipeline
	OriginCurated   Origin = "curated"   // added by a person
	OriginLinked    Origin = "linked"    // inferred across documents (same or opposite proposition)
)

// RelationKind is the kind of an argumentative relation.
type RelationKind string

// Relation kinds.
const (
	Supports RelationKind = "supports"
	Contests RelationKind = "contests"
)

// Schemes with a fixed meaning. Other schemes are free text.
const (
	// SchemeContrary on a contests relation between two claims: they cannot
	// both be true (they may both be false).
	SchemeContrary = "contrary"
	// SchemeContradictory on a contests relation between two claims: exactly
	// one of them is true.
	SchemeContradictory = "contradictory"
	// SchemeEntails on a supports relation between two claims: the first
	// logically entails the second.
	SchemeEntails = "entails"
	// Weighing schemes (Carneades): how the premises of a relation weigh in
	// evaluation. A relation with any other scheme weighs as linked.
	SchemeLinked     = "linked"     // all premises needed (the default)
	SchemeConvergent = "convergent" // any one premise is enough
	SchemeCumulative = "cumulative" // weight grows with the share of premises accepted
	SchemeFactorized = "factorized" // all premises needed; more premises weigh more against rival arguments
)

// Role is the part an actor plays in a claim.
type Role string

// Actor roles.
const (
	RoleAsserts  Role = "asserts"  // the actor makes the claim
	RoleDisputes Role = "disputes" // the actor denies the claim
	RoleNamed    Role = "named"    // the claim is about, or mentions, the actor
)

// Source kinds commonly found in documents. Kind is free text; these are the
// ones extraction produces.
const (
	SourceArticle     = "article"
	SourceChapter     = "chapter"
	SourceBook        = "book"
	SourceWebPage     = "web page"
	SourceForumThread = "forum thread"
	SourceStatement   = "statement"
	SourceReport      = "report"
	SourceDocument    = "document"
	SourceCited       = "cited" // a work known only from a citation or bibliography entry
)

// Evidence kinds.
const (
	EvidenceStatistic   = "statistic"
	EvidenceEvent       = "event"
	EvidenceCitation    = "citation"
	EvidenceTestimony   = "testimony"
	EvidenceObservation = "observation"
)

// Actor kinds.
const (
	ActorOrganisation = "organisation"
	ActorState        = "state"
	ActorPerson       = "person"
	ActorGroup        = "group"
)

// Span is a byte range of a source's text: Start inclusive, End exclusive,
// UTF-8 byte offsets into Source.Text. Quote is the text of the range.
type Span struct {
	SourceID string `json:"source_id"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Quote    string `json:"quote,omitempty"`
}

// Source is a document: an ingested file or page, or a work known only from a
// citation (Kind "cited", no text).
type Source struct {
	ID          string    `json:"id"`
	Title       string    `json:"title"`
	Authors     []string  `json:"authors,omitempty"`
	Date        string    `json:"date,omitempty"` // "2010", "2010-11" or "2010-11-23"
	Kind        string    `json:"kind,omitempty"`
	URI         string    `json:"uri,omitempty"` // the path or URL it was ingested from
	Venue       string    `json:"venue,omitempty"`
	DOI         string    `json:"doi,omitempty"`
	ContentHash string    `json:"content_hash,omitempty"`
	Text        string    `json:"text,omitempty"`
	CreatedAt   time.Time `json:"created_at"`
}

// ActorRef links an actor to a claim in a role.
type ActorRef struct {
	ActorID string `json:"actor_id"`
	Role    Role   `json:"role"`
}

// Claim kinds. A claim is a proposition unless Kind says otherwise.
const (
	// ClaimArgument marks a claim that stands for a whole argument in a map
	// (an Argdown <argument>): Text is the argument's description (its gist,
	// the reason it gives), Title its name. Relations from it are the
	// argument's own support or attack; relations titled with its Title are
	// the inference steps of its premise-conclusion structure.
	ClaimArgument = "argument"
)

// CueRejectedView is the cue of a claim that states a view its source goes
// on to reject in the next sentence ("Early studies saw P. Recent research
// has challenged this view."): the source denies it, as it does a view it
// rejects within one sentence ("It is wrong to say that P").
const CueRejectedView = "rejected-view"

// CueNeedsContext is the cue of a claim whose subject is a bare
// demonstrative or pronoun ("this is brilliant!") for which nothing in its
// source could be named: it means nothing on its own, so it has no gist and
// readers see the sentence as written, to be read in its source.
const CueNeedsContext = "needs-context"

// Claim is a proposition: a thesis, finding, evaluation, criticism or
// recommendation. Spans are where sources state it.
type Claim struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	Gist string `json:"gist,omitempty"`
	// Title is a short name authors use to refer to the claim (an Argdown
	// statement title such as "Censorship"); "" when it has none.
	Title string `json:"title,omitempty"`
	// Kind is "" for a proposition or ClaimArgument.
	Kind string `json:"kind,omitempty"`
	// Section is the heading path under which a map places the claim,
	// outermost first (Argdown headings); nil when it has none.
	Section []string `json:"section,omitempty"`
	// Proposition groups claims that state the same proposition across
	// sources (an equivalence class, like an Argdown statement): the ID of
	// the first claim that stated it. "" when the claim is its own
	// proposition; see PropositionOf.
	Proposition string `json:"proposition,omitempty"`
	// Keys are the claim's link signature: short keys (pairs of content
	// words of a clause) under which a store that keeps them indexes the
	// claim, so that ingest finds the claims a new one may restate with a
	// few index lookups (argmap.KeyedClaims). Not part of the API.
	Keys   []string   `json:"-"`
	Origin Origin     `json:"origin"`
	Score  float64    `json:"score"`
	Main   bool       `json:"main,omitempty"`
	Cues   []string   `json:"cues,omitempty"`
	Spans  []Span     `json:"spans,omitempty"`
	Actors []ActorRef `json:"actors,omitempty"`
	// Referent is what the claim's subject stands for when it points back
	// to something a sentence before named ("It ...", "These data ...");
	// nil when it names its subject itself or nothing could be named.
	Referent *Referent `json:"referent,omitempty"`
	// Assumed marks a claim accepted without argument (a Carneades
	// assumption): evaluation labels it in.
	Assumed bool `json:"assumed,omitempty"`
	// Issue groups rival answers to one question: claims with the same Issue
	// are alternative positions, of which evaluation accepts at most one (a
	// Carneades issue). Empty: the claim stands alone against its denial.
	Issue string `json:"issue,omitempty"`
	// Standard is the proof standard the claim must meet to be accepted over
	// its rivals: one of the Standard* constants; empty means preponderance.
	Standard  string    `json:"standard,omitempty"`
	CreatedAt time.Time `json:"created_at"`
}

// Proof standards a claim may have to meet (Claim.Standard).
const (
	StandardPE  = "pe"  // preponderance of the evidence: the strongest argument wins
	StandardCCE = "cce" // clear and convincing evidence: wins by a clear margin
	StandardBRD = "brd" // beyond reasonable doubt: a clear margin and hardly any doubt left
	StandardDV  = "dv"  // dialectical validation: an argument for it and none against
)

// Evidence is backing: a figure, event, report, observation or cited work.
type Evidence struct {
	ID     string  `json:"id"`
	Kind   string  `json:"kind,omitempty"`
	Text   string  `json:"text"`
	Origin Origin  `json:"origin"`
	Score  float64 `json:"score"`
	Spans  []Span  `json:"spans,omitempty"`
	// Actors are the actors the evidence's text names or that state it, as
	// a claim's are: deleting the evidence's last source removes the actors
	// nothing else refers to.
	Actors []ActorRef `json:"actors,omitempty"`
	// Referent is what the evidence's subject stands for when it points
	// back, as a claim's (Claim.Referent).
	Referent  *Referent `json:"referent,omitempty"`
	CreatedAt time.Time `json:"created_at"`
}

// Referent is what the subject of a claim or evidence that points back
// stands for ("It now runs in dozens of countries", "However, these data
// are neither objective nor neutral"), resolved by the extraction and kept
// with where the source names it, so that an answer can read the unit as
// meaning it ("Migration statistics are neither objective nor neutral")
// and a reader can check the reading. Words are the unit's words that point
// back, as written ("these data"); Text is what they stand for, written to
// stand in their place ("Migration statistics"); Span is the passage of the
// source that names it (the sentence before, usually).
type Referent struct {
	Words string `json:"words"`
	Text  string `json:"text"`
	Span  Span   `json:"span"`
}

// MaxReferentLen bounds a referent's words and text.
const MaxReferentLen = 512

// Reading returns text read with r's words replaced by r's text: the
// statement the unit makes of what it points back to, from its subject on
// (a discourse marker or clause set off by a comma, or one word, before
// the words is left out: "However, these data are ..." reads "Migration
// statistics are ..."); words after the subject keep what stands before
// them ("The board described those ferries as slow" reads "The board
// described the harbour ferries as slow"). It is text when r is nil or its words are not in text
// as whole words.
func (r *Referent) Reading(text string) string {
	if r == nil || r.Words == "" || r.Text == "" {
		return text
	}
	word := func(b byte) bool {
		return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
	}
	for at := 0; at < len(text); {
		k := strings.Index(text[at:], r.Words)
		if k < 0 {
			break
		}
		k += at
		end := k + len(r.Words)
		if (k == 0 || !word(text[k-1])) && (end == len(text) || !word(text[end])) {
			if before := strings.TrimRight(text[:k], " \t\n\"“‘'("); strings.ContainsAny(before, " \t\n") && !strings.HasSuffix(before, ",") {
				return text[:k] + r.Text + text[end:]
			}
			return r.Text + text[end:]
		}
		at = k + 1
	}
	return text
}

// Actor is an organisation, state, group or person. Name is canonical; Aliases
// are other names it goes by ("IOM", "the organization").
type Actor struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	Kind      string    `json:"kind,omitempty"`
	Aliases   []string  `json:"aliases,omitempty"`
	CreatedAt time.Time `json:"created_at"`
}

// Relation is a first-class argumentative link with its own ID. From holds one
// or more claim or evidence IDs (several are linked premises); To is a claim or
// another relation (an undercut: an attack on the inference itself). A supports
// relation may have no premises (its conclusion follows unless undercut), and a
// claim may contest itself (a self-attack).
type Relation struct {
	ID   string       `json:"id"`
	Kind RelationKind `json:"kind"`
	From []string     `json:"from"`
	To   string       `json:"to"`
	// Title names the argument the relation is an inference step of (an
	// Argdown argument title); "" when it has none.
	Title string `json:"title,omitempty"`
	// Scheme names the pattern of the inference or conflict: an argumentation
	// scheme ("ExpertOpinion"), inference rules ("Modus ponens"), or the kind
	// of conflict between statements ("contrary", "contradictory"; see
	// SchemeContrary). "" when unknown.
	Scheme    string    `json:"scheme,omitempty"`
	Span      *Span     `json:"span,omitempty"` // provenance: where the link is stated
	Origin    Origin    `json:"origin"`
	Score     float64   `json:"score"`
	CreatedAt time.Time `json:"created_at"`
}

// Citation is a reference from one source to another work: an author-year
// mention in running text or a bibliography entry. CitedID, when set, names the
// Source record of the cited work (CITES).
type Citation struct {
	ID       string `json:"id"`
	SourceID string `json:"source_id"`
	Author   string `json:"author"` // first author's surname
	Year     string `json:"year"`
	Text     string `json:"text,omitempty"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	CitedID  string `json:"cited_id,omitempty"`
}

// Graph is a set of nodes and relations: an extraction draft, a write batch, a
// neighbourhood read back from a store, or what a renderer draws.
type Graph struct {
	Sources   []Source   `json:"sources"`
	Claims    []Claim    `json:"claims"`
	Evidence  []Evidence `json:"evidence"`
	Actors    []Actor    `json:"actors"`
	Relations []Relation `json:"relations"`
	Citations []Citation `json:"citations"`
}

// Counts summarises a graph's size.
type Counts struct {
	Sources   int `json:"sources"`
	Claims    int `json:"claims"`
	Evidence  int `json:"evidence"`
	Actors    int `json:"actors"`
	Relations int `json:"relations"`
	Citations int `json:"citations"`
}

// Counts returns how many of each kind of record g holds.
func (g *Graph) Counts() Counts {
	return Counts{
		Sources: len(g.Sources), Claims: len(g.Claims), Evidence: len(g.Evidence),
		Actors: len(g.Actors), Relations: len(g.Relations), Citations: len(g.Citations),
	}
}
