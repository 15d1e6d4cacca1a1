package extract

// IsHeading reports whether text, a line or sentence alone, reads as a
// heading as the units stage reads one (isHeading: no closing stop and few
// words, or a short question or lead-in): the name of what follows, which
// asserts nothing.
func IsHeading(text string) bool {
	return isHeading(surfaceOf(text))
}
