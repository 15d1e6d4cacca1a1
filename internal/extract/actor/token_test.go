package actor_test

import (
	"testing"

	"github.com/argmap/argmap/internal/extract/actor"
)

func TestTokenLowerCase(t *testing.T) {
	for _, s := range []string{"", "The IOM and UNHCR met in Geneva.", "U.N. officials, the E.U.'s envoy & Amnesty",
		"Ärger über ZÖLLE", "mixed CaSe words-with-Hyphens and 2020s", "all lower case here"} {
		if err := actor.TokenLowsAgree(s); err != nil {
			t.Error(err)
		}
	}
}

func FuzzTokenLowerCase(f *testing.F) {
	f.Add("The IOM’s report & UNHCR's reply (U.S.-led)")
	f.Fuzz(func(t *testing.T, s string) {
		if err := actor.TokenLowsAgree(s); err != nil {
			t.Error(err)
		}
	})
}
