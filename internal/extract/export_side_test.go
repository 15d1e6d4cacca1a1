package extract

// NewStancerWithSide returns a Stancer whose side model has the weights
// sw (nil: none, the rules' sides).
func NewStancerWithSide(sw *SideModelWeights) *Stancer {
	s := NewStancer()
	s.side = nil
	if sw != nil {
		m, err := sw.model()
		if err != nil {
			panic(err)
		}
		s.side = m
	}
	return s
}
