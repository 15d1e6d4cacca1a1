package webui

// Unwrap exports unwrap to the tests.
var Unwrap = unwrap
