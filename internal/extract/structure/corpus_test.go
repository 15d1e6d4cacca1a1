package structure_test

import (
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
	"github.com/argmap/argmap/internal/extract/structure"
	"github.com/google/go-cmp/cmp"
)

func TestReadMicrotexts(t *testing.T) {
	docs, err := structure.ReadMicrotexts("testdata/tiny", extract.StructureSentences)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 4 {
		t.Fatalf("ReadMicrotexts = %d docs, want 4", len(docs))
	}
	tests := []struct {
		name     string
		central  int
		head     []int
		kind     []structure.Kind
		undercut []bool
		opp      []bool
	}{
		{"tiny_1.txt", 0, []int{-1, 0, 0, 2, 0, 4},
			[]structure.Kind{0, 0, 0, 0, structure.Attack, structure.Attack},
			[]bool{false, false, false, false, false, true}, []bool{false, false, false, false, true, false}},
		{"tiny_2.txt", 2, []int{2, 0, -1},
			[]structure.Kind{structure.Attack, structure.Attack, 0},
			[]bool{false, true, false}, []bool{true, false, false}},
		{"tiny_4.txt", 0, []int{-1, 0, 1, 0}, []structure.Kind{0, 0, 0, 0}, []bool{false, false, false, false}, []bool{false, false, false, false}},
	}
	byName := map[string]structure.Doc{}
	for _, d := range docs {
		byName[d.Name] = d
	}
	for _, tt := range tests {
		d, ok := byName[tt.name]
		if !ok {
			t.Fatalf("no doc %s", tt.name)
		}
		g := d.Gold
		if g.Central != tt.central {
			t.Errorf("%s: Central = %d, want %d", tt.name, g.Central, tt.central)
		}
		if diff := cmp.Diff(tt.head, g.Head); diff != "" {
			t.Errorf("%s: Head (-want +got):\n%s", tt.name, diff)
		}
		if diff := cmp.Diff(tt.kind, g.Kind); diff != "" {
			t.Errorf("%s: Kind (-want +got):\n%s", tt.name, diff)
		}
		if diff := cmp.Diff(tt.undercut, g.Undercut); diff != "" {
			t.Errorf("%s: Undercut (-want +got):\n%s", tt.name, diff)
		}
		if diff := cmp.Diff(tt.opp, g.Opp); diff != "" {
			t.Errorf("%s: Opp (-want +got):\n%s", tt.name, diff)
		}
		for i, u := range g.Units {
			if u.Start < 0 || u.End > len(d.Text) || u.Start >= u.End {
				t.Errorf("%s: unit %d span %d..%d outside the text", tt.name, i, u.Start, u.End)
			}
		}
	}
	if d := byName["tiny_4.txt"]; d.Text[d.Gold.Units[1].Start:d.Gold.Units[1].End] != "they give everyone free internet." {
		t.Errorf("tiny_4 unit 1 = %q", d.Text[d.Gold.Units[1].Start:d.Gold.Units[1].End])
	}
}

func TestParseMicrotextErrors(t *testing.T) {
	const text = "Parks are good. They are green."
	head := `<arggraph id="x"><edu id="e1">Parks are good.</edu><edu id="e2">They are green.</edu>` +
		`<adu id="a1" type="pro"/><adu id="a2" type="pro"/>` +
		`<edge id="s1" src="e1" trg="a1" type="seg"/><edge id="s2" src="e2" trg="a2" type="seg"/>`
	tests := []struct {
		name, xml string
	}{
		{"malformed", "<arggraph><edu"},
		{"missing EDU text", `<arggraph><edu id="e1">Lakes are blue.</edu></arggraph>`},
		{"unknown target", head + `<edge id="c1" src="a2" trg="a9" type="sup"/></arggraph>`},
		{"unknown type", head + `<edge id="c1" src="a2" trg="a1" type="hug"/></arggraph>`},
		{"two roots", head + `</arggraph>`},
		{"cycle", head + `<edge id="c1" src="a2" trg="a1" type="sup"/><edge id="c2" src="a1" trg="a2" type="sup"/></arggraph>`},
	}
	for _, tt := range tests {
		_, err := structure.ParseMicrotext("x.txt", text, []byte(tt.xml))
		if argmap.ErrorCode(err) != argmap.EINVALID {
			t.Errorf("ParseMicrotext(%s) error = %v, want EINVALID", tt.name, err)
		}
	}
	if _, err := structure.ParseMicrotext("x.txt", text, []byte(head+`<edge id="c1" src="a2" trg="a1" type="sup"/></arggraph>`)); err != nil {
		t.Errorf("ParseMicrotext(valid) error = %v", err)
	}
}
