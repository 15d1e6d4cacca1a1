package argmap

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"strings"
	"time"
)

// NodeKind names the kind of a graph node. Every ID starts with its kind's
// prefix, so the kind of any ID can be told without a lookup.
type NodeKind string

// Node kinds.
const (
	KindSource   NodeKind = "source"
	KindClaim    NodeKind = "claim"
	KindEvidence NodeKind = "evidence"
	KindActor    NodeKind = "actor"
	KindRelation NodeKind = "relation"
	KindCitation NodeKind = "citation"
	KindAudit    NodeKind = "audit" // an audit trail entry, not a graph node
)

var kindPrefix = map[NodeKind]string{
	KindSource:   "src_",
	KindClaim:    "clm_",
	KindEvidence: "evd_",
	KindActor:    "act_",
	KindRelation: "rel_",
	KindCitation: "cit_",
	KindAudit:    "aud_",
}

var idEncoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// NewID returns a fresh random ID for a node of the given kind, such as
// "clm_k3x9...". It panics on an unknown kind (a programming error).
func NewID(kind NodeKind) string {
	p, ok := kindPrefix[kind]
	if !ok {
		panic("argmap: NewID of unknown kind " + string(kind))
	}
	var b [10]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("argmap: crypto/rand failed: " + err.Error())
	}
	return p + idEncoding.EncodeToString(b[:])
}

// DerivedID returns a deterministic ID of the given kind from the parts: the
// same parts always give the same ID. Extraction uses it so that a document
// yields the same IDs every time it is read.
func DerivedID(kind NodeKind, parts ...string) string {
	p, sum := hashParts("DerivedID", kind, parts)
	var out [32]byte
	n := copy(out[:], p)
	idEncoding.Encode(out[n:], sum[:10])
	return string(out[:n+idEncoding.EncodedLen(10)])
}

// hashParts returns kind's prefix and the hash of the parts, each ended by
// a zero byte, hashed in one piece: on the stack unless they are long
// (extraction derives an ID per node). fn names the caller in the panic on
// an unknown kind (a programming error).
func hashParts(fn string, kind NodeKind, parts []string) (string, [sha256.Size]byte) {
	p, ok := kindPrefix[kind]
	if !ok {
		panic("argmap: " + fn + " of unknown kind " + string(kind))
	}
	var in [256]byte
	b := in[:0]
	for _, s := range parts {
		b = append(b, s...)
		b = append(b, 0)
	}
	return p, sha256.Sum256(b)
}

// ScopeLen is the length of the scope at the start of a scoped ID (after
// its kind's prefix): 30 bits of the scope's hash.
const ScopeLen = 6

// Scope returns the scope of the IDs ScopedID derives from one document, the
// first ScopeLen characters of the hash of s (its content hash).
func Scope(s string) string {
	sum := sha256.Sum256([]byte(s))
	var out [8]byte
	idEncoding.Encode(out[:], sum[:5])
	return string(out[:ScopeLen])
}

// ScopeOf returns the scope of an ID: the ScopeLen characters after its
// kind's prefix ("" when it has none). For an ID that ScopedID did not make
// (a random or older one) this is as good a scope as any.
func ScopeOf(id string) string {
	if i := strings.IndexByte(id, '_'); i >= 0 && len(id) >= i+1+ScopeLen {
		return id[i+1 : i+1+ScopeLen]
	}
	return ""
}

// ScopedID returns a deterministic ID of the given kind from the parts, as
// DerivedID does, as long (16 characters after the prefix), but starting
// with scope (from Scope or ScopeOf) and followed by 50 bits of the parts'
// hash. Extraction scopes the IDs of a document's claims, evidence,
// relations and citations by the document, so that they are neighbours in
// a store's indexes by ID: a document's rows then land on a few pages of
// each index instead of one page a row, which made the writer's B-tree work
// and commits grow with the store rather than with the document.
func ScopedID(kind NodeKind, scope string, parts ...string) string {
	p, sum := hashParts("ScopedID", kind, parts)
	var out [40]byte
	n := copy(out[:], p)
	n += copy(out[n:], scope)
	var tail [16]byte
	idEncoding.Encode(tail[:], sum[:10])
	n += copy(out[n:], tail[:idEncoding.EncodedLen(10)-len(scope)])
	return string(out[:n])
}

// ActorID returns the ID of the actor with the given canonical name. Actors are
// shared across documents: the same canonical name (case and spacing folded)
// always gives the same ID.
func ActorID(canonicalName string) string {
	return DerivedID(KindActor, strings.ToLower(strings.Join(strings.Fields(canonicalName), " ")))
}

// KindOf returns the kind of node an ID names, or "" if the ID has no known
// prefix.
func KindOf(id string) NodeKind {
	for k, p := range kindPrefix {
		if strings.HasPrefix(id, p) && len(id) > len(p) {
			return k
		}
	}
	return ""
}

// ContentHash returns the hex SHA-256 of a document's bytes; it identifies a
// document for idempotent ingest.
func ContentHash(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

// Now returns the current time in UTC truncated to milliseconds, the precision
// every store keeps.
func Now() time.Time { return time.Now().UTC().Truncate(time.Millisecond) }
