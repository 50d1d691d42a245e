package serve

import (
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// saveLoopEnv makes the test binary a child process that saves the report over and over.
const saveLoopEnv = "NIANBAO_SERVE_SAVE_LOOP"

// killVersions are the two versions the child alternates: large enough that a write takes a while.
func killVersions() (a, b []byte) {
	a = append([]byte("[report]\nagency = \"甲\"\nyear = 2023\n# A\n"), bytes.Repeat([]byte("# 甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲\n"), 120000)...)
	b = append([]byte("[report]\nagency = \"乙\"\nyear = 2023\n# B\n"), bytes.Repeat([]byte("# 乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙\n"), 110000)...)
	return a, b
}

// TestHelperSaveLoop is the child of TestKillMidSave; it does nothing in a normal run.
func TestHelperSaveLoop(t *testing.T) {
	dir := os.Getenv(saveLoopEnv)
	if dir == "" {
		t.Skip("child process of TestKillMidSave")
	}
	ws, err := newWorkspace(filepath.Join(dir, "r.toml"))
	if err != nil {
		t.Fatal(err)
	}
	a, b := killVersions()
	for i := 0; ; i++ {
		if i == 1 { // one save done: from now on the parent may kill at any moment
			os.WriteFile(filepath.Join(dir, "started"), nil, 0o644)
		}
		_, base, err := ws.read("r.toml")
		if err != nil {
			t.Fatal(err)
		}
		next := a
		if i%2 == 0 {
			next = b
		}
		if _, err := ws.save("r.toml", next, base); err != nil {
			t.Fatal(err)
		}
	}
}

// A server killed with SIGKILL in the middle of saving leaves the report and its .bak each either the
// old or the new version, complete.
func TestKillMidSave(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("uses SIGKILL")
	}
	a, b := killVersions()
	dir := t.TempDir()
	file := filepath.Join(dir, "r.toml")
	if err := os.WriteFile(file, a, 0o644); err != nil {
		t.Fatal(err)
	}
	rounds := 12
	if testing.Short() {
		rounds = 3
	}
	for i := range rounds {
		os.Remove(filepath.Join(dir, "started"))
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperSaveLoop$")
		cmd.Env = append(os.Environ(), saveLoopEnv+"="+dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(20 * time.Second)
		for {
			if _, err := os.Stat(filepath.Join(dir, "started")); err == nil || time.Now().After(deadline) {
				break
			}
			time.Sleep(5 * time.Millisecond)
		}
		time.Sleep(time.Duration(5+rand.IntN(150)) * time.Millisecond)
		if err := cmd.Process.Kill(); err != nil { // SIGKILL: no deferred cleanup runs
			t.Fatal(err)
		}
		_ = cmd.Wait()
		for _, f := range []string{file, file + ".bak"} {
			got, err := os.ReadFile(f)
			if os.IsNotExist(err) && f != file {
				continue // no save has finished yet
			}
			if err != nil {
				t.Fatalf("round %d: %s: %v", i, f, err)
			}
			if !bytes.Equal(got, a) && !bytes.Equal(got, b) {
				t.Fatalf("round %d: %s is neither version (%d bytes)", i, filepath.Base(f), len(got))
			}
		}
	}
	if _, err := os.Stat(file + ".bak"); err != nil {
		t.Errorf("no save completed in %d rounds: %v", rounds, err)
	}
	// temporary files left by a kill are the evidence that writes were interrupted; they are never read
	tmps, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	t.Logf("%d rounds, %d interrupted writes left temporary files", rounds, len(tmps))
}
