//go:build race

package document_test

// raceEnabled: the tests run under the race detector.
const raceEnabled = true
