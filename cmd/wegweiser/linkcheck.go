package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"sort"
	"sync"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// userAgent tells site owners who is asking and why.
const userAgent = "Wegweiser-linkcheck/1 (directory of advice services, Region Braunschweig; checks that its links still work, one request per link)"

// link is one URL of the data with every place it is written.
type link struct {
	URL    string
	Places []string // file:line
}

// linkResult is what checking a link found.
type linkResult struct {
	Status   int
	Location string // a redirect's target
	Err      error
}

func (r linkResult) dead() bool  { return r.Err != nil || r.Status >= 400 }
func (r linkResult) moved() bool { return r.Status >= 300 && r.Status < 400 && r.Location != "" }

// linkcheck checks every website and source URL of the data and reports
// dead and moved links with file:line; it fails when a link is dead.
func linkcheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := newFlags("linkcheck", stderr)
	dir := fl.String("data", "", "data folder (default: the embedded records)")
	workers := fl.Int("concurrency", 4, "requests at the same time")
	timeout := fl.Duration("timeout", 15*time.Second, "time allowed per request")
	if err := fl.Parse(args); err != nil {
		return flagError(err)
	}
	fsys, d, err := loadValid(*dir, time.Now())
	if err != nil {
		return err
	}
	links := collectLinks(fsys, *dir, d.Organizations)
	client := &http.Client{Timeout: *timeout, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	results := checkLinks(ctx, client, links, max(1, min(*workers, 16)))
	dead := 0
	for i, l := range links {
		r := results[i]
		switch {
		case r.dead():
			dead++
			for _, p := range l.Places {
				fmt.Fprintf(stdout, "%s: dead (%s): %s\n", p, describe(r), l.URL)
			}
		case r.moved():
			for _, p := range l.Places {
				fmt.Fprintf(stdout, "%s: moved (%d → %s): %s\n", p, r.Status, r.Location, l.URL)
			}
		}
	}
	fmt.Fprintf(stdout, "%d links checked: %d dead\n", len(links), dead)
	if dead > 0 {
		return errSilent
	}
	return ctx.Err()
}

func describe(r linkResult) string {
	if r.Err != nil {
		return r.Err.Error()
	}
	return fmt.Sprintf("HTTP %d", r.Status)
}

// collectLinks gathers every website, booking and source URL, each once,
// with the lines it is written on.
func collectLinks(fsys fs.FS, dir string, orgs []*index.Organization) []link {
	byURL := map[string]*link{}
	var order []string
	add := func(o *index.Organization, u string, line int) {
		if u == "" {
			return
		}
		l := byURL[u]
		if l == nil {
			l = &link{URL: u}
			byURL[u] = l
			order = append(order, u)
		}
		place := fmt.Sprintf("%s:%d", withRoot(dir, index.Problem{File: o.File}).File, line)
		for _, p := range l.Places {
			if p == place {
				return
			}
		}
		l.Places = append(l.Places, place)
	}
	for _, o := range orgs {
		b, _ := fs.ReadFile(fsys, o.File)
		src := string(b)
		for _, s := range o.Source {
			add(o, s, lineOf(src, s))
		}
		for _, f := range o.ContactFacts() {
			line := index.KeyLine(src, f.Key)
			if f.Kind == index.FactWebsite || f.Kind == index.FactBooking {
				add(o, f.Value, line)
			}
			add(o, f.Source, line)
		}
	}
	sort.Strings(order)
	out := make([]link, len(order))
	for i, u := range order {
		out[i] = *byURL[u]
	}
	return out
}

// checkLinks checks links with at most workers requests at a time; the
// result of link i is at index i.
func checkLinks(ctx context.Context, client *http.Client, links []link, workers int) []linkResult {
	results := make([]linkResult, len(links))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = checkLink(ctx, client, links[i].URL)
			}
		}()
	}
	for i := range links {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return results
}

// checkLink asks with HEAD first (cheap for the server) and falls back to
// GET when HEAD fails or is refused, as many servers do not answer HEAD.
func checkLink(ctx context.Context, client *http.Client, u string) linkResult {
	r := request(ctx, client, http.MethodHead, u)
	if r.Err == nil && r.Status < 400 {
		return r
	}
	return request(ctx, client, http.MethodGet, u)
}

func request(ctx context.Context, client *http.Client, method, u string) linkResult {
	req, err := http.NewRequestWithContext(ctx, method, u, nil)
	if err != nil {
		return linkResult{Err: err}
	}
	req.Header.Set("User-Agent", userAgent)
	res, err := client.Do(req)
	if err != nil {
		return linkResult{Err: err}
	}
	defer res.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10))
	r := linkResult{Status: res.StatusCode}
	if loc := res.Header.Get("Location"); loc != "" {
		if target, err := url.Parse(u); err == nil {
			if abs, err := target.Parse(loc); err == nil {
				loc = abs.String()
			}
		}
		r.Location = loc
	}
	return r
}
