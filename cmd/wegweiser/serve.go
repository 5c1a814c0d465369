package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/index"
	"github.com/wegweiser-braunschweig/wegweiser/server"
	"github.com/wegweiser-braunschweig/wegweiser/static"
)

// serveFlags is everything `wegweiser serve` is told.
type serveFlags struct {
	addr, adminAddr, dir, indexDir, logFormat string
	memoryLimit                               string
	verbose                                   bool
	debounce, shutdown                        time.Duration
	cfg                                       server.Config
}

func parseServeFlags(args []string, stderr io.Writer) (*serveFlags, error) {
	f := &serveFlags{}
	fl := newFlags("serve", stderr)
	fl.StringVar(&f.addr, "addr", ":8080", "address to listen on")
	fl.StringVar(&f.adminAddr, "admin-addr", "", "internal address for /metrics, /reload-problems and /debug/pprof/, e.g. 127.0.0.1:9090 (empty: off)")
	fl.StringVar(&f.dir, "data", "", "data folder, watched and reloaded on change (default: the embedded records)")
	fl.StringVar(&f.indexDir, "index-dir", "", "folder to keep the index and the decoded records in, reused while the data is unchanged: a restart is ready at once (empty: build in memory)")
	fl.StringVar(&f.memoryLimit, "memory-limit", "auto", "soft limit of the Go heap, e.g. 300MiB or 2GiB; auto: GOMEMLIMIT if set, else 80% of the container's limit, else what the served index and its caches need, half again (at most 192MiB) and the heap's fragmentation (at least 256MiB); off: none")
	fl.StringVar(&f.logFormat, "log-format", "text", "log format: text or json")
	fl.BoolVar(&f.verbose, "v", false, "log each data warning at start-up (default: a count per kind; wegweiser check lists them)")
	fl.DurationVar(&f.debounce, "reload-debounce", 500*time.Millisecond, "quiet time after a change in the data folder before reloading")
	fl.DurationVar(&f.shutdown, "shutdown-timeout", 10*time.Second, "how long running requests may take to finish on SIGTERM")
	fl.IntVar(&f.cfg.MaxSearches, "max-searches", 0, "searches running at once, long queries at most a quarter; more wait up to 0.5 s, then get a 503 (0: twice the CPUs, at least 4)")
	fl.DurationVar(&f.cfg.RequestTimeout, "request-timeout", 10*time.Second, "how long a search may take, its wait for a search slot included; then it stops and the request gets a 503")
	// Off by default: behind a proxy that is not named with --trusted-proxy,
	// every visitor shares the proxy's address and so one limit. The shipped
	// deployment files (deploy/, Dockerfile) turn it on.
	fl.Float64Var(&f.cfg.RateLimit, "rate-limit", 0, "requests per second per client address, with a burst of twice that (0: off; 20 is a good start)")
	fl.Var((*cidrList)(&f.cfg.TrustedProxies), "trusted-proxy", "network of a reverse proxy whose X-Forwarded-For is honoured, e.g. 10.0.0.0/8 (repeatable)")
	fl.StringVar(&f.cfg.ReportEmail, "report-email", "", `address for "report an error" mails (empty hides the button)`)
	fl.StringVar(&f.cfg.TileURL, "tile-url", "", "map tile URL template, e.g. https://tiles.example.org/{z}/{x}/{y}.png (empty: no map)")
	fl.StringVar(&f.cfg.TileAttribution, "tile-attribution", "", "attribution shown on the map")
	imprint := addLegalFlags(fl, "imprint", "Impressum (legal notice)", "/impressum")
	privacy := addLegalFlags(fl, "privacy", "privacy statement", "/datenschutz")
	if err := fl.Parse(args); err != nil {
		return nil, flagError(err)
	}
	var err error
	if f.cfg.Imprint, err = imprint.page(); err != nil {
		return nil, err
	}
	if f.cfg.Privacy, err = privacy.page(); err != nil {
		return nil, err
	}
	if f.cfg.RateLimit < 0 {
		return nil, fmt.Errorf("--rate-limit %g: must be 0 or more", f.cfg.RateLimit)
	}
	if f.cfg.MaxSearches < 0 {
		return nil, fmt.Errorf("--max-searches %d: must be 0 or more", f.cfg.MaxSearches)
	}
	if f.cfg.RequestTimeout <= 0 {
		return nil, fmt.Errorf("--request-timeout %s: must be more than 0", f.cfg.RequestTimeout)
	}
	return f, nil
}

// serve builds the index and runs the web server until ctx ends; SIGHUP
// and, with --data, changes in the folder reload the data.
func serve(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	f, err := parseServeFlags(args, stderr)
	if err != nil {
		return err
	}
	logs := newLogWriter(stderr)
	defer logs.Close()
	log, err := newLogger(f.logFormat, logs)
	if err != nil {
		return err
	}
	if f.cfg.Imprint.URL == "" && f.cfg.Imprint.Markdown == nil {
		log.Warn("no --imprint-url or --imprint-file: a public site in Germany must say who runs it (Impressum)")
	}
	fsys, err := dataFS(f.dir)
	if err != nil {
		return err
	}
	var live index.Live
	f.cfg.Metrics = server.NewMetrics()
	mem, err := newMemory(f.memoryLimit, os.Getenv, cgroupLimitFiles)
	if err != nil {
		return err
	}
	mem.machine = machineMemory(meminfoFile)
	mem.start()
	go mem.follow(ctx, log)
	r := newReloader(fsys, f.dir, index.Options{Dir: f.indexDir, Log: log}, &live, f.cfg.Metrics, log)
	r.mem, r.verbose = mem, f.verbose
	if err := r.reload(ctx); err != nil {
		return err
	}
	defer r.close()
	e, err := server.New(&live, static.FS(), f.cfg, log)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: e, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second,
		WriteTimeout: 30 * time.Second, IdleTimeout: 120 * time.Second, MaxHeaderBytes: 16 << 10,
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	servers := []*http.Server{srv}
	ln, err := listen(f.addr, "--addr")
	if err != nil {
		return err
	}
	lns := []net.Listener{ln}
	if f.adminAddr != "" {
		admin, err := listen(f.adminAddr, "--admin-addr")
		if err != nil {
			ln.Close()
			return err
		}
		lns = append(lns, admin)
		servers = append(servers, &http.Server{Handler: server.Admin(f.cfg.Metrics), ReadHeaderTimeout: 5 * time.Second,
			ReadTimeout: 10 * time.Second, WriteTimeout: 30 * time.Second})
	}
	// what start-up logged (the data's warnings) comes before the line
	// that says the server listens, as on a terminal it always did
	logs.Flush()
	return runServers(ctx, f, r, servers, lns, stdout, log)
}

// runServers serves until ctx ends, then stops accepting, lets running
// requests finish within --shutdown-timeout and stops the watcher.
func runServers(ctx context.Context, f *serveFlags, r *reloader, servers []*http.Server, lns []net.Listener, stdout io.Writer, log *slog.Logger) error {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	watchCtx, stopWatch := context.WithCancel(ctx)
	watched := make(chan struct{})
	w := r.startWatching()
	go func() {
		defer close(watched)
		r.watch(watchCtx, w, f.debounce, hup)
	}()
	defer func() { stopWatch(); <-watched }()

	errc := make(chan error, len(servers))
	for i, srv := range servers {
		go func() { errc <- srv.Serve(lns[i]) }()
	}
	fmt.Fprintf(stdout, "wegweiser listening on http://%s\n", browsable(lns[0].Addr()))
	if len(lns) > 1 {
		fmt.Fprintf(stdout, "admin listening on http://%s\n", lns[1].Addr())
	}
	var serveErr error
	select {
	case serveErr = <-errc:
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), f.shutdown)
	defer cancel()
	for _, srv := range servers {
		if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
			return fmt.Errorf("shutdown: %w", err)
		}
	}
	log.Info("stopped")
	return serveErr
}

func listen(addr, flagName string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", flagName, addr, err)
	}
	return ln, nil
}

// newLogger writes text for people or JSON for a log collector.
func newLogger(format string, w io.Writer) (*slog.Logger, error) {
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, nil)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, nil)), nil
	}
	return nil, fmt.Errorf("--log-format %q: text or json", format)
}

// cidrList is the value of the repeatable --trusted-proxy flag; a bare
// address means just that host, and commas separate several.
type cidrList []*net.IPNet

func (l *cidrList) String() string {
	if l == nil {
		return ""
	}
	s := make([]string, len(*l))
	for i, n := range *l {
		s[i] = n.String()
	}
	return strings.Join(s, ",")
}

func (l *cidrList) Set(v string) error {
	for _, part := range strings.Split(v, ",") {
		part = strings.TrimSpace(part)
		if !strings.Contains(part, "/") {
			if ip := net.ParseIP(part); ip != nil && ip.To4() != nil {
				part += "/32"
			} else {
				part += "/128"
			}
		}
		_, n, err := net.ParseCIDR(part)
		if err != nil {
			return fmt.Errorf("not a network such as 10.0.0.0/8: %q", part)
		}
		*l = append(*l, n)
	}
	return nil
}

// browsable is a listener's address as a link a browser opens: one that
// listens on every interface (the default ":8080" is "[::]:8080") is
// reached at localhost.
func browsable(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if ip := net.ParseIP(host); err == nil && ip != nil && ip.IsUnspecified() {
		return net.JoinHostPort("localhost", port)
	}
	return a.String()
}
