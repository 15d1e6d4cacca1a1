package interchange_test

import (
	"context"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/interchange"
)

// memStore keeps written graphs in memory.
type memStore struct {
	byHash map[string]argmap.Source
	writes int
}

func (m *memStore) SourceByHash(_ context.Context, h string) (*argmap.Source, error) {
	if s, ok := m.byHash[h]; ok {
		return &s, nil
	}
	return nil, argmap.Errorf(argmap.ENOTFOUND, "no source")
}

func (m *memStore) WriteGraph(_ context.Context, g *argmap.Graph) error {
	if err := g.Validate(nil); err != nil {
		return err
	}
	m.writes++
	m.byHash[g.Sources[0].ContentHash] = g.Sources[0]
	return nil
}

// lines is a toy format: one claim per non-empty line; "!" is a syntax error.
var lines = interchange.Format{
	Name: "lines", Exts: []string{".txt"},
	Read: func(doc argmap.Document, src *argmap.Source) (*argmap.Graph, error) {
		g := &argmap.Graph{}
		for i, l := range strings.Split(string(doc.Data), "\n") {
			if l == "!" {
				return nil, argmap.Errorf(argmap.EINVALID, "lines: line %d, column 1: bang", i+1)
			}
			if l != "" {
				g.Claims = append(g.Claims, argmap.Claim{ID: argmap.DerivedID(argmap.KindClaim, src.ID, l), Text: l, Origin: argmap.OriginCurated})
			}
		}
		return g, nil
	},
}

func TestImportMap(t *testing.T) {
	st := &memStore{byHash: map[string]argmap.Source{}}
	s := interchange.New(st, []interchange.Format{lines, {Name: "readonly", Exts: []string{".ro"}, Read: lines.Read}})
	ctx := context.Background()
	tests := []struct {
		name, file, format, data string
		code                     string
		created                  bool
	}{
		{"by extension", "a.TXT", "", "one\ntwo", "", true},
		{"same bytes again", "b.txt", "", "one\ntwo", "", false},
		{"named format", "c.unknown", "lines", "three", "", true},
		{"unknown extension", "d.doc", "", "x", argmap.EUNSUPPORTED, false},
		{"unknown format", "e.txt", "nope", "x", argmap.EINVALID, false},
		{"syntax error", "f.txt", "", "ok\n!", argmap.EINVALID, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := st.writes
			res, err := s.ImportMap(ctx, argmap.Document{Name: tc.file, Data: []byte(tc.data)}, tc.format)
			if argmap.ErrorCode(err) != tc.code {
				t.Fatalf("ImportMap = %v, want code %q", err, tc.code)
			}
			if err != nil {
				if st.writes != before {
					t.Errorf("a failed import wrote %d graphs", st.writes-before)
				}
				return
			}
			if res.Created != tc.created || res.Source.Kind != interchange.SourceKind || res.Source.Text != "" {
				t.Errorf("ImportMap = %+v, want created %v, kind %q, no text", res, tc.created, interchange.SourceKind)
			}
		})
	}
	if _, err := s.ExportMap(ctx, &argmap.Graph{}, "readonly"); argmap.ErrorCode(err) != argmap.EUNSUPPORTED {
		t.Errorf("ExportMap(read-only format) = %v, want EUNSUPPORTED", err)
	}
	if _, err := s.ExportMap(ctx, &argmap.Graph{}, ""); argmap.ErrorCode(err) != argmap.EUNSUPPORTED {
		t.Errorf("ExportMap(no format) = %v, want EUNSUPPORTED", err)
	}
	if got := strings.Join(s.MapFormats(), ","); got != "lines,readonly" {
		t.Errorf("MapFormats = %s", got)
	}
}
