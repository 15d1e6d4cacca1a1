package argmap

import "strings"

// Clip returns s for a reader in at most n runes: its runs of white space
// made single spaces and, when that is still longer than n, cut after the
// last whole word that fits, with "…" appended (the ellipsis counts). A word
// is cut inside only when no word boundary lies in the last half of the room
// (a very long first word).
func Clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	if n <= 1 {
		return "…"
	}
	cut := n - 1
	for i := cut; i > cut/2; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	return strings.TrimRight(string(r[:cut]), " ,;:") + "…"
}
