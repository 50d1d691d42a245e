package nianbao

import (
	"runtime"
	"sync"
)

// BatchOptions configure RenderBatch.
type BatchOptions struct {
	// RenderOptions apply to every input (outputs, output folder, fonts, draft).
	RenderOptions
	// Workers is the number of reports rendered at once; 0 means runtime.GOMAXPROCS(0), one per core.
	Workers int
	// OutDirFor, when set, gives each input its own output folder (RenderOptions.OutDir for that input); a
	// folder rendered recursively keeps its sub-folders this way.
	OutDirFor func(input string) string
}

// RenderBatch renders every input with Render, Workers at a time, and calls done once per input, in input
// order (done(i, …) runs after done(i-1, …), on one goroutine at a time, while later inputs keep rendering),
// so progress lines come out in a stable order. Fonts are loaded and parsed once for the whole batch: the
// bundled faces and font files are shared by every report (package fonts). Each report's outputs are written
// all-or-nothing as by Render; one report's failure does not stop the others. Memory stays bounded: a
// report's PDF and DOCX bytes are released once written, and at most Workers reports (plus those finished
// ahead of a slower earlier one) are held at a time.
func RenderBatch(inputs []string, o BatchOptions, done func(i int, res *Result, err error)) {
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, len(inputs))
	type outcome struct {
		res *Result
		err error
	}
	var (
		mu       sync.Mutex
		finished = make(map[int]outcome)
		next     int // the next input to hand to done
		wg       sync.WaitGroup
		jobs     = make(chan int)
		emitting bool
	)
	// deliver hands finished outcomes to done in input order; only one goroutine delivers at a time.
	deliver := func() {
		mu.Lock()
		if emitting {
			mu.Unlock()
			return
		}
		emitting = true
		for {
			oc, ok := finished[next]
			if !ok {
				emitting = false
				mu.Unlock()
				return
			}
			delete(finished, next)
			i := next
			next++
			mu.Unlock()
			if done != nil {
				done(i, oc.res, oc.err)
			}
			mu.Lock()
		}
	}
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				ro := o.RenderOptions
				if o.OutDirFor != nil {
					ro.OutDir = o.OutDirFor(inputs[i])
				}
				res, err := Render(inputs[i], ro)
				mu.Lock()
				finished[i] = outcome{res, err}
				mu.Unlock()
				deliver()
			}
		}()
	}
	for i := range inputs {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	deliver()
}
