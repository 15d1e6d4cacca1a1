package extract

import (
	"strings"
)

// conceptRows group the forms of argumentative predicates that state the
// same thing. Every row lists one word's forms in the same order: base,
// third person, past, noun (an empty cell has no such form). A query word
// is replaced by the other rows' forms in its own column, so the tense and
// part of speech of the query are kept. The first rows of a class are its
// derivations (voluntariness, voluntary, voluntarily), which the stores'
// stemmers do not fold.
var conceptRows = [][][4]string{
	{ // contest
		{"contest", "contests", "contested", "contestation"},
		{"question", "questions", "questioned", "questioning"},
		{"dispute", "disputes", "disputed", "dispute"},
		{"challenge", "challenges", "challenged", "challenge"},
		{"criticise", "criticises", "criticised", "criticism"},
		{"criticize", "criticizes", "criticized", "criticism"},
		{"doubt", "doubts", "doubted", "doubt"},
	},
	{ // enforce
		{"enforce", "enforces", "enforced", "enforcement"},
		{"impose", "imposes", "imposed", "imposition"},
		{"implement", "implements", "implemented", "implementation"},
		{"carry out", "carries out", "carried out", ""},
	},
	{ // exclude
		{"exclude", "excludes", "excluded", "exclusion"},
		{"keep out", "keeps out", "kept out", ""},
		{"filter", "filters", "filtered", "filtering"},
		{"deny access", "denies access", "denied access", "denial of access"},
		{"bar", "bars", "barred", ""},
	},
	{ // voluntary
		{"voluntary", "voluntary", "voluntarily", "voluntariness"},
	},
	{ // support
		{"support", "supports", "supported", "support"},
		{"back", "backs", "backed", "backing"},
		{"endorse", "endorses", "endorsed", "endorsement"},
	},
	{ // return
		{"return", "returns", "returned", "return"},
		{"repatriate", "repatriates", "repatriated", "repatriation"},
	},
	{ // detain
		{"detain", "detains", "detained", "detention"},
	},
	{ // coerce
		{"coerce", "coerces", "coerced", "coercion"},
		{"force", "forces", "forced", "force"},
		{"pressure", "pressures", "pressured", "pressure"},
	},
}

// formAt locates a form (one word or two) in the concept rows.
type formAt struct{ class, row, col int }

var conceptForms = map[string][]formAt{}

func init() {
	for c, rows := range conceptRows {
		for r, row := range rows {
			for k, f := range row {
				if f != "" {
					conceptForms[f] = append(conceptForms[f], formAt{c, r, k})
				}
			}
		}
	}
}

// maxAlternatives bounds what ExpandQuery returns.
const maxAlternatives = 16

// ExpandQuery returns q followed by alternative phrasings of it for
// full-text search: derivations the stores' stemmers miss (voluntariness,
// voluntary, voluntarily) and the other members of an argumentative
// predicate's concept class (contested, questioned, disputed, challenged,
// criticised, doubted; enforces, imposes, implements; excludes, keeps out,
// filters, denies access). Every alternative is a plain string of words;
// alternatives with fewer changes come first, and there are at most 16
// besides q. An empty or blank q gives nil.
func ExpandQuery(q string) []string {
	if strings.TrimSpace(q) == "" {
		return nil
	}
	ws := words(q)
	var slots []slot
	for i := 0; i < len(ws); {
		// two-word predicates ("keeps out", "denies access")
		if i+1 < len(ws) {
			if fs, ok := conceptForms[ws[i]+" "+ws[i+1]]; ok {
				slots = append(slots, conceptSlot(ws[i]+" "+ws[i+1], fs))
				i += 2
				continue
			}
		}
		w := ws[i]
		fs, ok := conceptForms[w]
		if !ok && len(w) > 4 && strings.HasSuffix(w, "s") {
			fs, ok = conceptForms[w[:len(w)-1]] // "exclusions"
		}
		if ok {
			slots = append(slots, conceptSlot(w, fs))
		} else {
			slots = append(slots, slot{slotPlain, []string{w}})
		}
		i++
	}
	// bases: q and its derivations normalised; then every concept member
	// put in each predicate's place, on the normalised base first and on q
	out := []string{strings.TrimSpace(q)}
	seen := map[string]bool{strings.ToLower(out[0]): true}
	add := func(parts []string) bool {
		alt := strings.Join(parts, " ")
		if key := strings.ToLower(alt); !seen[key] {
			seen[key] = true
			out = append(out, alt)
		}
		return len(out) > maxAlternatives
	}
	orig := make([]string, len(slots))
	for i, sl := range slots {
		orig[i] = sl.opts[0]
	}
	swap := func(base []string, kind int) []string {
		b := append([]string(nil), base...)
		for i, sl := range slots {
			if sl.kind == kind && len(sl.opts) > 1 {
				b[i] = sl.opts[1]
			}
		}
		return b
	}
	d := swap(orig, slotDerived)
	bases := [][]string{d, orig}
	for _, b := range [][]string{orig, d} {
		if add(b) {
			return out
		}
	}
	for _, base := range bases {
		for i, sl := range slots {
			if sl.kind != slotConcept {
				continue
			}
			for _, o := range sl.opts[1:] {
				b := append([]string(nil), base...)
				b[i] = o
				if add(b) {
					return out
				}
			}
		}
	}
	// remaining derivations
	for i, sl := range slots {
		if sl.kind == slotConcept {
			continue
		}
		for _, o := range sl.opts[min(2, len(sl.opts)):] {
			b := append([]string(nil), orig...)
			b[i] = o
			if add(b) {
				return out
			}
		}
	}
	return out
}

// Slot kinds: a word kept as it is, a word of a one-row concept class (its
// derivations), a predicate of a concept class.
const (
	slotPlain = iota
	slotDerived
	slotConcept
)

// slot is one word or phrase of a query with the options that may replace
// it, the original first.
type slot struct {
	kind int
	opts []string
}

// conceptSlot lists w first, then what may stand for it. A word of a class
// of one row (voluntariness) is a derivation slot: its row's other forms,
// base first. A predicate is a concept slot: the row's base form when w is
// a noun (exclusion, exclude), then the other rows' forms in w's column.
func conceptSlot(w string, fs []formAt) slot {
	opts := []string{w}
	seen := map[string]bool{w: true}
	add := func(f string) {
		if f != "" && !seen[f] {
			seen[f] = true
			opts = append(opts, f)
		}
	}
	f := fs[0]
	rows := conceptRows[f.class]
	if len(rows) == 1 {
		for _, k := range []int{0, 2, 1, 3} {
			add(rows[0][k])
		}
		return slot{slotDerived, opts}
	}
	if f.col == 3 {
		add(rows[f.row][1])
	}
	for r := range rows {
		if r != f.row {
			add(rows[r][f.col])
		}
	}
	return slot{slotConcept, opts}
}
