package render

// CheckOutput exposes checkOutput to the tests.
var CheckOutput = checkOutput
