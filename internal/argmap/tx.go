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
