package webui

// Unwrap exports unwrap to the tests.
var Unwrap = unwrap

// ReasonParts exports verdict.Parts to the tests.
func ReasonParts(reason string) []string { return verdict{Reason: reason}.Parts() }
