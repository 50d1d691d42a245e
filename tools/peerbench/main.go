// Command peerbench runs whole-process commands alternately (A B C A B C …) and prints, per command, the
// median CPU time (user+system of the process and the children it waited for, from wait4), the median wall
// time, the peak RSS and the ratio of its median CPU time to the first command's. Alternating runs on a
// shared machine see the same load, so their ratios are fair even when absolute times are not.
//
//	go run ./tools/peerbench -n 15 'nianbao=./nianbao render --no-system --pdf --docx -o /tmp/o examples/yichuan-chengguanju-2020.toml' \
//	    'typst=node /tmp/peers/typst-compile.mjs /tmp/peers/report.typ /tmp/o/typst.pdf'
//
// Each argument is NAME=COMMAND, run by sh -c; a command that fails is reported and dropped. tools/peerbench/peers.sh
// runs nianbao against the peer harness (Typst, docx+LibreOffice) when it is installed.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strings"
	"syscall"
	"time"
)

// run is the measurements of one command.
type run struct {
	name, cmd string
	cpu, wall []float64 // ms
	rss       int64     // KB
	failed    string
}

func main() {
	n := flag.Int("n", 11, "runs of each command (after one warm-up run each)")
	flag.Parse()
	var runs []*run
	for _, a := range flag.Args() {
		name, cmd, ok := strings.Cut(a, "=")
		if !ok {
			fmt.Fprintf(os.Stderr, "peerbench: %q: want NAME=COMMAND\n", a)
			os.Exit(2)
		}
		runs = append(runs, &run{name: name, cmd: cmd})
	}
	if len(runs) == 0 {
		fmt.Fprintln(os.Stderr, "usage: peerbench [-n N] NAME=COMMAND ...")
		os.Exit(2)
	}
	for i := -1; i < *n; i++ { // i == -1: warm-up (font cache, OS file cache, LibreOffice profile)
		for _, r := range runs {
			if r.failed != "" {
				continue
			}
			c := exec.Command("sh", "-c", r.cmd)
			var errBuf strings.Builder
			c.Stderr = &errBuf
			t0 := time.Now()
			if err := c.Run(); err != nil {
				r.failed = fmt.Sprintf("%v: %s", err, strings.TrimSpace(errBuf.String()))
				continue
			}
			if i < 0 {
				continue
			}
			r.wall = append(r.wall, float64(time.Since(t0).Microseconds())/1000)
			r.cpu = append(r.cpu, float64((c.ProcessState.UserTime()+c.ProcessState.SystemTime()).Microseconds())/1000)
			if ru, ok := c.ProcessState.SysUsage().(*syscall.Rusage); ok && int64(ru.Maxrss) > r.rss {
				r.rss = int64(ru.Maxrss)
			}
		}
	}
	load, _ := os.ReadFile("/proc/loadavg")
	fmt.Printf("# %s, %d alternating runs each, load average %s\n", time.Now().UTC().Format(time.RFC3339), *n, strings.Join(strings.Fields(string(load))[:min(3, len(strings.Fields(string(load))))], " "))
	fmt.Printf("%-12s %12s %12s %12s %10s %10s\n", "command", "cpu-ms(med)", "cpu-ms(min)", "wall-ms(med)", "rss-MB", "cpu×first")
	base := 0.0
	for i, r := range runs {
		if r.failed != "" {
			fmt.Printf("%-12s FAILED: %s\n", r.name, r.failed)
			continue
		}
		m := median(r.cpu)
		if i == 0 {
			base = m
		}
		ratio := 0.0
		if base > 0 {
			ratio = m / base
		}
		fmt.Printf("%-12s %12.1f %12.1f %12.1f %10.1f %10.1f\n", r.name, m, minOf(r.cpu), median(r.wall), float64(r.rss)/1024, ratio)
	}
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func minOf(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	m := v[0]
	for _, x := range v {
		m = min(m, x)
	}
	return m
}
