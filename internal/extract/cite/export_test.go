package cite

// DatePattern and LastDateYear let the tests compare lastDateYear with the
// regular expression's own search.
var (
	DatePattern  = datePattern
	LastDateYear = lastDateYear
)
