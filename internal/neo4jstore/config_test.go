package neo4jstore_test

import (
	"strings"
	"testing"
	"time"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/neo4jstore"
	"github.com/google/go-cmp/cmp"
)

func TestIsNeo4jURI(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"neo4j://localhost:7687", true},
		{"neo4j+s://db.example.org", true},
		{"neo4j+ssc://db.example.org:7687", true},
		{"bolt://neo4j:7687", true},
		{"BOLT+S://host", true},
		{"bolt+ssc://host", true},
		{"http://localhost:7474", false},
		{"neo4j", false},
		{"data/argmap.db", false},
		{"sqlite://x.db", false},
		{"://host", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := neo4jstore.IsNeo4jURI(tt.in); got != tt.want {
			t.Errorf("IsNeo4jURI(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestConfigFrom(t *testing.T) {
	tests := []struct {
		name    string
		uri     string
		env     map[string]string
		want    neo4jstore.Config
		wantErr []string // substrings of the EINVALID message
	}{
		{
			name: "defaults", uri: "neo4j://localhost:7687",
			want: neo4jstore.Config{URI: "neo4j://localhost:7687"},
		},
		{
			name: "everything", uri: " bolt+s://db.example.org:7687 ",
			env: map[string]string{
				"ARGMAP_NEO4J_USER": "neo4j", "ARGMAP_NEO4J_PASSWORD": "s3cret", "ARGMAP_NEO4J_DATABASE": "argmap",
				"ARGMAP_NEO4J_MAX_POOL": "20", "ARGMAP_NEO4J_ACQUIRE_TIMEOUT": "5s", "ARGMAP_NEO4J_QUERY_TIMEOUT": "2m",
			},
			want: neo4jstore.Config{
				URI: "bolt+s://db.example.org:7687", User: "neo4j", Password: "s3cret", Database: "argmap",
				MaxConnPoolSize: 20, ConnAcquisitionTimeout: 5 * time.Second, QueryTimeout: 2 * time.Minute,
			},
		},
		{name: "http scheme", uri: "http://localhost:7474", wantErr: []string{"must start with neo4j://"}},
		{name: "no host", uri: "neo4j://:7687", wantErr: []string{"has no host"}},
		{name: "bad port", uri: "neo4j://host:99999", wantErr: []string{"invalid port"}},
		{name: "credentials in URI", uri: "neo4j://u:p@host", wantErr: []string{"must not carry credentials"}},
		{
			name: "every problem at once", uri: "ftp://x",
			env: map[string]string{
				"ARGMAP_NEO4J_MAX_POOL": "lots", "ARGMAP_NEO4J_ACQUIRE_TIMEOUT": "soon", "ARGMAP_NEO4J_QUERY_TIMEOUT": "-1s",
				"ARGMAP_NEO4J_PASSWORD": "p",
			},
			wantErr: []string{"must start with", "ARGMAP_NEO4J_MAX_POOL must be", "ARGMAP_NEO4J_ACQUIRE_TIMEOUT must be", "ARGMAP_NEO4J_QUERY_TIMEOUT must be", "ARGMAP_NEO4J_USER is not"},
		},
		{name: "zero pool", uri: "neo4j://h", env: map[string]string{"ARGMAP_NEO4J_MAX_POOL": "0"}, wantErr: []string{"ARGMAP_NEO4J_MAX_POOL"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := neo4jstore.ConfigFrom(tt.uri, func(k string) string { return tt.env[k] })
			if len(tt.wantErr) > 0 {
				if code := argmap.ErrorCode(err); code != argmap.EINVALID {
					t.Fatalf("configFrom(%q) code = %q (%v), want %q", tt.uri, code, err, argmap.EINVALID)
				}
				for _, w := range tt.wantErr {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("configFrom(%q) = %v, want it to mention %q", tt.uri, err, w)
					}
				}
				if strings.Contains(err.Error(), "s3cret") || strings.Contains(err.Error(), "u:p@") {
					t.Errorf("configFrom(%q) error %v repeats a secret", tt.uri, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("configFrom(%q) = %v", tt.uri, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("configFrom(%q) mismatch (-want +got):\n%s", tt.uri, diff)
			}
		})
	}
}

func TestConfigFromEnv(t *testing.T) {
	t.Setenv("ARGMAP_NEO4J_USER", "reader")
	t.Setenv("ARGMAP_NEO4J_PASSWORD", "pw")
	t.Setenv("ARGMAP_NEO4J_DATABASE", "")
	t.Setenv("ARGMAP_NEO4J_MAX_POOL", "")
	t.Setenv("ARGMAP_NEO4J_ACQUIRE_TIMEOUT", "")
	t.Setenv("ARGMAP_NEO4J_QUERY_TIMEOUT", "")
	got, err := neo4jstore.ConfigFromEnv("neo4j://db:7687")
	if err != nil {
		t.Fatal(err)
	}
	want := neo4jstore.Config{URI: "neo4j://db:7687", User: "reader", Password: "pw"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ConfigFromEnv mismatch (-want +got):\n%s", diff)
	}
}
