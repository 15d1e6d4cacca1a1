package document_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/argmap/argmap/internal/extract/document"
)

// reader is shared by the tests so that its workers start once per test
// binary: it reads PDFs in worker processes, as argmap does, which are
// copies of the test binary (TestMain). inProcess reads them in the test
// process, as a library user without a worker does. PDFium's compiled code
// is cached where the CLI caches it.
var (
	reader    = document.NewReader(workerOptions())
	inProcess = document.NewReader(document.Options{CacheDir: cacheDir()})
)

// workerEnv makes the test binary act as a PDF worker: TestMain sees it and
// serves requests instead of running tests, so the worker path is tested
// for real.
const workerEnv = "ARGMAP_DOCUMENT_TEST_WORKER"

func TestMain(m *testing.M) {
	if os.Getenv(workerEnv) == "1" {
		if err := document.ServeWorker(os.Stdin, os.Stdout, document.Options{CacheDir: cacheDir()}); err != nil {
			fmt.Fprintln(os.Stderr, "PDF worker:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	code := m.Run()
	reader.Close()
	inProcess.Close()
	os.Exit(code)
}

// workerOptions returns Options that read PDFs in copies of the test binary.
// Under -race the copies carry the race detector, whose shadow memory does
// not fit the default limit.
func workerOptions() document.Options {
	o := document.Options{CacheDir: cacheDir(), Worker: []string{os.Args[0], "-test.run=^$"}, Env: []string{workerEnv + "=1"}}
	if raceEnabled {
		o.MemoryLimit = 64 << 30
	}
	return o
}

func cacheDir() string {
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "argmap", "pdfium")
}

// pdfSpec describes a small PDF a test builds.
type pdfSpec struct {
	title, author string // metadata; "" leaves it out
	header        string // running header on every page
	pageNumbers   bool
	pages         []pdfPageSpec
	password      string
	imageOnly     bool
}

type pdfPageSpec struct {
	heading  string   // set large at the top
	columns  []string // one or two columns of body text; "\n" breaks a line
	footnote string   // set small at the bottom
}

func buildPDF(t testing.TB, s pdfSpec) []byte {
	t.Helper()
	p := fpdf.New("P", "mm", "A4", "")
	p.AddUTF8FontFromBytes("go", "", goregular.TTF)
	p.SetCompression(true)
	if s.password != "" {
		p.SetProtection(fpdf.CnProtectPrint, s.password, "owner")
	}
	if s.title != "" {
		p.SetTitle(s.title, true)
	}
	if s.author != "" {
		p.SetAuthor(s.author, true)
	}
	p.SetHeaderFunc(func() {
		if s.header != "" {
			p.SetFont("go", "", 8)
			p.CellFormat(0, 5, s.header, "", 1, "C", false, 0, "")
		}
	})
	p.SetFooterFunc(func() {
		if s.pageNumbers {
			p.SetY(-12)
			p.SetFont("go", "", 8)
			p.CellFormat(0, 5, fmt.Sprint(p.PageNo()), "", 0, "C", false, 0, "")
		}
	})
	if s.imageOnly {
		var buf bytes.Buffer
		img := image.NewGray(image.Rect(0, 0, 60, 80))
		for i := range img.Pix {
			img.Pix[i] = uint8(i * 7)
		}
		img.Set(1, 1, color.Gray{Y: 0})
		if err := png.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		p.AddPage()
		p.RegisterImageOptionsReader("scan", fpdf.ImageOptions{ImageType: "PNG"}, &buf)
		p.ImageOptions("scan", 10, 10, 180, 240, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	}
	for _, pg := range s.pages {
		p.AddPage()
		if pg.heading != "" {
			p.SetFont("go", "", 20)
			p.MultiCell(0, 9, pg.heading, "", "C", false)
			p.Ln(4)
		}
		p.SetFont("go", "", 11)
		y := p.GetY()
		w := 190.0 / float64(max(len(pg.columns), 1))
		for i, col := range pg.columns {
			p.SetXY(10+float64(i)*w, y)
			p.MultiCell(w-8, 6, col, "", "L", false)
		}
		if pg.footnote != "" {
			p.SetY(-32)
			p.SetFont("go", "", 8)
			p.MultiCell(0, 4, pg.footnote, "", "L", false)
		}
	}
	var out bytes.Buffer
	if err := p.Output(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// buildZip packs named parts into a zip file.
func buildZip(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	// a stable order, [Content_Types].xml first as Word writes it
	for i := range names {
		for j := i + 1; j < len(names); j++ {
			if names[j] == "[Content_Types].xml" || names[i] != "[Content_Types].xml" && names[j] < names[i] {
				names[i], names[j] = names[j], names[i]
			}
		}
	}
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(parts[n])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// docxSpec describes a small Word document a test builds.
type docxSpec struct {
	coreTitle, creator, created string
	body                        string // WordprocessingML inside <w:body>
	footnotes                   string // <w:footnote> elements
}

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`

// para is a WordprocessingML paragraph of plain runs, with a style if given.
func para(style string, runs ...string) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	if style != "" {
		b.WriteString(`<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`)
	}
	for _, r := range runs {
		if strings.HasPrefix(r, "<") {
			b.WriteString(r)
			continue
		}
		b.WriteString(`<w:r><w:t xml:space="preserve">` + r + `</w:t></w:r>`)
	}
	b.WriteString("</w:p>")
	return b.String()
}

func buildDOCX(t testing.TB, s docxSpec) []byte {
	t.Helper()
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"word/document.xml":   `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wordNS + `><w:body>` + s.body + `</w:body></w:document>`,
		"word/header1.xml":    `<?xml version="1.0"?><w:hdr ` + wordNS + `>` + para("", "Running header of every page") + `</w:hdr>`,
		"word/footer1.xml":    `<?xml version="1.0"?><w:ftr ` + wordNS + `>` + para("", "Page 1") + `</w:ftr>`,
	}
	if s.footnotes != "" {
		parts["word/footnotes.xml"] = `<?xml version="1.0"?><w:footnotes ` + wordNS + `>` +
			`<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
			`<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>` +
			s.footnotes + `</w:footnotes>`
	}
	if s.coreTitle != "" || s.creator != "" || s.created != "" {
		parts["docProps/core.xml"] = `<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
			`<dc:title>` + s.coreTitle + `</dc:title><dc:creator>` + s.creator + `</dc:creator>` +
			`<dcterms:created xsi:type="dcterms:W3CDTF">` + s.created + `</dcterms:created></cp:coreProperties>`
	}
	return buildZip(t, parts)
}
