package server

import (
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// languageNames keeps the name of each language of the data in each of the
// page's languages ("Arabisch" for ar in German): the language facet of
// every search names them, and x/text finds a name by parsing both tags and
// searching its tables, a few percent of an uncached search. The keys come
// from the page's ten languages and the data's language ids, so it stays
// small.
type languageNames struct {
	names sync.Map // [2]string{page language, language id} -> string
}

// name is the language id's name in the page language ui.
func (n *languageNames) name(ui, id string) string {
	key := [2]string{ui, id}
	if s, ok := n.names.Load(key); ok {
		return s.(string)
	}
	s := display.Tags(language.Make(ui)).Name(language.Make(id))
	n.names.Store(key, s)
	return s
}
