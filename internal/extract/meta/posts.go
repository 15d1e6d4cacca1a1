package meta

import (
	"regexp"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
)

// postHeadRe matches a post header line: "Posted: 4 March 2019, 09:12 by
// kestrel_ma", "PostPosted: Thu Nov 02, 2006 6:59 pm Post subject: ...",
// "Posted by ann on 3 May 2020". Group 1 is what follows the word.
var postHeadRe = regexp.MustCompile(`^\s*(?:Post)?Posted\b(?:\s+on)?\s*:?\s*(.*)$`)

// posterRe finds the poster in a header: "by NAME", up to a separator, two
// spaces or the end; a name is at most three words.
var posterRe = regexp.MustCompile(`(?:^|\s)by\s+([^\s|,·•;:]+(?:\s[^\s|,·•;:]+){0,2})`)

// postDateRe is a header's date text: up to "Post subject", a separator or
// two spaces.
var postDateRe = regexp.MustCompile(`^(.*?\d.*?)(?:\s{2,}|\s*\||\s+Post subject|\s+by\s|$)`)

// Posts returns the posts (argmap.Post) of a text with two or more post
// headers, in order: where each header line starts, and its poster — the
// name the header gives ("kestrel_ma") or, when it names nobody, "the
// poster of " and its date, so that posts stay apart; nil for any other text (an article, a blog post with one byline).
// A header has a date or starts with "by": a line that merely starts with
// "Posted" is no header.
func Posts(text string) []argmap.Post {
	if !strings.Contains(text, "Posted") {
		return nil
	}
	var out []argmap.Post
	off := 0
	for off < len(text) {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text) - off
		}
		line := text[off : off+end]
		if m := postHeadRe.FindStringSubmatch(line); m != nil {
			rest := strings.TrimSpace(strings.ReplaceAll(m[1], "\u00a0", " ")) // pages space with no-break spaces
			if !strings.HasPrefix(rest, "by ") && !strings.ContainsAny(rest, "0123456789") {
				// a header has a date or starts with its poster
				off += end + 1
				continue
			}
			poster := ""
			if pm := posterRe.FindStringSubmatch(rest); pm != nil {
				poster = strings.TrimSpace(pm[1])
			} else if dm := postDateRe.FindStringSubmatch(rest); dm != nil && strings.TrimSpace(dm[1]) != "" {
				poster = "the poster of " + strings.Join(strings.Fields(dm[1]), " ")
			}
			if poster != "" {
				out = append(out, argmap.Post{Start: off, Poster: poster})
			}
		}
		off += end + 1
	}
	if len(out) < 2 {
		return nil
	}
	return out
}
