// Package api holds argmap's HTTP contract, the OpenAPI 3.1 document
// openapi.yaml, embedded so the server can serve it and tests can check the
// routes against it.
package api

import _ "embed"

// Spec is the OpenAPI 3.1 document describing argmap's HTTP API, in YAML.
//
//go:embed openapi.yaml
var Spec []byte
