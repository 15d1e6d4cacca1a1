package lexicon

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"sync"
)

//go:embed names.tsv.gz
var namesTable []byte

// Kinds of the names WordNet gives.
const (
	NameState        = "state"        // a country or other state: Germany, United Kingdom
	NameOrganisation = "organisation" // a named organisation: United Nations, World Bank
	NamePlace        = "place"        // a place that is no actor: London, North Africa, Europe
	NameDemonym      = "demonym"      // an adjective of a state: Greek (Canonical is the state)
	NameOther        = "other"        // an acronym of something that is no actor: URL, AIDS (Canonical is what it stands for)
)

// Name is a proper name WordNet 3.0 lists: the form as written, its kind,
// the canonical name of what it names (for an organisation the acronym of
// its first name when WordNet lists one: UN), and whether the form in lower
// case is also a common English word ("Turkey" ~ turkey), so that a capital
// at the start of a sentence does not make it a name.
type Name struct {
	Form, Kind, Canonical string
	Common                bool
}

var loadNames = sync.OnceValues(func() ([]Name, error) { return parseNames(namesTable) })

// Names returns the names compiled into the binary by scripts/build-names.py
// from WordNet 3.0 (licence in WORDNET-LICENSE), sorted by form. The slice
// is shared: callers must not modify it. It panics only if the embedded
// table is corrupt, which the package tests rule out.
func Names() []Name {
	ns, err := loadNames()
	if err != nil {
		panic(fmt.Sprintf("lexicon: embedded names: %v", err))
	}
	return ns
}

func parseNames(gz []byte) ([]Name, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	// one string for the table, cut into lines and fields in place: the
	// names are read by every process that extracts
	text := string(raw)
	kinds := map[string]string{"s": NameState, "o": NameOrganisation, "p": NamePlace, "d": NameDemonym, "x": NameOther}
	out := make([]Name, 0, strings.Count(text, "\n")+1)
	for len(text) > 0 {
		line, rest, _ := strings.Cut(text, "\n")
		text = rest
		line = strings.TrimSuffix(line, "\r")
		form, r, _ := strings.Cut(line, "\t")
		kind, r, ok1 := strings.Cut(r, "\t")
		canonical, flags, ok2 := strings.Cut(r, "\t")
		if !ok1 || !ok2 || strings.Contains(flags, "\t") || kinds[kind] == "" || form == "" || canonical == "" {
			return nil, fmt.Errorf("bad names line %q", line)
		}
		out = append(out, Name{Form: form, Kind: kinds[kind], Canonical: canonical, Common: strings.Contains(flags, "c")})
	}
	return out, nil
}
