package extract_test

import (
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
)

// TestEchoes: a sentence whose subject stands for the proposition before
// it and whose predicate says only that it holds of another case is an
// echo; a demonstrative with a noun, "it is true that", "that said" and a
// predicate that opens a clause of its own are not.
func TestEchoes(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"The same is true of the evening routes.", true},
		{"This also holds for the pilots.", true},
		{"That is equally the case in the northern districts.", true},
		{"The same argument applies to ferry fares.", true},
		{"However, the same can be said of the night shift.", true},
		{"This is so for most of the ports.", true},
		{"The same goes for the ferry.", true},
		{"This is true, too.", true},
		{"The same does not hold for the ferry.", true},
		{"This is not the case in the northern districts.", true},
		{"That isn't so for the pilots.", true},
		{"This policy is true to its name.", false},
		{"It is true that the county cut the routes.", false},
		{"This holds the key to the dispute.", false},
		{"This is so costly that the county dropped it.", false},
		{"That said, the routes were cut.", false},
		{"The same buses run at night.", false},
		{"The county is true to its word.", false},
	} {
		if got := extract.Echoes(tc.text); got != tc.want {
			t.Errorf("Echoes(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestEchoJudgedWithoutStance: an echo shares the question's words
// without saying what the question says of them (its predecessor says
// it: here the county has not cut the school routes, so the echo says it
// has not cut the evening ones). The rules leave it topic where they would
// read its words as the question's (the first two), a learned judge that
// takes every candidate it may does not promote it on the words it shares
// (the next two: below the rules' threshold, they meet the question's
// rarest word); nor is a negated echo a denial of the question (the fifth:
// its predecessor may say the question's opposite); and a sentence that
// says the question in other words is still an answer.
func TestEchoJudgedWithoutStance(t *testing.T) {
	zero := map[string]float64{}
	for _, name := range extract.JudgeFeatureNames() {
		zero[name] = 0
	}
	always := extract.SideWeights{Weights: zero, Bias: 5, Cut: 0.5}
	yes, err := extract.WithJudgeWeights(extract.JudgeWeights{Same: always, Denial: always})
	if err != nil {
		t.Fatal(err)
	}
	q := "The county cut the evening bus routes"
	texts := []string{
		"The same holds for the evening bus routes of the county.",
		"This is also the case for the county's evening bus routes.",
		"The same is true of the cuts to evening services.",
		"This also holds for cuts in the evening.",
		"The same is not true of the evening bus routes of the county.",
		"Evening routes were reduced.",
		"The county has not cut the school bus routes.",
		"The county runs buses to every village.",
		"Bus drivers in the county went on strike.",
		"The county bought six new buses.",
		"School bus routes start at seven.",
		"The county published a new bus timetable.",
		"Parents asked the county for more buses.",
		"The bus depot is owned by the county.",
	}
	judgedFirst(t, yes, q, texts, argmap.StanceTopic, argmap.StanceTopic, argmap.StanceTopic, argmap.StanceTopic, argmap.StanceTopic, argmap.StanceSame)
	for _, text := range texts[:5] {
		if j := extract.NewStancer().Judge(q, text); j.Stance != argmap.StanceTopic {
			t.Errorf("Judge(%q, %q) = %s (%.2f), want topic", q, text, j.Stance, j.Score)
		}
	}
}
