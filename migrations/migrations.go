// Package migrations embeds the schema migrations of every store backend.
// go:embed cannot reach outside a package's directory, so the files live here
// and the stores read them through the file systems below. Each backend
// applies its files in lexical order and records each by name.
package migrations

import (
	"embed"
	"io/fs"
)

//go:embed sqlite/*.sql
var sqliteFiles embed.FS

//go:embed sqlite_schema/*.sql
var sqliteSchemaFiles embed.FS

//go:embed all:neo4j
var neo4jFiles embed.FS

// SQLite holds the SQLite migrations (NNNN_name.sql) at its root: each file is
// applied in one transaction, in lexical order.
var SQLite fs.FS = mustSub(sqliteFiles, "sqlite")

// SQLiteSchema holds one file, named after the last migration it covers
// (NNNN_name.sql): the schema that the migrations up to and including that
// one leave in a new database, as one script. A new store runs it instead
// of those migrations (twenty transactions, tables altered and rebuilt),
// records them as applied and applies any later one. It is generated from
// the migrations (go test ./internal/sqlitestore -run TestSchemaScript
// -update), and that test checks that both ways give the same database.
var SQLiteSchema fs.FS = mustSub(sqliteSchemaFiles, "sqlite_schema")

// Neo4j holds the Neo4j migrations (NNNN_name.cypher) at its root, next to a
// README.md describing them. Only files ending in .cypher are migrations.
var Neo4j fs.FS = mustSub(neo4jFiles, "neo4j")

func mustSub(f embed.FS, dir string) fs.FS {
	sub, err := fs.Sub(f, dir)
	if err != nil {
		// fs.Sub fails only for an invalid path, a programming error.
		panic("migrations: " + err.Error())
	}
	return sub
}
