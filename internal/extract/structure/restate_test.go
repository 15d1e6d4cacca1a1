package structure_test

import (
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract/structure"
)

// TestLoadRestater: restater weights that are not the training command's
// JSON, of another version or holding a number JSON cannot carry are
// refused with EINVALID; the shipped weights load.
func TestLoadRestater(t *testing.T) {
	for _, c := range []struct {
		name, data string
		ok         bool
	}{
		{"empty model", `{"version": 1, "info": {"sets": [], "texts": 0, "seed": 1}, "weights": {}}`, true},
		{"one weight", `{"version": 1, "info": {"sets": ["essays"], "texts": 8, "seed": 1}, "weights": {"rs.bias": -0.5}}`, true},
		{"not JSON", `weights`, false},
		{"other version", `{"version": 2, "weights": {}}`, false},
		{"a string for a weight", `{"version": 1, "weights": {"rs.bias": "high"}}`, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := structure.LoadRestater([]byte(c.data))
			if c.ok && err != nil {
				t.Fatalf("LoadRestater(%s) = %v, want no error", c.data, err)
			}
			if !c.ok && (err == nil || argmap.ErrorCode(err) != argmap.EINVALID) {
				t.Fatalf("LoadRestater(%s) = %v, want EINVALID", c.data, err)
			}
		})
	}
	if _, err := structure.Default(); err != nil {
		t.Fatalf("Default() = %v, want the shipped weights with the restater", err)
	}
}
