package argmap

import "context"

// Transactor runs several store calls as one transaction.
type Transactor interface {
	// Atomically calls fn with a store whose reads and writes all belong to
	// one write transaction, committed when fn returns nil and rolled back
	// when it returns an error (which Atomically returns). A change and the
	// audit entry that records it are written this way, so that neither is
	// stored without the other. The store given to fn must not be used after
	// fn returns, nor from other goroutines. fn may be called more than once
	// (Neo4j retries a transaction that failed for a transient reason), so it
	// must not keep state between calls. Within a store fn was given,
	// Atomically just calls fn.
	Atomically(ctx context.Context, fn func(tx Store) error) error
}

// GraphHook is called by WriteGraph inside its transaction, once g is
// written, with a store bound to that transaction: what the hook writes is
// stored with g or not at all, and an error from the hook rolls g back.
type GraphHook func(ctx context.Context, tx Store, g *Graph) error

type graphHookKey struct{}

// WithGraphHook returns a context that makes every WriteGraph called with it
// run h in the write's transaction. The services that store a document's
// graph (ingest, map import) call WriteGraph for the document, so the HTTP
// API uses a hook to record the document's audit entry with its records.
func WithGraphHook(ctx context.Context, h GraphHook) context.Context {
	return context.WithValue(ctx, graphHookKey{}, h)
}

// RunGraphHook runs the hook ctx carries, if any, with tx and g; the hook
// gets a context without it, so that it does not run again for a graph the
// hook itself writes. Stores call it at the end of WriteGraph's transaction.
func RunGraphHook(ctx context.Context, tx Store, g *Graph) error {
	h, _ := ctx.Value(graphHookKey{}).(GraphHook)
	if h == nil {
		return nil
	}
	return h(context.WithValue(ctx, graphHookKey{}, GraphHook(nil)), tx, g)
}

// BulkLoader is implemented by stores with a faster way to load many records
// in one transaction (SQLite: indexes and full-text rows built once at the
// end). Loads that write many graphs at once (benchmarks, copies, imports of
// many maps) use it through Bulk.
type BulkLoader interface {
	// Bulk calls fn with a store bound to one write transaction, as
	// Atomically does: committed when fn returns nil, rolled back when it
	// returns an error, and nothing is visible to other readers before the
	// commit. A WriteGraph that fails inside fn may leave part of its graph:
	// the load is then rolled back even if fn returns nil. Reads inside fn
	// see what it wrote but may be slower.
	// Within a store fn was given, Bulk just calls fn.
	Bulk(ctx context.Context, fn func(tx Store) error) error
}

// Bulk runs fn through s's Bulk when s is a BulkLoader, else through
// Atomically (where fn must return the error of a WriteGraph that failed).
func Bulk(ctx context.Context, s Store, fn func(tx Store) error) error {
	if b, ok := s.(BulkLoader); ok {
		return b.Bulk(ctx, fn)
	}
	return s.Atomically(ctx, fn)
}
