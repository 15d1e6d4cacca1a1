package sqlitestore

import (
	"container/heap"
	"context"
	"database/sql"
	"errors"
	"math"
	"math/bits"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"modernc.org/libc"
)

// wordIndex is the claims' full-text index in memory: for each term FTS5
// stored, the claims that have it and how often (text and gist together),
// and each claim's length in tokens, so that SearchClaims ranks claims by the
// same BM25 as FTS5's bm25() (k1 1.2, b 0.75, both columns weighted 1)
// without counting each query word's rows over the whole index at every
// query. Claims are numbered as in contentCopy (pk order).
type wordIndex struct {
	terms     *idTable
	termFirst []uint32 // term t's postings are post[termFirst[t]:termFirst[t+1]]
	post      []posting
	docLen    []uint32  // tokens of claim i, text and gist
	norm      []float64 // k1 * (1 - b + b * docLen / average docLen): bm25()'s length term, the same for every query
	rows      int64     // FTS5's row count and token total, as bm25 reads them
	tokens    int64
	spec      string // the table's tokenize option, for the query's words
	// dense[t] is the set of claims term t is in, one bit a claim, for a
	// term in at least one claim in denseShare (nil for the others): a
	// query's common words are tested bit by bit instead of galloping
	// through their long lists
	dense [][]uint64
}

// denseShare: a term in at least one claim in this many has a bit set
// beside its postings; the set (a bit a claim) is then at most a quarter of
// its postings' size (8 bytes a posting).
const denseShare = 16

type posting struct {
	doc uint32
	tf  uint32
}

// readWords reads the index terms of a full-text table (fts: claims_fts or
// evidence_fts, through their fts5vocab tables of migrations 0011 and 0012),
// row sizes and totals; pks are the rowids of its rows in order.
// It returns nil when the table's tokenizer cannot be read from its schema.
func readWords(ctx context.Context, tx *sql.Tx, fts string, pks []int64) (*wordIndex, error) {
	spec, ok, err := tokenizeSpec(ctx, tx, fts)
	if err != nil || !ok {
		return nil, err
	}
	w := &wordIndex{terms: newIDTable(), docLen: make([]uint32, len(pks)), spec: spec}
	doc := func(pk int64) (uint32, bool) {
		i := sort.Search(len(pks), func(i int) bool { return pks[i] >= pk })
		return uint32(i), i < len(pks) && pks[i] == pk
	}
	var block []byte
	err = tx.QueryRowContext(ctx, `SELECT block FROM `+fts+`_data WHERE id = 1`).Scan(&block)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		// an index never written to
	case err != nil:
		return nil, err
	default:
		n, k := varint(block)
		w.rows, block = int64(n), block[k:]
		for len(block) > 0 {
			n, k := varint(block)
			if k == 0 {
				break
			}
			w.tokens, block = w.tokens+int64(n), block[k:]
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, sz FROM `+fts+`_docsize`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var pk int64
		var sz []byte
		if err := rows.Scan(&pk, &sz); err != nil {
			rows.Close()
			return nil, err
		}
		i, ok := doc(pk)
		if !ok {
			continue
		}
		for len(sz) > 0 {
			n, k := varint(sz)
			if k == 0 {
				break
			}
			w.docLen[i], sz = w.docLen[i]+uint32(n), sz[k:]
		}
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	// one row per token, by term, row, column, offset
	if rows, err = tx.QueryContext(ctx, `SELECT term, doc FROM `+fts+`_tokens`); err != nil {
		return nil, err
	}
	var term []byte
	lastPK := int64(-1)
	for rows.Next() {
		var t []byte
		var pk int64
		if err := rows.Scan(&t, &pk); err != nil {
			rows.Close()
			return nil, err
		}
		if string(t) != string(term) {
			term = append(term[:0], t...)
			w.terms.add(string(t))
			w.termFirst = append(w.termFirst, uint32(len(w.post)))
			lastPK = -1
		}
		if pk == lastPK {
			w.post[len(w.post)-1].tf++
			continue
		}
		lastPK = pk
		i, ok := doc(pk)
		if !ok {
			continue
		}
		w.post = append(w.post, posting{doc: i, tf: 1})
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	w.termFirst = append(w.termFirst, uint32(len(w.post)))
	w.terms.seal()
	w.dense = make([][]uint64, w.terms.len())
	for t := range w.dense {
		list := w.post[w.termFirst[t]:w.termFirst[t+1]]
		if len(list) == 0 || len(list)*denseShare < len(w.docLen) {
			continue
		}
		set := make([]uint64, (len(w.docLen)+63)/64)
		for _, p := range list {
			set[p.doc/64] |= 1 << (p.doc % 64)
		}
		w.dense[t] = set
	}
	if w.rows > 0 {
		avgdl := float64(w.tokens) / float64(w.rows)
		k1, b := bm25K1, bm25B
		w.norm = make([]float64, len(w.docLen))
		for i, dl := range w.docLen {
			w.norm[i] = float64(k1 * float64(float64(1-b)+float64(float64(b*float64(dl))/avgdl)))
		}
	}
	return w, nil
}

// FTS5's bm25() constants, as variables: k1+1 and 1-b are computed in
// float64 as in C, not folded exactly as Go folds constants.
var bm25K1, bm25B = 1.2, 0.75

// varint decodes one SQLite varint (as FTS5 writes its sizes); k is 0 when b
// holds none.
func varint(b []byte) (v uint64, k int) {
	for i := 0; i < len(b) && i < 9; i++ {
		if i == 8 {
			return v<<8 | uint64(b[i]), 9
		}
		v = v<<7 | uint64(b[i]&0x7f)
		if b[i]&0x80 == 0 {
			return v, i + 1
		}
	}
	return 0, 0
}

// postings returns term's postings (none for a term not in the index) and
// its set of claims when it is dense (else nil).
func (w *wordIndex) postings(term string) ([]posting, []uint64) {
	t, ok := w.terms.lookup(term)
	if !ok {
		return nil, nil
	}
	return w.post[w.termFirst[t]:w.termFirst[t+1]], w.dense[t]
}

// scored is a claim (its index) and its BM25 score.
type scored struct {
	doc   uint32
	score float64
}

// bm25 holds what FTS5's bm25() reads once per query: each phrase's IDF
// (and, kept with the index, each row's length term).
type bm25 struct {
	idf  []float64
	k1p1 float64 // k1 + 1
	norm []float64
}

func (w *wordIndex) bm25(lists [][]posting) bm25 {
	b := bm25{idf: make([]float64, len(lists)), k1p1: bm25K1 + 1.0, norm: w.norm}
	for i, l := range lists {
		hits := int64(len(l))
		x := float64(float64(w.rows-hits)+0.5) / float64(float64(hits)+0.5)
		idf := math.NaN()
		if x > 0 {
			// the log SQLite's bm25() calls (musl's, translated), not
			// math.Log, which may differ in the last bit
			idf = libc.Xlog(nil, x)
		}
		if idf <= 0 {
			idf = 1e-6
		}
		b.idf[i] = idf
	}
	return b
}

// term is phrase i's share of row doc's score, as bm25() computes it: the
// explicit conversions keep the compiler from fusing operations, so that the
// sum is FTS5's to the last bit.
func (b *bm25) term(i int, tf uint32, doc uint32) float64 {
	f := float64(tf)
	return float64(b.idf[i] * float64(float64(f*b.k1p1)/float64(f+b.norm[doc])))
}

// search ranks the claims for the query's phrases (one index term each, in
// query order) as SearchClaims does in SQL: the best size claims with every
// term when there are at least size of them (or one term only), else the
// best with all terms but one (three terms or more) when there are size of
// those, else the best with any term, each scored by BM25 over all the
// phrases.
func (w *wordIndex) search(phrases []string, size int) []scored {
	if w.rows == 0 || size <= 0 || len(phrases) == 0 {
		return nil
	}
	lists, b, top := w.everyTerm(phrases, size)
	if len(phrases) == 1 || top.seen >= size {
		return top.sorted()
	}
	sc := w.sums(lists, &b)
	defer sc.release()
	if len(phrases) >= 3 {
		top = &topK{size: size}
		sc.offerAtLeast(len(phrases)-1, top)
		if len(top.items) >= size {
			return top.sorted()
		}
	}
	top = &topK{size: size}
	sc.offerAtLeast(1, top)
	return top.sorted()
}

// everyTerm reads the postings of the phrases and their BM25 weights, and
// ranks the best size rows that hold every phrase.
func (w *wordIndex) everyTerm(phrases []string, size int) ([][]posting, bm25, *topK) {
	lists := make([][]posting, len(phrases))
	sets := make([][]uint64, len(phrases))
	for i, p := range phrases {
		lists[i], sets[i] = w.postings(p)
	}
	b := w.bm25(lists)
	top := &topK{size: size}
	every(lists, sets, &b, top)
	return lists, b, top
}

// searchAnyFill ranks as SearchEvidence does in SQL: the best size rows
// with every term; when those are fewer than size (and there are two terms
// or more), they and the best size rows with any term, together, best
// first. The caller orders them (by score, then ID) and keeps size.
func (w *wordIndex) searchAnyFill(phrases []string, size int) []scored {
	if w.rows == 0 || size <= 0 || len(phrases) == 0 {
		return nil
	}
	lists, b, top := w.everyTerm(phrases, size)
	if len(phrases) == 1 || top.seen >= size {
		return top.items
	}
	more := &topK{size: size}
	sc := w.sums(lists, &b)
	sc.offerAtLeast(1, more)
	sc.release()
	for _, m := range more.items {
		if !slices.ContainsFunc(top.items, func(x scored) bool { return x.doc == m.doc }) {
			top.items = append(top.items, m)
		}
	}
	return top.items
}

// every offers top the claims with every phrase, in claim order: the
// shortest list's claims that are not dense (sets[i] nil) looked up in the
// other lists, each cursor moving forward by galloping, and in the dense
// ones' sets by their bit; when every list is dense, the claims whose bits
// are set in all. A dense list's cursor then only finds the term's count in
// each claim offered.
func every(lists [][]posting, sets [][]uint64, b *bm25, top *topK) {
	short := -1
	for i, l := range lists {
		if len(l) == 0 {
			return
		}
		if sets[i] == nil && (short < 0 || len(l) < len(lists[short])) {
			short = i
		}
	}
	at := make([]int, len(lists))
	tf := make([]uint32, len(lists))
	// offer offers claim doc if the lists that are not dense have it; false
	// when one of them has no claim at or after doc
	offer := func(doc uint32) bool {
		for i, l := range lists {
			j := gallop(l, at[i], doc)
			at[i] = j
			if j == len(l) {
				return false
			}
			if l[j].doc != doc {
				return true
			}
			tf[i] = l[j].tf
		}
		score := 0.0
		for i := range lists {
			score += b.term(i, tf[i], doc)
		}
		top.offer(doc, score)
		return true
	}
	if short < 0 {
		// every list is dense: the claims in every set
		for k := range sets[0] {
			word := sets[0][k]
			for _, set := range sets[1:] {
				word &= set[k]
			}
			for word != 0 {
				doc := uint32(k*64 + bits.TrailingZeros64(word))
				word &= word - 1
				if !offer(doc) {
					return
				}
			}
		}
		return
	}
next:
	for _, p := range lists[short] {
		for _, set := range sets {
			if set != nil && set[p.doc/64]&(1<<(p.doc%64)) == 0 {
				continue next
			}
		}
		if !offer(p.doc) {
			return
		}
	}
}

// gallop returns the first index at or after from whose doc is at least doc.
func gallop(l []posting, from int, doc uint32) int {
	if from >= len(l) || l[from].doc >= doc {
		return from
	}
	step := 1
	lo, hi := from, from+1
	for hi < len(l) && l[hi].doc < doc {
		lo = hi
		step *= 2
		hi = from + step
	}
	if hi > len(l) {
		hi = len(l)
	}
	// l[lo].doc < doc; answer in (lo, hi]
	return lo + 1 + sort.Search(hi-lo-1, func(k int) bool { return l[lo+1+k].doc >= doc })
}

// scratch is the per-claim sums atLeast adds into, kept between queries.
type scratch struct {
	score []float64
	count []uint8
	docs  []uint32
}

var scratchPool = sync.Pool{New: func() any { return &scratch{} }}

// sums adds up, for every row with any of the phrases, how many it has and
// its score, each phrase's share added in query order as bm25() adds them.
// The caller offers them (offerAtLeast) and gives sc back (release).
func (w *wordIndex) sums(lists [][]posting, b *bm25) *scratch {
	sc := scratchPool.Get().(*scratch)
	if len(sc.score) < len(w.docLen) {
		sc.score, sc.count = make([]float64, len(w.docLen)), make([]uint8, len(w.docLen))
	}
	sc.docs = sc.docs[:0]
	for i, l := range lists {
		for _, p := range l {
			if sc.count[p.doc] == 0 {
				sc.docs = append(sc.docs, p.doc)
			}
			if sc.count[p.doc] < math.MaxUint8 {
				sc.count[p.doc]++
			}
			sc.score[p.doc] += b.term(i, p.tf, p.doc)
		}
	}
	return sc
}

// offerAtLeast offers top the rows with at least min of the phrases.
func (sc *scratch) offerAtLeast(min int, top *topK) {
	for _, d := range sc.docs {
		if int(sc.count[d]) >= min {
			top.offer(d, sc.score[d])
		}
	}
}

// release clears the sums and puts sc back in the pool.
func (sc *scratch) release() {
	for _, d := range sc.docs {
		sc.score[d], sc.count[d] = 0, 0
	}
	sc.docs = sc.docs[:0]
	scratchPool.Put(sc)
}

// topK keeps the best size claims offered and counts every claim offered.
// Of claims with the same score the first stored (lowest rowid) is kept, as
// SQLite keeps it: FTS5 gives matches by rowid and a sort with a limit drops
// a row that is not better than the worst it holds.
type topK struct {
	size  int
	items []scored
	seen  int
}

func (t *topK) better(a, b scored) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	return a.doc < b.doc
}

// heap of the kept items, worst first.
func (t *topK) Len() int           { return len(t.items) }
func (t *topK) Less(i, j int) bool { return t.better(t.items[j], t.items[i]) }
func (t *topK) Swap(i, j int)      { t.items[i], t.items[j] = t.items[j], t.items[i] }
func (t *topK) Push(x any)         { t.items = append(t.items, x.(scored)) }
func (t *topK) Pop() any {
	x := t.items[len(t.items)-1]
	t.items = t.items[:len(t.items)-1]
	return x
}

func (t *topK) offer(doc uint32, score float64) {
	t.seen++
	s := scored{doc: doc, score: score}
	if len(t.items) < t.size {
		heap.Push(t, s)
		return
	}
	if t.better(s, t.items[0]) {
		t.items[0] = s
		heap.Fix(t, 0)
	}
}

// sorted returns the kept items, best first.
func (t *topK) sorted() []scored {
	out := append([]scored(nil), t.items...)
	sort.Slice(out, func(i, j int) bool { return t.better(out[i], out[j]) })
	return out
}

// tokenizeRe finds the tokenizer of the claims' full-text table in its
// CREATE statement.
var tokenizeRe = regexp.MustCompile(`(?i)tokenize\s*=\s*'([^']*)'`)

// tokenizer turns query words into the terms FTS5 stores them as: SQLite
// runs the claims' table's own tokenizer (porter stemming over unicode61) on
// them in a private in-memory database, once per word (a word's term is
// kept, a bounded number of them), so that no stemmer is written twice.
type tokenizer struct {
	mu    sync.Mutex
	spec  string // the tokenize option the helper table was made with
	db    *sql.DB
	cache map[string]string // word -> term; "" when it is not one token
}

// maxTokenCache bounds the words a tokenizer keeps.
const maxTokenCache = 50_000

// terms returns the term of each word, and false when a word is not exactly
// one token (such a query is left to FTS5 itself). spec is the tokenize
// option of the claims' table.
func (t *tokenizer) terms(ctx context.Context, spec string, words []string) ([]string, bool, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.db == nil || t.spec != spec {
		if t.db != nil {
			t.db.Close()
		}
		db, err := sql.Open("sqlite", "file:tokenizer?mode=memory")
		if err != nil {
			return nil, false, err
		}
		db.SetMaxOpenConns(1)
		db.SetMaxIdleConns(1)
		db.SetConnMaxLifetime(0)
		t.db, t.spec, t.cache = db, spec, map[string]string{}
	}
	var missing []string
	for _, w := range words {
		if _, ok := t.cache[w]; !ok {
			missing = append(missing, w)
		}
	}
	if len(missing) > 0 {
		got, err := t.tokenize(ctx, missing)
		if err != nil {
			return nil, false, err
		}
		if len(t.cache)+len(got) > maxTokenCache {
			clear(t.cache)
		}
		for i, w := range missing {
			t.cache[w] = got[i]
		}
	}
	out := make([]string, len(words))
	for i, w := range words {
		term, ok := t.cache[w]
		if !ok {
			// dropped by a clear above: tokenized again next time
			got, err := t.tokenize(ctx, []string{w})
			if err != nil {
				return nil, false, err
			}
			term = got[0]
		}
		if term == "" {
			return nil, false, nil
		}
		out[i] = term
	}
	return out, true, nil
}

// tokenize runs the tokenizer on each word: its one token, else "".
func (t *tokenizer) tokenize(ctx context.Context, words []string) ([]string, error) {
	conn, err := t.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	// the helper table lives as long as the connection; made again if the
	// connection was replaced
	if _, err := conn.ExecContext(ctx, `CREATE VIRTUAL TABLE IF NOT EXISTS words USING fts5 (w, tokenize = '`+
		strings.ReplaceAll(t.spec, "'", "''")+`')`); err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, `CREATE VIRTUAL TABLE IF NOT EXISTS word_tokens USING fts5vocab(words, instance)`); err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, `DELETE FROM words`); err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, `INSERT INTO words (rowid, w) SELECT key + 1, value FROM json_each(?)`, jsonList(words)); err != nil {
		return nil, err
	}
	rows, err := conn.QueryContext(ctx, `SELECT doc, min(term), count(*) FROM word_tokens GROUP BY doc`)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(words))
	for rows.Next() {
		var doc int64
		var term string
		var n int
		if err := rows.Scan(&doc, &term, &n); err != nil {
			rows.Close()
			return nil, err
		}
		if n == 1 && doc >= 1 && int(doc) <= len(words) {
			out[doc-1] = term
		}
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	return out, nil
}

// close closes the helper database.
func (t *tokenizer) close() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.db == nil {
		return nil
	}
	err := t.db.Close()
	t.db = nil
	return err
}

// tokenizeSpec returns the tokenize option of a full-text table
// from its CREATE statement, and false when it has none the helper can copy.
func tokenizeSpec(ctx context.Context, q querier, fts string) (string, bool, error) {
	var create string
	if err := q.QueryRowContext(ctx, `SELECT sql FROM sqlite_schema WHERE name = ?`, fts).Scan(&create); err != nil {
		return "", false, err
	}
	m := tokenizeRe.FindStringSubmatch(create)
	if m == nil {
		return "", false, nil
	}
	return m[1], true, nil
}
