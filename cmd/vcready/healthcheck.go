package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"time"
)

// runHealthcheck asks a running service for /healthz. Container images have no shell
// or curl, so the binary checks itself.
func runHealthcheck(ctx context.Context, e env, args []string) int {
	var addr string
	fs := newFlags("healthcheck", "healthcheck [--addr HOST:PORT]", e)
	addAddrFlag(fs, e, &addr)
	if code, ok := parseFlags(fs, args, e); !ok {
		return code
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		fmt.Fprintf(e.stderr, "vcready healthcheck: --addr %q: want host:port\n", addr)
		return exitUsage
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+net.JoinHostPort(host, port)+"/healthz", nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		fmt.Fprintf(e.stderr, "vcready healthcheck: %v\n", err)
		return exitError
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		fmt.Fprintf(e.stderr, "vcready healthcheck: status %d\n", res.StatusCode)
		return exitError
	}
	fmt.Fprintln(e.stdout, "ok")
	return exitOK
}
