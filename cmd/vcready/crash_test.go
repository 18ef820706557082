package main

import (
	"bufio"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"vcready/internal/web/webtest"
)

// TestSIGKILLKeepsEverySubmission builds the real binary, runs submissions through
// the API on a SQLite file, kills the process with SIGKILL mid-load (no shutdown, no
// checkpoint), restarts it on the same file and checks that every submission that got
// a 2xx is there with its answers and scores, and that SQLite finds the file intact.
func TestSIGKILLKeepsEverySubmission(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds the binary; skipped in -short mode")
	}
	dir := t.TempDir()
	bin, db := filepath.Join(dir, "vcready"), filepath.Join(dir, "vcready.db")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	mustRun(t, webtest.Password+"\n", bin, "user", "add", "--email", "admin@example.org", "--role", "admin", "--password-stdin", "--db", db)
	c := crashClient{t: t, token: mustRun(t, "", bin, "token", "create", "--email", "admin@example.org", "--db", db)}

	cmd, url := startBinary(t, bin, db)
	c.base = url
	var org, team struct{ ID string }
	c.mustDo("POST", "/api/v1/organisations", `{"name": "Northshire Health"}`, &org)
	c.mustDo("POST", "/api/v1/organisations/"+org.ID+"/teams",
		`{"name": "Physio", "setting": "secondary_care", "specialty": "physiotherapy", "nation": "england"}`, &team)
	kept := c.loadUntilKilled(cmd, team.ID)
	if len(kept) == 0 {
		t.Fatal("no submission succeeded before the kill: the load never reached the server")
	}
	checkIntegrity(t, db) // as the kill left it, before a restart tidies anything

	cmd, c.base = startBinary(t, bin, db)
	for id, want := range kept {
		var got webtest.Assessment
		c.mustDo("GET", "/api/v1/assessments/"+id, "", &got)
		if got.Status != "submitted" || len(got.Answers) != len(want.Answers) || overall(got) != overall(want) {
			t.Errorf("after the kill %s is %s with %d answers, overall %s; want submitted with %d, %s",
				id, got.Status, len(got.Answers), overall(got), len(want.Answers), overall(want))
		}
	}
	cmd.Process.Signal(os.Interrupt)
	cmd.Wait()
	checkIntegrity(t, db)
	t.Logf("%d submissions survived SIGKILL", len(kept))
}

// overall is an assessment's overall score as text ("none" when it has none).
func overall(a webtest.Assessment) string {
	if a.Scores.Overall == nil {
		return "none"
	}
	return fmt.Sprint(*a.Scores.Overall)
}

// loadUntilKilled runs 8 clients submitting assessments to team, SIGKILLs the server
// once a few have gone through, and returns every submission answered with a 2xx.
func (c crashClient) loadUntilKilled(cmd *exec.Cmd, teamID string) map[string]webtest.Assessment {
	body := webtest.AnswersJSON(webtest.Questionnaires().Default(), false)
	var mu sync.Mutex
	kept := map[string]webtest.Assessment{}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for {
				a, ok := c.submit(teamID, body)
				if !ok {
					return // the server is gone
				}
				mu.Lock()
				kept[a.ID] = a
				mu.Unlock()
			}
		})
	}
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		mu.Lock()
		n := len(kept)
		mu.Unlock()
		if n >= 12 {
			break
		}
	}
	cmd.Process.Kill()
	cmd.Wait()
	wg.Wait()
	return kept
}

// crashClient is an API client with the admin's token; a request that fails is only a
// test error when it is not a dropped connection (which the kill makes).
type crashClient struct {
	t           *testing.T
	base, token string
}

// submit starts, answers and submits an assessment; ok is false once any step fails.
func (c crashClient) submit(teamID, answers string) (a webtest.Assessment, ok bool) {
	var d webtest.Assessment
	if c.do("POST", "/api/v1/teams/"+teamID+"/assessments", `{}`, &d) != nil ||
		c.do("PUT", "/api/v1/assessments/"+d.ID+"/answers", answers, nil) != nil ||
		c.do("POST", "/api/v1/assessments/"+d.ID+"/submit", "", &a) != nil {
		return a, false
	}
	return a, true
}

func (c crashClient) mustDo(method, path, body string, out any) {
	c.t.Helper()
	if err := c.do(method, path, body, out); err != nil {
		c.t.Fatal(err)
	}
}

// do sends a request and decodes a 2xx response into out; a non-2xx status fails the
// test (the server must never answer one under this load), a dropped connection is
// returned as an error.
func (c crashClient) do(method, path, body string, out any) error {
	req, err := http.NewRequest(method, c.base+path, strings.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := (&http.Client{Timeout: 10 * time.Second}).Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		return err
	}
	if res.StatusCode/100 != 2 {
		c.t.Errorf("%s %s: %d %s", method, path, res.StatusCode, b)
		return fmt.Errorf("status %d", res.StatusCode)
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(b, out)
}

// startBinary starts `vcready serve` on db and returns the process and its URL.
func startBinary(t *testing.T, bin, db string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--db", db)
	cmd.Env = append(os.Environ(), "VCREADY_LOG_LEVEL=warn")
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	r := bufio.NewReader(stdout)
	line, err := r.ReadString('\n')
	if err != nil || !strings.Contains(line, "http://") {
		t.Fatalf("read URL: %q %v", line, err)
	}
	go io.Copy(io.Discard, r) // a full pipe would block the server's writes
	return cmd, strings.TrimSuffix(strings.Fields(line[strings.Index(line, "http://"):])[0], "/")
}

// mustRun runs bin with args and stdin, and returns its trimmed standard output.
func mustRun(t *testing.T, stdin, bin string, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Stdin = strings.NewReader(stdin)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("vcready %s: %v", strings.Join(args[:2], " "), err)
	}
	return strings.TrimSpace(string(out))
}

// checkIntegrity fails unless SQLite's integrity check of db says ok.
func checkIntegrity(t *testing.T, db string) {
	t.Helper()
	conn, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var result string
	if err := conn.QueryRow("PRAGMA integrity_check").Scan(&result); err != nil || result != "ok" {
		t.Errorf("integrity_check = %q (%v), want ok", result, err)
	}
}
