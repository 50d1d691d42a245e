package publish

import (
	"fmt"
	"io"
	"os"
	"time"
)

// Progress reports a batch as it goes. On a terminal it keeps one line up to date (n/N, failures so far,
// elapsed time, rate); otherwise the caller prints its per-file lines and Progress prints only the final
// line.
type Progress struct {
	w      io.Writer
	tty    bool
	total  int
	done   int
	failed int
	start  time.Time
	now    func() time.Time
}

// NewProgress starts the progress of total inputs on w; tty says whether w is a terminal (see IsTerminal).
func NewProgress(w io.Writer, total int, tty bool) *Progress {
	return &Progress{w: w, tty: tty, total: total, start: time.Now(), now: time.Now}
}

// IsTerminal reports whether w is a character device (a terminal), not a file or a pipe.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// TTY reports whether the progress keeps an updating line (per-file lines should then be left out).
func (p *Progress) TTY() bool { return p.tty }

// Add records one finished unit and, on a terminal, rewrites the line.
func (p *Progress) Add(u Unit) {
	p.done++
	if u.Status == Unreadable || u.Status == Errored || u.Status == Failed {
		p.failed++
	}
	if p.tty {
		fmt.Fprintf(p.w, "\r\x1b[K%s", p.line())
	}
}

func (p *Progress) line() string {
	el := p.now().Sub(p.start).Seconds()
	rate := 0.0
	if el > 0 {
		rate = float64(p.done) / el
	}
	return fmt.Sprintf("[%d/%d] 未通过 %d · 用时 %.1f 秒 · 每秒 %.1f 份", p.done, p.total, p.failed, el, rate)
}

// Finish ends the updating line (on a terminal) and prints the totals.
func (p *Progress) Finish(s *Summary) {
	if p.tty {
		fmt.Fprintln(p.w)
	}
	fmt.Fprintf(p.w, "共 %d 份：通过 %d，有警告 %d，有错误 %d，无法读取 %d", s.Total, s.Passed, s.Warned, s.Errored, s.Unreadable)
	if s.Failed > 0 {
		fmt.Fprintf(p.w, "，其他失败 %d", s.Failed)
	}
	fmt.Fprintf(p.w, "（用时 %.1f 秒）\n", p.now().Sub(p.start).Seconds())
}
