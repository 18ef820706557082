package main

import (
	"bufio"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// TestSIGTERMUnderLoad builds the real binary, puts it under concurrent load, sends
// SIGTERM and checks that it exits 0 and that no response was cut off mid-body.
func TestSIGTERMUnderLoad(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds the binary; skipped in -short mode")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "vcready")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--db", filepath.Join(dir, "vcready.db"))
	cmd.Env = append(os.Environ(), "VCREADY_LOG_LEVEL=warn")
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		cmd.Process.Kill()
		t.Fatalf("read URL: %v", err)
	}
	url := strings.Fields(line[strings.Index(line, "http://"):])[0]

	var complete, truncated atomic.Int64
	stopLoad := make(chan struct{})
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			client := &http.Client{Timeout: 10 * time.Second}
			for {
				select {
				case <-stopLoad:
					return
				default:
				}
				res, err := client.Get(url)
				if err != nil {
					continue // refused once the listener has closed: not a cut-off response
				}
				body, err := io.ReadAll(res.Body)
				res.Body.Close()
				if err != nil || res.StatusCode != 200 || !strings.Contains(string(body), "</html>") {
					truncated.Add(1)
					continue
				}
				complete.Add(1)
			}
		}()
	}
	time.Sleep(500 * time.Millisecond)
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	close(stopLoad)
	wg.Wait()
	if err != nil {
		t.Errorf("vcready exited with %v after SIGTERM, want exit 0", err)
	}
	if truncated.Load() > 0 {
		t.Errorf("%d responses were cut off or failed", truncated.Load())
	}
	if complete.Load() == 0 {
		t.Error("no request completed: the load never reached the server")
	}
	t.Logf("%d complete responses under load, 0 cut off", complete.Load())
}
