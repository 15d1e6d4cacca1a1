package render

import (
	"container/list"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"runtime/debug"
	"sync"
)

// DefaultCacheBytes bounds the maps a Renderer keeps (Options.CacheBytes).
const DefaultCacheBytes = 64 << 20

// cache keeps rendered maps by key, the least recently used going first
// past max bytes. A map larger than a quarter of max is not kept.
type cache struct {
	mu    sync.Mutex
	max   int
	size  int
	order *list.List // front: most recently used
	items map[string]*list.Element
}

type cacheEntry struct {
	key string
	out []byte
}

func newCache(max int) *cache {
	return &cache{max: max, order: list.New(), items: map[string]*list.Element{}}
}

func (c *cache) get(key string) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*cacheEntry).out, true
}

func (c *cache) add(key string, out []byte) {
	if c == nil || len(out) > c.max/4 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.items[key]; ok {
		return
	}
	c.items[key] = c.order.PushFront(&cacheEntry{key: key, out: out})
	c.size += len(out)
	for c.size > c.max {
		el := c.order.Back()
		e := el.Value.(*cacheEntry)
		c.order.Remove(el)
		delete(c.items, e.key)
		c.size -= len(e.out)
	}
}

// buildSalt tells apart the maps of different builds of argmap in keys (and
// so in ETags): the VCS revision of a clean build, else a random value per
// process, so that a changed drawing code never answers an old ETag with 304.
var buildSalt = sync.OnceValue(func() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		var rev, modified string
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
		if rev != "" && modified == "false" {
			return rev
		}
	}
	var b [16]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
})

// key names a map: the build, the engine, the format and the DOT.
func (r *Renderer) key(format string, dot []byte) string {
	h := sha256.New()
	h.Write([]byte(buildSalt() + "\x00" + r.engine + "\x00" + format + "\x00"))
	h.Write(dot)
	return hex.EncodeToString(h.Sum(nil)[:20])
}
