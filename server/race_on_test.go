//go:build race

package server

// raceDetector: the tests run under the race detector, whose sync.Pool
// drops a quarter of what is put back (to find code that counts on it).
const raceDetector = true
