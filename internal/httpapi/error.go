package httpapi

import (
	"context"
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/argmap/argmap/internal/argmap"
)

// codeMethodNotAllowed is the one error code that exists only in HTTP: the
// route exists but not for the request's method.
const codeMethodNotAllowed = "method_not_allowed"

// statusOf maps error codes to HTTP statuses. It is the only such table.
var statusOf = map[string]int{
	argmap.EINVALID:      http.StatusBadRequest,
	argmap.EUNAUTHORIZED: http.StatusUnauthorized,
	argmap.EFORBIDDEN:    http.StatusForbidden,
	argmap.ENOTFOUND:     http.StatusNotFound,
	codeMethodNotAllowed: http.StatusMethodNotAllowed,
	argmap.ECONFLICT:     http.StatusConflict,
	argmap.ETOOLARGE:     http.StatusRequestEntityTooLarge,
	argmap.EUNSUPPORTED:  http.StatusUnsupportedMediaType,
	argmap.EINTERNAL:     http.StatusInternalServerError,
	argmap.EUNAVAILABLE:  http.StatusServiceUnavailable,
}

// retryAfter is the Retry-After of 503 and 429 answers, in seconds.
const retryAfter = "5"

// errorBody is the one error body every failing request gets.
type errorBody struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// classify gives errors that do not come from argmap their code: an
// oversized body, a timeout.
func classify(err error) error {
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return argmap.Errorf(argmap.ETOOLARGE, "the request body is larger than %d bytes", mbe.Limit)
	case argmap.ErrorCode(err) != argmap.EINTERNAL:
		return err
	case errors.Is(err, context.DeadlineExceeded):
		return &argmap.Error{Code: argmap.EUNAVAILABLE, Message: "the request timed out", Err: err}
	case errors.Is(err, context.Canceled):
		return &argmap.Error{Code: argmap.EUNAVAILABLE, Message: "the request was cancelled", Err: err}
	}
	return err
}

// fail answers err as the error body with the status its code maps to and
// aborts the handler chain. The cause of a 5xx answer is logged, never sent.
func (s *Server) fail(c *gin.Context, err error) {
	err = classify(err)
	code := argmap.ErrorCode(err)
	status, ok := statusOf[code]
	if !ok {
		code, status = argmap.EINTERNAL, http.StatusInternalServerError
	}
	msg := argmap.ErrorMessage(err)
	if code == argmap.EINTERNAL {
		msg = "internal error"
	}
	if status >= 500 {
		s.log.ErrorContext(c.Request.Context(), "request failed",
			"request_id", c.GetString(requestIDKey), "method", c.Request.Method,
			"path", c.Request.URL.Path, "status", status, "code", code, "err", err.Error())
	}
	if c.Writer.Written() {
		c.Abort()
		return
	}
	if status == http.StatusServiceUnavailable || status == http.StatusTooManyRequests {
		// Overload and dependencies that are down pass: say when to come back.
		c.Header("Retry-After", retryAfter)
	}
	c.AbortWithStatusJSON(status, errorBody{Code: code, Message: msg})
}

// unavailable marks err as a dependency being down, keeping its code when it
// already has a more precise one.
func unavailable(err error, msg string) error {
	if argmap.ErrorCode(err) != argmap.EINTERNAL {
		return err
	}
	return &argmap.Error{Code: argmap.EUNAVAILABLE, Message: msg, Err: err}
}
