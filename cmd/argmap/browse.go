package main

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
)

// browseFlags are the flags sources, claims and actors share.
type browseFlags struct {
	store, q, source, format, after *string
	limit                           *int
	ids                             *bool // claims only: the sources' IDs beside their titles
}

func parseBrowse(name string, e *env, args []string) (browseFlags, error) {
	fs := newFlags(name)
	f := browseFlags{
		store:  storeFlag(fs, e),
		q:      fs.String("q", "", "only records matching TEXT"),
		source: fs.String("source", "", "only records of the source with this ID"),
		format: fs.String("format", "text", "text or json"),
		after:  fs.String("after", "", "list from the record after this ID (the next page)"),
		limit:  fs.Int("limit", argmap.DefaultLimit, "at most N records"),
	}
	if name == "claims" {
		f.ids = fs.Bool("ids", false, "text: also print the ID of each source beside its title (the JSON always has them)")
	}
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return f, err
	}
	if len(pos) > 0 {
		return f, usagef("unexpected argument %q (search with --q TEXT)", pos[0])
	}
	if *f.format != "text" && *f.format != "json" {
		return f, usagef("--format must be text or json")
	}
	if *f.limit < 1 || *f.limit > argmap.MaxLimit {
		return f, usagef("--limit must be between 1 and %d", argmap.MaxLimit)
	}
	return f, nil
}

// page is the listing page the flags ask for.
func (f browseFlags) page() argmap.Page { return argmap.Page{Limit: *f.limit, After: *f.after} }

func runSources(ctx context.Context, e *env, args []string) error {
	f, err := parseBrowse("sources", e, args)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, e, *f.store)
	if err != nil {
		return err
	}
	defer st.Close()
	var list []argmap.Source
	if *f.source != "" {
		s, err := st.Source(ctx, *f.source)
		if err != nil {
			return err
		}
		s.Text = ""
		list = []argmap.Source{*s}
	} else {
		list, err = st.Sources(ctx, argmap.SourceFilter{Query: *f.q, Page: f.page()})
		if err != nil {
			return err
		}
	}
	if *f.format == "json" {
		if list == nil {
			list = []argmap.Source{} // [] rather than null
		}
		return writeJSON(e.stdout, list)
	}
	if len(list) == 0 {
		fmt.Fprintln(e.stderr, "no stored source matches")
		return nil
	}
	for _, s := range list {
		line := s.ID + "  " + s.Title
		var meta []string
		if len(s.Authors) > 0 {
			meta = append(meta, strings.Join(s.Authors, "; "))
		}
		if s.Date != "" {
			meta = append(meta, s.Date)
		}
		if s.Kind != "" {
			meta = append(meta, s.Kind)
		}
		if len(meta) > 0 {
			line += "  (" + strings.Join(meta, ", ") + ")"
		}
		fmt.Fprintln(e.stdout, line)
	}
	morePages(e, len(list), *f.limit, list[len(list)-1].ID)
	return nil
}

func runClaims(ctx context.Context, e *env, args []string) error {
	f, err := parseBrowse("claims", e, args)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, e, *f.store)
	if err != nil {
		return err
	}
	defer st.Close()
	if *f.source != "" {
		if _, err := st.Source(ctx, *f.source); err != nil {
			return err
		}
	}
	list, err := st.Claims(ctx, argmap.ClaimFilter{Query: *f.q, SourceID: *f.source, Page: f.page()})
	if err != nil {
		return err
	}
	if *f.format == "json" {
		if list == nil {
			list = []argmap.Claim{} // [] rather than null
		}
		return writeJSON(e.stdout, list)
	}
	if len(list) == 0 {
		fmt.Fprintln(e.stderr, "no stored claim matches")
		return nil
	}
	titles, err := sourceTitles(ctx, st, list)
	if err != nil {
		return err
	}
	for _, c := range list {
		mark := " "
		if c.Main {
			mark = "*"
		}
		text := c.Gist
		if text == "" {
			text = c.Text
		}
		if slices.Contains(c.Cues, argmap.CueNeedsContext) {
			// "this is brilliant!": only its source says what "this" is
			text = "(needs context) " + text
		}
		fmt.Fprintf(e.stdout, "%s %s %.2f  %s", c.ID, mark, c.Score, argmap.Clip(text, 120))
		if in := statedIn(c, titles, *f.ids); in != "" {
			fmt.Fprintf(e.stdout, "  (stated in %s)", in)
		}
		fmt.Fprintln(e.stdout)
	}
	morePages(e, len(list), *f.limit, list[len(list)-1].ID)
	return nil
}

// sourceTitles reads, in one light lookup, the titles of the sources the
// claims are stated in, by source ID.
func sourceTitles(ctx context.Context, st argmap.Store, list []argmap.Claim) (map[string]string, error) {
	seen := map[string]bool{}
	var ids []string
	for _, c := range list {
		for _, sp := range c.Spans {
			if !seen[sp.SourceID] {
				seen[sp.SourceID] = true
				ids = append(ids, sp.SourceID)
			}
		}
	}
	titles := make(map[string]string, len(ids))
	if len(ids) == 0 {
		return titles, nil
	}
	srcs, err := st.SourcesByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	for _, s := range srcs {
		titles[s.ID] = s.Title
	}
	return titles, nil
}

// statedIn names the sources a claim is stated in by title, each once, in
// title order ("A title; Another"); with ids each title is followed by its
// source's ID in brackets. A source without a title is named by its ID.
func statedIn(c argmap.Claim, titles map[string]string, ids bool) string {
	type src struct{ id, title string }
	seen := map[string]bool{}
	var srcs []src
	for _, sp := range c.Spans {
		if seen[sp.SourceID] {
			continue
		}
		seen[sp.SourceID] = true
		t := strings.TrimSpace(titles[sp.SourceID])
		if t == "" {
			t = sp.SourceID
		} else {
			t = argmap.Clip(t, 60)
			if ids {
				t += " [" + sp.SourceID + "]"
			}
		}
		srcs = append(srcs, src{sp.SourceID, t})
	}
	sort.Slice(srcs, func(i, j int) bool {
		if srcs[i].title != srcs[j].title {
			return srcs[i].title < srcs[j].title
		}
		return srcs[i].id < srcs[j].id
	})
	out := make([]string, len(srcs))
	for i, s := range srcs {
		out[i] = s.title
	}
	return strings.Join(out, "; ")
}

func runActors(ctx context.Context, e *env, args []string) error {
	f, err := parseBrowse("actors", e, args)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, e, *f.store)
	if err != nil {
		return err
	}
	defer st.Close()
	var list []argmap.Actor
	if *f.source == "" {
		list, err = st.Actors(ctx, argmap.ActorFilter{Query: *f.q, Page: f.page()})
		if err != nil {
			return err
		}
	} else if list, err = sourceActors(ctx, st, *f.source, *f.q); err != nil {
		return err
	}
	if *f.format == "json" {
		if list == nil {
			list = []argmap.Actor{} // [] rather than null
		}
		return writeJSON(e.stdout, list)
	}
	if len(list) == 0 {
		fmt.Fprintln(e.stderr, "no stored actor matches")
		return nil
	}
	for _, a := range list {
		line := a.ID + "  " + a.Name
		if a.Kind != "" {
			line += "  (" + a.Kind + ")"
		}
		if len(a.Aliases) > 0 {
			line += "  aka " + strings.Join(a.Aliases, "; ")
		}
		fmt.Fprintln(e.stdout, line)
	}
	if *f.source == "" {
		morePages(e, len(list), *f.limit, list[len(list)-1].ID)
	}
	return nil
}

// sourceActors returns the actors of the claims and evidence stated in a
// source whose
// name or an alias contains q (any, when q is ""), ordered by ID.
func sourceActors(ctx context.Context, st argmap.Store, sourceID, q string) ([]argmap.Actor, error) {
	if _, err := st.Source(ctx, sourceID); err != nil {
		return nil, err
	}
	ids := map[string]bool{}
	after := ""
	for {
		cs, err := st.Claims(ctx, argmap.ClaimFilter{SourceID: sourceID, Page: argmap.Page{Limit: argmap.MaxLimit, After: after}})
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			for _, r := range c.Actors {
				ids[r.ActorID] = true
			}
		}
		if len(cs) < argmap.MaxLimit {
			break
		}
		after = cs[len(cs)-1].ID
	}
	after = ""
	for {
		es, err := st.EvidenceList(ctx, argmap.EvidenceFilter{SourceID: sourceID, Page: argmap.Page{Limit: argmap.MaxLimit, After: after}})
		if err != nil {
			return nil, err
		}
		for _, e := range es {
			for _, r := range e.Actors {
				ids[r.ActorID] = true
			}
		}
		if len(es) < argmap.MaxLimit {
			break
		}
		after = es[len(es)-1].ID
	}
	var out []argmap.Actor
	lq := strings.ToLower(q)
	for id := range ids {
		a, err := st.Actor(ctx, id)
		if err != nil {
			if argmap.IsNotFound(err) {
				continue
			}
			return nil, err
		}
		match := lq == "" || strings.Contains(strings.ToLower(a.Name), lq)
		for _, al := range a.Aliases {
			match = match || strings.Contains(strings.ToLower(al), lq)
		}
		if match {
			out = append(out, *a)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// morePages tells how to get the next page when this one was full.
func morePages(e *env, n, limit int, last string) {
	if n == limit {
		fmt.Fprintf(e.stderr, "(%d shown; the next page: --after %s)\n", n, last)
	}
}
