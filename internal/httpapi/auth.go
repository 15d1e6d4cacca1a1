package httpapi

import (
	"crypto/sha256"
	"crypto/subtle"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/argmap/argmap/internal/argmap"
)

// access is what a request's credentials allow.
type access int

const (
	accessNone  access = iota // no token, or a token not configured
	accessRead                // a read-only token
	accessWrite               // a write token
)

// bearer returns the token of an "Authorization: Bearer <token>" header and
// whether the header was present at all.
func bearer(c *gin.Context) (token string, present bool) {
	h := c.GetHeader("Authorization")
	if h == "" {
		return "", false
	}
	scheme, tok, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", true
	}
	return strings.TrimSpace(tok), true
}

// match reports whether sum equals one of keys. It compares against every key
// in constant time, so neither the position of a match nor the length of any
// token leaks through timing.
func match(sum [sha256.Size]byte, keys [][sha256.Size]byte) bool {
	found := 0
	for i := range keys {
		found |= subtle.ConstantTimeCompare(sum[:], keys[i][:])
	}
	return found == 1
}

// grant returns what token allows.
func (s *Server) grant(token string) access {
	if token == "" {
		return accessNone
	}
	sum := sha256.Sum256([]byte(token))
	w, r := match(sum, s.writeKeys), match(sum, s.readKeys)
	switch {
	case w:
		return accessWrite
	case r:
		return accessRead
	}
	return accessNone
}

// requireWrite lets a request through only with a write token, or with no
// token at all when anonymous writes are allowed and no tokens are set.
func (s *Server) requireWrite() gin.HandlerFunc {
	return func(c *gin.Context) {
		tok, present := bearer(c)
		if len(s.writeKeys) == 0 && s.cfg.AllowAnonymousWrites {
			c.Next()
			return
		}
		if len(s.writeKeys) == 0 {
			s.fail(c, argmap.Errorf(argmap.EUNAUTHORIZED,
				"writes are disabled: no API tokens are configured; set ARGMAP_API_TOKENS to a comma-separated list of secret tokens and send one as \"Authorization: Bearer <token>\""))
			return
		}
		switch g := s.grant(tok); {
		case g == accessWrite:
			c.Next()
		case g == accessRead:
			s.fail(c, argmap.Errorf(argmap.EFORBIDDEN, "this token may only read"))
		case present:
			c.Header("WWW-Authenticate", `Bearer error="invalid_token"`)
			s.fail(c, argmap.Errorf(argmap.EUNAUTHORIZED, "the bearer token is not valid"))
		default:
			c.Header("WWW-Authenticate", `Bearer`)
			s.fail(c, argmap.Errorf(argmap.EUNAUTHORIZED, "writes need an \"Authorization: Bearer <token>\" header"))
		}
	}
}

// requireRead lets a request through when reads are open or it carries a
// read or write token.
func (s *Server) requireRead() gin.HandlerFunc {
	return func(c *gin.Context) {
		if !s.cfg.ReadTokensRequired {
			c.Next()
			return
		}
		tok, present := bearer(c)
		if s.grant(tok) != accessNone {
			c.Next()
			return
		}
		if present {
			c.Header("WWW-Authenticate", `Bearer error="invalid_token"`)
			s.fail(c, argmap.Errorf(argmap.EUNAUTHORIZED, "the bearer token is not valid"))
			return
		}
		c.Header("WWW-Authenticate", `Bearer`)
		s.fail(c, argmap.Errorf(argmap.EUNAUTHORIZED, "reads need an \"Authorization: Bearer <token>\" header"))
	}
}
