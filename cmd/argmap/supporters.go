package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
)

func runSupporters(ctx context.Context, e *env, args []string) error {
	fs := newFlags("supporters")
	store := storeFlag(fs, e)
	format := fs.String("format", "text", "output format: text or json")
	depth := fs.Int("depth", argmap.DefaultDepth, "how many relations deep to look (1-8)")
	full := fs.Bool("full", false, "print quotes in full instead of shortened")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return usagef("unknown --format %q (want json or text)", *format)
	}
	if *depth < 1 || *depth > argmap.MaxDepth {
		return usagef("--depth must be between 1 and %d", argmap.MaxDepth)
	}
	if len(pos) == 0 {
		return usagef("give the claim's text or ID")
	}
	query := strings.Join(pos, " ")
	st, err := openStore(ctx, e, *store)
	if err != nil {
		return err
	}
	defer st.Close()
	ans, err := argmap.FindSupporters(ctx, withSearch(st), extract.NewStancer(), query, *depth)
	if err != nil {
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(ans)
	}
	writeSupportText(e.stdout, ans, *full)
	return nil
}

// writeSupportText prints an answer for people: the propositions matched
// and how, then each side's sources with their quotes, who asserts them and
// the chain of relations in words. Quotes are shortened unless full.
func writeSupportText(w io.Writer, ans *argmap.SupportAnswer, full bool) {
	cut := func(s string, n int) string {
		s = oneLine(s)
		if full {
			return s
		}
		return clip(s, n)
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
	for _, p := range ans.Propositions {
		how := "states the query"
		if p.Match == argmap.StanceDenial {
			how = "denies the query"
		}
		fmt.Fprintf(w, "  [%s] %s\n", how, cut(p.Text, 100))
		for _, c := range p.Claims {
			if c.Source.ID != "" {
				fmt.Fprintf(w, "      stated in %s\n", describeSource(c.Source))
			}
		}
	}
	section := func(title string, list []argmap.Backing) {
		fmt.Fprintf(w, "\n%s (%s)\n", title, plural(len(list), "source", "sources"))
		if len(list) == 0 {
			fmt.Fprintln(w, "  none found")
		}
		for i, b := range list {
			fmt.Fprintf(w, "  %d. %s\n", i+1, describeSource(b.Source))
			if len(b.Posters) > 0 {
				fmt.Fprintf(w, "     posted by %s\n", strings.Join(b.Posters, "; "))
			}
			for j, q := range b.Quotes {
				if j == 3 && !full {
					fmt.Fprintf(w, "       … and %d more passages (--full shows all)\n", len(b.Quotes)-3)
					break
				}
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
				case q.Stance == argmap.StanceDenial:
					fmt.Fprintf(w, "         asserted by %s; denies the query\n", who)
				case len(q.Chain) == 0:
					fmt.Fprintf(w, "         asserted by %s; states the query\n", who)
				default:
					fmt.Fprintf(w, "         asserted by %s; %s\n", who, describeChain(q.Chain, cut))
				}
			}
		}
	}
	section("Supporting", ans.Supporting)
	section("Contesting", ans.Contesting)
}

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
		return fmt.Sprintf("%s — %s", clip(title, 70), s.URI)
	}
	return clip(title, 70)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// clip shortens s to at most n runes, ending in an ellipsis when cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
