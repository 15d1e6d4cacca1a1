package extract

// A view reported and then judged false in the same sentence ("Critics
// claim the harbour is unsafe, but this is false", "Some say P; they are
// wrong", "... , yet that is not the case") is reported in order to be
// rejected, as "Critics wrongly claim that P" is.

// tailOpeners open the clause that judges a reported view.
var tailOpeners = wordSet(`but yet however`)

// tailSubjects point back at the view or at those who hold it.
var tailSubjects = wordSet(`this that it they these those such`)

// rejectedTail returns the index in toks (the clause a reporting verb
// reports, to the sentence's end) of the mark or word that opens a clause
// judging it false: after a comma or semicolon, or at a "but", "yet" or
// "however", a pronoun that points back, a copula, and a falsity word
// ("is false", "are wrong", "is simply mistaken") or a negated word of
// truth ("is not true", "is not the case"), up to the sentence's end;
// or -1.
func rejectedTail(toks []token) int {
	for i := 1; i+2 < len(toks); i++ {
		k := i
		if toks[k].punct == ',' || toks[k].punct == ';' {
			k++
		} else if !tailOpeners[toks[k].lower] {
			continue
		}
		if k < len(toks) && tailOpeners[toks[k].lower] {
			k++
		}
		if k == i || k+1 >= len(toks) || !tailSubjects[toks[k].lower] {
			continue
		}
		if k+1 < len(toks) && opinionNouns[toks[k+1].lower] {
			k++ // "but this claim is false"
		}
		end, ok, upheld := falsityAfter(toks, k+1)
		if upheld {
			continue // "..., but this is not false": no view rejected
		}
		if !ok && k+3 < len(toks) && (toks[k+1].lower == "is" || toks[k+1].lower == "was") && toks[k+2].lower == "not" &&
			trueWords[toks[k+3].lower] {
			end, ok = k+3, true
		}
		if !ok && k+4 < len(toks) && (toks[k+1].lower == "is" || toks[k+1].lower == "was") && toks[k+2].lower == "not" &&
			toks[k+3].lower == "the" && toks[k+4].lower == "case" {
			end, ok = k+4, true
		}
		if !ok {
			continue
		}
		rest := end + 1
		for rest < len(toks) && toks[rest].punct != 0 && toks[rest].punct != ',' {
			rest++
		}
		if rest == len(toks) {
			return i
		}
	}
	return -1
}
