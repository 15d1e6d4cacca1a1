package meta

// LowerText exposes lowerText to the tests.
var LowerText = lowerText

// SplitByline exposes splitByline to the tests.
var SplitByline = splitByline
