package meta_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract/meta"
)

func TestDetectFixtures(t *testing.T) {
	tests := []struct {
		file string
		want meta.Meta
	}{
		{"repository.txt", meta.Meta{
			Title: "Counting the Uncounted: Border Deaths and Their Statistics", Authors: []string{"Lena Okafor", "Tomas Brandt"},
			Date: "2015", Year: "2015", Kind: argmap.SourceArticle, Venue: "Journal of Frontier Studies", DOI: "10.1234/jfs.2015.0042",
		}},
		{"journal.txt", meta.Meta{
			Title: "Brokers of return: assisted departures in the Sahel", Authors: []string{"Lena Okafor", "Tomas Brandt"},
			Date: "2018-01-03", Year: "2018", Kind: argmap.SourceArticle, Venue: "Frontier Studies",
		}},
		{"byline.txt", meta.Meta{
			Title: "Reception Centres at the Edge of Europe", Authors: []string{"Lena Okafor", "Tomas Brandt"},
			Date: "2020-03", Year: "2020", Kind: argmap.SourceArticle,
		}},
		{"forum.txt", meta.Meta{
			Title: "Who funds the camps?", Date: "2012-03-05", Year: "2012", Kind: argmap.SourceForumThread,
		}},
		{"statement.txt", meta.Meta{
			Title: "Statement by Oxfam & Save the Children (Brussels, 14 March 2011)", Authors: []string{"Oxfam", "Save the Children"},
			Date: "2011-03-14", Year: "2011", Kind: argmap.SourceStatement,
		}},
		{"bookpage.txt", meta.Meta{Title: "bookpage", Kind: argmap.SourceBook}},
		{"report.txt", meta.Meta{
			Title: "Annual Report on Returns 2019", Kind: argmap.SourceReport, DOI: "10.5555/returns.2019",
			URL: "https://example.org/reports/returns-2019",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			got := meta.Detect(string(b), filepath.Join("some", "dir", tt.file))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Detect(%s) mismatch (-want +got):\n%s", tt.file, diff)
			}
		})
	}
}

func TestDetectSmall(t *testing.T) {
	tests := []struct {
		name, text, file string
		want             meta.Meta
	}{
		{"empty text falls back to the file name", "", "notes.txt", meta.Meta{Title: "notes", Kind: argmap.SourceDocument}},
		{"no name at all", "", "", meta.Meta{Title: "untitled", Kind: argmap.SourceDocument}},
		{"one chapter", "Edited Volume on Borders\nThis chapter looks at fences.", "x.txt",
			meta.Meta{Title: "Edited Volume on Borders", Kind: argmap.SourceChapter}},
		{"web page chrome", "Skip to content\nWhy Camps Persist\nCamps persist because they are cheap.\nScroll to top", "y.html",
			meta.Meta{Title: "Why Camps Persist", Kind: argmap.SourceWebPage}},
		{"by line with date", "Fences and Flows\nBy Lena Okafor | 12 March 2020\nFences rose.", "z.txt",
			meta.Meta{Title: "Fences and Flows", Authors: []string{"Lena Okafor"}, Date: "2020-03-12", Year: "2020", Kind: argmap.SourceDocument}},
		{"credit line with an organisation, a date and a person", "Fences and Flows\nPolicy note · Harbour Research Institute · April 2021 · Tomas Brandt\nFences rose.", "z.txt",
			meta.Meta{Title: "Fences and Flows", Authors: []string{"Tomas Brandt"}, Date: "2021-04", Year: "2021", Kind: argmap.SourceDocument}},
		{"credit line with two people", "Fences and Flows\nWorking note · Lena Okafor and Tomas Brandt · 3 May 2022\nFences rose.", "z.txt",
			meta.Meta{Title: "Fences and Flows", Authors: []string{"Lena Okafor", "Tomas Brandt"}, Date: "2022-05-03", Year: "2022", Kind: argmap.SourceDocument}},
		{"posted by", "Fences and Flows\nPosted 12 May 2022 by Lena Okafor · 6 min read\nFences rose.", "z.txt",
			meta.Meta{Title: "Fences and Flows", Authors: []string{"Lena Okafor"}, Date: "2022-05-12", Year: "2022", Kind: argmap.SourceDocument}},
		{"credit line with only an organisation: no author", "Fences and Flows\nHarbour Research Institute · April 2021\nFences rose.", "z.txt",
			meta.Meta{Title: "Fences and Flows", Kind: argmap.SourceDocument}},
		{"dateline", "Fences and Flows\nPublished: March 5, 2019\nFences rose.", "z.txt",
			meta.Meta{Title: "Fences and Flows", Date: "2019-03-05", Year: "2019", Kind: argmap.SourceDocument}},
		{"deposit date is not the date", "Fences and Flows\nDate Deposited: 23 Nov 2010 17:02\nFences rose.", "z.txt",
			meta.Meta{Title: "Fences and Flows", Kind: argmap.SourceDocument}},
		{"by line", "Fences and Flows\nBy Lena Okafor and Tomas Brandt\nFences rose.", "z.txt",
			meta.Meta{Title: "Fences and Flows", Authors: []string{"Lena Okafor", "Tomas Brandt"}, Kind: argmap.SourceDocument}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, meta.Detect(tt.text, tt.file)); diff != "" {
				t.Errorf("Detect(%q, %q) mismatch (-want +got):\n%s", tt.text, tt.file, diff)
			}
		})
	}
}

func FuzzDetect(f *testing.F) {
	for _, s := range []string{"Statement by A & B (Geneva, 2-4 December 2002)", "Post subject: x\nPostPosted: Thu Nov 02, 2006\nphpBB\nForum Index",
		"Doe, Jane (2010). T. V, 1(2) pp. 1–2.\nT", "Pages 1-2 | Published online: 10 Feb 2011", "\xff\xfe", "By Ä Ö"} {
		f.Add(s, "n.txt")
	}
	f.Fuzz(func(t *testing.T, text, name string) {
		m := meta.Detect(text, name)
		if m.Title == "" || m.Kind == "" {
			t.Fatalf("Detect(%q, %q) = %+v: Title and Kind must be set", text, name, m)
		}
		if m.Year != "" && len(m.Year) != 4 {
			t.Fatalf("Detect(%q) Year = %q", text, m.Year)
		}
		if len(m.Date) >= 4 && m.Year != m.Date[:4] {
			t.Fatalf("Detect(%q): Year %q disagrees with Date %q", text, m.Year, m.Date)
		}
	})
}
