package httpapi

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/argmap/argmap/internal/argmap"
)

// mapMediaType is the media type of each interchange format's export.
var mapMediaType = map[string]string{
	argmap.MapArgdown: "text/plain; charset=utf-8",
	argmap.MapAIF:     "application/json",
	argmap.MapTGF:     "text/plain; charset=utf-8",
}

// mapExt is the file name extension of each interchange format's export.
var mapExt = map[string]string{argmap.MapArgdown: ".argdown", argmap.MapAIF: ".json", argmap.MapTGF: ".tgf"}

// Export bounds: claims and evidence an export holds by default and at most.
const (
	defaultExportLimit = 1000
	maxExportLimit     = 10000
)

// importMap stores an argument map sent as a multipart "file" part; the
// format is the format query parameter or comes from the file name.
func (s *Server) importMap(c *gin.Context) {
	if s.interchange == nil {
		s.fail(c, argmap.Errorf(argmap.EUNAVAILABLE, "this server does not import maps"))
		return
	}
	mt, params, err := mediaType(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	if mt != "multipart/form-data" {
		s.fail(c, argmap.Errorf(argmap.EUNSUPPORTED, "send the map as multipart/form-data with a \"file\" part (got %q)", c.GetHeader("Content-Type")))
		return
	}
	format := c.Query("format")
	doc, err := s.bindMultipart(c, params["boundary"])
	if err != nil {
		s.fail(c, err)
		return
	}
	// The map's records and the audit entry of its source's creation are
	// written in one transaction.
	res, err := s.interchange.ImportMap(s.auditGraph(c, c.Request.Context()), doc, format)
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

// exportMap writes the whole graph, or the neighbourhood of a claim, in an
// interchange format.
func (s *Server) exportMap(c *gin.Context) {
	if s.interchange == nil {
		s.fail(c, argmap.Errorf(argmap.EUNAVAILABLE, "this server does not export maps"))
		return
	}
	format := c.Query("format")
	if _, ok := mapMediaType[format]; !ok {
		s.fail(c, argmap.Errorf(argmap.EINVALID, "format must be argdown, aif or tgf"))
		return
	}
	claim := c.Query("claim")
	depth := 0
	if claim != "" {
		if argmap.KindOf(claim) != argmap.KindClaim {
			s.fail(c, argmap.Errorf(argmap.ENOTFOUND, "claim %q not found", label(claim, 80)))
			return
		}
		d, err := s.depthQuery(c)
		if err != nil {
			s.fail(c, err)
			return
		}
		depth = d
	}
	limit, err := intQuery(c, "limit", defaultExportLimit, 1, maxExportLimit)
	if err != nil {
		s.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	g, err := s.store.Neighbourhood(ctx, claim, depth, limit)
	if err != nil {
		s.fail(c, err)
		return
	}
	data, err := s.interchange.ExportMap(ctx, g, format)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Content-Disposition", `attachment; filename="argmap`+mapExt[format]+`"`)
	c.Data(http.StatusOK, mapMediaType[format], data)
}
