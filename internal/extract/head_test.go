package extract_test

import (
	"strings"
	"testing"
)

// TestSourceTitle: titles, authors and dates come from the document's own
// structure first, then from its text, then from its name or first words.
func TestSourceTitle(t *testing.T) {
	body := "\n\nThe council argues that tuition fees deter students from poorer families. Critics reply that loans make the cost bearable.\n"
	tests := []struct {
		name, file, text string
		title            string
		authors          []string
		date             string
	}{
		{"markdown front matter", "brief.md",
			"---\ntitle: \"Fees and Fairness\"\nauthor: Ada Byrne; Tom Ng\ndate: 2021-03-04\n---\n\n# Another heading" + body,
			"Fees and Fairness", []string{"Ada Byrne", "Tom Ng"}, "2021-03-04"},
		{"markdown front matter with a list of authors", "brief.md",
			"---\ntitle: Loans\nauthors:\n  - name: Ada Byrne\n  - name: Tom Ng\n---\n" + body,
			"Loans", []string{"Ada Byrne", "Tom Ng"}, ""},
		{"markdown H1 with markup", "notes.md", "# The **real** cost of [fees](http://x.test)\n\n*Brief, spring*" + body,
			"The real cost of fees", nil, ""},
		{"markdown H1 after a blank line and a comment", "notes.md", "\n<!-- draft -->\n# Debt after graduation\n" + body,
			"Debt after graduation", nil, ""},
		{"setext heading", "notes.md", "Tuition and debt\n================" + body, "Tuition and debt", nil, ""},
		{"html citation metadata", "page.html",
			`<html><head><title>Home | Site</title><meta name="citation_title" content="Fees, Loans and Access"><meta name="citation_author" content="Byrne, Ada"><meta name="citation_publication_date" content="2019/05/02"></head><body><h1>Site</h1><p>` + body + `</p></body></html>`,
			"Fees, Loans and Access", []string{"Byrne, Ada"}, "2019-05-02"},
		{"html h1 over a title with the site name", "page.html",
			`<html><head><title>Fees | Campus News</title></head><body><h1>Why fees keep rising</h1><p>` + body + `</p></body></html>`,
			"Why fees keep rising", nil, ""},
		{"html title without the site name", "page.html",
			`<html><head><title>Why fees rise | Campus News</title></head><body><p>` + body + `</p></body></html>`,
			"Why fees rise", nil, ""},
		{"forum topic under breadcrumbs", "thread.txt",
			"Student Forums > Money > Fees\nHome | Search | Log in\n\nTopic: Are tuition fees fair?\n\nPosted: 4 March 2019 by kit" + body,
			"Are tuition fees fair?", nil, ""},
		{"hashed file name, no title", "003_9f2c1a7be45d8c01.txt", strings.TrimSpace(body),
			"The council argues that tuition fees deter students from poorer…", nil, ""},
		{"readable file name, no title", "tuition-fees-debate.txt", strings.TrimSpace(body),
			"tuition fees debate", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := extractDoc(t, tt.file, []byte(tt.text)).Sources[0]
			if src.Title != tt.title {
				t.Errorf("title = %q, want %q", src.Title, tt.title)
			}
			if tt.authors != nil && strings.Join(src.Authors, "|") != strings.Join(tt.authors, "|") {
				t.Errorf("authors = %q, want %q", src.Authors, tt.authors)
			}
			if tt.date != "" && src.Date != tt.date {
				t.Errorf("date = %q, want %q", src.Date, tt.date)
			}
		})
	}
}

func TestCitedTitlesWithoutMarkup(t *testing.T) {
	text := "# Essay\n\nAs Smith (2019) argued, tuition fees deter poorer students from applying.\n\n## References\n\nSmith, J. (2019) *Fees and\n  Access in Higher Education*. London: Example Press.\n"
	g := extractDoc(t, "essay.md", []byte(text))
	found := false
	for _, s := range g.Sources[1:] {
		if strings.Contains(s.Title, "Fees and") {
			found = true
			if strings.ContainsAny(s.Title, "*\n") || strings.Contains(s.Title, "  ") {
				t.Errorf("cited title %q keeps markup or line breaks", s.Title)
			}
		}
	}
	if !found {
		t.Errorf("no cited source for the reference; sources %+v", g.Sources)
	}
}
