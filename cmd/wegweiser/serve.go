package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/index"
	"github.com/wegweiser-braunschweig/wegweiser/server"
	"github.com/wegweiser-braunschweig/wegweiser/static"
)

// serve builds the index and runs the web server until ctx ends.
func serve(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := newFlags("serve", stderr)
	addr := fl.String("addr", ":8080", "address to listen on")
	dir := fl.String("data", "", "data folder (default: the embedded records)")
	var cfg server.Config
	fl.StringVar(&cfg.ReportEmail, "report-email", "", `address for "report an error" mails (empty hides the button)`)
	fl.StringVar(&cfg.TileURL, "tile-url", "", "map tile URL template, e.g. https://tiles.example.org/{z}/{x}/{y}.png (empty: no map)")
	fl.StringVar(&cfg.TileAttribution, "tile-attribution", "", "attribution shown on the map")
	if err := fl.Parse(args); err != nil {
		return errSilent
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	start := time.Now()
	ix, err := load(ctx, *dir, stderr)
	if err != nil {
		return err
	}
	var live index.Live
	live.Swap(ix)
	log.Info("index built", "services", ix.Len(), "took", time.Since(start).Round(time.Millisecond))

	e, err := server.New(&live, static.FS(), cfg, log)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("--addr %s: %w", *addr, err)
	}
	srv := &http.Server{Handler: e, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second,
		WriteTimeout: 30 * time.Second, IdleTimeout: 120 * time.Second, MaxHeaderBytes: 16 << 10}
	fmt.Fprintf(stdout, "wegweiser listening on http://%s\n", ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shutdown: %w", err)
	}
	log.Info("stopped")
	return nil
}
