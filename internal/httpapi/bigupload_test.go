package httpapi_test

import (
	"context"
	"net/http"
	"os"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
	"github.com/argmap/argmap/internal/httpapi"
	"github.com/argmap/argmap/internal/ingest"
	"github.com/argmap/argmap/internal/sharedtest"
)

// TestBigUploadInParts: a text document over the size at which ingest
// extracts in parts, uploaded through the API, is stored as one source with
// its whole text and its claims (sizes scaled down: 32 KiB documents in
// parts of 16 KiB stand for 4 MiB and 1 MiB).
func TestBigUploadInParts(t *testing.T) {
	var data []byte
	for _, f := range sharedtest.CorpusFiles(t) {
		d, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		data = append(append(data, d...), "\n\n"...)
	}
	st := openStore(t)
	ing := ingest.New(st, extract.New(extract.Options{}), extract.NewLinker()).SetParts(32<<10, 16<<10)
	e := newEnv(t, httpapi.Config{}, st, ing)
	r := e.upload("book.txt", data)
	if r.Status != http.StatusCreated {
		t.Fatalf("POST /v1/sources (%d bytes) = %d %s, want 201", len(data), r.Status, trunc(r.Body))
	}
	var res argmap.IngestResult
	r.JSON(t, &res)
	if res.Counts.Claims < 50 {
		t.Errorf("counts %+v, want the corpus's claims", res.Counts)
	}
	src, err := st.Source(context.Background(), res.Source.ID)
	if err != nil {
		t.Fatal(err)
	}
	if src.Text != string(data) {
		t.Errorf("stored text: %d bytes, want the %d uploaded", len(src.Text), len(data))
	}
	if r := e.upload("book.txt", data); r.Status != http.StatusOK {
		t.Errorf("the same upload again = %d, want 200 (already stored)", r.Status)
	}
}
