package index

import (
	"context"
	"fmt"
	"strings"
)

// nameDF is the document frequency a term of a service's name is weighed
// by (its IDF). Among names alone nearly every word is rare, so a word most
// services use ("work" in the employment agency's "Getting into work for
// refugees") outweighed the query's need word ("pharmacist") that the
// vocabulary credits. So a name's word counts as common as it is among the
// names and the descriptions of the same language together (the sum of
// both counts): "Dolmetscher", rare in both, still names the need. n is
// the term's count in field; other fields keep it. Organizations' names and
// keywords were measured too and rejected, and the larger of the two
// counts instead of their sum gained less
// (docs/decisions/query-understanding.md).
func (ix *Index) nameDF(ctx context.Context, field, term string, n uint64) (uint64, error) {
	lang, ok := strings.CutPrefix(field, textFields[nameField].prefix+"_")
	if !ok {
		return n, nil
	}
	desc := textField(descField, lang)
	if !ix.terms.has(desc, term) {
		return n, nil
	}
	r, err := ix.reader.TermFieldReader(ctx, []byte(term), desc, false, false, false)
	if err != nil {
		return 0, fmt.Errorf("postings %s:%s: %w", desc, term, err)
	}
	defer r.Close()
	return n + r.Count(), nil
}
