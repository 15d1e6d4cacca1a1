package render_test

import (
	"bufio"
	"bytes"
	"image/png"
	"testing"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/render"
)

// checkDOTStrings fails when a quoted string of dot is not closed on its
// line or the text ends inside one: what escaping must guarantee whatever
// the labels hold.
func checkDOTStrings(t *testing.T, dot []byte) {
	t.Helper()
	in := false
	for i := 0; i < len(dot); i++ {
		switch c := dot[i]; {
		case in && c == '\\':
			i++
		case c == '"':
			in = !in
		case in && (c == '\n' || c == '\r'):
			t.Fatalf("a quoted string runs over a line break at byte %d: %q", i, dot[max(0, i-40):min(len(dot), i+10)])
		}
	}
	if in {
		t.Fatalf("the DOT ends inside a quoted string")
	}
	if !utf8.Valid(dot) {
		t.Fatalf("the DOT is not valid UTF-8")
	}
}

// FuzzDOT builds maps whose every text and ID is arbitrary: DOT never fails
// on a valid graph and always escapes.
func FuzzDOT(f *testing.F) {
	f.Add("IOM enforces exclusions", "Le \"HCR\" <b>dit</b>\\n", "act_a", "src_a", "title\r\nnext", "clm_a")
	f.Add("a\\", "\"", "act_\"x", "src_;{}", "]]>", "clm_<svg onload=x>")
	f.Add("\x00\xff", "\u2028", "act_", "src_", "", "")
	f.Fuzz(func(t *testing.T, claim, actor, actorID, sourceID, title, claimID string) {
		claimID = "clm_" + claimID
		g := &argmap.Graph{
			Sources: []argmap.Source{{ID: "src_" + sourceID, Title: title}},
			Actors:  []argmap.Actor{{ID: "act_" + actorID, Name: actor, Aliases: []string{actor}}},
			Claims: []argmap.Claim{{ID: claimID, Text: claim, Gist: claim, Spans: []argmap.Span{{SourceID: "src_" + sourceID}},
				Actors: []argmap.ActorRef{{ActorID: "act_" + actorID, Role: argmap.RoleAsserts}}}, {ID: "clm_other", Text: title}},
			Relations: []argmap.Relation{{ID: "rel_1", Kind: argmap.Contests, From: []string{claimID}, To: "clm_other"}, {ID: "rel_2", Kind: argmap.Supports, From: []string{"clm_other"}, To: "rel_1"}},
		}
		for _, focus := range []string{"", claimID} {
			dot, err := render.DOT(g, argmap.RenderOptions{Format: argmap.FormatDOT, Focus: focus, Title: title})
			if err != nil {
				if argmap.ErrorCode(err) == argmap.EINTERNAL {
					t.Fatalf("DOT: %v", err)
				}
				continue
			}
			checkDOTStrings(t, dot)
		}
	})
}

// FuzzCheckOutput feeds arbitrary bytes to the checks of a worker's picture:
// they never panic, and a PNG they pass decodes.
func FuzzCheckOutput(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>`), true)
	f.Add([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"), false)
	f.Add([]byte("<svg><script>alert(1)</script>"), true)
	f.Add(make([]byte, 19), false)
	f.Fuzz(func(t *testing.T, data []byte, svg bool) {
		format := argmap.FormatPNG
		if svg {
			format = argmap.FormatSVG
		}
		err := render.CheckOutput(format, data)
		if err == nil && format == argmap.FormatPNG {
			if _, derr := png.Decode(bytes.NewReader(data)); derr != nil {
				t.Fatalf("checkOutput passed a PNG that does not decode: %v", derr)
			}
		}
		if err != nil && argmap.ErrorCode(err) != argmap.EINTERNAL && argmap.ErrorCode(err) != argmap.ETOOLARGE {
			t.Fatalf("checkOutput error code %q: %v", argmap.ErrorCode(err), err)
		}
	})
}

// FuzzWireProtocol reads arbitrary bytes as render requests (the worker's
// side) and replies (the parent's side): no panic, no allocation beyond the
// bounds, and what is read back is what was written.
func FuzzWireProtocol(f *testing.F) {
	var req bytes.Buffer
	render.WriteRequest(&req, argmap.FormatSVG, []byte("digraph { a -> b }"))
	f.Add(req.Bytes())
	var rep bytes.Buffer
	w := bufio.NewWriter(&rep)
	render.Reply(w, 1, []byte("invalid\nbad map"))
	f.Add(rep.Bytes())
	f.Add([]byte("AMRQ\x03svg\xff\xff\xff\xff"))
	f.Add([]byte("AMRS\x02\x00\x00\x00\x05weird"))
	f.Fuzz(func(t *testing.T, data []byte) {
		format, dot, err := render.ReadRequest(bufio.NewReader(bytes.NewReader(data)))
		if err == nil {
			var again bytes.Buffer
			if werr := render.WriteRequest(&again, format, dot); werr == nil {
				f2, d2, err := render.ReadRequest(bufio.NewReader(&again))
				if err != nil || f2 != format || !bytes.Equal(d2, dot) {
					t.Fatalf("request round trip: %q %q %v, want %q %q", f2, d2, err, format, dot)
				}
			}
		}
		out, err := render.ReadReply(bytes.NewReader(data))
		if err != nil {
			switch argmap.ErrorCode(err) {
			case argmap.EINVALID, argmap.ETOOLARGE, argmap.EUNSUPPORTED, argmap.EUNAVAILABLE, argmap.EINTERNAL:
			default:
				t.Fatalf("reply error code %q", argmap.ErrorCode(err))
			}
			return
		}
		var back bytes.Buffer
		bw := bufio.NewWriter(&back)
		render.Reply(bw, 0, out)
		if got, err := render.ReadReply(&back); err != nil || !bytes.Equal(got, out) {
			t.Fatalf("reply round trip: %v", err)
		}
	})
}
