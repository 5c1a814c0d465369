// Package static holds the web frontend, embedded so the binary runs anywhere.
package static

import (
	"embed"
	"io/fs"
)

//go:embed public
var files embed.FS

// FS returns the frontend files, rooted at the public folder.
func FS() fs.FS {
	sub, err := fs.Sub(files, "public")
	if err != nil {
		panic(err) // cannot happen: "public" is embedded above
	}
	return sub
}
