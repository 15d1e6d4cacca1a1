package actor

// Word classes: the passes of Find ask of many tokens whether their lower
// case is a connector, a head keyword, a role word and so on, each a set of
// its own, and ask again in the next pass. A token's classes are looked up
// once, in one table of all those sets (wordClasses), and kept with the
// token as bits (scan.is).
const (
	clConnector uint16 = 1 << iota // connectors
	clHead                         // headKeywords
	clLead                         // leadKeywords
	clOrgan                        // organWords
	clTitle                        // titleWords
	clJunk                         // junkWords
	clHonorific                    // honorifics
	clRole                         // roleWords
	clNotName                      // notNames
	// clKnown marks a token whose classes have been looked up
	clKnown uint16 = 1 << 15
)

// classSets are the sets of the word classes, by class bit.
var classSets = []struct {
	set map[string]bool
	cl  uint16
}{{connectors, clConnector}, {headKeywords, clHead}, {leadKeywords, clLead}, {organWords, clOrgan},
	{titleWords, clTitle}, {junkWords, clJunk}, {honorifics, clHonorific}, {roleWords, clRole}, {notNames, clNotName}}

// wordClasses maps the words of classSets to their class bits; built once,
// read only.
var wordClasses = func() map[string]uint16 {
	m := map[string]uint16{}
	for _, c := range classSets {
		for w, in := range c.set {
			if in {
				m[w] |= c.cl
			}
		}
	}
	return m
}()

// is reports whether token k's lower case is in one of the classes c (an
// or of class bits), looking its classes up on the first question.
func (s *scan) is(k int, c uint16) bool {
	w := s.cls[k]
	if w == 0 {
		w = wordClasses[s.toks[k].low] | clKnown
		s.cls[k] = w
	}
	return w&c != 0
}
