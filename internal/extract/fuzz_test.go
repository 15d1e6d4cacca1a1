package extract_test

import (
	"bytes"
	"context"
	"os"
	"testing"
	"time"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
)

// FuzzExtract checks that extraction never panics, that every span lies in
// the source text and quotes it, and that the draft validates and writes.
func FuzzExtract(f *testing.F) {
	for _, name := range []string{"statement.txt", "page.html"} {
		if b, err := os.ReadFile("testdata/" + name); err == nil {
			f.Add(b, name)
		}
	}
	f.Add([]byte("We argue that X. However, Y is true (see Smith 2010)."), "a.md")
	f.Add([]byte("Notes\n\n1. Interview, Paris, 2001.\n\nReferences\n\nSmith, J. 2010. Title. Journal 3(2): 1-9."), "b.txt")
	f.Add([]byte("<p>a<script>b</script>c</p>"), "c.html")
	p := extract.New(extract.Options{MaxBytes: 1 << 20})
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		start := time.Now()
		g, err := p.Extract(context.Background(), argmap.Document{Name: name, Data: data})
		if d := time.Since(start); d > 3*time.Second {
			t.Fatalf("Extract of %d bytes took %v", len(data), d)
		}
		if err != nil {
			if argmap.ErrorCode(err) == argmap.EINTERNAL {
				t.Fatalf("internal error: %v", err)
			}
			return
		}
		if err := g.Validate(nil); err != nil {
			t.Fatalf("draft does not validate: %v", err)
		}
		text := g.Sources[0].Text
		check := func(sp argmap.Span) {
			if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End || text[sp.Start:sp.End] != sp.Quote {
				t.Fatalf("span %d..%d of %d bytes does not quote the text", sp.Start, sp.End, len(text))
			}
		}
		for _, c := range g.Claims {
			for _, sp := range c.Spans {
				check(sp)
			}
		}
		for _, e := range g.Evidence {
			for _, sp := range e.Spans {
				check(sp)
			}
		}
		for _, r := range g.Relations {
			if r.Span != nil {
				check(*r.Span)
			}
		}
		var buf bytes.Buffer
		if err := extract.WriteJSONL(&buf, name, g); err != nil {
			t.Fatalf("WriteJSONL: %v", err)
		}
	})
}

// FuzzJudge checks that judging a claim against a question, alone and in
// context, and reading a text's acronym definitions never panic, and that a
// judgement's score is a share.
func FuzzJudge(f *testing.F) {
	f.Add("IOM enforces the exclusion of asylum seekers", "We urge IOM to cease obstructing asylum seekers.", "IOM obstructs asylum seekers")
	f.Add("The EU trust fund paid IOM", "The EU Emergency Trust Fund for Africa (EUTF) paid the IOM.", "")
	f.Add("Support is uneven", "Critics are right that support is uneven and that monitoring is rare.", "")
	f.Add("They treat it as a duty", "Far from idle, they treat it as a favour rather than a duty.", "The board treats it as a favour rather than a duty")
	f.Add("A (B) is", "( ) (AB) , , rather than and that", "they")
	s := extract.NewStancer()
	f.Fuzz(func(t *testing.T, question, claim, gist string) {
		for _, j := range []argmap.Judgement{s.Judge(question, claim), s.JudgeAllInContext(question, []string{claim, question}, []string{gist, ""})[0]} {
			if j.Score < 0 || j.Score > 1 {
				t.Fatalf("Judge(%q, %q) scored %v", question, claim, j.Score)
			}
		}
		_ = extract.Definitions(claim)
	})
}

// FuzzUnpackSig checks that unpacking a linking signature never panics on
// any bytes, and that what it accepts packs to a signature that unpacks and
// packs to itself (the same up to how long its numbers are written).
func FuzzUnpackSig(f *testing.F) {
	f.Add(extract.PackedSig("IOM does not have a formal protection mandate, unlike UNHCR."))
	f.Add(extract.PackedSig("Return, return and return again: return is what the programme offers."))
	f.Add(extract.PackedSig(""))
	f.Add("\x01\x00\x01\x03iom\x00\x02\x05\x01\x00\x00")
	f.Fuzz(func(t *testing.T, p string) {
		again, ok := extract.UnpackRepack(p)
		if !ok {
			return
		}
		if third, ok := extract.UnpackRepack(again); !ok || third != again {
			t.Fatalf("unpack(%q) packs as %q, which unpacks and packs as %q (%v)", p, again, third, ok)
		}
	})
}
