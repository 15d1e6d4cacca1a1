package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argmap"
)

func runSupporters(ctx context.Context, e *env, args []string) error {
	fs := newFlags("supporters")
	store := storeFlag(fs, e)
	format := fs.String("format", "text", "output format: text or json")
	depth := fs.Int("depth", argmap.DefaultDepth, "how many relations deep to look (1-8)")
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
	ans, err := argmap.FindSupporters(ctx, withSearch(st), query, *depth)
	if err != nil {
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(ans)
	}
	writeSupportText(e.stdout, ans)
	return nil
}

// writeSupportText prints an answer for people: aligned, quotes shortened.
func writeSupportText(w io.Writer, ans *argmap.SupportAnswer) {
	fmt.Fprintf(w, "Query: %s\n\n", ans.Query)
	fmt.Fprintf(w, "Matched %s:\n", plural(len(ans.Claims), "claim", "claims"))
	for _, c := range ans.Claims {
		text := c.Gist
		if text == "" {
			text = c.Text
		}
		fmt.Fprintf(w, "  %s  %s\n", c.ID, clip(text, 90))
		if c.Source.ID != "" {
			fmt.Fprintf(w, "  %*s  in %s\n", len(c.ID), "", describeSource(c.Source))
		}
	}
	section := func(title string, list []argmap.Backing) {
		fmt.Fprintf(w, "\n%s (%s)\n", title, plural(len(list), "source", "sources"))
		if len(list) == 0 {
			fmt.Fprintln(w, "  none found")
		}
		for i, b := range list {
			fmt.Fprintf(w, "  %d. %s\n", i+1, describeSource(b.Source))
			for j, sp := range b.Spans {
				if j == 3 {
					fmt.Fprintf(w, "       … and %d more passages\n", len(b.Spans)-3)
					break
				}
				fmt.Fprintf(w, "       [%d–%d] “%s”\n", sp.Start, sp.End, clip(oneLine(sp.Quote), 110))
			}
			if len(b.Path) == 0 {
				fmt.Fprintln(w, "       states the claim itself")
			} else {
				fmt.Fprintf(w, "       via %s\n", describePath(b.Path))
			}
		}
	}
	section("Supporting", ans.Supporting)
	section("Contesting", ans.Contesting)
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

func describePath(steps []argmap.Step) string {
	var b strings.Builder
	for i, s := range steps {
		if i == 0 {
			b.WriteString(s.From)
		}
		fmt.Fprintf(&b, " —%s→ %s", s.Kind, s.To)
	}
	return b.String()
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
