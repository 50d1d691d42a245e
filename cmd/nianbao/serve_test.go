package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestServeUsage(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"serve", "-h"}, &out, &errb); code != 0 || !strings.Contains(errb.String(), "nianbao serve examples/") {
		t.Errorf("serve -h: %d %q", code, errb.String())
	}
	errb.Reset()
	if code := run([]string{"serve", "no-such-file.toml"}, &out, &errb); code != 2 || !strings.Contains(errb.String(), "无法打开") {
		t.Errorf("missing file: %d %q", code, errb.String())
	}
	errb.Reset()
	if code := run([]string{"serve", "a.toml", "b.toml"}, &out, &errb); code != 2 {
		t.Errorf("two files: %d", code)
	}
	errb.Reset()
	if code := run([]string{"serve", "--addr", "256.0.0.1:1", "../../examples"}, &out, &errb); code != 2 || !strings.Contains(errb.String(), "无法监听") {
		t.Errorf("bad addr: %d %q", code, errb.String())
	}
}

// TestServeStopsOnSignal: a server started by a script in the background (where the shell ignores SIGINT)
// stops on SIGINT with exit code 130 and its message, as render does.
func TestServeStopsOnSignal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	log := filepath.Join(dir, "log")
	script := fmt.Sprintf("%q serve --no-system --addr 127.0.0.1:0 ../../examples >%q 2>&1 & echo $!; wait $!; echo exit=$?", bin, log)
	cmd := exec.Command("sh", "-c", script)
	var out bytes.Buffer
	cmd.Stdout = &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	var pid int
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if b, _ := os.ReadFile(log); pid == 0 || !strings.Contains(string(b), "http://") {
			if fields := strings.Fields(out.String()); pid == 0 && len(fields) > 0 {
				pid, _ = strconv.Atoi(fields[0])
			}
			time.Sleep(50 * time.Millisecond)
			continue
		}
		break
	}
	if pid == 0 {
		t.Fatalf("server did not start: %q", out.String())
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the server ignored SIGINT")
	}
	b, _ := os.ReadFile(log)
	if !strings.Contains(out.String(), "exit=130") || !strings.Contains(string(b), "收到中断（SIGINT）信号") {
		t.Errorf("after SIGINT: %q, log %q", out.String(), b)
	}
}
