package httpapi

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"path"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/argmap/argmap/internal/argmap"
)

// sourceCreate is the JSON body of POST /v1/sources.
type sourceCreate struct {
	Title     string `json:"title"`
	Text      string `json:"text"`
	URI       string `json:"uri"`
	MediaType string `json:"media_type"`
}

// sourceDetail is the body of GET /v1/sources/{id}.
type sourceDetail struct {
	Source           argmap.Source  `json:"source"`
	Claims           []argmap.Claim `json:"claims"`
	ClaimsNextCursor string         `json:"claims_next_cursor,omitempty"`
}

// documentTypes are the media types a document may be declared as.
var documentTypes = map[string]bool{"text/plain": true, "text/markdown": true, "text/html": true}

// createSource ingests a document sent as multipart/form-data (a "file" part,
// an optional "uri" field) or as JSON.
func (s *Server) createSource(c *gin.Context) {
	doc, err := s.bindDocument(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	ctx, cancel := s.ingestContext(c, len(doc.Data))
	defer cancel()
	// The document's records and the audit entry of its creation are
	// written in one transaction.
	res, err := s.ingestOrGiveUp(s.auditGraph(c, ctx), doc)
	if err != nil {
		s.fail(c, err)
		return
	}
	status := http.StatusOK
	if res.Created {
		status = http.StatusCreated
	}
	c.Header("Location", "/v1/sources/"+res.Source.ID)
	c.JSON(status, res)
}

// ingestOrGiveUp runs the ingest and returns its result, or EUNAVAILABLE as
// soon as ctx ends: extraction notices a cancelled context only between its
// stages, and a client must get its answer (503, Retry-After) in time, not an
// empty reply once the response's write deadline has passed (a 20 MB upload
// on a loaded machine got one after 14 minutes). The abandoned ingest stops
// at its next check of ctx; if it had already committed, a retry finds the
// document stored (200).
func (s *Server) ingestOrGiveUp(ctx context.Context, doc argmap.Document) (*argmap.IngestResult, error) {
	type result struct {
		res *argmap.IngestResult
		err error
	}
	done := make(chan result, 1)
	go func() {
		res, err := s.ingester.Ingest(ctx, doc)
		done <- result{res, err}
	}()
	select {
	case r := <-done:
		return r.res, r.err
	case <-ctx.Done():
		return nil, &argmap.Error{Code: argmap.EUNAVAILABLE, Message: "the document took too long to ingest; try again later", Err: ctx.Err()}
	}
}

// ingestPerMiB is the time an ingest may take per MiB of document beyond
// RequestTimeout: extraction and linking run at a few MiB/s on a free core,
// and a server shares its cores.
const ingestPerMiB = 4 * time.Second

// ingestContext returns the context of an ingest of n bytes: the request's,
// with a deadline of RequestTimeout plus ingestPerMiB for every MiB, and the
// response's write deadline moved to match (a 50 MB document got 503 after
// the 100 s every request gets). A client that goes away still cancels it.
func (s *Server) ingestContext(c *gin.Context, n int) (context.Context, context.CancelFunc) {
	base := c.Request.Context()
	if v, ok := c.Get(baseContextKey); ok {
		base = v.(context.Context)
	}
	d := s.cfg.RequestTimeout + time.Duration(n>>20)*ingestPerMiB
	if d > s.cfg.RequestTimeout {
		// The response must still be writable when the work ends.
		_ = http.NewResponseController(c.Writer).SetWriteDeadline(time.Now().Add(d + 10*time.Second))
	}
	return context.WithTimeout(base, d)
}

// bindDocument reads the document of a POST /v1/sources request.
func (s *Server) bindDocument(c *gin.Context) (argmap.Document, error) {
	mt, params, err := mediaType(c)
	if err != nil {
		return argmap.Document{}, err
	}
	switch {
	case mt == "multipart/form-data":
		return s.bindMultipart(c, params["boundary"])
	case isJSON(mt):
		var in sourceCreate
		if err := bindJSON(c, &in); err != nil {
			return argmap.Document{}, err
		}
		if strings.TrimSpace(in.Text) == "" {
			return argmap.Document{}, argmap.Errorf(argmap.EINVALID, "text is required")
		}
		if in.MediaType != "" && !documentTypes[in.MediaType] {
			return argmap.Document{}, argmap.Errorf(argmap.EINVALID, "media_type %q is not one of text/plain, text/markdown, text/html", in.MediaType)
		}
		name := strings.TrimSpace(in.Title)
		if name == "" && in.URI != "" {
			name = path.Base(in.URI)
		}
		return argmap.Document{Name: name, URI: in.URI, MediaType: in.MediaType, Data: []byte(in.Text)}, nil
	}
	return argmap.Document{}, argmap.Errorf(argmap.EUNSUPPORTED,
		"send the document as multipart/form-data with a \"file\" part, or as application/json {\"title\", \"text\", \"uri\"} (got %q)", c.GetHeader("Content-Type"))
}

// bindMultipart reads the "file" part and the optional "uri" field of a
// multipart body.
func (s *Server) bindMultipart(c *gin.Context, boundary string) (argmap.Document, error) {
	if boundary == "" {
		return argmap.Document{}, argmap.Errorf(argmap.EINVALID, "the multipart Content-Type has no boundary")
	}
	mr := multipart.NewReader(c.Request.Body, boundary)
	var doc argmap.Document
	found := false
	for {
		p, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return doc, multipartError(err)
		}
		switch p.FormName() {
		case "file":
			if found {
				return doc, argmap.Errorf(argmap.EINVALID, "send one \"file\" part per request")
			}
			found = true
			// The part is at most the body: a buffer of the body's size
			// (when declared) spares io.ReadAll's doubling garbage.
			var buf bytes.Buffer
			if n := c.Request.ContentLength; n > 0 && n <= s.cfg.MaxBodyBytes {
				buf.Grow(int(n))
			}
			if _, err := buf.ReadFrom(p); err != nil {
				return doc, multipartError(err)
			}
			doc.Data = buf.Bytes()
			doc.Name = path.Base(strings.ReplaceAll(p.FileName(), `\`, "/"))
			if doc.Name == "." || doc.Name == "/" {
				doc.Name = ""
			}
			if mt, _, err := parseMedia(p.Header.Get("Content-Type")); err == nil && documentTypes[mt] {
				doc.MediaType = mt
			}
		case "uri":
			v, err := io.ReadAll(io.LimitReader(p, 4097))
			if err != nil {
				return doc, multipartError(err)
			}
			if len(v) > 4096 || !utf8.Valid(v) {
				return doc, argmap.Errorf(argmap.EINVALID, "the uri field must be valid UTF-8 of at most 4096 bytes")
			}
			doc.URI = string(v)
		default:
			if _, err := io.Copy(io.Discard, p); err != nil {
				return doc, multipartError(err)
			}
		}
	}
	if !found {
		return doc, argmap.Errorf(argmap.EINVALID, "the multipart body has no \"file\" part")
	}
	if doc.URI == "" {
		doc.URI = doc.Name
	}
	return doc, nil
}

// parseMedia parses a part's Content-Type.
func parseMedia(ct string) (string, map[string]string, error) {
	if ct == "" {
		return "", nil, errors.New("no content type")
	}
	return mime.ParseMediaType(ct)
}

// multipartError classifies an error reading a multipart body.
func multipartError(err error) error {
	if cerr := classify(err); argmap.ErrorCode(cerr) == argmap.ETOOLARGE {
		return cerr
	}
	return argmap.Errorf(argmap.EINVALID, "the multipart body is malformed")
}

// listSources lists sources, filtered by kind and a title substring.
func (s *Server) listSources(c *gin.Context) {
	p, err := pageQuery(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	items, err := s.store.Sources(c.Request.Context(), argmap.SourceFilter{Kind: c.Query("kind"), Query: c.Query("q"), Page: fetch(p)})
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, paginate(p, items, func(x argmap.Source) string { return x.ID }))
}

// getSource returns a source with its text and its claims.
func (s *Server) getSource(c *gin.Context) {
	id, err := idParam(c, argmap.KindSource)
	if err != nil {
		s.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	src, err := s.store.Source(ctx, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	p := argmap.Page{Limit: argmap.MaxLimit - 1}
	claims, err := s.store.Claims(ctx, argmap.ClaimFilter{SourceID: id, Page: fetch(p)})
	if err != nil {
		s.fail(c, err)
		return
	}
	page := paginate(p, claims, func(x argmap.Claim) string { return x.ID })
	c.JSON(http.StatusOK, sourceDetail{Source: *src, Claims: page.Items, ClaimsNextCursor: page.NextCursor})
}

// sourceForAudit reads a source for the audit trail, without its text.
func sourceForAudit(st argmap.Store, ctx context.Context, id string) (*argmap.Source, error) {
	src, err := st.Source(ctx, id)
	if err != nil {
		return nil, err
	}
	src.Text = ""
	return src, nil
}

// maxSpans bounds the spans of one curated claim or evidence.
const maxSpans = 100

// resolveSpans checks client-sent spans against the texts of their sources
// (they must lie inside the text, on character boundaries) and fills in their
// quotes. An unknown source is EINVALID: the request, not the URL, is wrong.
func (s *Server) resolveSpans(ctx context.Context, field string, in []spanInput) ([]argmap.Span, error) {
	if len(in) == 0 {
		return nil, nil
	}
	if len(in) > maxSpans {
		return nil, argmap.Errorf(argmap.EINVALID, "%s has %d spans, more than %d", field, len(in), maxSpans)
	}
	texts := map[string]string{}
	out := make([]argmap.Span, len(in))
	for i, sp := range in {
		f := fmt.Sprintf("%s[%d]", field, i)
		if argmap.KindOf(sp.SourceID) != argmap.KindSource {
			return nil, argmap.Errorf(argmap.EINVALID, "%s.source_id %q is not a source ID", f, sp.SourceID)
		}
		text, ok := texts[sp.SourceID]
		if !ok {
			src, err := s.store.Source(ctx, sp.SourceID)
			if argmap.IsNotFound(err) {
				return nil, argmap.Errorf(argmap.EINVALID, "%s: unknown source %s", f, sp.SourceID)
			}
			if err != nil {
				return nil, err
			}
			text = src.Text
			texts[sp.SourceID] = text
		}
		if sp.Start < 0 || sp.End < sp.Start || sp.End > len(text) {
			return nil, argmap.Errorf(argmap.EINVALID, "%s: range %d..%d lies outside the source text (%d bytes)", f, sp.Start, sp.End, len(text))
		}
		if !boundary(text, sp.Start) || !boundary(text, sp.End) {
			return nil, argmap.Errorf(argmap.EINVALID, "%s: range %d..%d splits a character", f, sp.Start, sp.End)
		}
		out[i] = argmap.Span{SourceID: sp.SourceID, Start: sp.Start, End: sp.End, Quote: text[sp.Start:sp.End]}
	}
	return out, nil
}

// boundary reports whether byte offset i of s starts a character (or is the
// end of s).
func boundary(s string, i int) bool {
	return i == len(s) || utf8.RuneStart(s[i])
}
