package webui

import (
	"path"
	"regexp"
	"strings"
)

// Markdown styles of a document's bytes: a Markdown document is shown as
// it is stored (spans index that text), with its syntax faded and its
// headings and emphasis set as such, so that it reads as a document.
const (
	mdMark   uint8 = 1 << iota // syntax: heading hashes, list bullets, quote marks, table bars, emphasis stars
	mdH1                       // a level 1 heading
	mdH2                       // a level 2 heading
	mdH3                       // a heading of level 3 or more
	mdEm                       // *emphasis*
	mdStrong                   // **strong emphasis**
)

// mdClasses are the CSS classes of the styles, in bit order.
var mdClasses = []string{"md-mark", "md-h1", "md-h2", "md-h3", "md-em", "md-strong"}

// isMarkdown tells a Markdown document by the name it was ingested from.
func isMarkdown(uri string) bool {
	switch strings.ToLower(path.Ext(uri)) {
	case ".md", ".markdown", ".mdown", ".mkd":
		return true
	}
	return false
}

var (
	mdStrongRe = regexp.MustCompile(`\*\*[^*\n]+?\*\*`)
	mdEmRe     = regexp.MustCompile(`\*[^*\s][^*\n]*?\*`)
)

// markdownStyles returns the style of every byte of text.
func markdownStyles(text string) []uint8 {
	st := make([]uint8, len(text))
	set := func(from, to int, s uint8) {
		for i := from; i < to; i++ {
			st[i] |= s
		}
	}
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		line := text[start:end]
		i := len(line) - len(strings.TrimLeft(line, " \t"))
		rest := line[i:]
		switch {
		case strings.HasPrefix(rest, "#"):
			n := len(rest) - len(strings.TrimLeft(rest, "#"))
			if n <= 6 && (n == len(rest) || rest[n] == ' ') {
				h := mdH3
				switch n {
				case 1:
					h = mdH1
				case 2:
					h = mdH2
				}
				set(start, end, h)
				set(start+i, start+i+min(n+1, len(rest)), mdMark)
			}
		case len(rest) > 1 && strings.ContainsRune("-*+>", rune(rest[0])) && rest[1] == ' ':
			set(start+i, start+i+1, mdMark)
		case strings.HasPrefix(rest, "|"): // a table row: its bars, and a rule row whole
			if strings.Trim(rest, "|-: \t\r") == "" {
				set(start+i, end, mdMark)
			}
			for j := i; j < len(line); j++ {
				if line[j] == '|' {
					set(start+j, start+j+1, mdMark)
				}
			}
		}
		for _, m := range mdStrongRe.FindAllStringIndex(line, -1) {
			set(start+m[0], start+m[1], mdStrong)
			set(start+m[0], start+m[0]+2, mdMark)
			set(start+m[1]-2, start+m[1], mdMark)
		}
		for _, m := range mdEmRe.FindAllStringIndex(line, -1) {
			a, b := start+m[0], start+m[1]
			if st[a]&mdStrong != 0 || st[b-1]&mdStrong != 0 {
				continue // part of a strong run
			}
			set(a, b, mdEm)
			set(a, a+1, mdMark)
			set(b-1, b, mdMark)
		}
		start = end + 1
	}
	return st
}

// piece is a run of a segment's text in one style.
type piece struct {
	Text  string
	Class string
}

// styled cuts each segment (which starts at its offset in the text) into
// runs of one style.
func styled(segs []segment, st []uint8) []segment {
	pos := 0
	for k := range segs {
		t := segs[k].Text
		if st == nil {
			segs[k].Pieces = []piece{{Text: t}}
			pos += len(t)
			continue
		}
		from := 0
		for i := 1; i <= len(t); i++ {
			if i < len(t) && st[pos+i] == st[pos+from] {
				continue
			}
			segs[k].Pieces = append(segs[k].Pieces, piece{Text: t[from:i], Class: mdClass(st[pos+from])})
			from = i
		}
		pos += len(t)
	}
	return segs
}

// mdClass returns the CSS classes of a style.
func mdClass(s uint8) string {
	var cs []string
	for i, c := range mdClasses {
		if s&(1<<i) != 0 {
			cs = append(cs, c)
		}
	}
	return strings.Join(cs, " ")
}
