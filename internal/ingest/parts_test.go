package ingest_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
	"github.com/argmap/argmap/internal/ingest"
	"github.com/argmap/argmap/internal/sharedtest"
)

// sizingExtractor is the extraction pipeline noting the size of every
// document it is given.
type sizingExtractor struct {
	argmap.Extractor
	sizes []int
}

func (s *sizingExtractor) Extract(ctx context.Context, doc argmap.Document) (*argmap.Graph, error) {
	s.sizes = append(s.sizes, len(doc.Data))
	return s.Extractor.Extract(ctx, doc)
}

// TestBigDocumentExtractedInParts: a text document over the size set is
// extracted part by part (each part at most the part size, so extraction's
// memory is bounded by a part's), and stored as one source with its whole
// text, every quote cut from it, all or nothing.
func TestBigDocumentExtractedInParts(t *testing.T) {
	ctx := context.Background()
	var data []byte
	for _, f := range sharedtest.CorpusFiles(t) {
		d, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		data = append(append(data, d...), "\n\n"...)
	}
	const part = 8 << 10
	doc := argmap.Document{Name: "book.txt", MediaType: "text/plain", Data: data}

	whole, err := extract.New(extract.Options{}).Extract(ctx, doc)
	if err != nil {
		t.Fatal(err)
	}
	st := openStore(t)
	ex := &sizingExtractor{Extractor: extract.New(extract.Options{})}
	svc := ingest.New(st, ex, extract.NewLinker()).SetParts(16<<10, part)
	res, err := svc.Ingest(ctx, doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(ex.sizes) < len(data)/part {
		t.Errorf("extracted in %d parts, want at least %d", len(ex.sizes), len(data)/part)
	}
	for i, n := range ex.sizes {
		if n > part {
			t.Errorf("part %d has %d bytes, more than %d", i, n, part)
		}
	}
	src, err := st.Source(ctx, res.Source.ID)
	if err != nil {
		t.Fatal(err)
	}
	if src.Text != string(data) || src.ContentHash != argmap.ContentHash(data) {
		t.Errorf("stored source: %d bytes of text, hash %s; want the whole document, hash %s", len(src.Text), src.ContentHash, argmap.ContentHash(data))
	}
	if src.Title == "" || src.Title == "untitled document" {
		t.Errorf("title %q, want the first part's", src.Title)
	}
	cs, err := st.Claims(ctx, argmap.ClaimFilter{SourceID: res.Source.ID, Page: argmap.Page{Limit: argmap.MaxLimit}})
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) < len(whole.Claims)*8/10 {
		t.Errorf("%d claims stored, want about the %d of the document extracted whole", len(cs), len(whole.Claims))
	}
	mains := 0
	for _, c := range cs {
		if c.Main {
			mains++
		}
		for _, sp := range c.Spans {
			if sp.SourceID != res.Source.ID || sp.Quote != string(data[sp.Start:sp.End]) {
				t.Errorf("claim %s: span %+v does not quote the document", c.ID, sp)
			}
		}
		if q := c.Spans[0].Quote; !strings.Contains(q, strings.Fields(c.Text)[0]) {
			t.Errorf("claim %q quotes %q", c.Text, q)
		}
	}
	if mains > 1 {
		t.Errorf("%d main claims, want at most one", mains)
	}

	// a bad part fails the whole document, and nothing of it is stored
	bad := append(append(append([]byte{}, data[:len(data)/2]...), "\xff\n\n"...), data[len(data)/2:]...)
	st2 := openStore(t)
	svc2 := ingest.New(st2, extract.New(extract.Options{}), extract.NewLinker()).SetParts(16<<10, part)
	if _, err := svc2.Ingest(ctx, argmap.Document{Name: "bad.txt", MediaType: "text/plain", Data: bad}); argmap.ErrorCode(err) != argmap.EINVALID {
		t.Errorf("Ingest(invalid UTF-8 in the middle) = %v, want EINVALID", err)
	}
	if n := stats(t, st2); n.Sources+n.Claims != 0 {
		t.Errorf("after the failed ingest the store holds %+v, want nothing", n)
	}
}
