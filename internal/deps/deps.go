//go:build tools

// Package deps pins the project's direct dependencies while the packages that use them are written.
package deps

import (
	_ "github.com/getkin/kin-openapi/openapi3"
	_ "github.com/gin-gonic/gin"
	_ "github.com/goccy/go-graphviz"
	_ "github.com/google/go-cmp/cmp"
	_ "github.com/jdkato/prose/v3"
	_ "github.com/neo4j/neo4j-go-driver/v5/neo4j"
	_ "golang.org/x/net/html"
	_ "modernc.org/sqlite"
)
