package document

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
)

// maxPartBytes bounds one decompressed part of a .docx: a zip bomb is
// refused instead of filling memory.
const maxPartBytes = 256 << 20

// zipKind tells a .docx from other zip packages by the parts it holds.
func zipKind(data []byte, name string) Kind {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if strings.HasSuffix(strings.ToLower(name), ".docx") {
			return KindDOCX // damaged: DOCX says so
		}
		return KindArchive
	}
	office := false
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			return KindDOCX
		case "[Content_Types].xml", "mimetype":
			office = true
		}
	}
	if office {
		return KindOffice
	}
	return KindArchive
}

// DOCX reads a Word 2007+ document: the body's paragraphs and tables in
// order, tracked deletions and field codes left out, headers and footers
// (separate parts) not read, footnotes and endnotes kept apart after the
// body; the title, authors and date from its core properties, else the
// first paragraph styled as a title.
func DOCX(data []byte) (*Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, argmap.Errorf(argmap.EINVALID, "unreadable Word document: the file is damaged (not a valid zip package)")
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		parts[path.Clean(strings.TrimPrefix(f.Name, "/"))] = f
	}
	main, ok := parts["word/document.xml"]
	if !ok {
		return nil, argmap.Errorf(argmap.EINVALID, "unreadable Word document: it has no word/document.xml part")
	}
	body, err := readPart(main)
	if err != nil {
		return nil, err
	}
	w := &wordText{}
	if err := w.read(body); err != nil {
		return nil, argmap.Errorf(argmap.EINVALID, "unreadable Word document: %v", err)
	}
	var notes []string
	for _, name := range []string{"word/footnotes.xml", "word/endnotes.xml"} {
		f, ok := parts[name]
		if !ok {
			continue
		}
		raw, err := readPart(f)
		if err != nil {
			return nil, err
		}
		ns, err := readNotes(raw)
		if err != nil {
			return nil, argmap.Errorf(argmap.EINVALID, "unreadable Word document: %s: %v", name, err)
		}
		notes = append(notes, ns...)
	}
	doc := &Document{Text: compose(w.paras, notes), Title: w.title}
	if f, ok := parts["docProps/core.xml"]; ok {
		if raw, err := readPart(f); err == nil {
			var cp coreProps
			if xml.Unmarshal(raw, &cp) == nil {
				if t := strings.TrimSpace(cleanText(cp.Title)); plausibleTitle(t) {
					doc.Title = strings.Join(strings.Fields(t), " ")
				}
				doc.Authors = splitAuthors(cleanText(cp.Creator))
				doc.Date = isoDate(cp.Created)
			}
		}
	}
	if strings.TrimSpace(doc.Text) == "" {
		return nil, argmap.Errorf(argmap.EINVALID, "empty document: the Word document has no text")
	}
	return doc, nil
}

// readPart decompresses one part, refusing parts past maxPartBytes.
func readPart(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, argmap.Errorf(argmap.EINVALID, "unreadable Word document: part %s is damaged", f.Name)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, maxPartBytes+1))
	if err != nil {
		return nil, argmap.Errorf(argmap.EINVALID, "unreadable Word document: part %s is damaged", f.Name)
	}
	if len(b) > maxPartBytes {
		return nil, argmap.Errorf(argmap.ETOOLARGE, "Word document part %s unpacks to more than %d MiB", f.Name, maxPartBytes>>20)
	}
	return b, nil
}

// coreProps is docProps/core.xml.
type coreProps struct {
	Title   string `xml:"title"`
	Creator string `xml:"creator"`
	Created string `xml:"created"`
}

// isoDate keeps the date of a W3CDTF timestamp ("2019-05-17T10:00:00Z").
func isoDate(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		if _, err := strconv.Atoi(s[:4]); err == nil && s[:4] >= "1900" && s[:4] != "1601" {
			return s[:10]
		}
	}
	return ""
}

// wordText collects the paragraphs of a WordprocessingML part.
type wordText struct {
	paras []string
	title string
}

// the WordprocessingML namespace
const wNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// read walks a document.xml token by token.
func (w *wordText) read(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	var cur strings.Builder
	inPara, inText := false, false
	skip := 0 // depth inside deleted text, field codes and fallback content
	style := ""
	firstHeading := ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return errors.New("malformed XML in the document body")
		}
		switch t := tok.(type) {
		case xml.StartElement:
			local := t.Name.Local
			if skip > 0 {
				skip++
				continue
			}
			switch local {
			case "del", "instrText", "delText", "Fallback", "footnoteReference", "endnoteReference", "commentReference":
				if local == "Fallback" && t.Name.Space == wNS {
					break
				}
				skip = 1
			case "p":
				inPara, style = true, ""
				cur.Reset()
			case "pStyle":
				for _, a := range t.Attr {
					if a.Name.Local == "val" {
						style = strings.ToLower(a.Value)
					}
				}
			case "t":
				inText = true
			case "tab", "ptab":
				if inPara {
					cur.WriteByte(' ')
				}
			case "br", "cr":
				if inPara {
					cur.WriteByte('\n')
				}
			case "noBreakHyphen":
				cur.WriteByte('-')
			case "tc":
				// a table cell: its paragraphs are paragraphs
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				if !inPara {
					break
				}
				inPara = false
				txt := cleanText(cur.String())
				lines := strings.Split(txt, "\n")
				for i := range lines {
					lines[i] = strings.Join(strings.Fields(lines[i]), " ")
				}
				p := strings.TrimSpace(strings.Join(lines, "\n"))
				if p == "" {
					break
				}
				if w.title == "" && (style == "title" || strings.HasPrefix(style, "title")) {
					w.title = strings.Join(strings.Fields(p), " ")
				}
				if firstHeading == "" && len(w.paras) == 0 && (strings.HasPrefix(style, "heading1") || style == "heading 1") {
					firstHeading = strings.Join(strings.Fields(p), " ")
				}
				w.paras = append(w.paras, p)
			}
		case xml.CharData:
			if skip == 0 && inText && inPara {
				cur.Write(t)
			}
		}
	}
	if w.title == "" {
		w.title = firstHeading
	}
	return nil
}

// note is a footnote or endnote.
type note struct {
	id   int
	text string
}

// readNotes reads footnotes.xml or endnotes.xml: every real note (not the
// separators) as "N. text", in id order.
func readNotes(data []byte) ([]string, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	var out []note
	var cur *note
	var body []byte
	depth := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, errors.New("malformed XML")
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if cur != nil {
				depth++
				body = appendStart(body, t)
				continue
			}
			if t.Name.Local == "footnote" || t.Name.Local == "endnote" {
				n := &note{id: -1}
				kind := ""
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "id":
						n.id, _ = strconv.Atoi(a.Value)
					case "type":
						kind = a.Value
					}
				}
				if kind == "" || kind == "normal" {
					cur, depth, body = n, 0, body[:0]
				}
			}
		case xml.EndElement:
			if cur == nil {
				continue
			}
			if depth == 0 {
				w := &wordText{}
				doc := append([]byte("<body>"), body...)
				doc = append(doc, "</body>"...)
				if err := w.read(doc); err != nil {
					return nil, err
				}
				if txt := strings.Join(strings.Fields(strings.Join(w.paras, " ")), " "); txt != "" && cur.id > 0 {
					cur.text = strconv.Itoa(cur.id) + ". " + txt
					out = append(out, *cur)
				}
				cur = nil
				continue
			}
			depth--
			body = append(body, "</"+t.Name.Local+">"...)
		case xml.CharData:
			if cur != nil {
				var b bytes.Buffer
				_ = xml.EscapeText(&b, t)
				body = append(body, b.Bytes()...)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].id < out[j].id })
	texts := make([]string, len(out))
	for i, n := range out {
		texts[i] = n.text
	}
	return texts, nil
}

// appendStart writes a start tag by its local names (namespaces dropped:
// wordText matches local names only).
func appendStart(b []byte, t xml.StartElement) []byte {
	b = append(b, '<')
	b = append(b, t.Name.Local...)
	for _, a := range t.Attr {
		var v bytes.Buffer
		_ = xml.EscapeText(&v, []byte(a.Value))
		b = append(b, ' ')
		b = append(b, a.Name.Local...)
		b = append(b, `="`...)
		b = append(b, v.Bytes()...)
		b = append(b, '"')
	}
	return append(b, '>')
}
