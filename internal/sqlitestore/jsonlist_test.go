package sqlitestore_test

import (
	"encoding/json"
	"testing"

	"github.com/argmap/argmap/internal/sqlitestore"
)

// TestJSONList checks that the lists the store writes (a claim's keys, cues
// and section) are what encoding/json writes, on the fast path and off it.
func TestJSONList(t *testing.T) {
	for _, tc := range [][]string{
		nil,
		{},
		{""},
		{"iom operate", "human right", "nation-states operate"},
		{"normative:rights", "finding:we find", "contrast:though"},
		{`say "no"`, `back\\slash`, "tab\there", "line\nbreak", "\x00\x1f\x7f"},
		{"<b>", "a & b", "x > y"},
		{"café", "naïve", "\u2028", "\u2029", "日本"},
		{"bad \xff utf-8", "half \xe2\x82"},
		{"plain", "then \"quoted\""},
	} {
		want, err := json.Marshal(tc)
		if tc == nil {
			want, err = json.Marshal([]string{})
		}
		if err != nil {
			t.Fatal(err)
		}
		if got := sqlitestore.JSONList(tc); got != string(want) {
			t.Errorf("jsonList(%q) = %s, want %s", tc, got, want)
		}
	}
}
