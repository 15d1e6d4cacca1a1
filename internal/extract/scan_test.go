package extract_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/extract"
	"github.com/argmap/argmap/internal/sharedtest"
)

// scanLines returns lines of our own long texts and a few written here, the
// inputs on which the cheap scans must answer as the slow forms do.
func scanLines(t *testing.T) []string {
	t.Helper()
	lines := []string{
		"", ":", "Photo: a harbour at dawn", "PHOTOGRAPH: the old mill", "Cover image: a map",
		"Illustration:", "credit: the archive", "Note: none", "Image : spaced", "ratio 3:1",
		"We read this as a warning.", "this alone", "and these, too", " those ", "Of those who left",
		"in this. ", "athis thesis", " the these ", " th", " this", "the thistle grows",
		"\u212a: the Kelvin sign lowers to k", "Ké: accent",
		"Rain fell, however, all day", "IOM UNHCR ÉCOLE école ß 42 ǅ", "a, b, of course, c", "x, thus,", "ends with, ", "y, in turn, z",
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "longtext", "open", "*.txt"))
	essays, _ := filepath.Glob(filepath.Join("testdata", "essays", "*.txt"))
	for _, f := range append(files, essays...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(b), "\n")...)
	}
	if len(lines) < 100 {
		t.Fatalf("only %d lines: the long texts are missing", len(lines))
	}
	return lines
}

// TestCheapScans checks the one-pass scans against the forms they replace:
// pointsBackInside against three searches, captionColon, true whenever the
// lowered text has a caption label, innerMarkerAt, true whenever the text
// has an inner marker gistResolving drops, and upperForm against comparing
// strings.ToUpper.
func TestCheapScans(t *testing.T) {
	labels := []string{"photo:", "photograph:", "image:", "picture:", "credit:", "illustration:"}
	for _, s := range scanLines(t) {
		want := strings.Contains(s, " this ") || strings.Contains(s, " these ") || strings.Contains(s, " those ")
		if got := extract.PointsBackInside(s); got != want {
			t.Errorf("PointsBackInside(%q) = %v, want %v", s, got, want)
		}
		if slices.ContainsFunc([]string{", therefore,", ", however,", ", thus,", ", in turn,", ", of course,"},
			func(m string) bool { return strings.Contains(s, m) }) && !extract.InnerMarkerAt(s) {
			t.Errorf("InnerMarkerAt(%q) = false, want true", s)
		}
		for _, w := range append(strings.Fields(s), s) {
			if got, want := extract.UpperForm(w), strings.ToUpper(w) == w; got != want {
				t.Errorf("UpperForm(%q) = %v, want %v", w, got, want)
			}
		}
		low := strings.ToLower(s)
		if slices.ContainsFunc(labels, func(l string) bool { return strings.Contains(low, l) }) && !extract.CaptionColon(s) {
			t.Errorf("CaptionColon(%q) = false, want true", s)
		}
	}
}

// TestModifiersOf checks modifiersOf, which looks up a word's lemma only
// when its first byte may begin the lemma sought, against the form that
// looked up every word's lemma: on every line, for the lemma of each of
// its words and of irregular forms, whose lemmas open with another letter.
func TestModifiersOf(t *testing.T) {
	irregular := []string{"went", "was", "children", "mice", "geese", "better", "worse", "feet", "women", "ran"}
	lines := append(scanLines(t), "the fellow women and men went home", "rural children, urban children; the children.",
		"  odd   spacing  geese ", "x \xff\xfe  y", "Ölbäume über Städte städte", "wet feet, cold feet")
	for _, s := range lines {
		if err := extract.ModifiersOfAgrees(s, irregular); err != nil {
			t.Error(err)
		}
	}
}

// markupCases are texts with every kind of inline markup inlineText strips,
// alone, nested, unpaired and escaped.
var markupCases = []string{
	"plain text", "a | b", "| cell | other |", "|---|:-:|", "> quoted line", "- item", "+ item", "## Heading", "#tag",
	"[text](http://x.y)", "![alt](pic.png) after", "[not a link] (space)", "[a](b) and [c](d)", "**bold** and *it*",
	"***both***", "__under__ and _it_", "snake_case_name stays", "_edge_.", "(_inside_)", "~~gone~~", "`code`",
	"*Lone start", "end star*", "2 * 3", "a*b", "**unpaired", "__unpaired", "<b>tag</b> <br/> <a href=\"x\">y</a>",
	"1 < 2 > 0", "\\*escaped\\* \\_x\\_ \\[y\\]", "\\", "mixed **b** [l](u) <i>t</i> \\# x*", "`a` ~~b~~ _c_ *d*",
	"***", "___", "~~~~", "**a** **b**", "*a *b* c*", "x\xff*y*\xfe", "[\xff](\xfe)", "  spaced   *out*  ",
}

// TestInlineText checks inlineText, which runs each expression only on a
// text with a byte its matches need, against the form that ran them all,
// on the markup cases and on every line of our long texts.
func TestInlineText(t *testing.T) {
	for _, s := range append(scanLines(t), markupCases...) {
		if err := extract.InlineTextAgrees(s); err != nil {
			t.Error(err)
		}
	}
}

// FuzzInlineText checks the same on any text.
func FuzzInlineText(f *testing.F) {
	for _, s := range markupCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if err := extract.InlineTextAgrees(s); err != nil {
			t.Error(err)
		}
	})
}

// meaningCases are texts with negations and concessions in every case and
// spelling, next to apostrophes, digits and letters outside ASCII.
var meaningCases = []string{
	"", "not", "NOT", "Not no", "isn't", "ISN'T", "isn’t", "ISN’T", "don't'", "'not'", "won't-stop", "Nobody,never",
	"although Though THOUGH", "if5 if", "ÏF if", "naïve not", "\xffnot\xfe", "nothin'", "t", "T", "'t", "n't", "x n’t y",
	"denies DOUBTS wrong-headed", "without WITHOUT withOut", "a b c d e f", "doesn'tt", "cannot", "Cannot’s",
	"notwithstanding NOTWITHSTANDING", "nevertheless'", "shouldn't've couldn't'nt", "nonetheless-however", "insufficiently\x7f",
}

// meaningTexts are meaningCases and, for reading eight bytes at a time, long
// words with a byte of another kind put at every place.
func meaningTexts() []string {
	texts := append([]string(nil), meaningCases...)
	for _, w := range []string{"notwithstanding never", "couldn't-haven't"} {
		for k := 0; k <= len(w); k++ {
			for _, x := range []string{"Q", "7", "-", "'", "’", "é", "\xff", " ", "@", "`", "[", "{"} {
				texts = append(texts, w[:k]+x+w[k:])
			}
		}
	}
	return texts
}

// TestMeaningWords checks meaningWordsIn, which rules most words out by
// their length, first byte and last byte, against the form that tested
// every word in full, on the cases above and every line of the long texts.
func TestMeaningWords(t *testing.T) {
	for _, s := range append(scanLines(t), meaningTexts()...) {
		if err := extract.MeaningWordsAgree(s); err != nil {
			t.Error(err)
		}
	}
}

// FuzzMeaningWords checks the same on any text.
func FuzzMeaningWords(f *testing.F) {
	for _, s := range meaningCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if err := extract.MeaningWordsAgree(s); err != nil {
			t.Error(err)
		}
	})
}

// linkCases have each mark linkMarks looks for at either end, next to
// another full stop, cut short and in capitals.
var linkCases = []string{
	"", ".", "www.", "ww.", "xwww.y", "www", ".com", ".co", "a.co.uk", "x.org.", "y.int", "..int", "a.b.c.in", "http", "htt",
	"see https://example.net", "mail@host", "@", "WWW.X.COM", "a. b. c.", "www.x", ".orgy", "end.com", "v1.0.int8",
}

// TestLinkMarks checks linkMarks against the six searches it replaced on
// the cases above and every line of the long texts.
func TestLinkMarks(t *testing.T) {
	for _, s := range append(scanLines(t), linkCases...) {
		if err := extract.LinkMarksAgree(s); err != nil {
			t.Error(err)
		}
	}
}

// FuzzLinkMarks checks the same on any text.
func FuzzLinkMarks(f *testing.F) {
	for _, s := range linkCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if err := extract.LinkMarksAgree(s); err != nil {
			t.Error(err)
		}
	})
}

// TestTrimCommas checks trimCommas against strings.Trim(s, ",;") on every
// word of the long texts and on cases with commas and semicolons at either
// end, alone, doubled and next to bytes outside ASCII.
func TestTrimCommas(t *testing.T) {
	cases := []string{"", ",", ";", ",;,", "a", ",a", "a;", ";a,", ",,a;;", "a,b", ",\xff,", "é;", ";é", " , "}
	for _, s := range scanLines(t) {
		cases = append(cases, strings.Fields(s)...)
	}
	for _, s := range cases {
		if err := extract.TrimCommasAgrees(s); err != nil {
			t.Error(err)
		}
	}
}

// FuzzTrimCommas checks the same on any text.
func FuzzTrimCommas(f *testing.F) {
	f.Add(",;a,b;,")
	f.Fuzz(func(t *testing.T, s string) {
		if err := extract.TrimCommasAgrees(s); err != nil {
			t.Error(err)
		}
	})
}

// shapeCases have words opening with letters, capitals, digits and marks,
// every separator shape knows and those it does not ('\v', '\f', U+00A0),
// and runes outside ASCII at the ends of eight-byte stretches.
var shapeCases = []string{"", "A", "a", " A b", "The Quick brown Fox jumps", "x\ty\nZ\rw\vV\fU", "@at [Bracket] `tick {Brace",
	"12 Apples, 3 pears", "ÉTÉ été Ünal über", "abcdefgÉ Hijklmn", "abcdefg\u00a0Hijk", "\xffAbc \xfe Def", "       Q", "Q       "}

// TestShape checks shape's word counts, read eight bytes at a time, against
// the byte-by-byte reading on the cases above, on every line of the long
// texts, and on each with a rune outside ASCII put at every offset.
func TestShape(t *testing.T) {
	texts := append(scanLines(t), shapeCases...)
	for _, odd := range []string{"é", "\xff", "\u00a0"} {
		for k := 0; k <= 17; k++ {
			s := "Abc Def ghi Jkl mno"
			texts = append(texts, s[:k]+odd+s[k:])
		}
	}
	for _, s := range texts {
		if err := extract.ShapeAgrees(s); err != nil {
			t.Error(err)
		}
	}
}

// FuzzShape checks the same on any text.
func FuzzShape(f *testing.F) {
	for _, s := range shapeCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if err := extract.ShapeAgrees(s); err != nil {
			t.Error(err)
		}
	})
}

// corpusSentences cuts the corpus documents' texts at ". " into rough
// sentences for the benchmarks of one sentence test; size is the texts'
// bytes.
func corpusSentences(b *testing.B) (sents []string, size int) {
	texts, size := sharedtest.CorpusTexts(b)
	for _, t := range texts {
		sents = append(sents, strings.Split(t, ". ")...)
	}
	return sents, size
}

// BenchmarkShape counts the words of each sentence of the corpus documents
// (cut at ". ") that open with a letter and with a capital, as shape does:
// byte by byte (old) and eight bytes at a time (new).
func BenchmarkShape(b *testing.B) {
	sents, size := corpusSentences(b)
	for _, c := range []struct {
		name string
		f    func(string) (int, int)
	}{{"old", extract.ShapeCountsOld}, {"new", extract.ShapeCounts}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			for i := 0; i < b.N; i++ {
				for _, s := range sents {
					c.f(s)
				}
			}
		})
	}
}
