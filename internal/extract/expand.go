package extract

import (
	"sort"
	"strings"
)

// acronyms of the migration and humanitarian domain with their expansions.
// The actor finder learns a document's own definitions ("Displacement
// Tracking Matrix (DTM)"); this table covers what a query names without
// defining.
var acronyms = map[string][]string{
	"avr":    {"assisted voluntary return"},
	"avrr":   {"assisted voluntary return and reintegration", "assisted voluntary return"},
	"idp":    {"internally displaced person"},
	"idps":   {"internally displaced persons", "internally displaced people"},
	"iom":    {"international organization for migration", "international organisation for migration"},
	"unhcr":  {"united nations high commissioner for refugees", "un refugee agency"},
	"un":     {"united nations"},
	"eu":     {"european union"},
	"hrw":    {"human rights watch"},
	"ngo":    {"non-governmental organisation", "non-governmental organization"},
	"ngos":   {"non-governmental organisations", "non-governmental organizations"},
	"dtm":    {"displacement tracking matrix"},
	"eutf":   {"emergency trust fund for africa"},
	"icem":   {"intergovernmental committee for european migration"},
	"picmme": {"provisional intergovernmental committee for the movement of migrants from europe"},
	"ilo":    {"international labour organization"},
	"icmpd":  {"international centre for migration policy development"},
	"ohchr":  {"office of the high commissioner for human rights"},
	"gcm":    {"global compact for migration"},
	"rsd":    {"refugee status determination"},
	"uasc":   {"unaccompanied and separated children"},
	"mmp":    {"missing migrants project"},
}

// expansionOf maps an expansion (lower case) back to its acronym;
// expansionsBy lists the expansions by their first word. Both are built once
// and only read.
var (
	expansionOf  = map[string]string{}
	expansionsBy = map[string][]string{}
)

func init() {
	for a, xs := range acronyms {
		for _, x := range xs {
			if _, ok := expansionOf[x]; !ok || len(a) < len(expansionOf[x]) {
				expansionOf[x] = a
			}
		}
	}
	for x := range expansionOf {
		first := strings.Fields(x)[0]
		expansionsBy[first] = append(expansionsBy[first], x)
	}
	for _, xs := range expansionsBy {
		sort.Strings(xs)
	}
}

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
// full-text search: acronyms and their expansions swapped (AVR, assisted
// voluntary return), derivations the stores' stemmers miss (voluntariness,
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
		// the longest expansion starting here folds to its acronym
		if n, a := expansionAt(ws, i); n > 0 {
			exp := strings.Join(ws[i:i+n], " ")
			opts := []string{exp, strings.ToUpper(a)}
			for _, x := range acronyms[a] {
				if x != exp {
					opts = append(opts, x)
				}
			}
			slots = append(slots, slot{slotAcronym, opts})
			i += n
			continue
		}
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
		switch xs, acr := acronyms[w]; {
		case acr:
			slots = append(slots, slot{slotAcronym, append([]string{w}, xs...)})
		case ok:
			slots = append(slots, conceptSlot(w, fs))
		default:
			slots = append(slots, slot{slotPlain, []string{w}})
		}
		i++
	}
	// bases: q, its acronyms swapped, its derivations normalised, both;
	// then every concept member put in each predicate's place, on the most
	// normalised base first and on q
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
	a := swap(orig, slotAcronym)
	d := swap(orig, slotDerived)
	ad := swap(a, slotDerived)
	bases := [][]string{ad, orig}
	for _, b := range [][]string{orig, a, d, ad} {
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
	// remaining acronym expansions and derivations
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

// expansionAt returns the length in words of the longest acronym expansion
// starting at ws[i], and its acronym.
func expansionAt(ws []string, i int) (int, string) {
	best, acr := 0, ""
	if i >= len(ws) {
		return 0, ""
	}
	for _, x := range expansionsBy[ws[i]] {
		a := expansionOf[x]
		xw := strings.Fields(x)
		if len(xw) <= best || i+len(xw) > len(ws) {
			continue
		}
		ok := true
		for k, w := range xw {
			if ws[i+k] != w {
				ok = false
				break
			}
		}
		if ok {
			best, acr = len(xw), a
		}
	}
	return best, acr
}

// Slot kinds: a word kept as it is, an acronym or expansion, a word of a
// one-row concept class (its derivations), a predicate of a concept class.
const (
	slotPlain = iota
	slotAcronym
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
