package lexicon

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
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
	kinds := map[string]string{"s": NameState, "o": NameOrganisation, "p": NamePlace, "d": NameDemonym, "x": NameOther}
	var out []Name
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 4 || kinds[f[1]] == "" || f[0] == "" || f[2] == "" {
			return nil, fmt.Errorf("bad names line %q", sc.Text())
		}
		out = append(out, Name{Form: f[0], Kind: kinds[f[1]], Canonical: f[2], Common: strings.Contains(f[3], "c")})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return out, nil
}
