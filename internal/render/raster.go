package render

import (
	"encoding/json"
	"image"
	"image/color"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/fogleman/gg"
	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/math/fixed"

	"github.com/argmap/argmap/internal/argmap"
)

// PNG bounds. Graphviz lays out in points; the PNG is drawn at 96 dpi (less
// for large maps) and scaled down to fit these bounds, and refused when that would make text
// unreadable.
const (
	pngScale     = 96.0 / 72.0
	maxPNGSide   = 8000
	maxPNGPixels = 24 << 20
	minPNGScale  = 0.3
	pngMargin    = 4.0 // points around the bounding box

	// A map that would take more than largePNGPixels at 96 dpi is drawn
	// at a lower resolution, down to 72 dpi (largePNGScale), where 11-point
	// labels are still 11 pixels high: drawing and encoding cost about as
	// much as the pixels.
	largePNGPixels = 8 << 20
	largePNGScale  = 1.0
)

// The PNG is drawn from Graphviz's "json" output: the layout plus xdot draw
// operations for every graph, cluster, node and edge. Drawing them with gg
// gives a correct picture in memory bounded by the canvas, where go-graphviz's
// own PNG renderer draws edges as filled blobs and grows without bound.

// xop is one xdot drawing operation as Graphviz's json output writes it.
type xop struct {
	Op       string       `json:"op"`
	Color    string       `json:"color"`
	Points   [][2]float64 `json:"points"`
	Rect     []float64    `json:"rect"`
	Pt       []float64    `json:"pt"`
	Align    string       `json:"align"`
	Width    float64      `json:"width"`
	Text     string       `json:"text"`
	Size     float64      `json:"size"`
	Face     string       `json:"face"`
	Style    string       `json:"style"`
	Fontchar int          `json:"fontchar"`
}

// xobj is a graph, cluster, node or edge with its drawing operations.
type xobj struct {
	BB     string `json:"bb"`
	Draw   []xop  `json:"_draw_"`
	LDraw  []xop  `json:"_ldraw_"`
	HDraw  []xop  `json:"_hdraw_"`
	TDraw  []xop  `json:"_tdraw_"`
	HLDraw []xop  `json:"_hldraw_"`
	TLDraw []xop  `json:"_tldraw_"`
}

// xgraph is the top of Graphviz's json output.
type xgraph struct {
	xobj
	Objects []xobj `json:"objects"`
	Edges   []xobj `json:"edges"`
}

// fonts are the Go fonts, parsed once.
type fonts struct {
	regular, bold, italic, boldItalic *truetype.Font
}

var loadFonts = sync.OnceValues(func() (*fonts, error) {
	var f fonts
	for _, x := range []struct {
		dst **truetype.Font
		ttf []byte
	}{{&f.regular, goregular.TTF}, {&f.bold, gobold.TTF}, {&f.italic, goitalic.TTF}, {&f.boldItalic, gobolditalic.TTF}} {
		ft, err := truetype.Parse(x.ttf)
		if err != nil {
			return nil, err
		}
		*x.dst = ft
	}
	return &f, nil
})

// rasterise draws Graphviz json output as a PNG.
func rasterise(layoutJSON []byte) ([]byte, error) {
	var g xgraph
	if err := json.Unmarshal(layoutJSON, &g); err != nil {
		return nil, argmap.WrapInternal(err, "cannot read the layout")
	}
	bb, ok := parseBB(g.BB)
	if !ok {
		return nil, argmap.Errorf(argmap.EINTERNAL, "the layout has no bounding box")
	}
	wPt := bb[2] - bb[0] + 2*pngMargin
	hPt := bb[3] - bb[1] + 2*pngMargin
	scale := pngScale
	if wPt*hPt*scale*scale > largePNGPixels {
		scale = math.Max(largePNGScale, math.Sqrt(largePNGPixels/(wPt*hPt)))
	}
	scale = math.Min(scale, maxPNGSide/wPt)
	scale = math.Min(scale, maxPNGSide/hPt)
	scale = math.Min(scale, math.Sqrt(maxPNGPixels/(wPt*hPt)))
	if scale < minPNGScale {
		return nil, argmap.Errorf(argmap.ETOOLARGE, "the map is too large for a PNG (%.0f×%.0f points); render it as SVG or draw a smaller neighbourhood", wPt, hPt)
	}
	w, h := min(int(math.Ceil(wPt*scale)), maxPNGSide), min(int(math.Ceil(hPt*scale)), maxPNGSide)
	if w*h > maxPNGPixels { // rounding up can overshoot by a row
		h = maxPNGPixels / w
	}
	fs, err := loadFonts()
	if err != nil {
		return nil, argmap.WrapInternal(err, "cannot load fonts")
	}
	canvas := image.NewRGBA(image.Rect(0, 0, w, h))
	p := &painter{
		dc:    gg.NewContextForRGBA(canvas),
		img:   canvas,
		scale: scale,
		x0:    bb[0] - pngMargin,
		y1:    bb[3] + pngMargin,
		fonts: fs,
		faces: map[faceKey]font.Face{},
	}
	p.dc.SetColor(color.White)
	p.dc.Clear()
	p.ops(g.Draw)
	p.ops(g.LDraw)
	for _, o := range g.Objects { // clusters: the subgraphs, which have a bounding box
		if o.BB != "" {
			p.ops(o.Draw)
			p.ops(o.LDraw)
		}
	}
	for _, e := range g.Edges {
		p.ops(e.Draw)
		p.ops(e.TDraw)
		p.ops(e.HDraw)
		p.ops(e.LDraw)
		p.ops(e.TLDraw)
		p.ops(e.HLDraw)
	}
	for _, o := range g.Objects {
		if o.BB == "" {
			p.ops(o.Draw)
			p.ops(o.LDraw)
		}
	}
	out, err := encodePNG(canvas)
	if err != nil {
		return nil, argmap.WrapInternal(err, "cannot encode the PNG")
	}
	return out, nil
}

// parseBB reads a Graphviz bounding box "llx,lly,urx,ury".
func parseBB(s string) ([4]float64, bool) {
	var bb [4]float64
	parts := strings.Split(s, ",")
	if len(parts) != 4 {
		return bb, false
	}
	for i, p := range parts {
		v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return bb, false
		}
		bb[i] = v
	}
	return bb, bb[2] >= bb[0] && bb[3] >= bb[1]
}

type faceKey struct {
	bold, italic bool
	size         float64
}

// painter draws xdot operations on a canvas; Graphviz's y axis points up.
type painter struct {
	dc     *gg.Context
	img    *image.RGBA // the canvas of dc
	scale  float64
	x0, y1 float64
	fonts  *fonts
	faces  map[faceKey]font.Face
}

func (p *painter) pt(x, y float64) (float64, float64) {
	return (x - p.x0) * p.scale, (p.y1 - y) * p.scale
}

// state is the drawing state within one list of operations; every list starts
// afresh.
type state struct {
	pen, fill color.Color
	fillNext  bool // a fill colour was just set: the next shape is filled
	width     float64
	dash      []float64
	invisible bool
	size      float64
	face      string
	fontchar  int
}

func (p *painter) ops(list []xop) {
	st := state{pen: color.Black, fill: color.Black, width: 1, size: 14}
	for _, o := range list {
		switch o.Op {
		case "c":
			st.pen = parseColour(o.Color)
		case "C":
			st.fill = parseColour(o.Color)
			st.fillNext = true
		case "S":
			st.style(o.Style)
		case "F":
			st.size, st.face = o.Size, o.Face
		case "t":
			st.fontchar = o.Fontchar
		case "E", "e":
			if len(o.Rect) == 4 && !st.invisible {
				x, y := p.pt(o.Rect[0], o.Rect[1])
				p.dc.DrawEllipse(x, y, o.Rect[2]*p.scale, o.Rect[3]*p.scale)
				p.paint(&st, o.Op == "E")
			}
		case "P", "p", "L":
			if len(o.Points) >= 2 && !st.invisible {
				for i, q := range o.Points {
					x, y := p.pt(q[0], q[1])
					if i == 0 {
						p.dc.MoveTo(x, y)
					} else {
						p.dc.LineTo(x, y)
					}
				}
				if o.Op != "L" {
					p.dc.ClosePath()
				}
				p.paint(&st, o.Op == "P")
			}
		case "B", "b":
			// Graphviz's json output has the case of the bezier ops the
			// wrong way round (edges come as "b"), so a bezier is filled when
			// a fill colour was set just before it, which is how Graphviz
			// announces every filled shape.
			if len(o.Points) >= 4 && !st.invisible {
				x, y := p.pt(o.Points[0][0], o.Points[0][1])
				p.dc.MoveTo(x, y)
				for i := 1; i+2 < len(o.Points); i += 3 {
					x1, y1 := p.pt(o.Points[i][0], o.Points[i][1])
					x2, y2 := p.pt(o.Points[i+1][0], o.Points[i+1][1])
					x3, y3 := p.pt(o.Points[i+2][0], o.Points[i+2][1])
					p.dc.CubicTo(x1, y1, x2, y2, x3, y3)
				}
				p.paint(&st, st.fillNext)
			}
		case "T":
			if len(o.Pt) == 2 && !st.invisible {
				p.text(&st, o)
			}
		}
		if o.Op == "E" || o.Op == "e" || o.Op == "P" || o.Op == "p" || o.Op == "L" || o.Op == "B" || o.Op == "b" {
			st.fillNext = false // a fill colour applies to the next shape only
		}
	}
}

func (st *state) style(s string) {
	switch {
	case strings.HasPrefix(s, "setlinewidth(") && strings.HasSuffix(s, ")"):
		if v, err := strconv.ParseFloat(s[len("setlinewidth("):len(s)-1], 64); err == nil && v >= 0 && v < 100 {
			st.width = v
		}
	case s == "dashed":
		st.dash = []float64{5, 2}
	case s == "dotted":
		st.dash = []float64{1, 3}
	case s == "solid":
		st.dash = nil
	case s == "bold":
		st.width = 2
	case s == "invis" || s == "invisible":
		st.invisible = true
	}
}

// paint fills (when asked) and strokes the current path.
func (p *painter) paint(st *state, fill bool) {
	if fill && !transparent(st.fill) {
		p.dc.SetColor(st.fill)
		p.dc.FillPreserve()
	}
	if transparent(st.pen) || st.width == 0 {
		p.dc.ClearPath()
		return
	}
	p.dc.SetColor(st.pen)
	p.dc.SetLineWidth(math.Max(st.width*p.scale, 0.6))
	if st.dash != nil {
		d := make([]float64, len(st.dash))
		for i, v := range st.dash {
			d[i] = v * p.scale * math.Max(st.width, 1)
		}
		p.dc.SetDash(d...)
	} else {
		p.dc.SetDash()
	}
	p.dc.Stroke()
}

func (p *painter) text(st *state, o xop) {
	if o.Text == "" || st.size <= 0 {
		return
	}
	bold := strings.Contains(strings.ToLower(st.face), "bold") || st.fontchar&1 != 0
	italic := strings.Contains(strings.ToLower(st.face), "italic") || strings.Contains(strings.ToLower(st.face), "oblique") || st.fontchar&2 != 0
	size := st.size * p.scale
	face := p.face(bold, italic, size)
	w := float64(font.MeasureString(face, o.Text)) / 64
	// Fit the text to the width Graphviz measured, so it stays inside its
	// node when the Go fonts run wider than Graphviz's estimate.
	if want := o.Width * p.scale; want > 0 && w > want*1.02 {
		size *= want / w
		face = p.face(bold, italic, math.Round(size*4)/4)
		w = float64(font.MeasureString(face, o.Text)) / 64
	}
	x, y := p.pt(o.Pt[0], o.Pt[1])
	switch o.Align {
	case "c":
		x -= w / 2
	case "r":
		x -= w
	}
	// Glyphs are drawn straight onto the canvas with draw.DrawMask, which
	// has a fast path for a uniform colour on RGBA; gg's DrawString resamples
	// every glyph through an affine transform, several times slower.
	d := font.Drawer{Dst: p.img, Src: image.NewUniform(st.pen), Face: face, Dot: fixed.Point26_6{X: fixed.Int26_6(math.Round(x * 64)), Y: fixed.Int26_6(math.Round(y * 64))}}
	d.DrawString(o.Text)
}

func (p *painter) face(bold, italic bool, size float64) font.Face {
	k := faceKey{bold: bold, italic: italic, size: size}
	if f, ok := p.faces[k]; ok {
		return f
	}
	ft := p.fonts.regular
	switch {
	case bold && italic:
		ft = p.fonts.boldItalic
	case bold:
		ft = p.fonts.bold
	case italic:
		ft = p.fonts.italic
	}
	f := truetype.NewFace(ft, &truetype.Options{Size: size, DPI: 72, Hinting: font.HintingNone})
	p.faces[k] = f
	return f
}

// parseColour reads "#rrggbb" or "#rrggbbaa" and the few names Graphviz may
// leave unconverted; anything else is black.
func parseColour(s string) color.Color {
	s = strings.TrimSpace(strings.ToLower(s))
	switch s {
	case "", "black":
		return color.Black
	case "white":
		return color.White
	case "none", "transparent", "invis":
		return color.Transparent
	}
	if strings.HasPrefix(s, "#") && (len(s) == 7 || len(s) == 9) {
		v, err := strconv.ParseUint(s[1:], 16, 32)
		if err == nil {
			if len(s) == 7 {
				return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 255}
			}
			return color.NRGBA{R: uint8(v >> 24), G: uint8(v >> 16), B: uint8(v >> 8), A: uint8(v)}
		}
	}
	return color.Black
}

func transparent(c color.Color) bool {
	_, _, _, a := c.RGBA()
	return a == 0
}
