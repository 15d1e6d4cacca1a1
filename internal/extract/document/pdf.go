package document

import (
	"context"
	"errors"
	"math"
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/klippa-app/go-pdfium"
	pdferrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"

	"github.com/argmap/argmap/internal/argmap"
)

// Options tune a Reader.
type Options struct {
	// CacheDir keeps PDFium's compiled machine code between runs; compiling
	// it takes seconds, loading it from the cache a tenth of one. "" compiles
	// anew in every process.
	CacheDir string
	// Workers bounds the PDFs read at once; 0 means 2.
	Workers int
	// Timeout bounds the reading of one PDF; 0 means DefaultPDFTimeout. Past
	// it (or when the caller's context ends) PDFium is stopped where it is,
	// even inside a call that would never return, and replaced.
	Timeout time.Duration
	// Worker is the command line of a PDF worker process: a program that
	// calls ServeWorker on its standard input and output (argmap runs
	// itself: "argmap pdf-worker"). With it PDFs are read in up to Workers
	// such processes, which run PDFium at full speed and are killed when a
	// read overruns. Without it PDFs are read in this process by a PDFium
	// compiled with checks that let the time limit stop it inside a call,
	// which costs about seven times the CPU.
	Worker []string
	// Env is added to the environment of worker processes.
	Env []string
	// MemoryLimit bounds the memory (data segment) of each worker process in
	// bytes; 0 means DefaultMemoryLimit (Linux only). A PDF whose reading
	// needs more is ETOOLARGE. It does not apply without Worker.
	MemoryLimit int64
}

// DefaultPDFTimeout is the time one PDF may take to read: PDFium reads a
// page in tens of milliseconds, so a thousand-page report takes well under
// it even on a busy machine, while a file crafted to make PDFium loop holds
// a reader no longer than this.
const DefaultPDFTimeout = 2 * time.Minute

// Reader reads PDF and DOCX files. PDFium is started on the first PDF. A
// Reader is safe for concurrent use; Close releases PDFium.
type Reader struct {
	opt   Options
	procs *procPool // with Options.Worker
	once  sync.Once
	pool  pdfium.Pool
	err   error
	// unstoppable compiles PDFium without the checks that let Kill stop it
	// inside a call: in a worker process, which is killed instead.
	unstoppable bool
}

// NewReader returns a Reader.
func NewReader(opt Options) *Reader {
	if opt.Workers <= 0 {
		opt.Workers = 2
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultPDFTimeout
	}
	if opt.MemoryLimit <= 0 {
		opt.MemoryLimit = DefaultMemoryLimit
	}
	r := &Reader{opt: opt}
	if len(opt.Worker) > 0 {
		r.procs = newProcPool(opt)
	}
	return r
}

// Close releases PDFium if it was started, and stops the worker processes.
func (r *Reader) Close() error {
	if r.procs != nil {
		r.procs.close()
	}
	if r.pool == nil {
		return nil
	}
	return r.pool.Close()
}

func (r *Reader) start() (pdfium.Pool, error) {
	r.once.Do(func() {
		// CloseOnContextDone lets Kill stop PDFium inside a call; a worker
		// process goes without it (it is killed instead).
		rc := wazero.NewRuntimeConfig().WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
			WithCloseOnContextDone(!r.unstoppable)
		if r.opt.CacheDir != "" {
			if cache, err := wazero.NewCompilationCacheWithDir(r.opt.CacheDir); err == nil {
				rc = rc.WithCompilationCache(cache)
			}
		}
		// An empty FSConfig: PDFium sees no file system (the default mounts "/").
		r.pool, r.err = webassembly.Init(webassembly.Config{
			MinIdle: 0, MaxIdle: 1, MaxTotal: r.opt.Workers,
			RuntimeConfig: rc, FSConfig: wazero.NewFSConfig(),
		})
		if r.err != nil {
			r.err = argmap.Errorf(argmap.EINTERNAL, "starting the PDF reader: %w", r.err)
		}
	})
	return r.pool, r.err
}

// Read reads data of the given kind (KindPDF or KindDOCX).
func (r *Reader) Read(ctx context.Context, kind Kind, data []byte) (*Document, error) {
	switch kind {
	case KindPDF:
		return r.PDF(ctx, data)
	case KindDOCX:
		return DOCX(data)
	}
	if err := Refusal(kind); err != nil {
		return nil, err
	}
	return nil, BinaryError("unknown format")
}

// PDF reads a PDF's text layer. A PDF with pages but no text (a scan) is
// EINVALID with a message saying so; an encrypted or broken file is EINVALID.
// A PDF not read within Options.Timeout is ETOOLARGE; when ctx ends first it
// is EUNAVAILABLE. Either way PDFium is stopped at once, not at its next page.
// In a worker process, a read that needs more memory than
// Options.MemoryLimit is ETOOLARGE.
func (r *Reader) PDF(ctx context.Context, data []byte) (doc *Document, err error) {
	if r.procs != nil {
		return r.procs.read(ctx, data)
	}
	pool, err := r.start()
	if err != nil {
		return nil, err
	}
	inst, err := pool.GetInstanceWithContext(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return nil, argmap.Errorf(argmap.EUNAVAILABLE, "reading the PDF cancelled while waiting for a PDF reader: %w", ctx.Err())
		}
		return nil, argmap.Errorf(argmap.EUNAVAILABLE, "no PDF reader free: %w", err)
	}
	// The watchdog kills the instance when the time is up or ctx ends; it
	// is stopped before the instance is closed (a killed one is not).
	limit, cancel := context.WithTimeout(ctx, r.opt.Timeout)
	defer cancel()
	done := make(chan struct{})
	watched := make(chan bool, 1)
	go func() {
		select {
		case <-done:
			watched <- false
		case <-limit.Done():
			_ = inst.Kill()
			watched <- true
		}
	}()
	defer func() {
		close(done)
		if <-watched {
			if err == nil {
				return // read in full just as the time ran out
			}
			switch {
			case ctx.Err() != nil:
				doc, err = nil, argmap.Errorf(argmap.EUNAVAILABLE, "reading the PDF cancelled: %w", ctx.Err())
			default:
				doc, err = nil, argmap.Errorf(argmap.ETOOLARGE, "the PDF was not read within %s, the time allowed for one document: it is very long or damaged (PDFium was stopped); split it, or print it to a new PDF, and ingest that", r.opt.Timeout)
			}
			return
		}
		_ = inst.Close()
	}()
	defer func() {
		if p := recover(); p != nil {
			doc, err = nil, argmap.Errorf(argmap.EINVALID, "unreadable PDF: the reader failed on it")
		}
	}()
	return readPDF(ctx, inst, data)
}

// readPDF reads data with inst.
func readPDF(ctx context.Context, inst pdfium.Pdfium, data []byte) (doc *Document, err error) {
	buf := data
	od, err := inst.OpenDocument(&requests.OpenDocument{File: &buf})
	if err != nil {
		switch {
		case errors.Is(err, pdferrors.ErrPassword), errors.Is(err, pdferrors.ErrSecurity):
			return nil, argmap.Errorf(argmap.EINVALID, "the PDF is encrypted with a password: remove the password and ingest it again")
		default:
			return nil, argmap.Errorf(argmap.EINVALID, "unreadable PDF: the file is damaged or not a PDF")
		}
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: od.Document})
	pc, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: od.Document})
	if err != nil {
		return nil, argmap.Errorf(argmap.EINVALID, "unreadable PDF: cannot count its pages")
	}
	if pc.PageCount == 0 {
		return nil, argmap.Errorf(argmap.EINVALID, "empty document: the PDF has no pages")
	}
	var pages []pdfPage
	for i := 0; i < pc.PageCount; i++ {
		if err := ctx.Err(); err != nil {
			return nil, argmap.Errorf(argmap.EUNAVAILABLE, "reading the PDF cancelled: %w", err)
		}
		ref := requests.Page{ByIndex: &requests.PageByIndex{Document: od.Document, Index: i}}
		size, err := inst.GetPageSize(&requests.GetPageSize{Page: ref})
		if err != nil {
			return nil, argmap.Errorf(argmap.EINVALID, "unreadable PDF: page %d is damaged", i+1)
		}
		st, err := inst.GetPageTextStructured(&requests.GetPageTextStructured{
			Page: ref, Mode: requests.GetPageTextStructuredModeRects, CollectFontInformation: true,
		})
		if err != nil {
			return nil, argmap.Errorf(argmap.EINVALID, "unreadable PDF: cannot read the text of page %d", i+1)
		}
		pg := pdfPage{height: size.Height, width: size.Width}
		for _, rc := range st.Rects {
			if rc == nil {
				continue
			}
			sz := 0.0
			if rc.FontInformation != nil {
				sz = rc.FontInformation.Size
			}
			p := rc.PointPosition
			pg.runs = append(pg.runs, run{text: rc.Text, left: p.Left, right: p.Right, top: math.Max(p.Top, p.Bottom), bottom: math.Min(p.Top, p.Bottom), size: sz})
		}
		pages = append(pages, pg)
	}
	meta := func(tag string) string {
		m, err := inst.FPDF_GetMetaText(&requests.FPDF_GetMetaText{Document: od.Document, Tag: tag})
		if err != nil {
			return ""
		}
		return strings.TrimSpace(cleanText(m.Value))
	}
	doc = layoutPDF(pages)
	if strings.TrimSpace(doc.Text) == "" {
		return nil, argmap.Errorf(argmap.EINVALID, "the PDF has no text layer (%d pages, likely scanned images): argmap does not read text from images; run OCR on it first (for example ocrmypdf) and ingest the result", pc.PageCount)
	}
	if t := meta("Title"); plausibleTitle(t) {
		doc.Title = strings.Join(strings.Fields(t), " ")
	}
	doc.Authors = splitAuthors(meta("Author"))
	doc.Date = pdfDate(meta("CreationDate"))
	return doc, nil
}

// pdfDateRe matches a PDF date: D:YYYYMMDD... (month and day optional).
var pdfDateRe = regexp.MustCompile(`^(?:D:)?(\d{4})(\d{2})?(\d{2})?`)

// pdfDate turns a PDF date string into "YYYY", "YYYY-MM" or "YYYY-MM-DD".
func pdfDate(s string) string {
	m := pdfDateRe.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil || m[1] < "1900" || m[1] > "2999" {
		return ""
	}
	out := m[1]
	if m[2] != "" && m[2] >= "01" && m[2] <= "12" {
		out += "-" + m[2]
		if m[3] != "" && m[3] >= "01" && m[3] <= "31" {
			out += "-" + m[3]
		}
	}
	return out
}

// run is a piece of text on one line in one font, as PDFium returns it.
// Coordinates are PDF points from the bottom left; top > bottom.
type run struct {
	text                     string
	left, right, top, bottom float64
	size                     float64
}

type pdfPage struct {
	width, height float64
	runs          []run
}

// line is a row of runs.
type line struct {
	text                     string
	left, right, top, bottom float64
	size                     float64 // the largest font size on it
	page                     int
}

func (l line) height() float64 { return l.top - l.bottom }

// linesOf groups a page's runs, in PDFium's order, into lines: a run joins
// the current line when it overlaps it vertically and starts to its right.
func linesOf(pg pdfPage, page int) []line {
	var out []line
	var cur *line
	for _, r := range pg.runs {
		// PDFium marks a hyphen it takes for a line-end break as U+0002.
		t := cleanText(strings.ReplaceAll(r.text, "\x02", "-"))
		if strings.TrimSpace(t) == "" {
			if cur != nil && t != "" && !strings.HasSuffix(cur.text, " ") {
				cur.text += " "
			}
			continue
		}
		if cur != nil {
			h := math.Min(cur.height(), r.top-r.bottom)
			overlap := math.Min(cur.top, r.top) - math.Max(cur.bottom, r.bottom)
			if overlap > 0.4*h && r.left >= cur.left-1 {
				if noteRef(r, cur) {
					continue // a raised note number: the note is kept under Notes
				}
				gap := r.left - cur.right
				if gap > 0.15*math.Max(r.size, 4) && !strings.HasSuffix(cur.text, " ") && !strings.HasPrefix(t, " ") {
					cur.text += " "
				}
				cur.text += t
				cur.right = math.Max(cur.right, r.right)
				cur.top, cur.bottom = math.Max(cur.top, r.top), math.Min(cur.bottom, r.bottom)
				cur.size = math.Max(cur.size, r.size)
				continue
			}
			out = append(out, *cur)
		}
		cur = &line{text: t, left: r.left, right: r.right, top: r.top, bottom: r.bottom, size: r.size, page: page}
	}
	if cur != nil {
		out = append(out, *cur)
	}
	for i := range out {
		out[i].text = noteRefRe.ReplaceAllString(strings.Join(strings.Fields(out[i].text), " "), "$1")
	}
	return out
}

// noteRefRe matches a note reference set as superscript digits right after
// a word or punctuation ("stays.¹ Critics"): dropped from the body text
// (the note itself is kept under Notes), so that sentences end where they
// end. A line opening with one (a note) keeps it.
var noteRefRe = regexp.MustCompile(`([\p{L}\p{P}])[¹²³⁴⁵⁶⁷⁸⁹⁰]+`)

// noteRef reports whether run r is a note reference on line l: digits or a
// note symbol set smaller than the line and raised above its baseline.
func noteRef(r run, l *line) bool {
	t := strings.TrimSpace(r.text)
	if t == "" || len(t) > 3 || r.size <= 0 || l.size <= 0 || r.size > 0.8*l.size {
		return false
	}
	for _, c := range t {
		if !unicode.IsDigit(c) && !strings.ContainsRune("*†‡", c) {
			return false
		}
	}
	return r.bottom > l.bottom+0.25*(l.top-l.bottom)
}

// pageNumberRe matches a line that is only a page number or "Page N (of M)".
var pageNumberRe = regexp.MustCompile(`(?i)^(?:page\s+|p\.\s*|-\s*|–\s*)?(?:\d{1,4}|[ivxlcdm]{1,6})(?:\s*(?:of|/)\s*\d{1,4})?(?:\s*-|\s*–)?$`)

// digitsRe finds runs of digits, normalised away when comparing furniture
// lines across pages ("Journal 12 (3), p. 4" repeats with other numbers).
var digitsRe = regexp.MustCompile(`\d+`)

// noteMarkRe opens a footnote: a number, a superscript number or a symbol.
var noteMarkRe = regexp.MustCompile(`^(?:\d{1,3}[.)]?\s|[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s?|[*†‡§]\s?|\[\d{1,3}\]\s?)`)

// layoutPDF turns pages of runs into the document text: furniture dropped,
// paragraphs rebuilt, footnotes moved to the end, and the title taken from
// the first page's largest type.
func layoutPDF(pages []pdfPage) *Document {
	all := make([][]line, len(pages))
	for i, pg := range pages {
		all[i] = linesOf(pg, i)
	}
	body := bodySizeOf(all)
	furniture := furnitureLines(pages, all)
	doc := &Document{Pages: len(pages)}
	var paras, notes []string
	var para []string
	var prev *line
	pitch := linePitch(all, body)
	flush := func() {
		if len(para) > 0 {
			paras = append(paras, joinLines(para))
			para = nil
		}
	}
	for pi, ls := range all {
		notesFrom := footnoteStart(ls, body, pages[pi].height, furniture[pi])
		for li, l := range ls {
			if furniture[pi][li] {
				continue
			}
			if notesFrom >= 0 && li >= notesFrom {
				if noteMarkRe.MatchString(l.text) || len(notes) == 0 {
					notes = append(notes, l.text)
				} else {
					notes[len(notes)-1] = joinLines([]string{notes[len(notes)-1], l.text})
				}
				continue
			}
			if prev != nil {
				newPara := false
				heading := body > 0 && (l.size > body*1.15 || prev.size > body*1.15) && math.Abs(l.size-prev.size) > 0.5
				switch {
				case heading:
					newPara = true
				case prev.page != l.page || l.top > prev.top+prev.height():
					// a page or column break: the paragraph runs on when
					// the last line did not end a sentence and either
					// filled its column or this one goes on in lower case
					last := prev.text
					first, _ := utf8.DecodeRuneInString(l.text)
					newPara = endsSentence(last) || !(unicode.IsLower(first) || strings.HasSuffix(last, "-") || strings.HasSuffix(last, ",") || fullLine(*prev, all[prev.page]))
				default:
					d := prev.bottom - l.bottom
					if pitch > 0 && d > pitch*1.4 {
						newPara = true
					}
					// a short line ending a sentence closes the paragraph
					if !newPara && endsSentence(prev.text) && prev.right < maxRight(ls)-0.15*(maxRight(ls)-minLeft(ls)) {
						newPara = true
					}
				}
				if newPara {
					flush()
				}
			}
			para = append(para, l.text)
			lc := l
			prev = &lc
		}
	}
	flush()
	doc.Text = compose(paras, notes)
	doc.Title = layoutTitle(all, furniture, body, pages)
	return doc
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, `"'”’)]`)
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, ":")
}

// fullLine reports whether l reaches the right edge of its column: within
// a tenth of the column's width of the rightmost line starting where it
// starts.
func fullLine(l line, page []line) bool {
	right, left := 0.0, l.left
	for _, o := range page {
		if math.Abs(o.left-l.left) < 15 {
			right = math.Max(right, o.right)
		}
	}
	return right > left && l.right >= right-0.1*(right-left)
}

func maxRight(ls []line) float64 {
	m := 0.0
	for _, l := range ls {
		m = math.Max(m, l.right)
	}
	return m
}

func minLeft(ls []line) float64 {
	m := math.Inf(1)
	for _, l := range ls {
		m = math.Min(m, l.left)
	}
	if math.IsInf(m, 1) {
		return 0
	}
	return m
}

// furnitureLines marks running headers, footers and page numbers: lines in
// the top or bottom tenth of a page that are a page number, or whose text
// (digits aside) recurs in that band on other pages.
func furnitureLines(pages []pdfPage, all [][]line) [][]bool {
	out := make([][]bool, len(all))
	body := bodySizeOf(all)
	band := func(pi int, l line) string {
		h := pages[pi].height
		if h <= 0 {
			return ""
		}
		switch {
		case l.bottom > h*0.88:
			return "top"
		case l.top < h*0.12:
			return "bottom"
		}
		return ""
	}
	seen := map[string]map[int]bool{}
	key := func(b string, l line) string {
		return b + "|" + strings.ToLower(digitsRe.ReplaceAllString(l.text, "#"))
	}
	for pi, ls := range all {
		for _, l := range ls {
			if b := band(pi, l); b != "" {
				k := key(b, l)
				if seen[k] == nil {
					seen[k] = map[int]bool{}
				}
				seen[k][pi] = true
			}
		}
	}
	need := 2
	for pi, ls := range all {
		out[pi] = make([]bool, len(ls))
		for li, l := range ls {
			b := band(pi, l)
			if b == "" || l.size > 0 && l.size > body*1.15 {
				continue // running heads are set small; a title in the band is not one
			}
			if pageNumberRe.MatchString(l.text) || len(seen[key(b, l)]) >= need {
				out[pi][li] = true
			}
		}
	}
	return out
}

// linePitch returns the usual distance between the baselines of successive
// body lines, 0 when there are too few.
func linePitch(all [][]line, body float64) float64 {
	count := map[float64]int{}
	for _, ls := range all {
		for i := 1; i < len(ls); i++ {
			a, b := ls[i-1], ls[i]
			d := a.bottom - b.bottom
			if math.Abs(a.size-body) < 0.5 && math.Abs(b.size-body) < 0.5 && d > 0 && d < 3*math.Max(b.height(), body) {
				count[math.Round(d*2)/2]++
			}
		}
	}
	pitch, best := 0.0, 0
	for d, n := range count {
		if n > best || n == best && d < pitch {
			pitch, best = d, n
		}
	}
	return pitch
}

// bodySizeOf returns the font size of most of the text.
func bodySizeOf(all [][]line) float64 {
	count := map[float64]int{}
	for _, ls := range all {
		for _, l := range ls {
			count[math.Round(l.size*2)/2] += utf8.RuneCountInString(l.text)
		}
	}
	body, best := 0.0, 0
	for s, n := range count {
		if n > best || n == best && s < body {
			body, best = s, n
		}
	}
	return body
}

// footnoteStart returns the index of the first footnote line of a page, or
// -1: from a line set smaller than the body text, in the lower part of the
// page, opening with a note mark, every line after it being small too.
func footnoteStart(ls []line, body, height float64, furniture []bool) int {
	if body == 0 || height <= 0 {
		return -1
	}
	start := -1
	for i := len(ls) - 1; i >= 0; i-- {
		if furniture[i] {
			continue
		}
		l := ls[i]
		if l.size >= body*0.95 || l.top > height*0.6 {
			break
		}
		if noteMarkRe.MatchString(l.text) {
			start = i
		}
	}
	return start
}

// layoutTitle returns the first page's title from its layout: the lines set
// in the largest type in the upper part of the page, when that type is
// clearly larger than the body text.
func layoutTitle(all [][]line, furniture [][]bool, body float64, pages []pdfPage) string {
	if len(all) == 0 || body == 0 {
		return ""
	}
	ls := all[0]
	h := pages[0].height
	biggest := 0.0
	for i, l := range ls {
		if furniture[0][i] || (h > 0 && l.bottom < h*0.35) || utf8.RuneCountInString(l.text) < 3 {
			continue
		}
		biggest = math.Max(biggest, l.size)
	}
	if biggest < body*1.2 {
		return ""
	}
	var parts []string
	for i, l := range ls {
		if furniture[0][i] {
			continue
		}
		if math.Abs(l.size-biggest) < 0.5 {
			parts = append(parts, l.text)
		} else if len(parts) > 0 {
			break
		}
	}
	t := joinLines(parts)
	if utf8.RuneCountInString(t) > 300 {
		return ""
	}
	return t
}
