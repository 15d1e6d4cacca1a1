package extract_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
	"github.com/argmap/argmap/internal/sharedtest"
)

// TestGistKeepsMeaning: a gist may shorten a sentence but never say
// something else: no referent for an expletive "it", concessions,
// conditions and negations kept, frames that deny kept, markup gone, every
// cut marked.
func TestGistKeepsMeaning(t *testing.T) {
	tests := []struct {
		name, in, dominant, want string
	}{
		{"expletive it before a that-clause", "It is also wrong to say that the council ignores tenants.", "Council", "It is also wrong to say that the council ignores tenants"},
		{"it means that", "It means that the returns are not voluntary.", "IOM", "The returns are not voluntary"},
		{"expletive it, clear that", "It is clear that funding shapes the agenda.", "IOM", "It is clear that funding shapes the agenda"},
		{"it with a to-infinitive", "It may be used to store records of each person.", "UNHCR", "It may be used to store records of each person"},
		{"it's", "It's hard to see how the scheme helps anyone.", "IOM", "It's hard to see how the scheme helps anyone"},
		{"referring it is resolved", "However, it has grown fast since 1990.", "UNHCR", "UNHCR has grown fast since 1990"},
		{"so far is not the connective so", "So far, the scheme has failed to reduce arrivals.", "", "So far, the scheme has failed to reduce arrivals"},
		{"so that is not the connective so", "So that families can stay together, the shelters must stay open.", "", "So that families can stay together, the shelters must stay open"},
		{"concession kept", "Although Chile is a donor country, the ministry rejects the quota outright.", "", "Although Chile is a donor country, the ministry rejects the quota outright"},
		{"despite kept", "Despite the new funding, the shelters remain badly overcrowded in winter.", "", "Despite the new funding, the shelters remain badly overcrowded in winter"},
		{"condition kept", "If funding stops, the programme will close within a year.", "", "If funding stops, the programme will close within a year"},
		{"when kept", "When states pay, the agency complies with whatever they ask.", "", "When states pay, the agency complies with whatever they ask"},
		{"point of view kept", "For critics, the agency is a contractor of wealthy states.", "", "For critics, the agency is a contractor of wealthy states"},
		{"circumstance dropped", "Given that the fund is small, donors should pool their money and act.", "", "Donors should pool their money and act"},
		{"negated frame kept", "The committee does not claim that the policy works.", "", "The committee does not claim that the policy works"},
		{"limited frame kept", "Few observers believe that the scheme is voluntary.", "", "Few observers believe that the scheme is voluntary"},
		{"nobody frame kept", "Nobody argues that detention is humane.", "", "Nobody argues that detention is humane"},
		{"hearsay frame kept", "It is said that the agency pays informants.", "", "It is said that the agency pays informants"},
		{"frame dropped, negation kept", "We find that the agency never consults migrants.", "", "The agency never consults migrants"},
		{"negation in a parenthesis kept", "The report says nothing (not one word) about returns.", "", "The report says nothing (not one word) about returns"},
		{"markdown stripped", "**Bold claim:** the *scheme* is `unfair` to [migrants](http://example.test/m).", "", "Bold claim: the scheme is unfair to migrants"},
		{"html stripped", "The <em>scheme</em> is unfair.", "", "The scheme is unfair"},
		{"snake_case kept", "The field return_date is never filled in.", "", "The field return_date is never filled in"},
		{"cut at a comma with an ellipsis", "The agency expanded quickly after 1990 because wealthy donor states paid for projects they wanted, and it rarely refused a request from any of them.", "", "The agency expanded quickly after 1990 because wealthy donor states paid for projects they wanted…"},
		{"cut at the bound with an ellipsis, no dangling article", "Reception centres in the region hold people for months in conditions that inspectors from three separate bodies described as unsafe for the children kept there.", "", "Reception centres in the region hold people for months in conditions that inspectors from three separate bodies described as unsafe…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := extract.Gist(tt.in, nil, tt.dominant); got != tt.want {
				t.Errorf("Gist(%q, %q) = %q, want %q", tt.in, tt.dominant, got, tt.want)
			}
		})
	}
}

// TestGistProperties checks every gist of the demo documents, and of the
// IOM documents when ../shared is there: no markup, a cut always marked,
// every negation and concession of the claim kept, and no word the claim
// does not have except actor names and the words of what a bare "this" or
// "it" (or a referent the claim records: "those centres" after its
// subject) stands for, found near the claim. A claim marked as needing its
// context has no gist.
func TestGistProperties(t *testing.T) {
	t.Run("demo", func(t *testing.T) { checkGists(t, demoFiles(t)) })
	t.Run("iom", func(t *testing.T) { checkGists(t, sharedtest.CorpusFiles(t)) })
}

func checkGists(t *testing.T, files []string) {
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		g := extractDoc(t, filepath.Base(f), data)
		names := map[string]bool{}
		for _, a := range g.Actors {
			for _, w := range words(strings.ToLower(strings.Join(append([]string{a.Name}, a.Aliases...), " "))) {
				names[w] = true
			}
		}
		for _, c := range g.Claims {
			n++
			gist, text := c.Gist, strings.ToLower(c.Text)
			if slices.Contains(c.Cues, argmap.CueNeedsContext) {
				if gist != "" {
					t.Errorf("%s: claim %q needs its context but has the gist %q", f, c.Text, gist)
				}
				continue
			}
			// a referent comes from the sentence before or the line after
			sp := c.Spans[0]
			near := strings.ToLower(string(data[max(0, sp.Start-2000):min(len(data), sp.End+300)]))
			if strings.Contains(gist, "**") || strings.Contains(gist, "`") || strings.Contains(gist, "](") || strings.Contains(gist, "</") {
				t.Errorf("%s: gist %q keeps markup", f, gist)
			}
			body := strings.TrimSuffix(gist, "…")
			if gw, cw := words(strings.ToLower(body)), words(parenRe.ReplaceAllString(text, "")); !strings.HasSuffix(gist, "…") && len(gw) > 0 && len(cw) > 0 && gw[len(gw)-1] != cw[len(cw)-1] && !names[gw[len(gw)-1]] {
				t.Errorf("%s: gist %q stops before the end of %q without an ellipsis", f, gist, c.Text)
			}
			for _, w := range []string{"not", "no", "never", "although", "though", "despite", "unless", "if", "without", "nor"} {
				if hasWord(text, w) && !hasWord(strings.ToLower(gist), w) && !strings.HasSuffix(gist, "…") {
					t.Errorf("%s: gist %q lost %q of %q", f, gist, w, c.Text)
				}
			}
			for _, w := range words(strings.ToLower(body)) {
				fromReferent := c.Referent != nil && strings.Contains(strings.ToLower(c.Referent.Text), w)
				if !strings.Contains(text, w) && !names[w] && !((hasBareSubject(text) || fromReferent) && strings.Contains(near, w)) {
					t.Errorf("%s: gist %q has %q, which claim %q does not", f, gist, w, c.Text)
					break
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no claims extracted")
	}
}

// hasBareSubject reports whether a claim (lower case) opens with a bare
// demonstrative or pronoun, after any discourse marker.
func hasBareSubject(text string) bool {
	return bareRe.MatchString(text)
}

// (a marker or a clause set before the main one: "However, it", "Far from
// being passive recipients of its services, they")
var bareRe = regexp.MustCompile(`^(?:[^,.;:]{1,160}, |but |and |yet |so )?(?:this|that|these|those|it|they)(?:'s|’s)? `)

var parenRe = regexp.MustCompile(`\([^()]*\)|\[[^\[\]]*\]`)

func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func hasWord(s, w string) bool {
	for _, x := range words(s) {
		if x == w {
			return true
		}
	}
	return false
}

func TestMarkdownClaimText(t *testing.T) {
	// one clause: ", and the ministry has known it" would be a unit of its own
	text := "# Fees\n\n**The scheme** is *unfair* to [students](http://example.test) from poorer families.\n"
	g := extractDoc(t, "fees.md", []byte(text))
	want := "The scheme is unfair to students from poorer families."
	for _, c := range g.Claims {
		if c.Text == want {
			if q := c.Spans[0].Quote; !strings.HasPrefix(q, "**The scheme**") || text[c.Spans[0].Start:c.Spans[0].End] != q {
				t.Errorf("claim span quotes %q, want the Markdown source as written", q)
			}
			return
		}
	}
	t.Errorf("no claim with text %q: %+v", want, g.Claims)
}

// TestGistReferent: a leading "it" is resolved only when the sentence before
// has the dominant actor as its subject.
func TestGistReferent(t *testing.T) {
	text := "UNHCR runs the camps in the region and UNHCR staff register every arrival.\n\n" +
		"UNHCR expanded its programmes quickly after 2015. However, it has also lost many experienced staff since then.\n\n" +
		"This chapter analyses how UNHCR funds its camps. It shows that the budget rules are far too rigid for emergencies.\n"
	g := extractDoc(t, "camps.txt", []byte(text))
	want := map[string]bool{
		"UNHCR has also lost many experienced staff since then": false,
		"The budget rules are far too rigid for emergencies":    false,
	}
	var gists []string
	for _, c := range g.Claims {
		gists = append(gists, c.Gist)
		if _, ok := want[c.Gist]; ok {
			want[c.Gist] = true
		}
		if strings.HasPrefix(c.Gist, "UNHCR shows") {
			t.Errorf("gist %q resolves the chapter's \"it\" to UNHCR", c.Gist)
		}
	}
	for g, found := range want {
		if !found {
			t.Errorf("no gist %q; gists: %q", g, gists)
		}
	}
}
