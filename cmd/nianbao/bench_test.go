package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
)

// BenchmarkProcessSeed measures the whole CLI process: start, font loading, checks, PDF and DOCX of the seed
// report. It reports the peak resident set size of the child as rss-MB.
func BenchmarkProcessSeed(b *testing.B) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "nianbao")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	seed, _ := filepath.Abs("../../examples/yichuan-chengguanju-2020.toml")
	for _, c := range []struct{ name, only string }{{"pdf+docx", ""}, {"pdf", "--pdf"}} {
		b.Run(c.name, func(b *testing.B) {
			var maxRSS int64
			for b.Loop() {
				args := []string{"render", "--no-system", "-o", dir}
				if c.only != "" {
					args = append(args, c.only)
				}
				cmd := exec.Command(bin, append(args, seed)...)
				cmd.Stdout, cmd.Stderr = nil, os.Stderr
				if err := cmd.Run(); err != nil {
					b.Fatal(err)
				}
				if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && ru.Maxrss > maxRSS {
					maxRSS = ru.Maxrss
				}
			}
			b.ReportMetric(float64(maxRSS)/1024, "rss-MB")
		})
	}
}
