package argmap

import (
	"errors"
	"fmt"
	"strings"
)

// Error codes shared by every layer. The HTTP API maps them to statuses in one
// table; the CLI prints the message.
const (
	EINVALID      = "invalid"      // malformed or invalid input
	ENOTFOUND     = "not_found"    // unknown ID
	ECONFLICT     = "conflict"     // the write clashes with what is stored
	EUNAUTHORIZED = "unauthorized" // no or bad credentials
	EFORBIDDEN    = "forbidden"    // credentials valid, action not allowed
	ETOOLARGE     = "too_large"    // input exceeds a size limit
	EUNSUPPORTED  = "unsupported"  // media type or format not supported
	EUNAVAILABLE  = "unavailable"  // a dependency (database, renderer) is down or timed out
	EINTERNAL     = "internal"     // a bug or unexpected failure; details are not shown to users
)

// Error is argmap's one error type. Code is one of the E* constants; Message is
// safe to show to users; Err, if set, is the underlying cause (never shown).
type Error struct {
	Code    string
	Message string
	Err     error
}

// Error implements the error interface.
func (e *Error) Error() string {
	if e.Err != nil {
		if e.Message == "" {
			return e.Err.Error()
		}
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code and a formatted message. A %w
// verb in format wraps its argument as the cause as well.
func Errorf(code, format string, args ...any) *Error {
	err := fmt.Errorf(format, args...)
	return &Error{Code: code, Message: err.Error(), Err: errors.Unwrap(err)}
}

// WrapInternal wraps err as an EINTERNAL error whose user-facing message is msg.
func WrapInternal(err error, msg string) *Error {
	return &Error{Code: EINTERNAL, Message: msg, Err: err}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for
// any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-facing message of err: the message of the first
// *Error in its chain, or a generic text for errors of unknown origin.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		if e.Code == EINTERNAL && e.Message == "" {
			return "internal error"
		}
		return e.Message
	}
	return "internal error"
}

// IsNotFound reports whether err carries the ENOTFOUND code.
func IsNotFound(err error) bool { return ErrorCode(err) == ENOTFOUND }

// ValidationError reports the problems found in one value at once: the first
// MaxProblems of them, and how many more there were.
type ValidationError struct {
	Problems []string
	// More counts the problems found beyond MaxProblems and not listed.
	More int
	// Truncated reports that checking stopped after MaxProblems problems
	// (references are looked up one by one): there may be more.
	Truncated bool
}

// MaxProblems bounds the problems one ValidationError lists, so that the
// message of a hostile request stays short and cheap to build.
const MaxProblems = 20

// Error implements the error interface.
func (e *ValidationError) Error() string {
	switch {
	case len(e.Problems) == 0:
		return "invalid"
	case len(e.Problems) == 1 && e.More == 0 && !e.Truncated:
		return e.Problems[0]
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d problems: ", len(e.Problems)+e.More)
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(p)
	}
	if e.More > 0 {
		fmt.Fprintf(&b, "; and %d more", e.More)
	}
	if e.Truncated {
		b.WriteString("; checking stopped there")
	}
	return b.String()
}

// problems collects validation problems, listing the first MaxProblems and
// counting the rest; err returns nil when there are none.
type problems struct {
	list      []string
	more      int
	truncated bool
}

func (p *problems) addf(format string, args ...any) {
	if len(p.list) >= MaxProblems {
		p.more++
		return
	}
	p.list = append(p.list, fmt.Sprintf(format, args...))
}

// full reports whether further problems would only be counted: checks that
// cost a lookup can stop there.
func (p *problems) full() bool { return len(p.list) >= MaxProblems }

func (p *problems) err() error {
	if len(p.list) == 0 {
		return nil
	}
	ve := &ValidationError{Problems: append([]string(nil), p.list...), More: p.more, Truncated: p.truncated}
	return &Error{Code: EINVALID, Message: ve.Error(), Err: ve}
}
