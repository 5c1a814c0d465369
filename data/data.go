// Package data embeds the directory's records, so the binary runs anywhere
// with a working default; `--data DIR` replaces them at run time.
package data

import (
	"embed"
	"io/fs"
)

//go:embed *.toml organizations geo
var files embed.FS

// FS returns the embedded data folder.
func FS() fs.FS { return files }
