package actor_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract/actor"
	"github.com/argmap/argmap/internal/sharedtest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// names returns "Name/kind" for each actor.
func names(as []actor.Actor) []string {
	out := []string{}
	for _, a := range as {
		out = append(out, a.Name+"/"+a.Kind)
	}
	return out
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"long name and acronym fold", "The International Organization for Migration (IOM) grew. The IOM's budget rose; IOMs staff agreed.",
			[]string{"IOM/organisation"}},
		{"U.N. forms", "the U.N. High Commissioner for Refugees (UNHCR) and the United Nations met the UN system",
			[]string{"UN/organisation", "UNHCR/organisation"}},
		{"undefined name is no actor", "the U.N. High Commissioner for Refugees met", []string{"refugees/group"}},
		{"acronym acting", "UNHCR says the IOM's role grew. Nobody doubts IOM.", []string{"IOM/organisation", "UNHCR/organisation"}},
		{"acronym beside an organisation", "IOM has no protection mandate, unlike UNHCR. Both IOM and ICRC act.", []string{"ICRC/organisation", "IOM/organisation", "UNHCR/organisation"}},
		{"name an organisation gives itself", "IOM has called itself the UN Migration Agency.", []string{"IOM/organisation"}},
		{"name the acting organisation gives itself", "Since it joined the UN system in 2016, IOM has called itself the UN Migration Agency.", []string{"IOM/organisation", "UN/organisation"}},
		{"name the subject gives itself", "| 1951 | PICMME opens offices |\n| 2016 | IOM joins the UN system and begins to call itself the UN Migration Agency. |", []string{"IOM/organisation", "PICMME/organisation", "UN/organisation"}},
		{"authors of a statement", "Joint statement by Oxfam and Save the Children (Brussels, 2019). Issued by the Return Rights Monitor coalition", []string{"Oxfam/organisation", "Return Rights Monitor/organisation", "Save the Children/organisation"}},
		{"long name of an acronym the text uses", "The critics of the International Organization for Migration wrote. IOM says no.", []string{"IOM/organisation"}},
		{"acronym not acting", "the DTM was used; see the DTM table", []string{}},
		{"acronym WordNet knows", "the URL is given", []string{}},
		{"defined acronym of no actor", "the Displacement Tracking Matrix (DTM) shows it; DTM says", []string{}},
		{"speaker before a verb of saying", "Megan Bradley argues that it is bound. Later Megan Bradley wrote again.", []string{"Megan Bradley/person"}},
		{"speakers with a year", "Ashutosh and Mountz (2011) argue that it acts for states.", []string{"Ashutosh/person", "Mountz/person", "states/group"}},
		{"according to", "according to Jane Roe, it failed", []string{"Jane Roe/person"}},
		{"group word opening a sentence", "Critics say it fails. Others argue it works.", []string{}},
		{"apposition", "Sea Rescue, a German charity, and Harbour Aid, an NGO that helps", []string{"Harbour Aid/organisation", "NGOs/group", "Sea Rescue/organisation"}},
		{"names in a list are no apposition", "a Council, a Standing Committee on Programmes and Finance", []string{}},
		{"states and groups", "Migrants, refugees and asylum seekers reached Italy, Switzerland and the USA; member states and nation-states disagreed.",
			[]string{"Italy/state", "Switzerland/state", "United States/state", "asylum seekers/group", "member states/group", "migrants/group", "nation-states/group", "refugees/group"}},
		{"defined unknown organisation", "The Global Coalition for Safe Mobility (GCSM) met. Later the GCSM wrote.",
			[]string{"GCSM/organisation"}},
		{"defined group acronym", "internally displaced persons (IDPs) and IDPs again", []string{"IDPs/group"}},
		{"initials of names the text writes out", "Amnesty International and Human Rights Watch wrote. They cite AI & HRW",
			[]string{"Amnesty International/organisation", "Human Rights Watch/organisation"}},
		{"initials of nothing", "they cite criticism by AI & HRW", []string{}},
		{"AI unpaired", "an AI driven recommendation engine", []string{}},
		{"demonym state", "support to the Mauritanian state to set up checkpoints", []string{"Mauritania/state"}},
		{"state as noun", "collusion between ngo & state go against it; the state's practices", []string{"NGOs/group", "states/group"}},
		{"state as modifier", "to make state borders less pertinent", []string{}},
		{"officials", "seminars for local security and migration officials", []string{"security and migration officials/group"}},
		{"collective groups", "European governments, human rights advocates and victims of human trafficking", []string{"advocates/group", "governments/group", "victims of trafficking/group"}},
		{"group opening a sentence", "Academics, journalists, and activists use the data.", []string{"academics/group", "activists/group", "journalists/group"}},
		{"verb before a group", "the agency trained officials and funded journalists", []string{"journalists/group"}},
		{"demonym noun", "the Libyan coast guard and the Greek authorities", []string{"Greece/state", "Libya/state"}},
		{"pattern organisation", "a grant from the John D. and Catherine T. MacArthur Foundation", []string{"MacArthur Foundation/organisation"}},
		{"lead keyword", "students of the University of East London wrote", []string{"University of East London/organisation"}},
		{"organ is not an actor", "the Governing Council should urge the Executive Committee", []string{}},
		{"organ of a known organisation", "the IOM Governing Council met", []string{"IOM/organisation"}},
		{"instrument titles", "the Convention on the Rights of Migrant Workers and Their Families", []string{}},
		{"honorific person", "featuring Mr. Brunson McKinley, Director General. Brunson McKinley said", []string{"Brunson McKinley/person"}},
		{"role person", "Jane Okoro, Director of the agency, spoke", []string{"Jane Okoro/person"}},
		{"heading in capitals", "ABOUT US", []string{}},
		{"currency", "it cost US$ 5 million", []string{}},
		{"longest match wins", "Northern Ireland and the United States of America", []string{"Northern Ireland/state", "United States/state"}},
		{"capitals country", "IRIN - MAURITANIA: Migrants lie in waiting", []string{"Mauritania/state", "migrants/group"}},
		{"regions and cities are not actors", "in the Global South, North Africa and London", []string{}},
		{"junk capitals", "Abstract\nPhoto: Jane Doe\nJuly 2021", []string{}},
		{"empty", "", []string{}},
	}
	f := actor.NewFinder()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := f.Find(tt.in)
			if diff := cmp.Diff(tt.want, names(got)); diff != "" {
				t.Errorf("Find(%q) actors mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// TestFinderReusesBuffers: one finder, asked in turn and from several
// goroutines at once about texts long and short, answers each as a new
// finder does (its token buffers are kept between texts).
func TestFinderReusesBuffers(t *testing.T) {
	texts := []string{
		"Über Grenzen: the IOM’s role and the U.N. High Commissioner for Refugees (UNHCR) in Niger.",
		strings.Repeat("The International Organization for Migration (IOM) met Greece and the European Union. ", 40),
		"Amnesty International said so.",
		"",
		strings.Repeat("Turkey and the EU signed. Médecins Sans Frontières (MSF) objected. ", 25),
	}
	type found struct {
		ms []actor.Mention
		as []actor.Actor
	}
	want := make([]found, len(texts))
	for i, text := range texts {
		ms, as := actor.NewFinder().Find(text)
		want[i] = found{ms, as}
	}
	f := actor.NewFinder()
	check := func(i int) string {
		ms, as := f.Find(texts[i])
		return cmp.Diff(want[i], found{ms, as}, cmp.AllowUnexported(found{}))
	}
	for round := 0; round < 2; round++ {
		for i := range texts {
			if diff := check(i); diff != "" {
				t.Errorf("text %d in turn (-new finder +reused):\n%s", i, diff)
			}
		}
	}
	errs := make(chan string, 4*len(texts))
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			for k := range 3 * len(texts) {
				if diff := check((g + k) % len(texts)); diff != "" {
					errs <- diff
				}
			}
			done <- true
		}()
	}
	for range 4 {
		<-done
	}
	close(errs)
	for diff := range errs {
		t.Errorf("from several goroutines (-new finder +reused):\n%s", diff)
	}
}

func TestFindMentions(t *testing.T) {
	text := "Über Grenzen: the IOM’s role and the U.N. High Commissioner for Refugees (UNHCR) in Niger."
	ms, as := actor.NewFinder().Find(text)
	want := []actor.Mention{
		{Start: 19, End: 22, Name: "IOM", Surface: "IOM", Kind: argmap.ActorOrganisation},
		{Start: 40, End: 75, Name: "UNHCR", Surface: "U.N. High Commissioner for Refugees", Kind: argmap.ActorOrganisation},
		{Start: 77, End: 82, Name: "UNHCR", Surface: "UNHCR", Kind: argmap.ActorOrganisation},
		{Start: 87, End: 92, Name: "Niger", Surface: "Niger", Kind: argmap.ActorState},
	}
	if diff := cmp.Diff(want, ms); diff != "" {
		t.Errorf("Find(%q) mentions mismatch (-want +got):\n%s", text, diff)
	}
	for _, m := range ms {
		if text[m.Start:m.End] != m.Surface {
			t.Errorf("mention %+v: text[%d:%d] = %q", m, m.Start, m.End, text[m.Start:m.End])
		}
	}
	wantActors := []actor.Actor{
		{Name: "IOM", Kind: argmap.ActorOrganisation, Mentions: 1},
		{Name: "Niger", Kind: argmap.ActorState, Mentions: 1},
		{Name: "UNHCR", Kind: argmap.ActorOrganisation, Aliases: []string{"U.N. High Commissioner for Refugees"}, Mentions: 2},
	}
	if diff := cmp.Diff(wantActors, as); diff != "" {
		t.Errorf("Find(%q) actors mismatch (-want +got):\n%s", text, diff)
	}
}

func TestCanonical(t *testing.T) {
	tests := []struct {
		in    string
		want  string
		known bool
	}{
		{"the United Nations", "UN", true},
		{"European Union", "EU", true},
		{"UK", "United Kingdom", true},
		{"U.S.", "United States", true},
		{"nato", "NATO", true},
		{"London", "London", false},
		{"International Organization for Migration", "International Organization for Migration", false},
		{"Member States", "member states", true},
		{"asylum-seekers", "asylum seekers", true},
		{"USA", "United States", true},
		{"us", "us", false},
		{"AI", "AI", false},
		{"Global Coalition for Safe Mobility", "Global Coalition for Safe Mobility", false},
		{"  ", "", false},
	}
	f := actor.NewFinder()
	for _, tt := range tests {
		got, known := f.Canonical(tt.in)
		if got != tt.want || known != tt.known {
			t.Errorf("Canonical(%q) = %q, %v, want %q, %v", tt.in, got, known, tt.want, tt.known)
		}
	}
}

func TestDominant(t *testing.T) {
	f := actor.NewFinder()
	tests := []struct {
		in   string
		want string
	}{
		{"The IOM and UNHCR met. The IOM spoke. Migrants, migrants, migrants waited.", "IOM"},
		{"UNHCR and the IOM met.", "UNHCR"},
		{"Migrants and refugees in Italy.", ""},
		{"", ""},
	}
	for _, tt := range tests {
		ms, _ := f.Find(tt.in)
		if got := f.Dominant(ms); got != tt.want {
			t.Errorf("Dominant(Find(%q)) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFixtures runs Find over the fixture texts and compares the actors with
// golden files (regenerate with -update).
func TestFixtures(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	f := actor.NewFinder()
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			ms, got := f.Find(string(b))
			for i, m := range ms {
				if string(b[m.Start:m.End]) != m.Surface {
					t.Errorf("mention %+v does not match its span", m)
				}
				if i > 0 && m.Start < ms[i-1].End {
					t.Errorf("mentions %+v and %+v overlap or are unsorted", ms[i-1], m)
				}
			}
			golden := strings.TrimSuffix(file, ".txt") + ".golden.json"
			if *update {
				data, err := json.MarshalIndent(got, "", "  ")
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, append(data, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			data, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			var want []actor.Actor
			if err := json.Unmarshal(data, &want); err != nil {
				t.Fatalf("golden %s: %v", golden, err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Find(%s) mismatch (-want +got):\n%s", file, diff)
			}
		})
	}
}

// boundary reports whether i is where a rune starts (or the end of text) when
// text is decoded from its start.
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

func FuzzFind(f *testing.F) {
	for _, s := range []string{"The International Organization for Migration (IOM)", "AI & HRW", "U.N. High Commissioner",
		"Mr. Brunson McKinley, Director General", "the Mauritanian state", "IOMs", "(ÜNHCR)", "A.B.", "\xffIOM’s"} {
		f.Add(s)
	}
	finder := actor.NewFinder()
	f.Fuzz(func(t *testing.T, s string) {
		ms, as := finder.Find(s)
		end := 0
		for _, m := range ms {
			if m.Start < end || m.End <= m.Start || m.End > len(s) {
				t.Fatalf("bad mention span %+v in %q", m, s)
			}
			if !boundary(s, m.Start) || !boundary(s, m.End) {
				t.Fatalf("mention %+v splits a rune in %q", m, s)
			}
			if s[m.Start:m.End] != m.Surface || m.Name == "" {
				t.Fatalf("mention %+v does not match its span in %q", m, s)
			}
			end = m.End
		}
		n := 0
		for _, a := range as {
			n += a.Mentions
		}
		if n != len(ms) {
			t.Fatalf("actors count %d mentions, Find returned %d", n, len(ms))
		}
		finder.Dominant(ms)
		finder.Canonical(s)
	})
}

// TestAnyStartsKnown: longest skips the any-case trie for a capitalised
// word that opens none of its forms; every word that does open one passes
// the filter.
func TestAnyStartsKnown(t *testing.T) {
	if err := actor.AnyStartsKnown(actor.NewFinder()); err != nil {
		t.Error(err)
	}
}

// TestActorsOfAgrees checks actorsOf, which keeps each actor's lower-cased
// aliases in a short list, against the form that kept a map an actor: on
// the mentions Find makes of every IOM document and on mentions whose
// surfaces differ only in case, spacing, a leading "the" or a possessive,
// in and outside ASCII.
func TestActorsOfAgrees(t *testing.T) {
	f := actor.NewFinder()
	ms := []actor.Mention{
		{Name: "Red Cross", Surface: "the Red Cross"}, {Name: "Red Cross", Surface: "RED CROSS"},
		{Name: "Red Cross", Surface: "Red  Cross’s"}, {Name: "Red Cross", Surface: ""}, {Name: "Red Cross", Surface: "the"},
		{Name: "Zürich Office", Surface: "ZÜRICH OFFICE"}, {Name: "Zürich Office", Surface: "zürich office'"},
		{Name: "Zürich Office", Surface: "Zurich Office"}, {Name: "Agency", Surface: "agency"}, {Name: "Agency", Surface: "Agency's"},
		{Name: "Red Cross", Surface: "red cross"}, {Name: "A", Surface: "\xff"}, {Name: "A", Surface: "\xff"},
	}
	for _, file := range sharedtest.CorpusFiles(t) {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if err := actor.ActorsOfAgrees(f, string(b), ms); err != nil {
			t.Errorf("%s: %v", filepath.Base(file), err)
		}
	}
}
