package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
	argstruct "github.com/argmap/argmap/internal/extract/structure"
)

// microtextsLicence is recorded in weights trained on microtexts.
const microtextsLicence = "arg-microtexts part 2 (Skeppstedt, Peldszus and Stede 2018), CC BY-NC-SA 4.0"

// ownTextsLicence is recorded in weights trained with --extra.
const ownTextsLicence = "argmap's own labelled texts (written for argmap), this repository's licence"

// runTrainStructure fits the argument-structure parser's weights on texts
// with gold structures (the microtexts XML format), optionally leaving out
// one fold for cross-validation (scripts/cv-structure.sh).
func runTrainStructure(ctx context.Context, e *env, args []string) error {
	fs := newFlags("train-structure")
	data := fs.String("data", "", "directory of NAME.txt with NAME.xml gold structures")
	extra := fs.String("extra", "", "directory of our own labelled texts (same format): they train the segmenter and the central claim only, are in every fold's training and never listed")
	folds := fs.Int("folds", 0, "split the texts into this many folds (by topic) ...")
	fold := fs.Int("fold", -1, "... and train without this fold (0-based)")
	list := fs.Bool("list-fold", false, "print the names of the texts in --fold instead of training")
	seed := fs.Uint64("seed", 1, "seed of the training order")
	out := fs.String("o", "", "write the weights (JSON) to this file")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) > 0:
		return usagef("unexpected argument %q", pos[0])
	case *data == "":
		return usagef("--data names the training directory")
	case *out == "" && !*list:
		return usagef("-o names the weights file to write")
	case *folds < 0 || *folds == 1:
		return usagef("--folds must be 0 (no folds) or at least 2")
	case *folds > 0 && (*fold < 0 || *fold >= *folds):
		return usagef("--fold must be 0..%d with --folds %d", *folds-1, *folds)
	case *folds == 0 && (*fold >= 0 || *list):
		return usagef("--fold and --list-fold need --folds")
	}
	docs, err := argstruct.ReadMicrotexts(*data, extract.StructureSentences)
	if err != nil {
		return err
	}
	opt := argstruct.TrainOptions{Seed: *seed, TrainedOn: []string{microtextsLicence + ": " + filepath.Base(filepath.Clean(*data))}}
	if *extra != "" && !*list {
		if opt.Extra, err = argstruct.ReadMicrotexts(*extra, extract.StructureSentences); err != nil {
			return err
		}
		opt.TrainedOn = append(opt.TrainedOn, ownTextsLicence+": "+filepath.Base(filepath.Clean(*extra)))
	}
	if *folds > 0 {
		assign := argstruct.Folds(docs, *folds)
		var train []argstruct.Doc
		for i, d := range docs {
			if assign[i] == *fold {
				if *list {
					fmt.Fprintln(e.stdout, d.Name)
				}
				continue
			}
			train = append(train, d)
		}
		if *list {
			return nil
		}
		docs = train
		opt.Fold = strconv.Itoa(*fold) + "/" + strconv.Itoa(*folds)
	}
	_, weights, err := argstruct.Train(ctx, docs, opt)
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, weights, 0o644); err != nil {
		return argmap.Errorf(argmap.EINVALID, "cannot write %s: %w", *out, err)
	}
	fmt.Fprintf(e.stderr, "trained on %d texts and %d of our own; wrote %s\n", len(docs), len(opt.Extra), *out)
	return nil
}
