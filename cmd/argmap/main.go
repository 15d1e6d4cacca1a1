// Command argmap extracts claims, evidence, actors and relations from
// documents, stores them as an argument graph, answers which sources support
// or contest a claim, renders argument maps and serves a REST API.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"

	"github.com/argmap/argmap/internal/argmap"
)

// command is one subcommand.
type command struct {
	name    string
	usage   string
	summary string
	notes   string // what 'argmap help COMMAND' says after the summary, if anything
	hidden  bool
	run     func(ctx context.Context, env *env, args []string) error
}

// env is what a command may touch: its streams and the process environment.
type env struct {
	stdout, stderr io.Writer
	getenv         func(string) string
	command        string // the subcommand running, set by run
}

func commands() []command {
	return []command{
		{name: "demo", usage: "demo [--store PATH] [--addr HOST:PORT] [--no-serve]", summary: "ingest the bundled demo corpus and serve the API with a map", run: runDemo},
		{name: "ingest", usage: "ingest [--store PATH] [--progress auto|bar|lines] [--workers N] FILE|DIR...", summary: "extract documents and store their argument graph", notes: ingestNotes, run: runIngest},
		{name: "extract", usage: "extract [--format jsonl] [--workers N] FILE...", summary: "print the extraction of documents without storing it", run: runExtract},
		{name: "sources", usage: "sources [--store PATH] [--q TEXT] [--source ID] [--format text|json] [--limit N] [--after ID]", summary: "list stored sources (--q: words of the title)", run: runSources},
		{name: "claims", usage: "claims [--store PATH] [--q TEXT] [--source ID] [--format text|json] [--ids] [--limit N] [--after ID]", summary: "list stored claims (--q: full-text search; --source: stated in that source)", run: runClaims},
		{name: "actors", usage: "actors [--store PATH] [--q TEXT] [--source ID] [--format text|json] [--limit N] [--after ID]", summary: "list stored actors (--q: part of a name or alias; --source: named in its claims or evidence)", run: runActors},
		{name: "supporters", usage: "supporters [--store PATH] [--format json|text] [--depth N] [--limit N] [--quotes N] [--cursor C] [--source ID] [--full] \"CLAIM TEXT or ID\"", summary: "list the sources that support and contest a claim", run: runSupporters},
		{name: "import", usage: "import [--store PATH] [--format argdown|aif|carneades|tgf] FILE...", summary: "store argument maps written in Argdown, AIF, Carneades YAML or TGF (format from the extension)", run: runImport},
		{name: "evaluate", usage: "evaluate [--store PATH] [--semantics grounded|complete|preferred|stable|carneades] [--claim ID --depth N | QUESTION] [--format text|json] [--ids]", summary: "which claims stand: label every claim in, out or undecided, with the arguments that decide it", run: runEvaluate},
		{name: "export", usage: "export [--store PATH] --format dot|svg|png|argdown|aif|tgf [--claim ID --depth N] [--evaluate [--semantics S]] -o FILE", summary: "render the argument map, or write it as Argdown or AIF", run: runExport},
		{name: "serve", usage: "serve [--store PATH] [--addr HOST:PORT]", summary: "serve the REST API", run: runServe},
		{name: "migrate", usage: "migrate [--store PATH]", summary: "apply pending schema migrations", run: runMigrate},
		{name: "copy", usage: "copy --from STORE --to STORE", summary: "copy a whole graph between stores, verified by counts", run: runCopy},
		{name: pdfWorkerCommand, hidden: true, usage: pdfWorkerCommand, run: runPDFWorker},
		{name: "train-structure", hidden: true, usage: "train-structure --data DIR [--extra DIR] [--folds N --fold K] [--seed N] -o FILE", run: runTrainStructure},
		{name: "train-judge", hidden: true, usage: "train-judge --store PATH [--l2 X] [--cut-same P] [--cut-denial P] [--cv] [--changes] [-o FILE] QUESTIONS.json...", run: runTrainJudge},
		{name: "train-side", hidden: true, usage: "train-side --store PATH [--l2 X] [--cut P] [--cv] [--cv-cuts P,...] [--cv-changes] [--changes] [--sides] [-o FILE] QUESTIONS.json...", run: runTrainSide},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, &env{stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}, os.Args[1:])
	stop()
	os.Exit(code)
}

// run dispatches args to a subcommand and returns the exit code: 0 on
// success, 1 when the command failed, 2 on a usage error.
func run(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			for _, c := range commands() {
				if c.name == args[1] && !c.hidden {
					help(e.stdout, c)
					return 0
				}
			}
		}
		usage(e.stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		ce := *e
		ce.command = c.name
		err := c.run(ctx, &ce, args[1:])
		if err == nil {
			return 0
		}
		if errors.Is(err, errHelp) {
			help(e.stdout, c)
			return 0
		}
		var ue *usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(e.stderr, "argmap %s: %s\nusage: argmap %s\n", c.name, ue.msg, c.usage)
			return 2
		}
		var reported *reportedError
		if !errors.As(err, &reported) {
			fmt.Fprintf(e.stderr, "argmap %s: %s\n", c.name, argmap.ErrorMessage(err))
		}
		return 1
	}
	fmt.Fprintf(e.stderr, "argmap: unknown command %q (run 'argmap help')\n", args[0])
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "argmap — claims, evidence, actors and relations pulled out of documents, stored as a graph")
	fmt.Fprintln(w, "\nusage: argmap COMMAND [flags] [args]\n\ncommands:")
	cs := commands()
	sort.SliceStable(cs, func(i, j int) bool { return false })
	for _, c := range cs {
		if !c.hidden {
			fmt.Fprintf(w, "  %-11s %s\n", c.name, c.summary)
		}
	}
	fmt.Fprintln(w, "\nThe store is SQLite at data/argmap.db unless --store or ARGMAP_STORE names another path,")
	fmt.Fprintln(w, "or a Neo4j URI (neo4j://, neo4j+s://, bolt://) with ARGMAP_NEO4J_USER/PASSWORD/DATABASE.")
	fmt.Fprintln(w, "Run 'argmap help COMMAND' for a command's flags.")
}

// help prints a command's usage, summary and notes.
func help(w io.Writer, c command) {
	fmt.Fprintf(w, "usage: argmap %s\n\n%s\n", c.usage, c.summary)
	if c.notes != "" {
		fmt.Fprintf(w, "\n%s\n", c.notes)
	}
}

// errHelp is what a command returns when it was asked for its help
// (--help, -h): run prints the help.
var errHelp = errors.New("help requested")

// usageError is a mistake in how a command was called.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// reportedError is a failure already reported to the user line by line.
type reportedError struct{ msg string }

func (e *reportedError) Error() string { return e.msg }

func trimSpace(s string) string { return strings.TrimSpace(s) }
