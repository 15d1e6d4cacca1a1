package structure

import "strings"

// Forum posts and mail quote what they answer on lines that open with
// ">". A quoted unit is not the replier's argument: it is the quoted
// poster's view, most often one this text already holds where that poster
// wrote it. The paragraph decoding leaves quoted units out of the blocks it
// decodes, and the claim of the reply that follows a quote bears on the
// quoted unit's source (the earlier unit that holds its words) instead of
// on the thesis.

// QuotedLines reports for each offset of starts whether the line holding
// it opens with ">" (after spaces): a quoted line of a forum reply or a
// mail. One pass over the text when starts ascend (a unit list's starts).
func QuotedLines(text string, starts []int) []bool {
	out := make([]bool, len(starts))
	pos, quoted := 0, lineQuoted(text, 0)
	for i, s := range starts {
		if s < pos {
			pos, quoted = 0, lineQuoted(text, 0)
		}
		for ; pos < s && pos < len(text); pos++ {
			if text[pos] == '\n' {
				quoted = lineQuoted(text, pos+1)
			}
		}
		out[i] = quoted
	}
	return out
}

// lineQuoted reports whether the line starting at byte ls opens with ">".
func lineQuoted(text string, ls int) bool {
	for ; ls < len(text) && (text[ls] == ' ' || text[ls] == '\t'); ls++ {
	}
	return ls < len(text) && text[ls] == '>'
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
	starts := make([]int, len(units))
	for i, u := range units {
		starts[i] = u.Start
	}
	quoted := QuotedLines(text, starts)
	var ws []string // normalized words of units, when needed
	for i := range units {
		if !quoted[i] {
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
	dissentWords = set("doubt", "disagree", "wrong", "nonsense", "untrue", "false", "mistaken", "nope", "hardly", "rubbish", "differently")
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
