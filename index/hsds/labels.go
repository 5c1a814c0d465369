package hsds

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// ReadLabels reads the page's words (i18n/<lang>.json in the static
// files) for the terms the records do not label: channels, appointment,
// cost, wheelchair access. Plural forms (objects) are skipped; a missing
// file leaves that language out (the term is then named by its code).
func ReadLabels(files fs.FS) (Labels, error) {
	out := Labels{}
	for _, lang := range index.Languages {
		b, err := fs.ReadFile(files, "i18n/"+lang+".json")
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("labels: %w", err)
		}
		var all map[string]any
		if err := json.Unmarshal(b, &all); err != nil {
			return nil, fmt.Errorf("labels: i18n/%s.json: %w", lang, err)
		}
		out[lang] = map[string]string{}
		for k, v := range all {
			if s, ok := v.(string); ok {
				out[lang][k] = s
			}
		}
	}
	return out, nil
}
