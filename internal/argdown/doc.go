// Package argdown reads and writes Argdown (https://argdown.org), the
// language the Argdown CLI 1.7.5 reads, and maps it to and from argmap
// graphs. Parse turns a document into a Document (statements as equivalence
// classes, arguments with their premise-conclusion structures, relations,
// sections); ToGraph maps a Document onto argmap's model; Write renders a
// graph as Argdown. The package does no I/O.
//
// The mapping (see also README):
//   - A statement's equivalence class (every statement sharing a [title], or
//     one untitled statement) is a claim: Title the Argdown title, Text the
//     first text given, one span per place the document states it.
//   - An argument is a claim of Kind "argument": Title its title (untitled
//     reconstructions are named "Argument N"), Text its first description
//     (the title when it has none). Its premise-conclusion structure is one
//     supports relation per inference step, titled with the argument's title:
//     the step's premises (the statements since the previous inference, or
//     those {uses: [...]} lists) as linked premises, its conclusion as target,
//     the inference rules as Scheme.
//   - Relations: support (+, +>, <+) is a supports relation, attack (-, ->,
//     <-) a contests relation, from the claim (statement or argument) to the
//     claim. As in Argdown, what an argument with a premise-conclusion
//     structure supports or attacks, its main conclusion does. In strict mode a support between statements is entailment
//     (Scheme "entails") and an attack contrariety (Scheme "contrary");
//     >< is a contests relation with Scheme "contradictory". An undercut
//     (_, _>, <_) of an argument is a contests relation whose target is the
//     argument's inference: its main step when it has a premise-conclusion
//     structure, else the relation by which it supports or attacks what it
//     bears on (argmap draws undercuts on that edge); an argument that bears
//     on nothing is undercut through its claim, marked with Scheme "undercut".
//   - Headings become each claim's Section (the heading path); the export
//     writes them back. Tags, mentions and Markdown markup stay in the text;
//     data blocks ({...}) and the document's settings other than the title
//     and strict mode are not kept.
package argdown
