package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
)

func runSupporters(ctx context.Context, e *env, args []string) error {
	fs := newFlags("supporters")
	store := storeFlag(fs, e)
	format := fs.String("format", "text", "output format: text or json")
	depth := fs.Int("depth", 0, fmt.Sprintf("how many relations deep to look (1-%d; default %d for a question in words: the sources that state or deny it and those one relation away; %d for a claim ID)", argmap.MaxDepth, argmap.DefaultTextDepth, argmap.DefaultDepth))
	full := fs.Bool("full", false, "the whole answer: every source and every passage, quotes in full")
	limit := fs.Int("limit", argmap.DefaultAnswerSources, fmt.Sprintf("sources of each side on a page (1-%d)", argmap.MaxAnswerSources))
	cursor := fs.String("cursor", "", "continue from the page that printed this cursor (the same question and --depth)")
	source := fs.String("source", "", "one source's passages alone, every one (a source ID; --quotes caps them)")
	quotes := fs.Int("quotes", 0, fmt.Sprintf("passages per source (1-%d; default %d in json, %d in text)", argmap.MaxAnswerQuotes, argmap.DefaultAnswerQuotes, textQuotes))
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if *format != "text" && *format != "json" {
		return usagef("unknown --format %q (want json or text)", *format)
	}
	if set["depth"] && (*depth < 1 || *depth > argmap.MaxDepth) {
		return usagef("--depth must be between 1 and %d", argmap.MaxDepth)
	}
	if len(pos) == 0 {
		return usagef("give the claim's text or ID")
	}
	if *limit < 1 || *limit > argmap.MaxAnswerSources {
		return usagef("--limit must be between 1 and %d", argmap.MaxAnswerSources)
	}
	if set["quotes"] && (*quotes < 1 || *quotes > argmap.MaxAnswerQuotes) {
		return usagef("--quotes must be between 1 and %d", argmap.MaxAnswerQuotes)
	}
	query := strings.Join(pos, " ")
	pg := argmap.AnswerPage{Limit: *limit, Quotes: *quotes}
	if pg.Quotes == 0 {
		pg.Quotes = argmap.DefaultAnswerQuotes
		if *format == "text" {
			pg.Quotes = textQuotes
		}
	}
	if *source != "" {
		if argmap.KindOf(*source) != argmap.KindSource {
			return usagef("--source must be a source ID (src_…)")
		}
		for _, name := range []string{"limit", "cursor"} {
			if set[name] {
				return usagef("--source lists one source: it takes no --%s", name)
			}
		}
		pg = argmap.AnswerPage{Source: *source}
		if set["quotes"] {
			pg.Quotes = *quotes
		}
	}
	if *full {
		for _, name := range []string{"limit", "cursor", "quotes", "source"} {
			if set[name] {
				return usagef("--full is the whole answer: it takes no --%s", name)
			}
		}
		pg = argmap.AnswerPage{}
	}
	if *cursor != "" {
		if pg.Offset, err = argmap.ParseAnswerCursor(*cursor, query, *depth); err != nil {
			return usagef("--cursor: %s", argmap.ErrorMessage(err))
		}
	}
	st, err := openStore(ctx, e, *store)
	if err != nil {
		return err
	}
	defer st.Close()
	ans, err := argmap.FindSupportersPage(ctx, withSearch(st), extract.NewStancer(), query, *depth, pg)
	if err != nil {
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(ans)
	}
	writeSupportText(e.stdout, ans, *full, pg.Offset, pg.Source != "")
	return nil
}

// textQuotes is how many passages of each source the text output prints
// unless --quotes or --full says otherwise.
const textQuotes = 3

// writeSupportText prints an answer for people: the propositions matched
// and how, then each side's sources with their quotes, who asserts them and
// the chain of relations in words. Quotes are shortened unless full. The
// sources are numbered from offset+1 (the page's place in the answer); what
// the page leaves out is counted, with how to ask for it. only: the answer
// lists one source (--source).
func writeSupportText(w io.Writer, ans *argmap.SupportAnswer, full bool, offset int, only bool) {
	cut := func(s string, n int) string {
		s = oneLine(s)
		if full {
			return s
		}
		return argmap.Clip(s, n)
	}
	fmt.Fprintf(w, "Query: %s\n\n", ans.Query)
	if len(ans.Propositions) == 0 {
		fmt.Fprintln(w, "No stored claim states or denies this.")
		if len(ans.Suggestions) > 0 {
			fmt.Fprintln(w, "\nClosest propositions:")
			for _, c := range ans.Suggestions {
				fmt.Fprintf(w, "  - %s\n", cut(claimText(c), 110))
				if c.Source.ID != "" {
					fmt.Fprintf(w, "    in %s\n", describeSource(c.Source))
				}
			}
		}
		return
	}
	fmt.Fprintf(w, "Matched %s:\n", plural(len(ans.Propositions), "proposition", "propositions"))
	for i, p := range ans.Propositions {
		if i == maxPropositions && !full {
			fmt.Fprintf(w, "  … and %d more (--full shows all)\n", len(ans.Propositions)-i)
			break
		}
		how := matchWords(p.Match, p.View, p.AssertedBy)
		// a proposition is named like a heading: a claim cut from its
		// sentence keeps no dangling comma
		text := oneLine(p.Text)
		if t := strings.TrimRight(text, ",;: "); t != "" {
			text = t
		}
		fmt.Fprintf(w, "  [%s] %s\n", how, cut(text, 100))
		if len(p.Claims) > 0 && p.Claims[0].Referent != nil {
			r := p.Claims[0].Referent
			fmt.Fprintf(w, "      read with “%s” as “%s”, named before: “%s”\n", r.Words, r.Text, cut(strings.Join(strings.Fields(r.Span.Quote), " "), 100))
		}
		seen := map[string]bool{} // a source that states it twice is named once
		for _, c := range p.Claims {
			if c.Source.ID != "" && !seen[c.Source.ID] {
				seen[c.Source.ID] = true
				fmt.Fprintf(w, "      stated in %s\n", describeSource(c.Source))
			}
		}
	}
	section := func(title string, list []argmap.Backing, total int) {
		fmt.Fprintf(w, "\n%s (%s)\n", title, plural(total, "source", "sources"))
		if total == 0 {
			fmt.Fprintln(w, "  none found")
		}
		switch {
		case only && len(list) > 0:
			fmt.Fprintf(w, "  (this source alone of %d)\n", total)
		case only:
		case len(list) > 0 && len(list) < total:
			fmt.Fprintf(w, "  (%d to %d of %d)\n", offset+1, offset+len(list), total)
		case len(list) == 0 && total > 0:
			fmt.Fprintln(w, "  (all listed on the pages before)")
		}
		for i, b := range list {
			if only {
				fmt.Fprintf(w, "  %s\n", describeSource(b.Source))
			} else {
				fmt.Fprintf(w, "  %d. %s\n", offset+i+1, describeSource(b.Source))
			}
			if len(b.Posters) > 0 {
				fmt.Fprintf(w, "     posted by %s\n", strings.Join(b.Posters, "; "))
			}
			for _, q := range b.Quotes {
				fmt.Fprintf(w, "       “%s”\n", cut(q.Quote, 110))
				who := "the author"
				switch {
				case q.Reported && q.Poster != "":
					who = q.AssertedBy + " (reported by " + q.Poster + ")"
				case q.Reported:
					who = q.AssertedBy + " (reported by the source)"
				case strings.HasPrefix(q.Poster, "the poster of "):
					who = q.Poster
				case q.Poster != "":
					who = q.Poster + " (poster)"
				}
				switch {
				case q.View == argmap.ViewRejected:
					fmt.Fprintf(w, "         asserted by %s; %s\n", who, matchWords(q.Stance, q.View, ""))
				case q.Stance == argmap.StanceDenial:
					fmt.Fprintf(w, "         asserted by %s; denies the query\n", who)
				case len(q.Chain) == 0:
					fmt.Fprintf(w, "         asserted by %s; states the query\n", who)
				default:
					fmt.Fprintf(w, "         asserted by %s; %s\n", who, describeChain(q.Chain, cut))
				}
			}
			if more := b.QuotesTotal - len(b.Quotes); more > 0 {
				fmt.Fprintf(w, "       … and %s (--quotes N or --full shows them)\n", plural(more, "more passage", "more passages"))
			}
		}
	}
	section("Supporting", ans.Supporting, ans.SupportingTotal)
	section("Contesting", ans.Contesting, ans.ContestingTotal)
	if ans.NextCursor != "" {
		fmt.Fprintf(w, "\nMore sources: --cursor %s (the next page), or --full for all.\n", ans.NextCursor)
	}
}

// maxPropositions is how many matched propositions the text answer lists
// before the sources, unless --full: the sources are the answer.
const maxPropositions = 8

func claimText(c argmap.ClaimMatch) string {
	if c.Gist != "" {
		return c.Gist
	}
	return c.Text
}

// describeChain writes a chain of relations in words: “A” supports “B”,
// which contests “C”.
func describeChain(steps []argmap.ChainStep, cut func(string, int) string) string {
	var b strings.Builder
	for i, s := range steps {
		if i == 0 {
			fmt.Fprintf(&b, "“%s” %s “%s”", cut(s.From, 60), s.Kind, cut(s.To, 60))
			continue
		}
		fmt.Fprintf(&b, ", which %s “%s”", s.Kind, cut(s.To, 60))
	}
	return b.String()
}

func describeSource(s argmap.SourceRef) string {
	title := s.Title
	if title == "" {
		title = s.ID
	}
	if s.URI != "" {
		return fmt.Sprintf("%s — %s", argmap.Clip(title, 70), s.URI)
	}
	return argmap.Clip(title, 70)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// matchWords says how a matched proposition stands to the query, and for a
// view its source reports or rejects (argmap.PropositionMatch.View), whose
// view it is and which side its source takes: "Critics say that P. We
// disagree." denies P though the critics' words state it, and the row must
// not read as if the critics denied it.
func matchWords(match argmap.Stance, view, by string) string {
	how := "states the query"
	if match == argmap.StanceDenial {
		how = "denies the query"
	}
	whose := "reported view"
	if by != "" {
		whose += " of " + by
	}
	switch view {
	case argmap.ViewRejected:
		return whose + "; the source rejects it, so " + how
	case argmap.ViewReported:
		return whose + ": " + how
	}
	return how
}
