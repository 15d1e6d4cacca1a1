package actor

import (
	"fmt"
	"strings"
)

// TokenLowsAgree checks that every token of text has the lower case
// strings.ToLower gives it ("and" for "&").
func TokenLowsAgree(text string) error {
	for _, t := range tokenize(text) {
		want := strings.ToLower(t.text)
		if t.text == "&" {
			want = "and"
		}
		if t.low != want {
			return fmt.Errorf("token %q of %q: low %q, want %q", t.text, text, t.low, want)
		}
	}
	return nil
}
