// Package structure parses the argument structure of a text: which units
// below the sentence argue, which one is the central claim, and what each
// unit supports or contests. It follows the shape of an evidence-graph
// parser (Peldszus and Stede 2015), one stage per file:
//
//	token.go     words with byte offsets
//	lexicon.go   general word classes: discourse connectives by class, modals, negation, person
//	segment.go   sentences -> argumentative discourse units (a boundary classifier over candidate split points)
//	features.go  every feature of a unit, a pair of units and a split point, in one place
//	logreg.go    the base classifiers: logistic regression fitted by a seeded SGD
//	model.go     the learned weights (weights.json, embedded) for the five classifiers
//	parse.go     central claim, role, function and attachment scores combined into one evidence graph
//	mst.go       the decoder: a maximum spanning arborescence (Chu-Liu/Edmonds) rooted at the central claim
//	central.go   a central claim that leans on the half of its sentence before it is joined with it
//	corpus.go    gold structures in the microtexts XML format, for training and checking
//	train.go     fitting a model on a corpus, and deterministic folds for cross-validation
//	evaluate.go  scoring parses against gold structures as the project's microtexts scorer does
//
// The package only computes: it prints nothing and keeps no mutable state.
package structure
