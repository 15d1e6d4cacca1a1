package cite

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"unicode/utf8"
)

// DatePattern and LastDateYear let the tests compare lastDateYear with the
// regular expression's own search.
var (
	DatePattern  = datePattern
	LastDateYear = lastDateYear
)

// IndexByRareAgrees checks indexByRare against strings.Index for each
// anchor of titledMatches (and, at every byte, for a few more) on text from
// every offset.
func IndexByRareAgrees(text string) error {
	anchors := append([]struct {
		s    string
		rare int
	}{{"a", 0}, {"ab", 1}, {"aba", 2}, {"xyz", 0}}, titledAnchors...)
	for _, a := range anchors {
		for from := 0; from <= len(text); from++ {
			want := strings.Index(text[from:], a.s)
			if want >= 0 {
				want += from
			}
			if got := indexByRare(text, from, a.s, a.rare); got != want {
				return fmt.Errorf("indexByRare(%q, %d, %q, %d) = %d, strings.Index gives %d", text, from, a.s, a.rare, got, want)
			}
		}
	}
	return nil
}

// TitledMatchesAgree checks titledMatches against titledMatchesSlow, the
// form that searched for each anchor with strings.Index.
func TitledMatchesAgree(text string) error {
	if got, want := titledMatches(text), titledMatchesSlow(text); !reflect.DeepEqual(got, want) {
		return fmt.Errorf("titledMatches(%q) = %v, the slow form %v", text, got, want)
	}
	return nil
}

// TitledMatchesCount runs titledMatches (or, slow, the form it replaced)
// on text and returns how many matches it found. For benchmarks.
func TitledMatchesCount(text string, slow bool) int {
	if slow {
		return len(titledMatchesSlow(text))
	}
	return len(titledMatches(text))
}

// titledMatchesSlow is titledMatches as it was until session 15.
func titledMatchesSlow(text string) [][]int {
	var out [][]int
	for _, anchor := range []string{"itled", "ITLED", "alled", "ALLED", "amed ", "AMED "} {
		for from := 0; ; {
			k := strings.Index(text[from:], anchor)
			if k < 0 {
				break
			}
			k += from
			from = k + len(anchor)
			a := max(0, k-24)
			for a > 0 && !utf8.RuneStart(text[a]) {
				a--
			}
			b := min(len(text), k+240)
			for b < len(text) && !utf8.RuneStart(text[b]) {
				b++
			}
			if !quotedAfterAnchor(text[a:b]) {
				continue // titledRe cannot match in the window
			}
			for _, m := range titledRe.FindAllStringSubmatchIndex(text[a:b], -1) {
				for i := range m {
					if m[i] >= 0 {
						m[i] += a
					}
				}
				out = append(out, m)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// InTextOld is InText as it was before its scan jumped from one '1' or '2'
// to the next (it tried every byte), for TestInTextAgrees.
func InTextOld(text string) []Citation {
	var out []Citation
	lastEnd := -1
	var lastAuthors []string
	lastStart := 0
	for i := 0; i+4 <= len(text); i++ {
		c := text[i]
		if c != '1' && c != '2' {
			continue
		}
		dEnd, end, ok := yearAt(text, i)
		if !ok {
			continue
		}
		year := text[i:dEnd]
		if sep := strings.TrimSpace(text[max(0, min(lastEnd, i)):i]); lastEnd >= 0 && lastEnd <= i && i-lastEnd <= 3 && (sep == "," || sep == ";") {
			out = append(out, Citation{Author: lastAuthors[0], Authors: lastAuthors, Year: year,
				Start: lastStart, End: end, Text: text[lastStart:end]})
			lastEnd = end
			i = end - 1
			continue
		}
		if cit, ok := narrative(text, i, dEnd, end); ok {
			out = append(out, cit)
			lastEnd, lastAuthors, lastStart = cit.End, cit.Authors, cit.Start
			if cit.End < len(text) && text[cit.End] == ')' {
				lastEnd = -1
			}
			i = end - 1
			continue
		}
		if cit, ok := parenthetical(text, i, end); ok {
			cit.Year = year
			out = append(out, cit)
			lastEnd, lastAuthors, lastStart = end, cit.Authors, cit.Start
			i = end - 1
			continue
		}
	}
	if titled := Titled(text, "", ""); len(titled) > 0 {
		out = append(out, titled...)
		sort.SliceStable(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	}
	return out
}
