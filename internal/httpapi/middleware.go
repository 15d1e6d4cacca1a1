package httpapi

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"runtime/debug"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/argmap/argmap/internal/argmap"
)

// requestIDKey is the gin context key of the request ID.
const requestIDKey = "argmap.request_id"

// validRequestID reports whether a client-sent X-Request-ID may be reused: a
// short token of letters, digits and . _ : - only, so it is safe in logs.
func validRequestID(id string) bool {
	if id == "" || len(id) > 128 {
		return false
	}
	for _, r := range id {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		case r == '.', r == '_', r == ':', r == '-':
		default:
			return false
		}
	}
	return true
}

// newRequestID returns a random 128-bit hex ID.
func newRequestID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	return hex.EncodeToString(b[:])
}

// requestID takes the request's X-Request-ID when it is well formed, makes
// one up otherwise, and echoes it in the response. It also tells browsers not
// to sniff content types.
func (s *Server) requestID() gin.HandlerFunc {
	return func(c *gin.Context) {
		id := c.GetHeader("X-Request-ID")
		if !validRequestID(id) {
			id = newRequestID()
		}
		c.Set(requestIDKey, id)
		c.Header("X-Request-ID", id)
		c.Header("X-Content-Type-Options", "nosniff")
		c.Next()
	}
}

// accessLog logs one structured line per request. It never logs headers, so
// tokens stay out of the log.
func (s *Server) accessLog() gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		defer func() {
			status := c.Writer.Status()
			level := slog.LevelInfo
			if status >= 500 {
				level = slog.LevelWarn
			}
			s.log.LogAttrs(c.Request.Context(), level, "http request",
				slog.String("method", c.Request.Method),
				slog.String("path", c.Request.URL.Path),
				slog.String("route", c.FullPath()),
				slog.Int("status", status),
				slog.Int("bytes", max(c.Writer.Size(), 0)),
				slog.Duration("duration", time.Since(start)),
				slog.String("request_id", c.GetString(requestIDKey)),
				slog.String("remote", c.Request.RemoteAddr),
			)
		}()
		c.Next()
	}
}

// recoverer turns a panic in a handler into a 500 error body and logs it
// with its stack.
func (s *Server) recoverer() gin.HandlerFunc {
	return func(c *gin.Context) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.log.ErrorContext(c.Request.Context(), "handler panicked",
				"request_id", c.GetString(requestIDKey), "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
			s.fail(c, argmap.WrapInternal(fmt.Errorf("panic: %v", v), "internal error"))
		}()
		c.Next()
	}
}

// baseContextKey is the gin context key of the request's context before
// timeout gave it a deadline: a handler whose work grows with its input (an
// ingest) sets its own from it.
const baseContextKey = "argmap.base_context"

// timeout gives the request's context the configured deadline.
func (s *Server) timeout() gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Set(baseContextKey, c.Request.Context())
		ctx, cancel := context.WithTimeout(c.Request.Context(), s.cfg.RequestTimeout)
		defer cancel()
		c.Request = c.Request.WithContext(ctx)
		c.Next()
	}
}

// Header lists for CORS.
const (
	corsMethods = "GET, POST, PATCH, DELETE"
	corsHeaders = "Authorization, Content-Type, X-Request-ID"
)

// cors answers cross-origin requests from the configured origins, including
// preflights. It does nothing when no origins are configured.
func (s *Server) cors() gin.HandlerFunc {
	return func(c *gin.Context) {
		origin := c.GetHeader("Origin")
		if origin == "" || (!s.corsAll && len(s.corsOrigin) == 0) {
			c.Next()
			return
		}
		c.Writer.Header().Add("Vary", "Origin")
		preflight := c.Request.Method == http.MethodOptions && c.GetHeader("Access-Control-Request-Method") != ""
		if !s.corsAll && !s.corsOrigin[strings.TrimRight(origin, "/")] {
			if preflight {
				s.fail(c, argmap.Errorf(argmap.EFORBIDDEN, "origin %q may not call this API", origin))
				return
			}
			c.Next()
			return
		}
		h := c.Writer.Header()
		if s.corsAll {
			h.Set("Access-Control-Allow-Origin", "*")
		} else {
			h.Set("Access-Control-Allow-Origin", origin)
		}
		h.Set("Access-Control-Expose-Headers", "X-Request-ID, Location, ETag, Argmap-Cut")
		if preflight {
			h.Set("Access-Control-Allow-Methods", corsMethods)
			h.Set("Access-Control-Allow-Headers", corsHeaders)
			h.Set("Access-Control-Max-Age", "600")
			c.AbortWithStatus(http.StatusNoContent)
			return
		}
		c.Next()
	}
}

// limitBody refuses bodies declared larger than the limit and caps the rest.
func (s *Server) limitBody() gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.Request.ContentLength > s.cfg.MaxBodyBytes {
			s.fail(c, argmap.Errorf(argmap.ETOOLARGE, "the request body is larger than %d bytes", s.cfg.MaxBodyBytes))
			return
		}
		if c.Request.Body != nil {
			c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, s.cfg.MaxBodyBytes)
		}
		c.Next()
	}
}

// checkInput refuses a path or query string that is not valid UTF-8 or not a
// well-formed query.
func (s *Server) checkInput() gin.HandlerFunc {
	return func(c *gin.Context) {
		if !utf8.ValidString(c.Request.URL.Path) {
			s.fail(c, argmap.Errorf(argmap.EINVALID, "the path is not valid UTF-8"))
			return
		}
		q, err := url.ParseQuery(c.Request.URL.RawQuery)
		if err != nil {
			s.fail(c, argmap.Errorf(argmap.EINVALID, "the query string is malformed"))
			return
		}
		for k, vs := range q {
			if !utf8.ValidString(k) {
				s.fail(c, argmap.Errorf(argmap.EINVALID, "a query parameter name is not valid UTF-8"))
				return
			}
			for _, v := range vs {
				if !utf8.ValidString(v) {
					s.fail(c, argmap.Errorf(argmap.EINVALID, "query parameter %s is not valid UTF-8", strconv.Quote(k)))
					return
				}
			}
		}
		c.Next()
	}
}
