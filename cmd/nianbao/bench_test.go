package main

import (
	"bufio"
	"debug/elf"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/nianbao/nianbao/internal/batchgen"
)

// buildStatic builds the command into dir as released (CGO_ENABLED=0) and checks that the binary is
// statically linked: an ELF file without an interpreter (no libc, no dynamic loader).
func buildStatic(b *testing.B, dir string) string {
	b.Helper()
	bin := filepath.Join(dir, "nianbao")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	if f, err := elf.Open(bin); err == nil {
		defer f.Close()
		for _, p := range f.Progs {
			if p.Type == elf.PT_INTERP {
				b.Fatal("the CGO_ENABLED=0 build is dynamically linked")
			}
		}
	}
	return bin
}

// cpuTime returns the user+system CPU time of a finished child.
func cpuTime(ps *os.ProcessState) time.Duration { return ps.UserTime() + ps.SystemTime() }

// BenchmarkProcessSeed measures the whole CLI process: start, font loading (warm font cache), checks, PDF
// and DOCX of the seed report. It reports the median CPU time (user+system) of the child as cpu-ms, the
// median wall time as wall-ms, and the peak resident set size as rss-MB.
func BenchmarkProcessSeed(b *testing.B) {
	dir := b.TempDir()
	bin := buildStatic(b, dir)
	seed, _ := filepath.Abs("../../examples/yichuan-chengguanju-2020.toml")
	for _, c := range []struct{ name, only string }{{"pdf+docx", "--docx"}, {"pdf", ""}} {
		b.Run(c.name, func(b *testing.B) {
			args := []string{"render", "--no-system", "-o", dir, "--pdf"}
			if c.only != "" {
				args = append(args, c.only)
			}
			_ = exec.Command(bin, append(args, seed)...).Run() // fill the font cache
			var maxRSS int64
			var cpu, wall []float64
			for b.Loop() {
				cmd := exec.Command(bin, append(args, seed)...)
				cmd.Stdout, cmd.Stderr = nil, os.Stderr
				t0 := time.Now()
				if err := cmd.Run(); err != nil {
					b.Fatal(err)
				}
				wall = append(wall, float64(time.Since(t0).Microseconds())/1000)
				cpu = append(cpu, float64(cpuTime(cmd.ProcessState).Microseconds())/1000)
				if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && ru.Maxrss > maxRSS {
					maxRSS = ru.Maxrss
				}
			}
			b.ReportMetric(median(cpu), "cpu-ms")
			b.ReportMetric(median(wall), "wall-ms")
			b.ReportMetric(float64(maxRSS)/1024, "rss-MB")
		})
	}
}

// BenchmarkProcessBatch renders 1 000 distinct generated reports (internal/batchgen) to PDF and DOCX with one
// `nianbao render` command, with GOMAXPROCS=1 and 2: reports/s (wall clock), the CPU time per report
// (cpu-ms/report: on a loaded machine the wall clock says more about the load than about nianbao), the peak
// RSS (rss-MB) and the RSS sampled in the second and the ninth tenth of the run (rss-early-MB, rss-late-MB:
// no growth means they are equal).
func BenchmarkProcessBatch(b *testing.B) {
	dir := b.TempDir()
	bin := buildStatic(b, dir)
	examples, _ := filepath.Glob("../../examples/*.toml")
	inputs, err := batchgen.Write(b.TempDir(), examples, 1000, 200)
	if err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	for _, procs := range []int{1, 2} {
		b.Run(fmt.Sprintf("GOMAXPROCS=%d", procs), func(b *testing.B) {
			var rate, cpuPer, peak, early, late float64
			for b.Loop() {
				cmd := exec.Command(bin, append([]string{"render", "--no-system", "--pdf", "--docx", "-o", out}, inputs...)...)
				cmd.Env = append(os.Environ(), "GOMAXPROCS="+strconv.Itoa(procs))
				cmd.Stdout, cmd.Stderr = nil, os.Stderr
				t0 := time.Now()
				if err := cmd.Start(); err != nil {
					b.Fatal(err)
				}
				samples := sampleRSS(cmd.Process.Pid)
				if err := cmd.Wait(); err != nil {
					b.Fatal(err)
				}
				el := time.Since(t0)
				rs := <-samples
				rate = float64(len(inputs)) / el.Seconds()
				cpuPer = float64(cpuTime(cmd.ProcessState).Microseconds()) / 1000 / float64(len(inputs))
				if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
					peak = float64(ru.Maxrss) / 1024
				}
				if n := len(rs); n >= 10 {
					early, late = maxOf(rs[n/10:n/5]), maxOf(rs[n*8/10:n*9/10])
				}
			}
			b.ReportMetric(rate, "reports/s")
			b.ReportMetric(cpuPer, "cpu-ms/report")
			b.ReportMetric(peak, "rss-MB")
			b.ReportMetric(early, "rss-early-MB")
			b.ReportMetric(late, "rss-late-MB")
		})
	}
}

// sampleRSS reads the resident set size of a process from /proc every 20 ms until it exits; the channel
// receives the samples in MB (none where /proc does not exist).
func sampleRSS(pid int) <-chan []float64 {
	ch := make(chan []float64, 1)
	go func() {
		var out []float64
		for {
			f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
			if err != nil {
				break
			}
			sc := bufio.NewScanner(f)
			found := false
			for sc.Scan() {
				if v, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
					kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
					out = append(out, float64(kb)/1024)
					found = true
				}
			}
			f.Close()
			if !found {
				break // a zombie has no VmRSS line
			}
			time.Sleep(20 * time.Millisecond)
		}
		ch <- out
	}()
	return ch
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	return s[len(s)/2]
}

func maxOf(v []float64) float64 {
	m := 0.0
	for _, x := range v {
		m = max(m, x)
	}
	return m
}

// BenchmarkProcessFolder is BenchmarkProcessBatch through the folder batch of the compiling office:
// `nianbao render -o OUT DIR/` over 1 000 generated reports, PDF and DOCX, with index.html and summary.json
// (GOMAXPROCS=2): reports/s and the peak and late RSS, to hold the batch memory budget with the index data.
func BenchmarkProcessFolder(b *testing.B) {
	dir := b.TempDir()
	bin := buildStatic(b, dir)
	examples, _ := filepath.Glob("../../examples/*.toml")
	units := b.TempDir()
	inputs, err := batchgen.Write(units, examples, 1000, 200)
	if err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	var rate, peak, early, late float64
	for b.Loop() {
		cmd := exec.Command(bin, "render", "--no-system", "--pdf", "--docx", "-o", out, units)
		cmd.Env = append(os.Environ(), "GOMAXPROCS=2")
		cmd.Stdout, cmd.Stderr = nil, nil
		t0 := time.Now()
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		samples := sampleRSS(cmd.Process.Pid)
		if err := cmd.Wait(); err != nil {
			b.Fatal(err)
		}
		el := time.Since(t0)
		rs := <-samples
		rate = float64(len(inputs)) / el.Seconds()
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			peak = float64(ru.Maxrss) / 1024
		}
		if n := len(rs); n >= 10 {
			early, late = maxOf(rs[n/10:n/5]), maxOf(rs[n*8/10:n*9/10])
		}
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(rate, "reports/s")
	b.ReportMetric(peak, "rss-MB")
	b.ReportMetric(early, "rss-early-MB")
	b.ReportMetric(late, "rss-late-MB")
}
