// Package hsds maps Wegweiser's records to Open Referral's Human Services
// Data Specification 3.0 and back: the documents of the HSDS API, the
// export as JSON or as a tabular data package, and the import of HSDS
// JSON into records. See docs/hsds.md for the mapping, field by field.
package hsds

import (
	"strings"

	"github.com/google/uuid"
)

// Namespace is the one UUID namespace of every HSDS id Wegweiser derives:
// UUIDv5 (SHA-1) of the URL below in the URL namespace. An id is a UUIDv5
// of a Wegweiser key under it, so the same record always gets the same id,
// on every server and in every export, and ids never need storing.
var Namespace = uuid.MustParse("1e8f568e-790d-5340-a48d-3cc89c8073b5")

// namespaceURL is what Namespace is derived from (TestNamespace checks it).
const namespaceURL = "https://github.com/wegweiser-braunschweig/wegweiser/hsds"

// ID is the HSDS id of the object kind (an HSDS table name such as
// "service") with the Wegweiser key parts, e.g. ID("service",
// "caritas-braunschweig", "mbe").
func ID(kind string, key ...string) string {
	return uuid.NewSHA1(Namespace, []byte(kind+":"+strings.Join(key, "/"))).String()
}
