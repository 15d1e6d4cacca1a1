package structure_test

import (
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/extract"
	"github.com/argmap/argmap/internal/extract/structure"
)

// A forum thread written for this test: an opening post, a reply that
// quotes one of its sentences and disagrees, and a reply that quotes the
// first reply in part.
const quoteThread = `Posted by hana:
Small bakeries should stop selling sliced bread. Slicing machines cost a lot to maintain. Whole loaves also stay fresh for longer.

Reply from ravi:
> Whole loaves also stay fresh for longer.
I doubt it. My whole loaves go stale as fast as sliced ones, because the crust dries out first.

Reply from jo:
> the crust dries out first
That only happens when you leave the loaf uncovered.
`

// TestQuotedReply: a quoted unit is the quoted poster's view: the reply
// after it bears on the unit where that poster wrote it (the quote's
// source), with the kind its words give, and the quote itself bears on
// nothing.
func TestQuotedReply(t *testing.T) {
	m := defaultModel(t)
	text := quoteThread
	units := m.Segment(text, extract.StructureSentences(text))
	at := func(prefix string, from int) int {
		t.Helper()
		for i := from; i < len(units); i++ {
			if strings.HasPrefix(text[units[i].Start:units[i].End], prefix) {
				return i
			}
		}
		t.Fatalf("no unit starts with %q after unit %d", prefix, from)
		return -1
	}
	st := m.Parse(text, units, structure.ParseOptions{})
	thesis, fresh := at("Small bakeries", 0), at("Whole loaves", 0)
	quote := at("Whole loaves", fresh+1)
	doubt := at("I doubt it", 0)
	crust := at("because the crust", 0)
	quote2 := at("the crust dries", crust+1)
	answer := at("That only happens", 0)
	if len(st.Central) != 1 || st.Central[0] != thesis {
		t.Fatalf("central = %v, want unit %d", st.Central, thesis)
	}
	head := headOf(st.Relations)
	for _, q := range []int{quote, quote2} {
		if r, ok := head[q]; ok {
			t.Errorf("quoted unit %d bears on %d, want nothing", q, r.To)
		}
		for _, r := range st.Relations {
			if r.To == q {
				t.Errorf("unit %d bears on the quoted unit %d, want on its source", r.From, q)
			}
		}
	}
	if r, ok := head[doubt]; !ok || r.To != fresh || r.Kind != structure.Attack {
		t.Errorf("reply: %+v (present %v), want an attack on the quoted source %d", r, ok, fresh)
	}
	if r, ok := head[answer]; !ok || r.To != crust {
		t.Errorf("second reply: %+v (present %v), want it on the part quoted, unit %d", r, ok, crust)
	}
}
