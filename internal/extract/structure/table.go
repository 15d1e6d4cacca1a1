package structure

// table holds the weights of one or more classifiers over the same
// features for fast scoring: open addressing on the feature hashes, every
// key with width weights (one per classifier). Built once, read only.
type table struct {
	keys  []uint64
	vals  []float64
	used  []bool
	width int
	mask  uint64
}

// newTable returns a table of width columns from the classifiers' weights.
func newTable(cols ...*logReg) *table {
	n := 0
	for _, c := range cols {
		n += len(c.w)
	}
	size := 16
	for size < 2*n {
		size <<= 1
	}
	t := &table{keys: make([]uint64, size), vals: make([]float64, size*len(cols)), used: make([]bool, size),
		width: len(cols), mask: uint64(size - 1)}
	for c, lr := range cols {
		for k, v := range lr.w {
			t.vals[t.slot(k)*t.width+c] = v
		}
	}
	return t
}

// slot returns k's slot, claiming a free one when k is new.
func (t *table) slot(k uint64) int {
	i := (k * 0x9e3779b97f4a7c15) >> 32 & t.mask
	for t.used[i] && t.keys[i] != k {
		i = (i + 1) & t.mask
	}
	if !t.used[i] {
		t.used[i], t.keys[i] = true, k
	}
	return int(i)
}

// score adds w·fs for every column to out (of length width).
func (t *table) score(fs []feat, out []float64) {
	for _, f := range fs {
		i := (f.id * 0x9e3779b97f4a7c15) >> 32 & t.mask
		for t.used[i] {
			if t.keys[i] == f.id {
				base := int(i) * t.width
				for c := 0; c < t.width; c++ {
					out[c] += t.vals[base+c] * f.v
				}
				break
			}
			i = (i + 1) & t.mask
		}
	}
}

// score1 returns w·fs of a one-column table.
func (t *table) score1(fs []feat) float64 {
	z := 0.0
	for _, f := range fs {
		i := (f.id * 0x9e3779b97f4a7c15) >> 32 & t.mask
		for t.used[i] {
			if t.keys[i] == f.id {
				z += t.vals[i] * f.v
				break
			}
			i = (i + 1) & t.mask
		}
	}
	return z
}
