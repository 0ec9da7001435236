// Package data holds the sample articles, embedded so that
// `newsgraph demo` works from any directory.
package data

import "embed"

// Samples holds the sample articles and their manifest.json.
//
//go:embed *.txt manifest.json
var Samples embed.FS
