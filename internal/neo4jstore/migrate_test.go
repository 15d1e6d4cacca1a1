package neo4jstore_test

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/argmap/argmap/internal/neo4jstore"
	"github.com/argmap/argmap/migrations"
	"github.com/google/go-cmp/cmp"
)

func TestPlanMigrations(t *testing.T) {
	files := fstest.MapFS{
		"0002_b.cypher": {Data: []byte("CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.x);\nCREATE INDEX c IF NOT EXISTS FOR (n:C) ON (n.x);")},
		"0001_a.cypher": {Data: []byte("// first\nCREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.id IS UNIQUE;")},
		"0010_c.cypher": {Data: []byte("CREATE INDEX d IF NOT EXISTS FOR (n:D) ON (n.x)")},
		"README.md":     {Data: []byte("not a migration; at all")},
	}
	type plan struct {
		Name  string
		Texts []string
	}
	simplify := func(ms []neo4jstore.Migration) []plan {
		var out []plan
		for _, m := range ms {
			p := plan{Name: m.Name}
			for _, s := range m.Statements {
				p.Texts = append(p.Texts, s.Text)
			}
			out = append(out, p)
		}
		return out
	}
	tests := []struct {
		name    string
		applied []string
		want    []plan
	}{
		{"fresh database", nil, []plan{
			{"0001_a.cypher", []string{"CREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.id IS UNIQUE"}},
			{"0002_b.cypher", []string{"CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.x)", "CREATE INDEX c IF NOT EXISTS FOR (n:C) ON (n.x)"}},
			{"0010_c.cypher", []string{"CREATE INDEX d IF NOT EXISTS FOR (n:D) ON (n.x)"}},
		}},
		{"some applied", []string{"0001_a.cypher"}, []plan{
			{"0002_b.cypher", []string{"CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.x)", "CREATE INDEX c IF NOT EXISTS FOR (n:C) ON (n.x)"}},
			{"0010_c.cypher", []string{"CREATE INDEX d IF NOT EXISTS FOR (n:D) ON (n.x)"}},
		}},
		{"gap applied", []string{"0001_a.cypher", "0010_c.cypher"}, []plan{
			{"0002_b.cypher", []string{"CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.x)", "CREATE INDEX c IF NOT EXISTS FOR (n:C) ON (n.x)"}},
		}},
		{"all applied", []string{"0010_c.cypher", "0002_b.cypher", "0001_a.cypher"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := neo4jstore.PlanMigrations(files, tt.applied)
			if err != nil {
				t.Fatalf("planMigrations(%v) = %v", tt.applied, err)
			}
			if diff := cmp.Diff(tt.want, simplify(got)); diff != "" {
				t.Errorf("planMigrations(%v) mismatch (-want +got):\n%s", tt.applied, diff)
			}
		})
	}
}

func TestPlanMigrationsErrors(t *testing.T) {
	tests := []struct {
		name    string
		files   fstest.MapFS
		applied []string
		want    string
	}{
		{"unknown applied", fstest.MapFS{"0001_a.cypher": {Data: []byte("RETURN 1")}}, []string{"0002_gone.cypher"}, "does not know: 0002_gone.cypher"},
		{"empty file", fstest.MapFS{"0001_a.cypher": {Data: []byte("// nothing\n")}}, nil, "holds no statement"},
		{"broken file", fstest.MapFS{"0001_a.cypher": {Data: []byte("CREATE INDEX 'x")}}, nil, "unterminated"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := neo4jstore.PlanMigrations(tt.files, tt.applied)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("planMigrations error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

// TestEmbeddedMigrations checks the real migration files: named NNNN_name,
// every statement an idempotent schema statement (so that one statement per
// transaction can be retried and rerun), and the schema the store relies on.
func TestEmbeddedMigrations(t *testing.T) {
	plan, err := neo4jstore.PlanMigrations(migrations.Neo4j, nil)
	if err != nil {
		t.Fatalf("planMigrations(embedded) = %v", err)
	}
	if len(plan) == 0 {
		t.Fatal("no embedded neo4j migrations")
	}
	name := regexp.MustCompile(`^\d{4}_[a-z0-9_]+\.cypher$`)
	idempotent := regexp.MustCompile(`(?s)^CREATE (CONSTRAINT|INDEX|FULLTEXT INDEX|RANGE INDEX|TEXT INDEX) [a-z_]+ IF NOT EXISTS\b`)
	var all []string
	for _, m := range plan {
		if !name.MatchString(m.Name) {
			t.Errorf("migration %s is not named NNNN_name.cypher", m.Name)
		}
		for _, s := range m.Statements {
			if !idempotent.MatchString(s.Text) {
				t.Errorf("%s line %d: %q is not a CREATE ... IF NOT EXISTS schema statement", m.Name, s.Line, s.Text)
			}
			all = append(all, s.Text)
		}
	}
	joined := strings.Join(all, "\n")
	for _, want := range []string{
		"FOR (s:Source) REQUIRE s.id IS UNIQUE",
		"FOR (s:Source) REQUIRE s.content_hash IS UNIQUE",
		"FOR (c:Claim) REQUIRE c.id IS UNIQUE",
		"FOR (e:Evidence) REQUIRE e.id IS UNIQUE",
		"FOR (a:Actor) REQUIRE a.id IS UNIQUE",
		"FOR (r:Relation) REQUIRE r.id IS UNIQUE",
		"FOR (c:Citation) REQUIRE c.id IS UNIQUE",
		"FOR (m:SchemaMigration) REQUIRE m.name IS UNIQUE",
		"FOR (a:Actor) ON (a.name)",
		"CREATE FULLTEXT INDEX claim_text IF NOT EXISTS\nFOR (c:Claim) ON EACH [c.text, c.gist]",
		"`fulltext.analyzer`: 'english'",
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("the migrations lack %q", want)
		}
	}
	// The full-text index name is the one the search statements query.
	for _, q := range []string{"claims_search.cypher", "claims_list_search.cypher"} {
		b, err := fs.ReadFile(neo4jstore.QueryFiles, "queries/"+q)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), "queryNodes('claim_text', $query") {
			t.Errorf("%s does not query the claim_text index with $query", q)
		}
	}
}
