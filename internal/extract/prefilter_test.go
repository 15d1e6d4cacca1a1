package extract_test

import (
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/extract"
)

// workHeaderCases are headers of listed works, in our own words, and near
// misses: the year elsewhere, other brackets, bad bytes.
var workHeaderCases = []string{
	"Maria Lenz (2014) *Rivers and Rules*", "Tomas Ek and Ana Ruiz Diaz (1998a) “Salt”", "* Jo Brand (2001) _Tides_",
	"Pia K. Holm (1975) \"Maps\"", "Ola Berg (2021) ‘Ice’", "Ola Berg (1899) *Ice*", "Ola Berg (2100) *Ice*",
	"Ola Berg (20", "Ola Berg (19", "(1999)", "(2020) *x*", "Ola Berg [2014] *Ice*", "Ola Berg (2014)",
	"Ola Berg ((2014) *Ice*", "Ola Berg (x) (2014) *Ice*", "Ola Berg (2014) (*Ice*)", "\xffOla Berg (2014) *Ice*",
	"Ola Berg (20\xff4) *Ice*", "Ola Berg (2014)\t*Ice*", "(", "((", "(1", "(2", "(19", "(20", "(200", "( 2014)",
	"",
}

// TestWorkHeaderAgrees checks workHeader against the bare expression on our
// long texts' lines, the cases above and each case cut at every byte.
func TestWorkHeaderAgrees(t *testing.T) {
	texts := append(scanLines(t), workHeaderCases...)
	for _, c := range workHeaderCases {
		for k := 0; k <= len(c); k++ {
			texts = append(texts, c[:k], c[k:], c[:k]+"(20"+c[k:])
		}
	}
	matched := 0
	for _, s := range texts {
		m, err := extract.WorkHeaderAgrees(s)
		if err != nil {
			t.Error(err)
		}
		if m {
			matched++
		}
	}
	if matched < 6 {
		t.Errorf("only %d of %d texts are work headers: the test does not reach the expression", matched, len(texts))
	}
}

// FuzzWorkHeader checks the same on any text.
func FuzzWorkHeader(f *testing.F) {
	for _, s := range workHeaderCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if _, err := extract.WorkHeaderAgrees(s); err != nil {
			t.Error(err)
		}
		if _, err := extract.WorkHeaderAgrees(strings.Repeat(s, 3)); err != nil {
			t.Error(err)
		}
	})
}

// announcementCases announce what a text does, with and without a finding
// verb, in our own words.
var announcementCases = []string{
	"This chapter examines how ports grew.", "This chapter shows how ports grew.", "This chapter examines and shows it.",
	"This paper explores the tides; it calls for care.", "This paper explores the tides and calls  for care.",
	"This paper explores the tides and calls, for care.", "This report is critical of dams and examines them.",
	"This report examines dams, is critical.", "This report examines dams. Is critical", "This study examines CALLS FOR reform.",
	"This study examines ‘shows’.", "This study examines shows", "This study examines showsx", "This study examines xshows",
	"In this article we examine rivers.", "In this article we examine rivers and conclude.", "We examine this.",
	"This essay explores\xffshows", "This essay explores show-boats.", "This essay explores the show.",
}

// TestAnnouncementAgrees checks announcement against the phrase-by-phrase
// form on our long texts' lines and the cases above, each cut at every byte.
func TestAnnouncementAgrees(t *testing.T) {
	texts := append(scanLines(t), announcementCases...)
	for _, c := range announcementCases {
		for k := 0; k <= len(c); k++ {
			texts = append(texts, c[:k], c[:k]+" shows "+c[k:], c[:k]+" calls for"+c[k:])
		}
	}
	for _, f := range extract.FindingVerbs {
		texts = append(texts, "This chapter examines ports and "+f+" a rise.", "This chapter examines ports and "+f+"x a rise.")
	}
	shapes, finds := 0, 0
	for _, s := range texts {
		shape, is, err := extract.AnnouncementAgrees(s)
		if err != nil {
			t.Error(err)
		}
		if shape {
			shapes++
			if !is {
				finds++
			}
		}
	}
	if shapes-finds < 10 || finds < 10 {
		t.Errorf("of %d texts %d announce and %d more report a finding: the test does not reach both", len(texts), shapes-finds, finds)
	}
}

// FuzzAnnouncement checks the same on any text.
func FuzzAnnouncement(f *testing.F) {
	for _, s := range announcementCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if _, _, err := extract.AnnouncementAgrees(s); err != nil {
			t.Error(err)
		}
	})
}

// chromeCases hold each of chromeText's words, in either case and cut short,
// in our own words.
var chromeCases = []string{
	"Read it on your Kindle tonight.", "We use a cookie to remember you.", "Free Wi-Fi in the lobby.",
	"Enable JavaScript to continue.", "kindl cooki wi- fi javascrip", "the kindled fire", "cookies and cream",
	"a wifi spot", "wi-fi-enabled", "skindle", "javascripts", "Mail us at harbour@example.org", "© 2020 the port",
	"Sign in to your account", "you and your dog", "k", "j", "-", "", "\xffkindle", "kindle\xff",
}

// TestChromeTextAgrees checks chromeText against the word-by-word search on
// our long texts' lines and the cases above, each cut at every byte.
func TestChromeTextAgrees(t *testing.T) {
	texts := append(scanLines(t), chromeCases...)
	for _, c := range chromeCases {
		for k := 0; k <= len(c); k++ {
			texts = append(texts, c[:k], c[k:], c[:k]+" k-j "+c[k:])
		}
	}
	found := map[string]bool{}
	for _, s := range texts {
		c, err := extract.ChromeTextAgrees(s)
		if err != nil {
			t.Error(err)
		}
		found[c] = true
	}
	for _, c := range []string{"kindle", "cookie", "wi-fi", "javascript"} {
		if !found[c] {
			t.Errorf("no text holds %q: the test does not reach it", c)
		}
	}
}

// FuzzChromeText checks the same on any text.
func FuzzChromeText(f *testing.F) {
	for _, s := range chromeCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if _, err := extract.ChromeTextAgrees(s); err != nil {
			t.Error(err)
		}
	})
}

// BenchmarkChromeText runs chromeText on the surfaces of the corpus
// documents' sentences (cut at ". "): with a byte looked for before each
// word (new) and a search for each word (old).
func BenchmarkChromeText(b *testing.B) {
	sents, size := corpusSentences(b)
	for _, c := range []struct {
		name string
		slow bool
	}{{"old", true}, {"new", false}} {
		run := extract.ChromeTextCount(sents, c.slow)
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			for i := 0; i < b.N; i++ {
				run()
			}
		})
	}
}
