package httpapi

import (
	"crypto/sha256"
	"crypto/subtle"
	"strconv"
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

// match returns the index of the key sum equals, or -1. It compares against
// every key in constant time, so neither the position of a match nor the
// length of any token leaks through timing.
func match(sum [sha256.Size]byte, keys [][sha256.Size]byte) int {
	at := -1
	for i := range keys {
		eq := subtle.ConstantTimeCompare(sum[:], keys[i][:])
		at = subtle.ConstantTimeSelect(eq, i, at)
	}
	return at
}

// grant returns what token allows and, for a write token, its name.
func (s *Server) grant(token string) (access, string) {
	if token == "" {
		return accessNone, ""
	}
	sum := sha256.Sum256([]byte(token))
	w, r := match(sum, s.writeKeys), match(sum, s.readKeys)
	switch {
	case w >= 0:
		return accessWrite, s.writeNames[w]
	case r >= 0:
		return accessRead, ""
	}
	return accessNone, ""
}

// parseToken splits a configured write token "name:token" into its name and
// secret; a plain token is named token-N (N its 1-based position).
func parseToken(entry string, n int) (name, token string) {
	if name, tok, ok := strings.Cut(entry, ":"); ok && name != "" && tok != "" {
		return name, tok
	}
	return "token-" + strconv.Itoa(n), entry
}

// requireWrite lets a request through only with a write token, or with no
// token at all when anonymous writes are allowed and no tokens are set.
func (s *Server) requireWrite() gin.HandlerFunc {
	return func(c *gin.Context) {
		tok, present := bearer(c)
		if len(s.writeKeys) == 0 && s.cfg.AllowAnonymousWrites {
			c.Set(whoKey, anonymous)
			c.Next()
			return
		}
		if len(s.writeKeys) == 0 {
			s.fail(c, argmap.Errorf(argmap.EUNAUTHORIZED,
				"writes are disabled: no API tokens are configured; set ARGMAP_API_TOKENS to a comma-separated list of secret tokens and send one as \"Authorization: Bearer <token>\""))
			return
		}
		switch g, name := s.grant(tok); {
		case g == accessWrite:
			c.Set(whoKey, name)
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
		if g, _ := s.grant(tok); g != accessNone {
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
