package scenarios

import (
	_ "embed"
	"slices"
)

//go:embed schema.json
var schemaJSON []byte

// Schema returns the JSON Schema (draft 2020-12) of the scenario format, for the API to
// publish and for editors. It checks structure only; Validate checks the meaning.
func Schema() []byte { return slices.Clone(schemaJSON) }
