package lexicon

import _ "embed"

//go:embed wordnet.tsv.gz
var table []byte

// Parse parses the table again (for the load benchmark).
func Parse() (*Lexicon, error) { return parse(table) }

// LoadImage reads the embedded image again (for the load benchmark).
func LoadImage() (*Lexicon, error) { return fromImage(image, true) }

// ImageOfTable is the image made from the table, and the embedded one.
func ImageOfTable() (made, embedded []byte, err error) {
	l, err := parse(table)
	if err != nil {
		return nil, nil, err
	}
	return l.appendImage(nil), image, nil
}

// FromImage reads an image.
func FromImage(b []byte) (*Lexicon, error) { return fromImage(b, false) }
