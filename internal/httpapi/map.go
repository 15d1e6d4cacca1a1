package httpapi

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/argmap/argmap/internal/argmap"
)

// contentType is the media type of each render format.
var contentType = map[argmap.RenderFormat]string{
	argmap.FormatSVG: "image/svg+xml",
	argmap.FormatPNG: "image/png",
	argmap.FormatDOT: "text/vnd.graphviz; charset=utf-8",
}

// Map bounds: how many claims and evidence a map holds by default and at most.
const (
	defaultMapLimit = 100
	maxMapLimit     = 500
)

// claimMap renders the neighbourhood of a claim.
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
		g, err := s.store.Neighbourhood(c.Request.Context(), id, depth, limit)
		if err != nil {
			s.fail(c, err)
			return
		}
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
		s.render(c, g, argmap.RenderOptions{Format: f, Focus: id, Title: title})
	}
}

// wholeMap renders the whole graph, bounded by limit. An empty store has no
// map: 404.
func (s *Server) wholeMap(f argmap.RenderFormat) gin.HandlerFunc {
	return func(c *gin.Context) {
		limit, err := intQuery(c, "limit", defaultMapLimit, 1, maxMapLimit)
		if err != nil {
			s.fail(c, err)
			return
		}
		g, err := s.store.Neighbourhood(c.Request.Context(), "", 0, limit)
		if err != nil {
			s.fail(c, err)
			return
		}
		if len(g.Claims) == 0 && len(g.Evidence) == 0 {
			s.fail(c, argmap.Errorf(argmap.ENOTFOUND, "there is nothing to draw yet: ingest a document first"))
			return
		}
		s.render(c, g, argmap.RenderOptions{Format: f, Title: "argmap"})
	}
}

// render draws g and answers it with the format's content type. An SVG may
// not run scripts or load anything, even when opened on its own.
func (s *Server) render(c *gin.Context, g *argmap.Graph, opt argmap.RenderOptions) {
	b, err := s.renderer.Render(c.Request.Context(), g, opt)
	if err != nil {
		s.fail(c, err)
		return
	}
	if opt.Format == argmap.FormatSVG {
		c.Header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
	}
	c.Header("Cache-Control", "no-cache")
	c.Data(http.StatusOK, contentType[opt.Format], b)
}

// sourceMap renders the argument one source states (argmap.SourceGraph). A
// source with no claims or evidence has no map: 404.
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
		s.render(c, g, argmap.RenderOptions{Format: f, Title: label(g.Sources[0].Title, 100)})
	}
}
