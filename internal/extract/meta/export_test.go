package meta

// LowerText exposes lowerText to the tests.
var LowerText = lowerText
