//go:build race

package index

// raceDetector: the tests run under the race detector, where slow
// reference code (bleve's regular expressions) runs about ten times slower.
const raceDetector = true
