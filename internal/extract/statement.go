package extract

import "strings"

// States reports whether text states something an answer may quote as a
// statement (argmap.StatementJudge): it holds a predicate, a finite verb as
// hasFiniteVerb reads one, outside brackets, and is more than an aside
// naming who reports what its sentence says ("as Smith (2019) notes.").
// A bare citation ("Smith and Jones (2019)"), a heading ("Findings",
// "Return and its critics") or a name states nothing: quoted under a
// source, it would read as if the source said something there. Like
// hasFiniteVerb, it says yes when unsure.
func (s *Stancer) States(text string) bool {
	t := outsideBrackets(text)
	return hasFiniteVerb(t, s.lex) && !reportingAside(t)
}

// reportingAside reports whether t is only an aside that names who reports
// something: "as" and a reporting verb that ends it ("as the survey
// found", "as Smith notes"), with nothing it says.
func reportingAside(t string) bool {
	f := strings.Fields(strings.ToLower(t))
	if len(f) < 2 || f[0] != "as" {
		return false
	}
	return reportingVerbs[strings.TrimRight(f[len(f)-1], ".,;:!?")]
}

// outsideBrackets returns text without what matched round or square
// brackets hold (a citation's year, an aside), each outermost bracketed
// part replaced by a space. A bracket that is never closed is text
// ("Smith ( has just written", a link the page lost).
func outsideBrackets(text string) string {
	if !strings.ContainsAny(text, "([") {
		return text
	}
	drop := make([]bool, len(text))
	var open []int
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '(', '[':
			open = append(open, i)
		case ')', ']':
			if len(open) == 0 {
				continue
			}
			start := open[len(open)-1]
			open = open[:len(open)-1]
			if len(open) == 0 {
				for k := start; k <= i; k++ {
					drop[k] = true
				}
			}
		}
	}
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		switch {
		case !drop[i]:
			b.WriteByte(text[i])
		case i+1 == len(text) || !drop[i+1]:
			b.WriteByte(' ')
		}
	}
	return b.String()
}
