package structure

// A central claim the decoder picks may be the second half of a sentence
// split at a clause boundary: "Data work strengthens the response, | but it
// is not neutral." Read alone, such a part is no claim a reader can take
// in ("but it is not neutral."): it opens with a coordinating conjunction,
// or with a pronoun standing for what the first half named. JoinLeaning
// gives the central claim its whole sentence up to that part. When the
// half before reports a view others hold ("My neighbour says X, but I
// doubt it"), the two are two voices and stay apart, the writer's half
// without its conjunction ("I doubt it").

// JoinLeaning returns units and st with every central claim that leans on
// the part of its sentence before it (leans) joined with the parts of its
// sentence before it into one unit, which is the central claim. Relations
// between the joined parts are dropped, relations to any of them go to the
// joined unit, and a joined part's own relation elsewhere is dropped (its
// words are now the claim's). A central claim after a part that reports
// others' view is not joined; it starts after its conjunction. units and
// st are not modified; when no central claim leans, they are returned as
// they are.
func JoinLeaning(text string, units []Unit, st Structure) ([]Unit, Structure) {
	first := map[int]int{} // central unit -> the first unit of its sentence to join from
	var trimmed []Unit
	for _, c := range st.Central {
		if c <= 0 || units[c-1].Sent != units[c].Sent || !leans(text, units[c]) {
			continue
		}
		s := c
		for s > 0 && units[s-1].Sent == units[c].Sent {
			s--
		}
		if ws := unitWords(text, units[s]); reportsView(ws) || othersSay(ws) {
			if u, ok := afterConjunction(text, units[c]); ok {
				if trimmed == nil {
					trimmed = append([]Unit(nil), units...)
				}
				trimmed[c] = u
			}
			continue
		}
		first[c] = s
	}
	if trimmed != nil {
		units = trimmed
	}
	if len(first) == 0 {
		return units, st
	}
	// joined[i] is the central unit that unit i becomes part of, or -1
	joined := make([]int, len(units))
	for i := range joined {
		joined[i] = -1
	}
	for c, s := range first {
		for i := s; i <= c; i++ {
			joined[i] = c
		}
	}
	newIdx := make([]int, len(units))
	out := make([]Unit, 0, len(units))
	for i := 0; i < len(units); i++ {
		c := joined[i]
		if c < 0 {
			newIdx[i] = len(out)
			out = append(out, units[i])
			continue
		}
		u := units[i]
		for j := i + 1; j <= c; j++ {
			u = Join(u, units[j])
		}
		for j := i; j <= c; j++ {
			newIdx[j] = len(out)
		}
		out = append(out, u)
		i = c
	}
	ns := Structure{Opponent: make([]float64, len(out)), Whole: st.Whole}
	for i, p := range st.Opponent {
		if joined[i] < 0 || joined[i] == i {
			ns.Opponent[newIdx[i]] = p
		}
	}
	for _, c := range st.Central {
		ns.Central = append(ns.Central, newIdx[c])
	}
	for _, r := range st.Relations {
		if joined[r.From] >= 0 && joined[r.From] != r.From {
			continue // a part now inside the claim
		}
		from, to := newIdx[r.From], newIdx[r.To]
		if from == to {
			continue
		}
		r.From, r.To = from, to
		ns.Relations = append(ns.Relations, r)
	}
	if st.Quotes != nil {
		ns.Quotes = make([]int, len(out))
		for i, q := range st.Quotes {
			if joined[i] >= 0 && joined[i] != i {
				continue
			}
			ns.Quotes[newIdx[i]] = -1
			if q >= 0 {
				ns.Quotes[newIdx[i]] = newIdx[q]
			}
		}
	}
	return out, ns
}

// leans tells whether unit u, a part of a sentence after its first, opens
// with a coordinating conjunction ("but", "and", "yet", "so", "or") or,
// after one, with a pronoun pointing back at what the part before named
// ("it", "they", "this", …).
func leans(text string, u Unit) bool {
	ws := unitWords(text, u)
	if len(ws) == 0 {
		return false
	}
	if coordinators[ws[0]] {
		return true
	}
	return backPronouns[ws[0]]
}

var (
	coordinators = set("and", "but", "yet", "so", "or", "nor")
	backPronouns = set("it", "they", "this", "these", "those", "he", "she", "its", "their", "them")
)

// unitWords returns u's words.
func unitWords(text string, u Unit) []string {
	if u.ws != nil {
		return u.ws
	}
	return words(tokenize(text, u.Start, u.End, nil))
}

// afterConjunction returns u starting after the coordinating conjunction
// it opens with, and whether it opens with one (and has words after it).
func afterConjunction(text string, u Unit) (Unit, bool) {
	toks := tokenize(text, u.Start, u.End, nil)
	ws := words(toks)
	if len(ws) < 2 || !coordinators[ws[0]] {
		return u, false
	}
	v := Unit{Start: toks[1].Start, End: u.End, Sent: u.Sent, Para: u.Para, Leaf: u.Leaf, Plain: u.Plain}
	if u.ws != nil && len(u.ws) == len(ws) {
		v.ws = u.ws[1:]
		if u.fl != nil {
			v.fl = u.fl[1:]
		}
	}
	return v, true
}
