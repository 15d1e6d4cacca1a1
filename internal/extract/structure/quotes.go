package structure

import "strings"

// Forum posts and mail quote what they answer on lines that open with
// ">". A quoted unit is not the replier's argument: it is the quoted
// poster's view, most often one this text already holds where that poster
// wrote it. The paragraph decoding leaves quoted units out of the blocks it
// decodes, and the claim of the reply that follows a quote bears on the
// quoted unit's source (the earlier unit that holds its words) instead of
// on the thesis.

// quoted reports whether unit u stands on a line that opens with ">".
func quoted(text string, u Unit) bool {
	ls := strings.LastIndexByte(text[:u.Start], '\n') + 1
	return strings.HasPrefix(strings.TrimLeft(text[ls:u.Start], " \t"), ">")
}

// quoteSources returns for each unit of units -1, or for a quoted unit the
// earlier unquoted unit whose words contain its words (or whose words it
// contains: a quote of more than one unit), else the quoted unit itself.
// It returns nil when no unit is quoted.
func quoteSources(text string, units []Unit) []int {
	var src []int
	var toks []token
	norm := func(u Unit) string {
		toks = tokenize(text, u.Start, u.End, toks[:0])
		return " " + strings.Join(words(toks), " ") + " "
	}
	var ws []string // normalized words of units, when needed
	for i, u := range units {
		if !quoted(text, u) {
			continue
		}
		if src == nil {
			src = make([]int, len(units))
			for k := range src {
				src[k] = -1
			}
			ws = make([]string, len(units))
			for k, v := range units {
				ws[k] = norm(v)
			}
		}
		src[i] = i
		q := ws[i]
		if len(strings.Fields(q)) == 0 {
			continue
		}
		for k := 0; k < i; k++ {
			if src[k] < 0 && (strings.Contains(ws[k], q) || strings.Contains(q, ws[k])) {
				src[i] = k
				break
			}
		}
	}
	return src
}

// Agreement and dissent: the words with which a short reply takes a side
// on what it answers ("Agreed.", "I doubt it.", "Not my experience.").
var (
	agreeWords   = set("agree", "agreed", "exactly", "right", "true", "yes", "indeed", "correct", "seconded")
	dissentWords = set("doubt", "disagree", "wrong", "nonsense", "untrue", "false", "mistaken", "nope", "hardly", "rubbish")
)

// maxReplyWords is the longest unit whose kind replyKind reads off its
// words: a longer one argues, and the classifiers read it.
const maxReplyWords = 6

// replyKind returns the kind a short reply's words give it (ok false when
// they give none): a negation or a word of dissent attacks, a word of
// agreement without a negation supports.
func replyKind(in *unitInfo) (Kind, bool) {
	if len(in.ws) == 0 || len(in.ws) > maxReplyWords {
		return Support, false
	}
	agree := false
	for _, w := range in.ws {
		if dissentWords[w] {
			return Attack, true
		}
		agree = agree || agreeWords[w]
	}
	switch {
	case in.neg:
		return Attack, true
	case agree:
		return Support, true
	}
	return Support, false
}
