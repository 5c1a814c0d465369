package index

import "fmt"

// A cold start decodes the records from TOML: every text is a map and
// every string an allocation of its own, made among the decoder's far
// larger garbage. Go's collector does not move objects, so what survives
// stays scattered over pages that are otherwise empty: a cold-started
// server of 100,000 generated services had 677 MB of live heap in
// 1,647 MB of pages in use, and stayed resident with 1.8–1.9 GiB, where a
// warm start (records read back with the codec, strings in one block) was
// resident with 0.9 GiB. Open therefore serves the records as the codec
// reads them back on a cold start too (docs/decisions/memory.md,
// session 5).

// encodedRecords are the organizations in the codec's form: parts that
// are decoded on every core, and the table of strings they share.
type encodedRecords struct {
	parts   [][]byte
	strings []byte
}

// encodeRecords encodes orgs in n parts (at least one).
func encodeRecords(orgs []*Organization, n int) encodedRecords {
	w := newRecordWriter()
	e := encodedRecords{parts: make([][]byte, max(n, 1))}
	for i := range e.parts {
		from, to := len(orgs)*i/len(e.parts), len(orgs)*(i+1)/len(e.parts)
		e.parts[i] = w.organizations(orgs[from:to])
	}
	e.strings = w.stringsBlock()
	return e
}

// decode reads the records back, every part on a core of its own, in the
// order they were encoded.
func (e encodedRecords) decode() ([]*Organization, error) {
	strs, err := readStrings(e.strings)
	if err != nil {
		return nil, err
	}
	parts := make([][]*Organization, len(e.parts))
	errs := make([]error, len(e.parts))
	onEveryCore(len(e.parts), func(i int) {
		parts[i], errs[i] = readOrganizations(e.parts[i], strs)
	})
	n := 0
	for i, p := range parts {
		if errs[i] != nil {
			return nil, errs[i]
		}
		n += len(p)
	}
	orgs := make([]*Organization, 0, n)
	for _, p := range parts {
		orgs = append(orgs, p...)
	}
	return orgs, nil
}

// compactRecords replaces d's organizations by the same records as the
// codec reads them back, and returns them encoded (for writeSnapshot).
func compactRecords(d *Directory) (encodedRecords, error) {
	e := encodeRecords(d.Organizations, snapshotParts)
	orgs, err := e.decode()
	if err != nil {
		return e, fmt.Errorf("compact the records: %w", err)
	}
	d.Organizations = orgs
	return e, nil
}
