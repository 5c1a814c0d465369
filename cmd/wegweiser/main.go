// Command wegweiser serves the directory of support services for labour
// migration in the Region Braunschweig, checks its data and searches it.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if errors.Is(err, errHelp) {
			return // -h printed the flags, as asked
		}
		if !errors.Is(err, errSilent) {
			fmt.Fprintln(os.Stderr, "wegweiser:", err)
		}
		os.Exit(1)
	}
}
