package sqlitestore_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/sqlitestore"
)

// keyedGraph is a graph of n claims over a few shared link keys ("k0 k1"
// for every claim, "k2 k3" for every second one, "k4 k5" for every third)
// and one of its own each; every fourth claim names the first claim's
// proposition.
func keyedGraph(n int) *argmap.Graph {
	g := &argmap.Graph{}
	for i := range n {
		c := argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: fmt.Sprintf("Statement number %d.", i),
			Origin: argmap.OriginExtracted, Keys: []string{"k0 k1", fmt.Sprintf("own %d", i)}}
		if i%2 == 0 {
			c.Keys = append(c.Keys, "k2 k3")
		}
		if i%3 == 0 {
			c.Keys = append(c.Keys, "k4 k5")
		}
		if i%4 == 3 {
			c.Proposition = g.Claims[0].ID
		}
		g.Claims = append(g.Claims, c)
	}
	return g
}

var keyedKeys = []string{"k0 k1", "k2 k3", "k4 k5", "own 3", "own 7", "nothing"}

// keyListIDs is ClaimKeyLists(keys, perKey) as IDs: each key's list, and
// the heads under "".
func keyListIDs(t *testing.T, s *sqlitestore.Store, keys []string, perKey int) map[string][]string {
	t.Helper()
	lists, heads, err := s.ClaimKeyLists(context.Background(), keys, perKey)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for k, cs := range lists {
		for _, c := range cs {
			out[k] = append(out[k], c.ID)
		}
	}
	for _, c := range heads {
		out[""] = append(out[""], c.ID)
	}
	return out
}

// TestClaimKeysMemoryMigration checks migration 0023 (the claims under each
// link key listed in memory from the claims' keys columns, claim_keys
// dropped): a store written at 0022, its keys in claim_keys, reads back
// after migrating the graph and the claims' rows a store written now has,
// and lists under each key the claims that claim_keys listed, the newest
// first, as a store written now does.
func TestClaimKeysMemoryMigration(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	g := keyedGraph(12)
	newPath := filepath.Join(dir, "new.db")
	want := writtenDump(t, ctx, newPath, g)

	oldPath := filepath.Join(dir, "old.db")
	if err := sqlitestore.MigrateTo(ctx, oldPath, "0022_relation_quote_premise.sql"); err != nil {
		t.Fatal(err)
	}
	copyRows(t, oldPath, newPath)
	if n := count(t, oldPath, `SELECT count(*) FROM claim_keys`); n != 12*2+6+4 {
		t.Fatalf("old store: %d rows in claim_keys, want %d", n, 12*2+6+4)
	}
	// what 0022's ClaimKeyLists read from claim_keys: the newest 3 under
	// each key
	wantLists := map[string][]string{}
	db := openRaw(t, oldPath)
	for _, k := range keyedKeys {
		rows, err := db.Query(`SELECT c.id FROM claim_keys ck JOIN claims c ON c.pk = ck.claim_pk WHERE ck.key = ? ORDER BY ck.claim_pk DESC LIMIT 3`, k)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				t.Fatal(err)
			}
			wantLists[k] = append(wantLists[k], id)
		}
		rows.Close()
	}
	if got := len(wantLists["k0 k1"]); got != 3 {
		t.Fatalf("old store: %d claims under k0 k1, want 3", got)
	}
	wantLists[""] = []string{g.Claims[0].ID} // the head of claims 3 and 7 (and of 11, under k0 k1)

	old := openMigrated(t, ctx, oldPath, "0022", want)
	rows := `SELECT concat_ws(' ', pk, quote(id), quote(keys)) FROM claims`
	sameRows(t, newPath, oldPath, rows)
	for _, path := range []string{newPath, oldPath} {
		if n := count(t, path, `SELECT count(*) FROM sqlite_schema WHERE name = 'claim_keys'`); n != 0 {
			t.Errorf("%s: claim_keys is still there", filepath.Base(path))
		}
	}
	// migrations 0024 and 0025: every claim of the old store indexed
	if n := count(t, oldPath, `SELECT top FROM keys_indexed`); n != len(g.Claims) {
		t.Errorf("migrated: claims indexed up to pk %d, want %d", n, len(g.Claims))
	}
	fresh, err := sqlitestore.Open(ctx, newPath)
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	migrated, err := sqlitestore.Open(ctx, oldPath)
	if err != nil {
		t.Fatal(err)
	}
	defer migrated.Close()
	// the lists read whole, and the keys looked up in claim_keys_fts
	// (migration 0024 fills it from the keys columns)
	sqlitestore.SetKeySearch(fresh, true)
	sqlitestore.SetKeySearch(migrated, true)
	for name, s := range map[string]*sqlitestore.Store{"written now": fresh, "migrated": old,
		"written now, keys searched": fresh, "migrated, keys searched": migrated} {
		if diff := cmp.Diff(wantLists, keyListIDs(t, s, keyedKeys, 3)); diff != "" {
			t.Errorf("%s: ClaimKeyLists() (-claim_keys at 0022 +got):\n%s", name, diff)
		}
	}
}

// TestKeyListsFollowWrites checks that a store's key lists follow every
// change of claims and keys, made through it or through another store on
// the same file (another process): new claims, a deleted one (the next
// claim takes its pk), a re-keyed update, keys added to stored claims, a
// bulk load, a deleted source and the claims extracted from it; in a
// transaction of Atomically its own claims are listed before it commits,
// and none of a transaction rolled back. Both ways of reading them are
// checked: the lists in memory and the keys looked up in claim_keys_fts
// (migration 0024).
func TestKeyListsFollowWrites(t *testing.T) {
	for _, search := range []bool{false, true} {
		t.Run(fmt.Sprintf("search=%v", search), func(t *testing.T) { keyListsFollowWrites(t, search) })
	}
}

func keyListsFollowWrites(t *testing.T, search bool) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "argmap.db")
	a, err := sqlitestore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := sqlitestore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	sqlitestore.SetKeySearch(a, search)
	sqlitestore.SetKeySearch(b, search)
	// under looks the claims under key up in s, the newest first (at most
	// 10), as IDs
	under := func(s *sqlitestore.Store, key string) []string {
		t.Helper()
		return keyListIDs(t, s, []string{key}, 10)[key]
	}
	ids := func(cs ...argmap.Claim) []string {
		var out []string
		for _, c := range slices.Backward(cs) {
			out = append(out, c.ID)
		}
		return out
	}
	same := func(what string, want []string, key string) {
		t.Helper()
		for name, s := range map[string]*sqlitestore.Store{"a": a, "b": b} {
			if diff := cmp.Diff(want, under(s, key)); diff != "" {
				t.Errorf("%s: claims under %q in %s (-want +got):\n%s", what, key, name, diff)
			}
		}
	}
	g := keyedGraph(4)
	if err := a.WriteGraph(ctx, g); err != nil {
		t.Fatal(err)
	}
	same("first write", ids(g.Claims...), "k0 k1")

	// b writes more; a, which read the lists already, catches up
	h := keyedGraph(3)
	if err := b.WriteGraph(ctx, h); err != nil {
		t.Fatal(err)
	}
	all := append(slices.Clone(g.Claims), h.Claims...)
	same("written through the other store", ids(all...), "k0 k1")

	// the newest claim deleted through b: the next claim takes its pk
	if err := b.DeleteClaim(ctx, h.Claims[2].ID); err != nil {
		t.Fatal(err)
	}
	all = all[:len(all)-1]
	same("after a delete", ids(all...), "k0 k1")
	late := argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: "Late words.", Origin: argmap.OriginExtracted, Keys: []string{"late key"}}
	if err := b.CreateClaim(ctx, &late); err != nil {
		t.Fatal(err)
	}
	same("the deleted claim's pk taken", ids(all...), "k0 k1")
	same("the deleted claim's pk taken", ids(late), "late key")

	// a re-keyed update through b, keys added through a
	text, keys := "Other words now.", []string{"late key", "new key"}
	if _, err := b.UpdateClaim(ctx, g.Claims[1].ID, argmap.ClaimUpdate{Text: &text, Keys: &keys}); err != nil {
		t.Fatal(err)
	}
	same("after a re-keyed update", ids(g.Claims[0], g.Claims[2], g.Claims[3], h.Claims[0], h.Claims[1]), "k0 k1")
	same("after a re-keyed update", ids(g.Claims[1], late), "late key")
	if err := a.AddClaimKeys(ctx, map[string][]string{g.Claims[0].ID: {"new key"}}); err != nil {
		t.Fatal(err)
	}
	same("after keys added", ids(g.Claims[0], g.Claims[1]), "new key")

	// a bulk load through b
	bulk := keyedGraph(2)
	err = b.Bulk(ctx, func(s argmap.Store) error { return s.WriteGraph(ctx, bulk) })
	if err != nil {
		t.Fatal(err)
	}
	same("after a bulk load", ids(h.Claims[1], bulk.Claims[1]), "own 1") // h.Claims[1] has "own 1" too

	// a source deleted through a, and with it the claims extracted from
	// it alone, written and read through b first: the newest claim left
	// under their key is the one written before them (lists that kept a
	// deleted claim would give it the one place and find no claim there;
	// a claim written after them keeps the highest pk above theirs)
	src := argmap.Source{ID: argmap.NewID(argmap.KindSource), Title: "Notes", Text: "Rivers flood. Towns move."}
	kept := argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: "Floods move towns.", Origin: argmap.OriginCurated, Keys: []string{"source key"}}
	withSource := &argmap.Graph{Sources: []argmap.Source{src}, Claims: []argmap.Claim{kept}}
	for i, span := range [][2]int{{0, 13}, {14, 25}} {
		withSource.Claims = append(withSource.Claims, argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: src.Text[span[0]:span[1]],
			Origin: argmap.OriginExtracted, Keys: []string{"source key", fmt.Sprintf("source %d", i)},
			Spans: []argmap.Span{{SourceID: src.ID, Start: span[0], End: span[1]}}})
	}
	later := argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: "Later words.", Origin: argmap.OriginCurated, Keys: []string{"later key"}}
	withSource.Claims = append(withSource.Claims, later)
	if err := b.WriteGraph(ctx, withSource); err != nil {
		t.Fatal(err)
	}
	same("before the source is deleted", ids(withSource.Claims[:3]...), "source key")
	if err := a.DeleteSource(ctx, src.ID); err != nil {
		t.Fatal(err)
	}
	for name, s := range map[string]*sqlitestore.Store{"a": a, "b": b} {
		if diff := cmp.Diff(map[string][]string{"source key": {kept.ID}}, keyListIDs(t, s, []string{"source key"}, 1)); diff != "" {
			t.Errorf("after the source is deleted: the newest claim under source key in %s (-want +got):\n%s", name, diff)
		}
	}

	// in Atomically: the transaction's claims are listed in it (written
	// one by one or loaded in bulk), those before it as well, and nothing
	// of it once rolled back
	tx, inBulk := keyedGraph(2), keyedGraph(1)
	tx.Claims[0].Keys = append(tx.Claims[0].Keys, "late key")
	inBulk.Claims[0].Keys = append(inBulk.Claims[0].Keys, "late key")
	stop := errors.New("stop")
	err = a.Atomically(ctx, func(s argmap.Store) error {
		if err := s.WriteGraph(ctx, tx); err != nil {
			return err
		}
		if _, _, err := s.(argmap.KeyLists).ClaimKeyLists(ctx, []string{"late key"}, 10); err != nil {
			return err
		}
		load := func(b argmap.Store) error { return b.WriteGraph(ctx, inBulk) }
		if err := s.(*sqlitestore.Store).Bulk(ctx, load); err != nil {
			return err
		}
		lists, _, err := s.(argmap.KeyLists).ClaimKeyLists(ctx, []string{"late key"}, 10)
		if err != nil {
			return err
		}
		var got []string
		for _, c := range lists["late key"] {
			got = append(got, c.ID)
		}
		if diff := cmp.Diff(ids(g.Claims[1], late, tx.Claims[0], inBulk.Claims[0]), got); diff != "" {
			t.Errorf("claims under late key in Atomically (-want +got):\n%s", diff)
		}
		return stop
	})
	if !errors.Is(err, stop) {
		t.Fatalf("Atomically() = %v, want its function's error", err)
	}
	same("after a transaction rolled back", ids(g.Claims[1], late), "late key")
}

// TestKeyListsAnyJSON checks that the keys column is read whatever JSON
// holds it: as jsonList writes it (plain, or with escapes for a quote or
// "<"), and as another writer might (white space between the strings).
func TestKeyListsAnyJSON(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "argmap.db")
	s, err := sqlitestore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	keys := [][]string{{"plain pair", "café terrace"}, {`say "no"`, "a<b c"}, {"spaced pair", "other pair"}}
	g := &argmap.Graph{}
	for i, ks := range keys {
		g.Claims = append(g.Claims, argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: fmt.Sprintf("Claim %d.", i),
			Origin: argmap.OriginCurated, Keys: ks})
	}
	if err := s.WriteGraph(ctx, g); err != nil {
		t.Fatal(err)
	}
	searched, err := sqlitestore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer searched.Close()
	sqlitestore.SetKeySearch(searched, true)
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`UPDATE claims SET keys = '[ "spaced pair" , "other pair" ]' WHERE id = ?`, g.Claims[2].ID); err != nil {
		t.Fatal(err)
	}
	for i, ks := range keys {
		for _, k := range ks {
			want := map[string][]string{k: {g.Claims[i].ID}}
			if diff := cmp.Diff(want, keyListIDs(t, s, []string{k}, 4)); diff != "" {
				t.Errorf("ClaimKeyLists(%q) (-want +got):\n%s", k, diff)
			}
			if diff := cmp.Diff(want, keyListIDs(t, searched, []string{k}, 4)); diff != "" {
				t.Errorf("ClaimKeyLists(%q), keys searched (-want +got):\n%s", k, diff)
			}
		}
	}
}

// BenchmarkKeyListsFirstRead measures what the first key-list read of a
// store opened on a file of 50,000 claims costs: read=whole, every claim's
// keys read into memory (keyIndex), as a command that ingests one document
// into a large store paid before migration 0024, and keys=N, N keys looked
// up in claim_keys_fts (what such a command pays now; searchCost weighs one
// against the other). cpu-ms/op is the process's CPU time per open and
// read.
func BenchmarkKeyListsFirstRead(b *testing.B) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "keys.db")
	s, err := sqlitestore.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	// ten keys a claim over a vocabulary of 20,000, as ingest's pairs of
	// content words: most keys under a few claims, some under many
	rng := rand.New(rand.NewPCG(1, 2))
	g := &argmap.Graph{}
	for i := range 50_000 {
		c := argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: fmt.Sprintf("Claim %d.", i), Origin: argmap.OriginExtracted}
		for range 10 {
			c.Keys = append(c.Keys, fmt.Sprintf("word%d word%d", rng.IntN(200), rng.IntN(100)))
		}
		g.Claims = append(g.Claims, c)
	}
	if err := s.Bulk(ctx, func(tx argmap.Store) error { return tx.WriteGraph(ctx, g) }); err != nil {
		b.Fatal(err)
	}
	s.Close()
	var many []string
	for _, c := range g.Claims[:100] {
		many = append(many, c.Keys...)
	}
	for _, v := range []struct {
		name   string
		search bool
		keys   []string
	}{
		{"read=whole", false, g.Claims[0].Keys},
		{"keys=10", true, g.Claims[0].Keys},
		{"keys=1000", true, many},
		{"read=whole,keys=1000", false, many},
	} {
		b.Run(v.name, func(b *testing.B) {
			start := cpuTime()
			for i := 0; i < b.N; i++ {
				s, err := sqlitestore.Open(ctx, path)
				if err != nil {
					b.Fatal(err)
				}
				sqlitestore.SetKeySearch(s, v.search)
				lists, _, err := s.ClaimKeyLists(ctx, v.keys, 4)
				if err != nil || len(lists) == 0 {
					b.Fatalf("ClaimKeyLists() = %d lists, %v", len(lists), err)
				}
				s.Close()
			}
			b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
		})
	}
}

// TestKeySearchSameLists checks that the keys looked up in claim_keys_fts
// give the lists that reading every claim's keys gives, for any number a
// key, after random writes, deletes and re-keyed updates, made through a
// store that searches keys (its writes index the claims: catchUp) or one
// that read them whole (its writes leave claims out of the index, for the
// next search to read from their rows).
func TestKeySearchSameLists(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "argmap.db")
	indexing, whole := openTwo(t, path)
	sqlitestore.SetKeySearch(indexing, true)
	sqlitestore.SetKeySearch(whole, false)
	rng := rand.New(rand.NewPCG(3, 4))
	vocab := []string{"tide pool", "tide", "pool", "Pool", "poöl", "salt marsh", "marsh", "dune grass", `a "quoted" key`, "ÉTÉ"}
	var ids []string
	for round := range 8 {
		w := whole
		if round%4 < 2 {
			w = indexing
		}
		keyListIDs(t, w, vocab[:1], 1) // searched, or read whole
		if got := sqlitestore.KeyListsRead(w); got != (w == whole) {
			t.Fatalf("round %d: lists read whole = %v, want %v", round, got, w == whole)
		}
		g := &argmap.Graph{}
		for i := range 40 {
			c := argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: fmt.Sprintf("Round %d, claim %d.", round, i), Origin: argmap.OriginCurated}
			for range rng.IntN(4) {
				c.Keys = append(c.Keys, vocab[rng.IntN(len(vocab))])
			}
			g.Claims = append(g.Claims, c)
			ids = append(ids, c.ID)
		}
		if err := w.WriteGraph(ctx, g); err != nil {
			t.Fatal(err)
		}
		for range 5 {
			i := rng.IntN(len(ids))
			if err := w.DeleteClaim(ctx, ids[i]); err != nil && !argmap.IsNotFound(err) {
				t.Fatal(err)
			}
			keys := []string{vocab[rng.IntN(len(vocab))]}
			if _, err := w.UpdateClaim(ctx, ids[rng.IntN(len(ids))], argmap.ClaimUpdate{Keys: &keys}); err != nil && !argmap.IsNotFound(err) {
				t.Fatal(err)
			}
		}
		indexed, top := count(t, path, `SELECT top FROM keys_indexed`), count(t, path, `SELECT max(pk) FROM claims`)
		if (indexed == top) != (w == indexing) {
			t.Errorf("round %d: claims indexed up to %d of %d, written through the store that searches: %v", round, indexed, top, w == indexing)
		}
		read, err := sqlitestore.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		searched, err := sqlitestore.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		sqlitestore.SetKeySearch(read, false)
		sqlitestore.SetKeySearch(searched, true)
		asked := append(slices.Clone(vocab), "absent key")
		for perKey := 1; perKey <= 6; perKey++ {
			want := keyListIDs(t, read, asked, perKey)
			if len(want) < 3 {
				t.Fatalf("round %d: %d keys listed, want most of %d", round, len(want), len(vocab))
			}
			if diff := cmp.Diff(want, keyListIDs(t, searched, asked, perKey)); diff != "" {
				t.Errorf("round %d, %d a key: keys searched (-read whole +searched):\n%s", round, perKey, diff)
			}
		}
		read.Close()
		searched.Close()
	}
}

// TestKeySearchFirst checks when a store reads its key lists whole: a
// store opened on a file of many claims looks the keys of a document or two
// up in claim_keys_fts, and reads the lists whole once it has looked up
// about as many keys as that read costs.
func TestKeySearchFirst(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "argmap.db")
	w, err := sqlitestore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	const n = 2000
	if err := w.WriteGraph(ctx, keyedGraph(n)); err != nil {
		t.Fatal(err)
	}
	s, err := sqlitestore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	want := keyListIDs(t, w, keyedKeys, 4)
	if diff := cmp.Diff(want, keyListIDs(t, s, keyedKeys, 4)); diff != "" {
		t.Errorf("first read (-want +got):\n%s", diff)
	}
	if sqlitestore.KeyListsRead(s) {
		t.Fatalf("%d keys asked of %d claims: lists read whole, want the keys looked up", len(keyedKeys), n)
	}
	var many []string
	for i := range n {
		many = append(many, fmt.Sprintf("own %d", i))
	}
	lists := keyListIDs(t, s, many, 4)
	if len(lists) != n+1 { // and the head
		t.Errorf("%d keys asked: %d lists, want %d", n, len(lists), n+1)
	}
	if !sqlitestore.KeyListsRead(s) {
		t.Errorf("%d keys asked of %d claims: lists not read whole", n+len(keyedKeys), n)
	}
}

// openTwo opens two stores on the file at path (two processes), closed
// when the test ends.
func openTwo(t *testing.T, path string) (*sqlitestore.Store, *sqlitestore.Store) {
	t.Helper()
	var out [2]*sqlitestore.Store
	for i := range out {
		s, err := sqlitestore.Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		out[i] = s
	}
	return out[0], out[1]
}

// TestKeySearchReusedPK checks that a claim stored under the pk of a
// deleted one, which claim_keys_fts held, is found: the index's top comes
// down with the highest claims deleted, so that the new claim is of the
// claims it lacks.
func TestKeySearchReusedPK(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "argmap.db")
	indexing, whole := openTwo(t, path)
	sqlitestore.SetKeySearch(indexing, true)
	sqlitestore.SetKeySearch(whole, false)
	keyListIDs(t, indexing, []string{"k0 k1"}, 1) // its writes index
	g := keyedGraph(3)
	if err := indexing.WriteGraph(ctx, g); err != nil {
		t.Fatal(err)
	}
	if n := count(t, path, `SELECT top FROM keys_indexed`); n != 3 {
		t.Fatalf("claims indexed up to pk %d, want 3", n)
	}
	if err := indexing.DeleteClaim(ctx, g.Claims[2].ID); err != nil {
		t.Fatal(err)
	}
	keyListIDs(t, whole, []string{"k0 k1"}, 1) // its writes do not index
	late := argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: "Late words.", Origin: argmap.OriginCurated, Keys: []string{"k0 k1"}}
	if err := whole.CreateClaim(ctx, &late); err != nil {
		t.Fatal(err)
	}
	if n := count(t, path, `SELECT pk FROM claims WHERE id = '`+late.ID+`'`); n != 3 {
		t.Fatalf("the late claim has pk %d, want 3 (the deleted claim's)", n)
	}
	searched, _ := openTwo(t, path)
	sqlitestore.SetKeySearch(searched, true)
	want := map[string][]string{"k0 k1": {late.ID, g.Claims[1].ID}}
	if diff := cmp.Diff(want, keyListIDs(t, searched, []string{"k0 k1"}, 2)); diff != "" {
		t.Errorf("claims under k0 k1, searched (-want +got):\n%s", diff)
	}
}
