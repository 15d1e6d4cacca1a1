package cite_test

import (
	"encoding/json"
	"flag"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/extract/cite"
	"github.com/argmap/argmap/internal/sharedtest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// key is what the tests compare of a citation.
type key struct {
	Author string
	Year   string
	Text   string
}

func keys(cs []cite.Citation) []key {
	out := []key{}
	for _, c := range cs {
		out = append(out, key{c.Author, c.Year, c.Text})
	}
	return out
}

func TestInText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []key
	}{
		{"see", "It was founded as a logistics body (see Georgi 2019).", []key{{"Georgi", "2019", "Georgi 2019"}}},
		{"see also two authors", "A soft instrument (see also Geiger and Pécoud 2014).", []key{{"Geiger", "2014", "Geiger and Pécoud 2014"}}},
		{"ampersand", "deaths are counted (see Heller & Pécoud 2019).", []key{{"Heller", "2019", "Heller & Pécoud 2019"}}},
		{"page locator", "at its roots (Kipp and Koch 2018, p. 18, our translation).", []key{{"Kipp", "2018", "Kipp and Koch 2018"}}},
		{"narrative", "Andrijasevic and Walters (2010) call this government.", []key{{"Andrijasevic", "2010", "Andrijasevic and Walters (2010)"}}},
		{"organisation author", "Also see IOM (2008), on structure.", []key{{"IOM", "2008", "IOM (2008)"}}},
		{"publisher artefact", "Please see McKinley (Citation2000).", []key{{"McKinley", "2000", "McKinley (Citation2000)"}}},
		{"several works", "as shown before (Smith et al. 2003; Jones 1999).", []key{{"Smith", "2003", "Smith et al. 2003"}, {"Jones", "1999", "Jones 1999"}}},
		{"several years", "as argued (Okafor 2016, 2018).", []key{{"Okafor", "2016", "Okafor 2016"}, {"Okafor", "2018", "Okafor 2016, 2018"}}},
		{"year suffix", "returns rose (UNHCR 2019a).", []key{{"UNHCR", "2019", "UNHCR 2019a"}}},
		{"APA comma", "as reported (Nguyen, 2021).", []key{{"Nguyen", "2021", "Nguyen, 2021"}}},
		{"particle", "officials matter (e.g., Van Loon et al. 2012, p. 44).", []key{{"Van Loon", "2012", "Van Loon et al. 2012"}}},
		{"three authors", "(Ba, Cole and Diaz 2011)", []key{{"Ba", "2011", "Ba, Cole and Diaz 2011"}}},
		{"titled work this year", "Statement (Geneva, 2-4 May 2004)\nWe welcome this year's report entitled \"Returns: A UNHCR Review\".",
			[]key{{"UNHCR", "2004", "report entitled \"Returns: A UNHCR Review\""}}},
		{"narrative et al.", "Brandt et al. (2019: 12) disagree.", []key{{"Brandt", "2019", "Brandt et al. (2019: 12)"}}},
		{"possessive narrative", "Okafor's (2016) account differs.", []key{{"Okafor", "2016", "Okafor's (2016)"}}},
		{"same author after semicolon", "(Okafor 2016; 2018)", []key{{"Okafor", "2016", "Okafor 2016"}, {"Okafor", "2018", "Okafor 2016; 2018"}}},
		{"organisation name author", "as Human Rights Watch (2019) reported, and the bank agreed (World Bank 2018).",
			[]key{{"Human Rights Watch", "2019", "Human Rights Watch (2019)"}, {"World Bank", "2018", "World Bank 2018"}}},
		{"author list after a preposition", "the essays collected in Lind and Osei (2015) differ.", []key{{"Lind", "2015", "Lind and Osei (2015)"}}},
		{"organisation's titled document", "UNHCR's Handbook on Durable Solutions (2011) sets out the tests.",
			[]key{{"UNHCR", "2011", "UNHCR's Handbook on Durable Solutions (2011)"}}},
		{"possessive of a place", "Europe's Border Crisis (2015) was a film.", []key{}},
		{"lower-case title", "UNHCR's own view (2011) differs.", []key{}},
		{"received date", "Pages 1-20 | Received 12 Jan 2015, Accepted 4 Jun 2015, Published online: 21 Sep 2016", []key{}},
		{"forum date", "Posted: Thu Nov 02, 2006 6:59 pm", []key{}},
		{"bare year", "The IOM was founded in 1951 by the United States.", []key{}},
		{"decade", "Since the 1990s, the organisation grew.", []key{}},
		{"as of", "its 173 member states (as of July 2021).", []key{}},
		{"convention year", "parties to the 1951 Convention relating to the Status of Refugees", []key{}},
		{"range", "the 2014-16 Ebola crisis and 1990-91 Gulf War", []key{}},
		{"dateline", "Statement (Geneva, 2-4 December 2002)", []key{}},
		{"place in parens", "in Libya (2011) many fled", []key{}},
		{"event name", "(World Social Forum 2013, Tunis)", []key{}},
		{"price", "USD 2014.00 added (USD 2014)", []key{}},
		{"page range", "Journal 28(6) pp. 977–999 (pp. 1999–2010)", []key{}},
		{"empty", "", []key{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := keys(cite.InText(tt.in))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("InText(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestInTextOffsets(t *testing.T) {
	text := "Über Grenzen — (see Pécoud 2018) und Geiger and Pécoud (2014)."
	for _, c := range cite.InText(text) {
		if c.Start < 0 || c.End > len(text) || c.Start >= c.End {
			t.Fatalf("InText(%q) gave span [%d,%d)", text, c.Start, c.End)
		}
		if text[c.Start:c.End] != c.Text {
			t.Errorf("InText(%q): Text = %q, want text[%d:%d] = %q", text, c.Text, c.Start, c.End, text[c.Start:c.End])
		}
		if len(c.Authors) == 0 || c.Authors[0] != c.Author {
			t.Errorf("InText(%q): Authors = %q, want first %q", text, c.Authors, c.Author)
		}
	}
}

func TestBibliography(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want cite.Citation
		ok   bool
	}{
		{"chicago book", "Hathaway, James C. 2005. The Rights of Refugees under International Law. Cambridge: Cambridge University Press.",
			cite.Citation{Author: "Hathaway", Authors: []string{"Hathaway"}, Year: "2005", Title: "The Rights of Refugees under International Law", Venue: "Cambridge: Cambridge University Press"}, true},
		{"chicago quoted title, two authors", "Betts, Alexander, and James Milner. 2006. “The Externalisation of EU Asylum Policy.” Working Paper 28. Oxford: COMPAS.",
			cite.Citation{Author: "Betts", Authors: []string{"Betts", "Milner"}, Year: "2006", Title: "The Externalisation of EU Asylum Policy", Venue: "Working Paper"}, true},
		{"harvard initials", "Carrera, S. & Guild, E. (2017) Offshore Processing of Asylum Applications. CEPS Policy Insights 2017/18.",
			cite.Citation{Author: "Carrera", Authors: []string{"Carrera", "Guild"}, Year: "2017", Title: "Offshore Processing of Asylum Applications", Venue: "CEPS Policy Insights"}, true},
		{"repository line", "Doe, Jane and Roe, Richard (2010). Borders as Work. Space and Polity, 28(6) pp. 977–999.",
			cite.Citation{Author: "Doe", Authors: []string{"Doe", "Roe"}, Year: "2010", Title: "Borders as Work", Venue: "Space and Polity"}, true},
		{"particle and three authors", "Van Loon, Marta, Pieter de Wit and Ana Ruiz (2012). Street-Level Borders. Journal of Frontier Studies, 7(2) pp. 33–58.",
			cite.Citation{Author: "Van Loon", Authors: []string{"Van Loon", "Wit", "Ruiz"}, Year: "2012", Title: "Street-Level Borders", Venue: "Journal of Frontier Studies"}, true},
		{"organisation author", "IOM (2008) World Migration Report 2008. Geneva: IOM.",
			cite.Citation{Author: "IOM", Authors: []string{"IOM"}, Year: "2008", Title: "World Migration Report 2008", Venue: "Geneva: IOM"}, true},
		{"numbered", "3. Okafor, L. (2016). Brokers of Return. Oxford: Hart.",
			cite.Citation{Author: "Okafor", Authors: []string{"Okafor"}, Year: "2016", Title: "Brokers of Return", Venue: "Oxford: Hart"}, true},
		{"publisher citation line", "To cite this article: Lena Okafor & Tomas Brandt (2011) Brokers of return, Frontier Studies, 15:3-4, 21-38",
			cite.Citation{Author: "Okafor", Authors: []string{"Okafor", "Brandt"}, Year: "2011", Title: "Brokers of return, Frontier Studies, 15:3-4, 21-38"}, true},
		{"year last", "Okafor, Lena. Brokers of Return. Oxford: Hart, 2016.",
			cite.Citation{Author: "Okafor", Authors: []string{"Okafor"}, Year: "2016", Title: "Brokers of Return", Venue: "Oxford: Hart"}, true},
		{"editors", "Lind, K. and Osei, J. (eds) (2015) *Returns Reconsidered*. Leiden: Brill.",
			cite.Citation{Author: "Lind", Authors: []string{"Lind", "Osei"}, Year: "2015", Title: "*Returns Reconsidered*", Venue: "Leiden: Brill"}, true},
		{"sentence with a year last", "However, many states. They agreed in 2016.", cite.Citation{}, false},
		{"sentence", "The IOM was founded in 1951 by the United States and Western European states.", cite.Citation{}, false},
		{"dates line", "Pages 21-38 | Received 12 Jan 2015, Accepted 4 Jun 2015, Published online: 21 Sep 2016", cite.Citation{}, false},
		{"deposit line", "Date Deposited: 23 Nov 2010 17:02", cite.Citation{}, false},
		{"copyright", "Powered by phpBB © 2001, 2005 phpBB Group", cite.Citation{}, false},
		{"byline", "Lena Okafor, March 2020", cite.Citation{}, false},
		{"empty", "", cite.Citation{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := cite.Bibliography(tt.in)
			if ok != tt.ok {
				t.Fatalf("Bibliography(%q) ok = %v, want %v (got %+v)", tt.in, ok, tt.ok, got)
			}
			if !ok {
				return
			}
			if got.Text != tt.in[got.Start:got.End] || !got.Bibliography {
				t.Errorf("Bibliography(%q): Text %q / Bibliography %v do not match the span [%d,%d)", tt.in, got.Text, got.Bibliography, got.Start, got.End)
			}
			got.Start, got.End, got.Text, got.Bibliography = 0, 0, "", false
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Bibliography(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestIsBibliographyEntry(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Georgi, Fabian. 2019. Managing Migration? Berlin: Bertz + Fischer.", true},
		{"  Pécoud, A. (2018) What do we know? Journal of Ethnic and Migration Studies 44(10)  ", true},
		{"Inken Bartels, July 2021", false},
		{"Joined: 21 Oct 2007", false},
		{"In 2016, the organisation joined the UN system.", false},
	}
	for _, tt := range tests {
		if got := cite.IsBibliographyEntry(tt.in); got != tt.want {
			t.Errorf("IsBibliographyEntry(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestTitled(t *testing.T) {
	tests := []struct {
		name, in, year, author string
		want                   []key
	}{
		{"explicit year", `UNHCR's 2018 report entitled "Desperate Journeys" counts deaths.`, "", "",
			[]key{{"UNHCR", "2018", `report entitled "Desperate Journeys"`}}},
		{"capitals and a line break", "UNHCR's 2018 REPORT ENTITLED\n\"Desperate Journeys\" counts deaths.", "", "",
			[]key{{"UNHCR", "2018", "REPORT ENTITLED\n\"Desperate Journeys\""}}},
		{"called, quoted after two spaces", "Oxfam's 2019 brief called  ‘Safe Returns’ was read.", "", "",
			[]key{{"Oxfam", "2019", "brief called  ‘Safe Returns’"}}},
		{"fallback year and author", `We welcome this year's paper entitled “Safe Returns”.`, "2004", "Oxfam",
			[]key{{"Oxfam", "2004", "paper entitled “Safe Returns”"}}},
		{"no year", `a paper entitled "Safe Returns" appeared`, "", "IOM", []key{}},
		{"preposition year", `since 1951 the paper entitled "IOM Returns" grew`, "", "", []key{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, keys(cite.Titled(tt.in, tt.year, tt.author))); diff != "" {
				t.Errorf("Titled(%q, %q, %q) mismatch (-want +got):\n%s", tt.in, tt.year, tt.author, diff)
			}
		})
	}
}

// TestFixture runs InText and Bibliography over a fixture article and
// compares with its golden file (regenerate with -update).
func TestFixture(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	got := cite.InText(text)
	off := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		if c, ok := cite.Bibliography(strings.TrimRight(line, "\n")); ok {
			c.Start += off
			c.End += off
			got = append(got, c)
		}
		off += len(line)
	}
	for _, c := range got {
		if text[c.Start:c.End] != c.Text {
			t.Errorf("citation %q: span [%d,%d) holds %q", c.Text, c.Start, c.End, text[c.Start:c.End])
		}
	}
	data, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "article.golden.json")
	if *update {
		if err := os.WriteFile(golden, append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	var w []cite.Citation
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatalf("golden %s: %v", golden, err)
	}
	if diff := cmp.Diff(w, got); diff != "" {
		t.Errorf("citations of %s mismatch (-want +got):\n%s", "testdata/article.txt", diff)
	}
}

// boundary reports whether i is where a rune starts (or the end of text) when
// text is decoded from its start, invalid bytes counting as one rune each.
func boundary(text string, i int) bool {
	if i == len(text) {
		return true
	}
	for k := range text {
		if k == i {
			return true
		}
		if k > i {
			return false
		}
	}
	return false
}

// checkSpans fails when a citation's span is outside text or splits a rune.
func checkSpans(t *testing.T, text string, cs []cite.Citation) {
	t.Helper()
	for _, c := range cs {
		if c.Start < 0 || c.End > len(text) || c.Start > c.End {
			t.Fatalf("span [%d,%d) outside text of %d bytes", c.Start, c.End, len(text))
		}
		if !boundary(text, c.Start) || !boundary(text, c.End) {
			t.Fatalf("span [%d,%d) splits a rune in %q", c.Start, c.End, text)
		}
		if text[c.Start:c.End] != c.Text {
			t.Fatalf("Text %q != text[%d:%d]", c.Text, c.Start, c.End)
		}
		if len(c.Year) != 4 || c.Author == "" {
			t.Fatalf("citation %+v lacks a four-digit year or an author", c)
		}
	}
}

// TestInTextAgrees: InText finds what the form that tried every byte
// found, on every corpus document, each whole and cut at every paragraph,
// and on texts of years, citations and digits run together.
func TestInTextAgrees(t *testing.T) {
	texts := []string{"", "1", "2019", "(2019)", "12122020 (Smith 2020, 2021; Jones 1999)", "Smith (2019) and 2020, 2021",
		"IOM (2008) 1 2 3 4 1999 2000", "(see Georgi 2019)1", "x(A 2000)2", "(Kipp and Koch 2018, p. 18)2222"}
	for _, f := range sharedtest.CorpusFiles(t) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	for _, s := range texts {
		if got, want := cite.InText(s), cite.InTextOld(s); !reflect.DeepEqual(got, want) {
			t.Errorf("InText(%.60q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzInText(f *testing.F) {
	for _, s := range []string{"(see Georgi 2019)", "McKinley (Citation2000)", "(Smith et al. 2003; Jones 1999)",
		"Received 12 Jan 2015", "this year's paper entitled \"IOM Policy\"", "(Ünal 2020, 2021a)", "\xff(A 2000)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := cite.InText(s)
		checkSpans(t, s, got)
		if want := cite.InTextOld(s); !reflect.DeepEqual(got, want) {
			t.Errorf("InText(%q) = %v, want %v", s, got, want)
		}
	})
}

func FuzzBibliography(f *testing.F) {
	for _, s := range []string{"Georgi, Fabian. 2019. Managing Migration? Berlin.", "Pécoud, A. (2018) Title. J 44(10)", "IOM (2008) X.", "1. (2000)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, ok := cite.Bibliography(s)
		if !ok {
			return
		}
		checkSpans(t, s, []cite.Citation{c})
		if cite.IsBibliographyEntry(s) != ok {
			t.Fatalf("IsBibliographyEntry(%q) disagrees with Bibliography", s)
		}
	})
}

// TestLastDateYear compares the search for the last date of a window with
// the regular expression's FindAllStringSubmatch, on windows of the IOM
// corpus and on made-up runs of dates, numbers and words.
func TestLastDateYear(t *testing.T) {
	re := regexp.MustCompile(cite.DatePattern)
	want := func(s string) string {
		if ds := re.FindAllStringSubmatch(s, -1); len(ds) > 0 {
			return ds[len(ds)-1][1]
		}
		return ""
	}
	var texts []string
	for _, f := range sharedtest.CorpusFiles(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < len(data); i += 700 {
			texts = append(texts, string(data[i:min(len(data), i+4000)]))
		}
	}
	words := []string{"12", "3", "02", "2002", "1999", "2100", "20199", "2019b", "2-4", "30,", "Dec", "December",
		"Decem", "Sept", "Sep", "June", "Jun", "May", "Mayor", "Nov.", "ANov", "_May", "x2", "é", "“Geneva”", "IOM"}
	seps := []string{" ", " ", "  ", "\n", ", ", "-", " – ", ".", ""}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 60000 {
		var b strings.Builder
		for range 1 + rng.IntN(10) {
			b.WriteString(words[rng.IntN(len(words))])
			b.WriteString(seps[rng.IntN(len(seps))])
		}
		texts = append(texts, b.String())
	}
	found := 0
	for _, s := range texts {
		got, w := cite.LastDateYear(s), want(s)
		if got != w {
			t.Errorf("LastDateYear(%q) = %q, want %q", s, got, w)
		}
		if w != "" {
			found++
		}
	}
	if found < 1000 {
		t.Errorf("only %d of %d texts have a date: the test compares too little", found, len(texts))
	}
}

// TestIndexByRare: titledMatches finds its anchors by their rarest byte,
// at the offsets strings.Index gives, on texts with anchors at either end,
// overlapping, cut short and in both cases, and on the IOM documents.
func TestIndexByRare(t *testing.T) {
	texts := []string{"", "a", "itled", "xitledx", "titled entitled retitled", "itle", "tled", "ITLED and itled", "called alled",
		"CALLED", "named amed amed", "AMED ", "amed", "ababa aba", "xyzxyz", "\xffitled\xfe", "l l l itl", "alledalled"}
	for _, s := range texts {
		if err := cite.IndexByRareAgrees(s); err != nil {
			t.Error(err)
		}
	}
	for _, f := range sharedtest.CorpusFiles(t) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if err := cite.IndexByRareAgrees(line); err != nil {
				t.Error(err)
			}
		}
		if err := cite.TitledMatchesAgree(string(b)); err != nil {
			t.Error(err)
		}
	}
	for _, s := range append(texts, `a report entitled "One" and a plan called “Two”, named 'Three'`, `TITLED "X" CALLED "Y"`) {
		if err := cite.TitledMatchesAgree(s); err != nil {
			t.Error(err)
		}
	}
}

// BenchmarkTitledMatches runs titledMatches, and the form it replaced, on
// the IOM documents.
func BenchmarkTitledMatches(b *testing.B) {
	docs, size := sharedtest.CorpusTexts(b)
	for _, form := range []struct {
		name string
		slow bool
	}{{"new", false}, {"old", true}} {
		b.Run(form.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			cpu := cpuTime(b)
			for i := 0; i < b.N; i++ {
				for _, d := range docs {
					cite.TitledMatchesCount(d, form.slow)
				}
			}
			b.ReportMetric(float64((cpuTime(b)-cpu).Nanoseconds())/float64(b.N), "cpu-ns/op")
		})
	}
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkInTextForms runs InText over the corpus documents, the form
// that tried every byte and the one that jumps between '1' and '2'.
func BenchmarkInTextForms(b *testing.B) {
	texts, size := sharedtest.CorpusTexts(b)
	for _, c := range []struct {
		name string
		f    func(string) []cite.Citation
	}{{"old", cite.InTextOld}, {"new", cite.InText}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			for i := 0; i < b.N; i++ {
				for _, s := range texts {
					c.f(s)
				}
			}
		})
	}
}
