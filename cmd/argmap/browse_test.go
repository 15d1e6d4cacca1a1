package main

import (
	"context"
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/sqlitestore"
)

// TestStoreMustExist: commands that only read a store refuse a path that
// does not exist, say so, and create nothing; the commands that create
// stores still do.
func TestStoreMustExist(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "sub", "typo.db")
	for _, args := range [][]string{
		{"claims", "--store", missing},
		{"sources", "--store", missing},
		{"actors", "--store", missing},
		{"supporters", "--store", missing, "anything"},
		{"export", "--store", missing, "--format", "dot", "-o", filepath.Join(dir, "x.dot")},
		{"serve", "--store", missing, "--addr", "127.0.0.1:0"},
		{"copy", "--from", missing, "--to", filepath.Join(dir, "to.db")},
	} {
		code, _, stderr := cli(t, nil, args...)
		if code != 1 || !strings.Contains(stderr, "no store at "+missing) || !strings.Contains(stderr, "does not create one") {
			t.Errorf("argmap %s: exit %d, stderr %q; want 1 and a message that there is no store there", strings.Join(args, " "), code, stderr)
		}
		if _, err := os.Stat(filepath.Dir(missing)); err == nil {
			t.Fatalf("argmap %s created %s", args[0], filepath.Dir(missing))
		}
	}
	if code, _, stderr := cli(t, nil, "migrate", "--store", missing); code != 0 {
		t.Fatalf("migrate on a new path: exit %d, stderr %q; want it to create the store", code, stderr)
	}
	if code, _, stderr := cli(t, nil, "claims", "--store", missing); code != 0 || !strings.Contains(stderr, "no stored claim matches") {
		t.Errorf("claims on the new empty store: exit %d, stderr %q", code, stderr)
	}
}

func TestBrowse(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{"essay.md": []byte(essay)})
	store := filepath.Join(t.TempDir(), "s.db")
	if code, _, stderr := cli(t, nil, "ingest", "--store", store, dir); code != 0 {
		t.Fatalf("ingest: exit %d, stderr %q", code, stderr)
	}
	var sources []argmap.Source
	code, out, stderr := cli(t, nil, "sources", "--store", store, "--format", "json")
	if code != 0 || json.Unmarshal([]byte(out), &sources) != nil || len(sources) == 0 {
		t.Fatalf("sources --format json: exit %d, out %q, stderr %q", code, out, stderr)
	}
	src := sources[0]
	if src.Title != "Return and its critics" {
		t.Errorf("sources: title %q, want the Markdown H1", src.Title)
	}
	tests := []struct {
		name     string
		args     []string
		code     int
		want     string // in stdout
		wantErr  string // in stderr
		wantNone string // not in stdout
	}{
		{"sources text", []string{"sources"}, 0, src.ID + "  Return and its critics", "", ""},
		{"sources by title", []string{"sources", "--q", "critics"}, 0, src.ID, "", ""},
		{"sources no match", []string{"sources", "--q", "zebra"}, 0, "", "no stored source matches", src.ID},
		{"one source", []string{"sources", "--source", src.ID}, 0, src.ID, "", ""},
		{"unknown source", []string{"sources", "--source", "src_doesnotexist"}, 1, "", "not found", ""},
		{"claims full text", []string{"claims", "--q", "voluntary detention"}, 0, "Assisted voluntary return is not voluntary", "", "enforces the exclusion"},
		{"claims of a source", []string{"claims", "--source", src.ID}, 0, "enforces the exclusion", "", ""},
		{"claims name their sources by title", []string{"claims", "--source", src.ID}, 0, "(stated in Return and its critics)", "", src.ID},
		{"claims --ids", []string{"claims", "--source", src.ID, "--ids"}, 0, "(stated in Return and its critics [" + src.ID + "])", "", ""},
		{"--ids is for claims", []string{"sources", "--ids"}, 2, "", "-ids", ""},
		{"claims of an unknown source", []string{"claims", "--source", "src_doesnotexist"}, 1, "", "not found", ""},
		{"claims paged", []string{"claims", "--limit", "1"}, 0, "clm_", "the next page: --after clm_", ""},
		{"actors by name", []string{"actors", "--q", "migration"}, 0, "IOM", "", ""},
		{"actors of a source", []string{"actors", "--source", src.ID}, 0, "IOM", "", ""},
		{"bad format", []string{"claims", "--format", "xml"}, 2, "", "--format must be text or json", ""},
		{"stray argument", []string{"claims", "IOM"}, 2, "", "search with --q TEXT", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{tt.args[0], "--store", store}, tt.args[1:]...)
			code, out, stderr := cli(t, nil, args...)
			if code != tt.code || !strings.Contains(out, tt.want) || !strings.Contains(stderr, tt.wantErr) || tt.wantNone != "" && strings.Contains(out, tt.wantNone) {
				t.Errorf("argmap %s: exit %d\nstdout %q\nstderr %q\nwant exit %d, stdout with %q and without %q, stderr with %q",
					strings.Join(args, " "), code, out, stderr, tt.code, tt.want, tt.wantNone, tt.wantErr)
			}
		})
	}
	var claims []argmap.Claim
	if code, out, _ := cli(t, nil, "claims", "--store", store, "--q", "nothingmatcheszz", "--format", "json"); code != 0 || json.Unmarshal([]byte(out), &claims) != nil || claims == nil {
		t.Errorf("claims --format json with no match: exit %d, out %q; want []", code, out)
	}
}

// TestServeBusyAddress: a taken address is reported with a hint about
// --addr, and nothing claims the server is up.
func TestServeBusyAddress(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skipf("cannot listen on loopback: %v", err)
	}
	defer l.Close()
	store := filepath.Join(t.TempDir(), "s.db")
	if code, _, stderr := cli(t, nil, "migrate", "--store", store); code != 0 {
		t.Fatalf("migrate: %d %q", code, stderr)
	}
	for _, args := range [][]string{
		{"serve", "--store", store, "--addr", l.Addr().String()},
		{"demo", "--store", store, "--addr", l.Addr().String()},
	} {
		code, _, stderr := cli(t, nil, args...)
		if code != 1 || !strings.Contains(stderr, "already in use") || !strings.Contains(stderr, "--addr") {
			t.Errorf("argmap %s on a busy address: exit %d, stderr %q; want 1, \"already in use\" and a hint about --addr", args[0], code, stderr)
		}
		for _, bad := range []string{"in a browser", "serving on", "ingesting"} {
			if strings.Contains(stderr, bad) {
				t.Errorf("argmap %s on a busy address printed %q before failing: %q", args[0], bad, stderr)
			}
		}
	}
}

// TestActorsOfSourceEvidence: actors --source lists an actor that only the
// source's evidence names, as well as the actors of its claims.
func TestActorsOfSourceEvidence(t *testing.T) {
	ctx := context.Background()
	store := filepath.Join(t.TempDir(), "s.db")
	st, err := sqlitestore.Open(ctx, store)
	if err != nil {
		t.Fatal(err)
	}
	now := argmap.Now()
	text := "Nauru holds 300 people. Frontex is criticised."
	src := argmap.Source{ID: argmap.NewID(argmap.KindSource), Title: "Report", Text: text, ContentHash: "h1", CreatedAt: now}
	nauru := argmap.Actor{ID: argmap.ActorID("Nauru"), Name: "Nauru", Kind: argmap.ActorState, CreatedAt: now}
	frontex := argmap.Actor{ID: argmap.ActorID("Frontex"), Name: "Frontex", CreatedAt: now}
	ev := argmap.Evidence{ID: argmap.NewID(argmap.KindEvidence), Text: text[:23], Origin: argmap.OriginExtracted, Score: 1, CreatedAt: now,
		Spans:  []argmap.Span{{SourceID: src.ID, Start: 0, End: 23, Quote: text[:23]}},
		Actors: []argmap.ActorRef{{ActorID: nauru.ID, Role: argmap.RoleNamed}}}
	c := argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: text[24:], Origin: argmap.OriginExtracted, Score: 1, CreatedAt: now,
		Spans:  []argmap.Span{{SourceID: src.ID, Start: 24, End: len(text), Quote: text[24:]}},
		Actors: []argmap.ActorRef{{ActorID: frontex.ID, Role: argmap.RoleNamed}}}
	if err := st.WriteGraph(ctx, &argmap.Graph{Sources: []argmap.Source{src}, Actors: []argmap.Actor{nauru, frontex},
		Claims: []argmap.Claim{c}, Evidence: []argmap.Evidence{ev}}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	code, out, stderr := cli(t, nil, "actors", "--store", store, "--source", src.ID)
	if code != 0 || !strings.Contains(out, "Nauru") || !strings.Contains(out, "Frontex") {
		t.Errorf("actors --source: exit %d, out %q, stderr %q; want Nauru (named by evidence) and Frontex (by a claim)", code, out, stderr)
	}
}
