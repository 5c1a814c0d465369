package main

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// startWatching watches the data folder for watch; nil when there is no
// folder or it cannot be watched (a network file system, the inotify
// limit), in which case SIGHUP still reloads.
func (r *reloader) startWatching() *fsnotify.Watcher {
	if r.dir == "" {
		return nil
	}
	w, err := fsnotify.NewWatcher()
	if err == nil {
		if err = r.addWatches(w); err != nil {
			w.Close()
		}
	}
	if err != nil {
		r.log.Error("cannot watch the data folder; reload with SIGHUP", "dir", r.dir, "err", err)
		return nil
	}
	return w
}

// watch reloads on SIGHUP and on changes that w (from startWatching, may be
// nil) reports, until ctx ends; then it closes w. Editors write a file in
// several steps and save several files at once, so a reload waits until the
// folder has been quiet for debounce. Every kind of change counts, a
// changed permission or timestamp too: a file made unreadable must fail
// the reload now, not at the next edit, and one made readable again must
// be served.
func (r *reloader) watch(ctx context.Context, w *fsnotify.Watcher, debounce time.Duration, hup <-chan os.Signal) {
	var events <-chan fsnotify.Event
	var errs <-chan error
	if w != nil {
		defer w.Close()
		events, errs = w.Events, w.Errors
	}
	abs, _ := filepath.Abs(r.dir) // checked by startWatching, which made w
	quiet := time.NewTimer(time.Hour)
	quiet.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-hup:
			r.log.Info("SIGHUP: reloading the data")
			_ = r.reload(ctx) // logged and reported by reload
		case ev := <-events:
			if concerns(abs, ev) {
				quiet.Reset(debounce)
			}
		case err := <-errs:
			// Most likely the event queue overflowed: changes were lost, so reload.
			r.log.Warn("watching the data folder", "err", err)
			quiet.Reset(debounce)
		case <-quiet.C: // only events of w start it
			if err := r.addWatches(w); err != nil {
				r.log.Warn("watching the data folder", "err", err)
			}
			_ = r.reload(ctx)
		}
	}
}

// concerns tells whether an event is about the data folder at abs: the
// folder's parent is watched only for the folder itself, being renamed
// away or back, replaced or changed in its permissions; its other entries
// are none of Wegweiser's business.
func concerns(abs string, ev fsnotify.Event) bool {
	return filepath.Dir(ev.Name) != filepath.Dir(abs) || ev.Name == abs
}

// addWatches watches the data folder's parent (which sees the folder
// renamed away and back, or replaced), the data folder and every folder
// below it (fsnotify watches one folder at a time), and the folder holding
// each symbolic link on the way to it: git-sync and Kubernetes ConfigMap
// volumes publish a change by swapping a link. It runs again before every
// reload, so that new folders, a folder renamed back and a swapped link's
// new target are watched too; watches on folders that are gone disappear by
// themselves.
func (r *reloader) addWatches(w *fsnotify.Watcher) error {
	abs, err := filepath.Abs(r.dir)
	if err != nil {
		return err
	}
	if err := w.Add(filepath.Dir(abs)); err != nil {
		return err
	}
	for p := abs; p != filepath.Dir(p); p = filepath.Dir(p) {
		if fi, err := os.Lstat(p); err == nil && fi.Mode()&os.ModeSymlink != 0 {
			if err := w.Add(filepath.Dir(p)); err != nil {
				return err
			}
		}
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return err
	}
	return filepath.WalkDir(real, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		return w.Add(path)
	})
}
