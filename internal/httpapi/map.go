package httpapi

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/evaluate"
	"github.com/argmap/argmap/internal/render"
)

// contentType is the media type of each render format.
var contentType = map[argmap.RenderFormat]string{
	argmap.FormatSVG: "image/svg+xml",
	argmap.FormatPNG: "image/png",
	argmap.FormatDOT: "text/vnd.graphviz; charset=utf-8",
}

// Map bounds: how many claims and evidence a map holds by default and at most,
// and how many are read at most to choose them from (reading a whole store of
// 30,000 claims took 13 s on a loaded machine; the web app's list of
// connected arguments reads as many).
const (
	defaultMapLimit = 100
	maxMapLimit     = 500
	maxMapRead      = 5000
)

// claimMap renders the neighbourhood of a claim, cut to limit claims and
// evidence by relevance.
func (s *Server) claimMap(f argmap.RenderFormat) gin.HandlerFunc {
	return func(c *gin.Context) {
		id, err := idParam(c, argmap.KindClaim)
		if err != nil {
			s.fail(c, err)
			return
		}
		depth, err := s.depthQuery(c)
		if err != nil {
			s.fail(c, err)
			return
		}
		limit, err := intQuery(c, "limit", defaultMapLimit, 1, maxMapLimit)
		if err != nil {
			s.fail(c, err)
			return
		}
		// The whole neighbourhood, then the limit by relevance: nearest
		// the claim first, then best connected (render.Trim).
		g, err := s.store.Neighbourhood(c.Request.Context(), id, depth, maxMapRead)
		if err != nil {
			s.fail(c, err)
			return
		}
		var more string
		if len(g.Claims)+len(g.Evidence) >= maxMapRead {
			more = fmt.Sprintf("; the neighbourhood holds more: the map was chosen among its %d claims and evidence nearest the claim", maxMapRead)
		}
		g, cut := render.Trim(g, limit, id)
		title := id
		for _, cl := range g.Claims {
			if cl.ID == id {
				title = cl.Gist
				if title == "" {
					title = cl.Text
				}
				title = label(title, 100)
			}
		}
		across, err := layoutQuery(c)
		if err != nil {
			s.fail(c, err)
			return
		}
		s.render(c, g, cut, more, argmap.RenderOptions{Format: f, Focus: id, Title: title, Across: across})
	}
}

// wholeMap renders the whole graph, cut to limit claims and evidence by
// relevance. An empty store has no map: 404.
func (s *Server) wholeMap(f argmap.RenderFormat) gin.HandlerFunc {
	return func(c *gin.Context) {
		limit, err := intQuery(c, "limit", defaultMapLimit, 1, maxMapLimit)
		if err != nil {
			s.fail(c, err)
			return
		}
		// The whole graph, then the limit by relevance: the largest
		// connected parts first (render.Trim), never the lowest IDs. A
		// store larger than maxMapRead is not read whole: the choice is
		// made among its maxMapRead claims and evidence with the most
		// relations (Store.Hubs).
		ctx := c.Request.Context()
		n, err := s.store.Stats(ctx)
		if err != nil {
			s.fail(c, err)
			return
		}
		var g *argmap.Graph
		var more string
		if n.Claims+n.Evidence > maxMapRead {
			g, err = s.store.Hubs(ctx, maxMapRead)
			more = fmt.Sprintf("; the store holds %d claims and %d evidence: the map was chosen among the %d with the most relations; a claim's map (/v1/claims/{id}/map.svg) draws any part of it",
				n.Claims, n.Evidence, maxMapRead)
		} else {
			g, err = s.store.Neighbourhood(ctx, "", 0, 0)
		}
		if err != nil {
			s.fail(c, err)
			return
		}
		if len(g.Claims) == 0 && len(g.Evidence) == 0 {
			s.fail(c, argmap.Errorf(argmap.ENOTFOUND, "there is nothing to draw yet: ingest a document first"))
			return
		}
		read := g.Counts()
		g, cut := render.Trim(g, limit, "")
		if more != "" {
			// what was not read was left out too
			cut.Claims += max(0, n.Claims-read.Claims)
			cut.Evidence += max(0, n.Evidence-read.Evidence)
			cut.Relations += max(0, n.Relations-read.Relations)
		}
		s.render(c, g, cut, more, argmap.RenderOptions{Format: f, Title: "argmap"})
	}
}

// tagger is a Renderer that names a map before drawing it (render.Renderer):
// the map's ETag.
type tagger interface {
	Tag(g *argmap.Graph, opt argmap.RenderOptions) (string, error)
}

// render draws g and answers it with the format's content type, and its ETag
// when the renderer tags maps: a request whose If-None-Match holds it is
// answered 304 without drawing. A map that was cut says what it left out in
// its title and in the Argmap-Cut header. An SVG may not run scripts or load
// anything, even when opened on its own.
func (s *Server) render(c *gin.Context, g *argmap.Graph, cut render.Cut, more string, opt argmap.RenderOptions) {
	if err := s.mapLabels(c, &opt); err != nil {
		s.fail(c, err)
		return
	}
	if cut.Omitted() || more != "" {
		c.Header("Argmap-Cut", cut.String()+more)
	}
	if cut.Omitted() {
		opt.Title = fmt.Sprintf("%s (part: %d of %d claims and evidence; %d claims, %d evidence, %d relations left out)", opt.Title,
			cut.KeptClaims+cut.KeptEvidence, cut.KeptClaims+cut.KeptEvidence+cut.Claims+cut.Evidence, cut.Claims, cut.Evidence, cut.Relations)
	}
	c.Header("Cache-Control", "no-cache")
	if t, ok := s.renderer.(tagger); ok {
		tag, err := t.Tag(g, opt)
		if err != nil {
			s.fail(c, err)
			return
		}
		etag := `"` + tag + `"`
		c.Header("ETag", etag)
		if etagMatch(c.GetHeader("If-None-Match"), etag) {
			c.Status(http.StatusNotModified)
			c.Writer.WriteHeaderNow()
			return
		}
	}
	b, err := s.renderer.Render(c.Request.Context(), g, opt)
	if err != nil {
		s.fail(c, err)
		return
	}
	if opt.Format == argmap.FormatSVG {
		c.Header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
	}
	c.Data(http.StatusOK, contentType[opt.Format], b)
}

// etagMatch reports whether an If-None-Match header names etag: "*", or a
// comma-separated list of tags compared weakly (a W/ prefix is ignored, as
// RFC 9110 asks of If-None-Match).
func etagMatch(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || strings.TrimPrefix(t, "W/") == etag {
			return true
		}
	}
	return false
}

// sourceMap renders the argument one source states (argmap.SourceGraph), cut
// to maxMapLimit claims and evidence by relevance. A source with no claims or
// evidence has no map: 404.
func (s *Server) sourceMap(f argmap.RenderFormat) gin.HandlerFunc {
	return func(c *gin.Context) {
		id, err := idParam(c, argmap.KindSource)
		if err != nil {
			s.fail(c, err)
			return
		}
		g, err := argmap.SourceGraph(c.Request.Context(), s.store, id)
		if err != nil {
			s.fail(c, err)
			return
		}
		if len(g.Claims) == 0 && len(g.Evidence) == 0 {
			s.fail(c, argmap.Errorf(argmap.ENOTFOUND, "source %s states no claims or evidence to draw", id))
			return
		}
		across, err := layoutQuery(c)
		if err != nil {
			s.fail(c, err)
			return
		}
		title := label(g.Sources[0].Title, 100)
		g, cut := render.Trim(g, maxMapLimit, "")
		s.render(c, g, cut, "", argmap.RenderOptions{Format: f, Title: title, Across: across})
	}
}

// mapLabels sets the evaluation labels of a map when the request asks for
// them (evaluate=true, optionally semantics=...). The whole graph is
// evaluated, so a label does not depend on the part drawn.
func (s *Server) mapLabels(c *gin.Context, opt *argmap.RenderOptions) error {
	switch c.Query("evaluate") {
	case "", "false":
		if c.Query("semantics") != "" {
			return argmap.Errorf(argmap.EINVALID, "semantics goes with evaluate=true")
		}
		return nil
	case "true":
	default:
		return argmap.Errorf(argmap.EINVALID, "evaluate must be true or false")
	}
	var q evaluate.Query
	if v := c.Query("semantics"); v != "" {
		sem, err := evaluate.ParseSemantics(v)
		if err != nil {
			return err
		}
		q.Semantics = sem
	}
	whole, err := s.store.Neighbourhood(c.Request.Context(), "", 0, maxEvaluated+1)
	if err != nil {
		return err
	}
	if len(whole.Claims)+len(whole.Evidence) > maxEvaluated {
		return argmap.Errorf(argmap.ETOOLARGE, "the store holds more than %d claims and evidence: colour maps with the argmap export command", maxEvaluated)
	}
	ev, err := evaluate.Answer(whole, q, evaluate.Options{})
	if err != nil {
		return err
	}
	opt.Labels, opt.Semantics = ev.LabelMap(), string(ev.Semantics)
	return nil
}

// layoutQuery reads the layout parameter of a map: "up" (the default:
// premises below what they bear on) or "across" (left to right).
func layoutQuery(c *gin.Context) (bool, error) {
	switch v := c.Query("layout"); v {
	case "", "up":
		return false, nil
	case "across":
		return true, nil
	default:
		return false, argmap.Errorf(argmap.EINVALID, "layout %q is not one of up, across", label(v, 20))
	}
}
