package main

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/server"
)

// startWatch runs r's watcher with a short debounce until the test ends.
func startWatch(tb testing.TB, r *reloader, hup <-chan os.Signal) {
	tb.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	w := r.startWatching()
	if w == nil {
		tb.Fatal("the data folder cannot be watched")
	}
	go func() { defer close(done); r.watch(ctx, w, 20*time.Millisecond, hup) }()
	tb.Cleanup(func() { cancel(); <-done })
}

// lastSuccess reads wegweiser_reload_last_success from the admin listener.
func lastSuccess(tb testing.TB, r *reloader) string {
	tb.Helper()
	rec := httptest.NewRecorder()
	server.Admin(r.metrics).ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	for _, line := range strings.Split(rec.Body.String(), "\n") {
		if v, ok := strings.CutPrefix(line, "wegweiser_reload_last_success "); ok {
			return v
		}
	}
	tb.Fatal("/metrics lacks wegweiser_reload_last_success")
	return ""
}

// reloaded waits for a reload after the one at before and returns its time.
func reloaded(tb testing.TB, r *reloader, before time.Time, what string) time.Time {
	tb.Helper()
	eventually(tb, what, func() bool { return r.metrics.LastReload().Time.After(before) })
	return r.metrics.LastReload().Time
}

// TestWatchNoticesPermissionsAndTimestamps: chmod and touch reload the data
// (they were ignored: a file made unreadable went unnoticed until SIGHUP),
// and a reload does not trigger another.
func TestWatchNoticesPermissionsAndTimestamps(t *testing.T) {
	dir := copyFixture(t)
	r := newTestReloader(t, dir)
	startWatch(t, r, nil)
	org := filepath.Join(dir, "organizations", "jobhilfe.toml")

	last := reloaded(t, r, time.Time{}, "the first load")
	if err := os.Chmod(org, 0o600); err != nil {
		t.Fatal(err)
	}
	last = reloaded(t, r, last, "a reload after chmod")
	future := time.Now().Add(time.Hour)
	if err := os.Chtimes(org, future, future); err != nil {
		t.Fatal(err)
	}
	last = reloaded(t, r, last, "a reload after a timestamp change")
	time.Sleep(300 * time.Millisecond) // fifteen debounce periods
	if got := r.metrics.LastReload().Time; !got.Equal(last) {
		t.Error("a reload started another one with no change in between")
	}

	if os.Geteuid() == 0 {
		t.Log("running as root, who reads any file: chmod 000 cannot make the data unreadable")
		return
	}
	good := r.live.Load()
	if err := os.Chmod(org, 0); err != nil {
		t.Fatal(err)
	}
	eventually(t, "an unreadable file to fail the reload", func() bool { return !r.metrics.LastReload().OK })
	if r.live.Load() != good || lastSuccess(t, r) != "0" {
		t.Errorf("after chmod 000: the served index changed or last_success is %s, want the old index and 0", lastSuccess(t, r))
	}
	if err := os.Chmod(org, 0o644); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the readable file to be served", func() bool { return r.metrics.LastReload().OK })
	if got := lastSuccess(t, r); got != "1" {
		t.Errorf("wegweiser_reload_last_success = %s after a good reload, want 1", got)
	}
}

// TestWatchNoticesFolderRenamedAwayAndBack: the folder renamed away fails
// the reload and keeps the last good data; renamed back it is served again,
// wegweiser_reload_last_success is 1 again, and edits in it are followed.
func TestWatchNoticesFolderRenamedAwayAndBack(t *testing.T) {
	dir := copyFixture(t)
	r := newTestReloader(t, dir)
	startWatch(t, r, nil)
	good := r.live.Load()

	if err := os.Rename(dir, dir+".away"); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the missing folder to fail the reload", func() bool { return !r.metrics.LastReload().OK })
	if r.live.Load() != good || lastSuccess(t, r) != "0" {
		t.Errorf("with the folder gone: the served index changed or last_success is %s, want the old index and 0", lastSuccess(t, r))
	}
	if err := os.Rename(dir+".away", dir); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the folder renamed back to be served", func() bool { return r.metrics.LastReload().OK })
	if got := lastSuccess(t, r); got != "1" {
		t.Errorf("wegweiser_reload_last_success = %s after the folder came back, want 1", got)
	}
	editFile(t, dir, "organizations/jobhilfe.toml", "Beratung zur Jobsuche", "Nach der Rückkehr")
	eventually(t, "an edit in the returned folder to be served", func() bool { return serviceName(r.live.Load()) == "Nach der Rückkehr" })
}

// TestWatchIgnoresTheParentsOtherEntries: the parent is watched for the
// data folder only; files beside the folder start no reload.
func TestWatchIgnoresTheParentsOtherEntries(t *testing.T) {
	dir := copyFixture(t)
	r := newTestReloader(t, dir)
	startWatch(t, r, nil)
	last := r.metrics.LastReload().Time
	for i := range 5 {
		if err := os.WriteFile(filepath.Join(filepath.Dir(dir), "beside.log"), []byte(strings.Repeat("x", i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(300 * time.Millisecond)
	if got := r.metrics.LastReload().Time; !got.Equal(last) {
		t.Error("a file beside the data folder started a reload")
	}
}

func TestWatchReloadsAndKeepsLastGood(t *testing.T) {
	dir := copyFixture(t)
	r := newTestReloader(t, dir)
	ctx, cancel := context.WithCancel(context.Background())
	hup := make(chan os.Signal, 1)
	done := make(chan struct{})
	w := r.startWatching()
	go func() { defer close(done); r.watch(ctx, w, 20*time.Millisecond, hup) }()
	defer func() { cancel(); <-done }()

	const org = "organizations/jobhilfe.toml"
	editFile(t, dir, org, "Beratung zur Jobsuche", "Beratung zur Stellensuche")
	eventually(t, "the good change to be served", func() bool { return serviceName(r.live.Load()) == "Beratung zur Stellensuche" })
	good := r.live.Load()

	editFile(t, dir, org, `topics = ["work"]`, `topics = ["work"`)
	eventually(t, "the broken file to be reported", func() bool { return !r.metrics.LastReload().OK })
	if r.live.Load() != good {
		t.Fatal("a broken file replaced the index being served")
	}
	problems := r.metrics.LastReload().Problems
	if len(problems) == 0 || !strings.HasPrefix(problems[0].Position, filepath.Join(dir, org)+":24:") {
		t.Errorf("got problems %+v, want one at %s:24", problems, org)
	}

	// Repairing the file serves it again.
	if err := os.WriteFile(filepath.Join(dir, org), mustRead(t, "../../testdata/fixture/"+org), 0o644); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the repaired file to be served", func() bool { return r.metrics.LastReload().OK && r.live.Load() != good })

	before := r.metrics.LastReload().Time
	hup <- os.Interrupt // any value: the channel stands for SIGHUP
	eventually(t, "SIGHUP to reload", func() bool { return r.metrics.LastReload().Time.After(before) })
}

func TestWatchFollowsNewFolders(t *testing.T) {
	dir := copyFixture(t)
	r := newTestReloader(t, dir)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	w := r.startWatching()
	go func() { defer close(done); r.watch(ctx, w, 20*time.Millisecond, nil) }()
	defer func() { cancel(); <-done }()

	// geo/ is replaced by a new folder, as git does on checkout.
	if err := os.Rename(filepath.Join(dir, "geo"), filepath.Join(dir, "geo.old")); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the missing places file to be reported", func() bool { return !r.metrics.LastReload().OK })
	if err := os.Mkdir(filepath.Join(dir, "geo"), 0o755); err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond) // the file comes later: its own event, or the reload after the new folder is watched, serves it
	places := mustRead(t, filepath.Join(dir, "geo.old", "places.csv"))
	if err := os.WriteFile(filepath.Join(dir, "geo", "places.csv"), places, 0o644); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the restored folder to be served", func() bool { return r.metrics.LastReload().OK })
}

// TestWatchFollowsLinkSwap publishes data the way git-sync and ConfigMap
// volumes do: a new folder, then a symbolic link swapped over to it.
func TestWatchFollowsLinkSwap(t *testing.T) {
	root := t.TempDir()
	v1 := copyFixture(t)
	link := filepath.Join(root, "current")
	if err := os.Symlink(v1, link); err != nil {
		t.Fatal(err)
	}
	r := newTestReloader(t, link)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	w := r.startWatching()
	go func() { defer close(done); r.watch(ctx, w, 20*time.Millisecond, nil) }()
	defer func() { cancel(); <-done }()

	const org = "organizations/jobhilfe.toml"
	v2 := copyFixture(t)
	editFile(t, v2, org, "Beratung zur Jobsuche", "Version zwei")
	tmp := filepath.Join(root, "current.tmp")
	if err := os.Symlink(v2, tmp); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, link); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the swapped link to be served", func() bool { return serviceName(r.live.Load()) == "Version zwei" })
	editFile(t, v2, org, "Version zwei", "Version drei")
	eventually(t, "a change in the new target to be served", func() bool { return serviceName(r.live.Load()) == "Version drei" })
}
