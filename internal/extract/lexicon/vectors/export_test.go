package vectors

import "fmt"

// Image is the embedded image, for tests.
func Image() []byte { return image }

// SearchAgrees checks that word is found by its hash (index) where binary
// search finds it.
func (t *Table) SearchAgrees(word string) error {
	if got, want := t.index(word), t.search(word); got != want {
		return fmt.Errorf("index(%q) = %d, search finds %d", word, got, want)
	}
	return nil
}

// Slots is how many hash slots t has (0: it searches).
func (t *Table) Slots() int { return len(t.slots) }

// Search and Index are search and index, for benchmarks.
func (t *Table) Search(word string) int { return t.search(word) }
func (t *Table) Index(word string) int  { return t.index(word) }
