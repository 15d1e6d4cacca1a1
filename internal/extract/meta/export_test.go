package meta

// LowerText exposes lowerText to the tests.
var LowerText = lowerText

// SplitByline exposes splitByline to the tests.
var SplitByline = splitByline

// PagesLineAgrees checks pagesLine against matchIf with its cues alone.
func PagesLineAgrees(l string) bool {
	return pagesLine(l) == (matchIf(pagesRe, l, "age", "AGE") != nil)
}
