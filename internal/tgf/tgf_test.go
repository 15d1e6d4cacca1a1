package tgf_test

import (
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/evaluate"
	"github.com/argmap/argmap/internal/tgf"
)

func TestRead(t *testing.T) {
	im, err := tgf.Read([]byte("a Alpha argument\nb\n\nc\n#\na b\nb c attacks\na b\nc c\n"))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	g := im.Graph
	if len(g.Claims) != 3 || len(g.Relations) != 3 {
		t.Fatalf("Read = %d claims, %d relations; want 3, 3 (a repeated attack counts once)", len(g.Claims), len(g.Relations))
	}
	if g.Claims[0].Title != "a" || g.Claims[0].Text != "Alpha argument" || g.Claims[1].Text != "b" {
		t.Errorf("claims = %+v", g.Claims)
	}
	last := g.Relations[2]
	if last.Kind != argmap.Contests || last.From[0] != last.To {
		t.Errorf("self-attack c c = %+v", last)
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct{ name, doc, want string }{
		{"one node attack", "a\n#\na\n", "needs two node IDs"},
		{"twice declared", "a\na\n#\n", "declared twice"},
		{"invalid utf-8", "a\xff\n#\n", "UTF-8"},
	}
	for _, tt := range tests {
		_, err := tgf.Read([]byte(tt.doc))
		if argmap.ErrorCode(err) != argmap.EINVALID || !strings.Contains(argmap.ErrorMessage(err), tt.want) {
			t.Errorf("%s: Read error = %v, want EINVALID mentioning %q", tt.name, err, tt.want)
		}
	}
	im, err := tgf.Read([]byte("a\n#\na x\n"))
	if err != nil || len(im.Graph.Claims) != 2 || len(im.Warnings) != 1 {
		t.Errorf("Read(undeclared node) = %v, %v; want the node added with a warning", im, err)
	}
}

// FuzzRead checks that any input is refused with EINVALID or ETOOLARGE, or
// read into a valid framework the semantics can evaluate. Seeds are in
// testdata/fuzz/FuzzRead.
func FuzzRead(f *testing.F) {
	f.Add([]byte("1\n2\n#\n1 2\n2 1\n"))
	f.Add([]byte("x label\n#\nx x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		im, err := tgf.Read(data)
		if err != nil {
			if c := argmap.ErrorCode(err); c != argmap.EINVALID && c != argmap.ETOOLARGE {
				t.Fatalf("Read error code %q: %v", c, err)
			}
			return
		}
		if err := im.Graph.Validate(nil); err != nil {
			t.Fatalf("Read gave an invalid graph: %v", err)
		}
		for _, sem := range []evaluate.Semantics{evaluate.SemGrounded, evaluate.SemPreferred, evaluate.SemStable, evaluate.SemCarneades} {
			if _, err := evaluate.EvaluateGraph(im.Graph, sem, evaluate.Options{Limits: evaluate.Limits{MaxSteps: 10000}}); err != nil && argmap.ErrorCode(err) != argmap.ETOOLARGE {
				t.Fatalf("EvaluateGraph(%s): %v", sem, err)
			}
		}
	})
}

func TestWriteReadsBack(t *testing.T) {
	in := "a Alpha  argument\nb\nc\n#\na b\nb c\nc c\n"
	im, err := tgf.Read([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	// A support and an evidence node have no place in TGF and are left out.
	g := im.Graph
	g.Evidence = append(g.Evidence, argmap.Evidence{ID: "evd_x", Text: "e", Origin: argmap.OriginCurated})
	g.Relations = append(g.Relations, argmap.Relation{ID: "rel_s", Kind: argmap.Supports, From: []string{"evd_x"}, To: g.Claims[0].ID})
	out := string(tgf.Write(g))
	want := "a Alpha argument\nb\nc\n#\na b\nb c\nc c\n"
	if out != want {
		t.Errorf("Write = %q, want %q", out, want)
	}
	again, err := tgf.Read([]byte(out))
	if err != nil || len(again.Graph.Claims) != 3 || len(again.Graph.Relations) != 3 {
		t.Errorf("Read(Write) = %v, %v", again, err)
	}
}
