package ingest_test

import (
	"fmt"
	"testing"

	"github.com/argmap/argmap/internal/ingest"
)

// TestKeyRoomNeverShared: the lists linking ahead's candidates gives the
// claims it finds for their keys never share room, whether a list stays in
// its room or grows past it, over several of the arrays the room is taken
// from.
func TestKeyRoomNeverShared(t *testing.T) {
	room := ingest.NewKeyRoom()
	var lists [][]string
	for i := range 3000 {
		l := room()
		if len(l) != 0 {
			t.Fatalf("keyRoom() #%d = %q, want an empty list", i, l)
		}
		for j := range i % 7 { // 0 to 6 keys: past the room of some
			l = append(l, fmt.Sprint(i, ".", j))
		}
		lists = append(lists, l)
	}
	for i, l := range lists {
		if len(l) != i%7 {
			t.Fatalf("list %d has %d keys, want %d", i, len(l), i%7)
		}
		for j, k := range l {
			if want := fmt.Sprint(i, ".", j); k != want {
				t.Fatalf("list %d key %d = %q, want %q: room given to two lists", i, j, k, want)
			}
		}
	}
}
