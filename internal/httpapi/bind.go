package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/argmap/argmap/internal/argmap"
)

// mediaType returns the request's media type, lower-cased without
// parameters, or "" when there is no Content-Type.
func mediaType(c *gin.Context) (string, map[string]string, error) {
	ct := c.GetHeader("Content-Type")
	if ct == "" {
		return "", nil, nil
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return "", nil, argmap.Errorf(argmap.EUNSUPPORTED, "the Content-Type %q cannot be parsed", ct)
	}
	return mt, params, nil
}

// isJSON reports whether mt is a JSON media type.
func isJSON(mt string) bool {
	return mt == "application/json" || (strings.HasPrefix(mt, "application/") && strings.HasSuffix(mt, "+json"))
}

// readBody reads the whole (size-limited) request body.
func readBody(c *gin.Context) ([]byte, error) {
	if c.Request.Body == nil {
		return nil, nil
	}
	b, err := io.ReadAll(c.Request.Body)
	if err != nil {
		if cerr := classify(err); argmap.ErrorCode(cerr) == argmap.ETOOLARGE {
			return nil, cerr
		}
		return nil, argmap.Errorf(argmap.EINVALID, "the request body could not be read")
	}
	return b, nil
}

// bindJSON decodes the JSON request body into v strictly: the media type must
// be JSON, the body valid UTF-8 holding exactly one value, and every field
// known.
func bindJSON(c *gin.Context, v any) error {
	mt, _, err := mediaType(c)
	if err != nil {
		return err
	}
	if !isJSON(mt) {
		return argmap.Errorf(argmap.EUNSUPPORTED, "send the body as application/json (got %q)", c.GetHeader("Content-Type"))
	}
	b, err := readBody(c)
	if err != nil {
		return err
	}
	return decodeJSON(b, v)
}

// decodeJSON decodes b into v strictly.
func decodeJSON(b []byte, v any) error {
	if len(bytes.TrimSpace(b)) == 0 {
		return argmap.Errorf(argmap.EINVALID, "the request body is empty")
	}
	if !utf8.Valid(b) {
		return argmap.Errorf(argmap.EINVALID, "the request body is not valid UTF-8")
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return argmap.Errorf(argmap.EINVALID, "the request body is not valid: %s", jsonProblem(err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return argmap.Errorf(argmap.EINVALID, "the request body holds data after the JSON value")
	}
	return nil
}

// jsonProblem describes a decoding error for the user.
func jsonProblem(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf("malformed JSON at byte %d", syn.Offset)
	case errors.As(err, &typ):
		if typ.Field != "" {
			return fmt.Sprintf("field %s must be %s, not %s", typ.Field, jsonType(typ.Type.Kind().String()), typ.Value)
		}
		return fmt.Sprintf("expected %s, not %s", jsonType(typ.Type.Kind().String()), typ.Value)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "the JSON value is cut short"
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// jsonType names a Go kind the way a JSON user would.
func jsonType(kind string) string {
	switch kind {
	case "string":
		return "a string"
	case "bool":
		return "a boolean"
	case "slice", "array":
		return "an array"
	case "struct", "map", "ptr":
		return "an object"
	case "float64", "float32", "int", "int64", "int32":
		return "a number"
	}
	return kind
}

// intQuery reads an integer query parameter in [lo, hi], def when absent.
func intQuery(c *gin.Context, name string, def, lo, hi int) (int, error) {
	v, ok := c.GetQuery(name)
	if !ok || v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, argmap.Errorf(argmap.EINVALID, "%s must be an integer from %d to %d", name, lo, hi)
	}
	return n, nil
}

// depthQuery reads the depth parameter.
func (s *Server) depthQuery(c *gin.Context) (int, error) {
	return intQuery(c, "depth", s.cfg.DefaultDepth, 1, argmap.MaxDepth)
}

// maxCursorLen bounds a cursor, which is the ID of the last record of a page.
const maxCursorLen = 200

// pageQuery reads limit and cursor. The returned Page asks the store for one
// record more than the page holds, so that page can tell whether there is a
// next page.
func pageQuery(c *gin.Context) (argmap.Page, error) {
	n, err := intQuery(c, "limit", argmap.DefaultLimit, 1, argmap.MaxLimit)
	if err != nil {
		return argmap.Page{}, err
	}
	cur := c.Query("cursor")
	if len(cur) > maxCursorLen {
		return argmap.Page{}, argmap.Errorf(argmap.EINVALID, "cursor is longer than %d bytes", maxCursorLen)
	}
	return argmap.Page{Limit: n, After: cur}, nil
}

// fetch returns the Page to ask a store for: one more than the page size, so
// an extra record tells there is more.
func fetch(p argmap.Page) argmap.Page {
	return argmap.Page{Limit: min(p.Limit+1, argmap.MaxLimit), After: p.After}
}

// listBody is the body of every listing.
type listBody[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor,omitempty"`
}

// paginate cuts items fetched with fetch(p) to p's size and sets the cursor
// of the next page when there may be one.
func paginate[T any](p argmap.Page, items []T, id func(T) string) listBody[T] {
	if items == nil {
		items = []T{}
	}
	b := listBody[T]{Items: items}
	switch {
	case len(items) > p.Limit:
		b.Items = items[:p.Limit]
		b.NextCursor = id(b.Items[p.Limit-1])
	case len(items) == p.Limit && fetch(p).Limit == p.Limit:
		// The store could not be asked for one more: assume there is more.
		b.NextCursor = id(items[len(items)-1])
	}
	return b
}

// idParam returns the path's id when it names a node of the kind, and an
// ENOTFOUND error otherwise.
func idParam(c *gin.Context, kind argmap.NodeKind) (string, error) {
	id := c.Param("id")
	if argmap.KindOf(id) != kind {
		return "", argmap.Errorf(argmap.ENOTFOUND, "%s %q not found", kind, id)
	}
	return id, nil
}

// spanInput is a span as clients send it: the quote is filled in by the
// server.
type spanInput struct {
	SourceID string `json:"source_id"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
}

// getByID answers GET .../{id} with the record get returns for the path's ID
// (404 for an ID of another kind or an unknown one).
func getByID[T any](s *Server, kind argmap.NodeKind, get func(ctx context.Context, id string) (T, error)) gin.HandlerFunc {
	return func(c *gin.Context) {
		id, err := idParam(c, kind)
		if err != nil {
			s.fail(c, err)
			return
		}
		v, err := get(c.Request.Context(), id)
		if err != nil {
			s.fail(c, err)
			return
		}
		c.JSON(http.StatusOK, v)
	}
}

// deleteByID answers DELETE .../{id}: 204 once del has removed the record,
// which get reads first for the audit trail (refs lists what it touches);
// the removal and its audit entry are one transaction. get and del are
// store methods (method expressions such as argmap.Store.Claim).
func deleteByID[T any](s *Server, kind argmap.NodeKind, get func(st argmap.Store, ctx context.Context, id string) (T, error),
	refs func(T) []string, del func(st argmap.Store, ctx context.Context, id string) error) gin.HandlerFunc {
	return func(c *gin.Context) {
		id, err := idParam(c, kind)
		if err != nil {
			s.fail(c, err)
			return
		}
		err = s.atomically(c, func(ctx context.Context, st argmap.Store) (change, error) {
			before, err := get(st, ctx, id)
			if err != nil {
				return change{}, err
			}
			var r []string
			if refs != nil {
				r = refs(before)
			}
			return change{argmap.AuditDelete, kind, id, r, before, nil}, del(st, ctx, id)
		})
		if err != nil {
			s.fail(c, err)
			return
		}
		c.Status(http.StatusNoContent)
	}
}
