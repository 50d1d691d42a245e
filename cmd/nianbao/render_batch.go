package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/nianbao/nianbao"
	"github.com/nianbao/nianbao/aggregate"
	"github.com/nianbao/nianbao/publish"
)

// batchFlags are the flags of render for a whole county (render_batch.go).
type batchFlags struct {
	index         bool
	aggregate     string
	rules, roster string
	agency        string
}

func (b *batchFlags) register(fs *cmdFlags) {
	fs.BoolVar(&b.index, "index", false, "另写 index.html（每个单位一行：状态、文件、问题）和 summary.json 到 -o 文件夹（给出文件夹时自动写）")
	fs.StringVar(&b.aggregate, "aggregate", "", "同时把各单位的报告汇总成本级报告 `本级.toml`（见 nianbao aggregate）")
	fs.StringVar(&b.rules, "rules", "", "与 --aggregate 同用：汇总`规则`文件")
	fs.StringVar(&b.roster, "roster", "", "与 --aggregate 同用：单位`名单`文件")
	fs.StringVar(&b.agency, "agency", "", "与 --aggregate 同用：本级政府的`机关名称`")
}

// wanted reports whether the run is a batch with an index: a folder among the paths, --index or --aggregate.
func (b *batchFlags) wanted(paths []string) bool {
	if b.index || b.aggregate != "" {
		return true
	}
	for _, p := range paths {
		if nianbao.IsFolder(p) {
			return true
		}
	}
	return false
}

// renderBatch renders every report under the paths into o.OutDir (sub-folders kept), continues past
// failures, optionally aggregates, and writes OUT/index.html and OUT/summary.json.
func renderBatch(paths []string, o nianbao.RenderOptions, b batchFlags, stdout, stderr io.Writer) int {
	if o.OutDir == "" {
		fmt.Fprintln(stderr, "nianbao render：生成整个文件夹（或用 --index、--aggregate）时，请用 -o 指定输出文件夹，例如 nianbao render -o 发布 各单位/")
		return 2
	}
	if (b.rules != "" || b.roster != "" || b.agency != "") && b.aggregate == "" {
		fmt.Fprintln(stderr, "nianbao render：--rules、--roster、--agency 要和 --aggregate 同用")
		return 2
	}
	inputs, outDirs, err := nianbao.BatchInputs(paths, o.OutDir)
	if err != nil {
		fmt.Fprintln(stderr, "nianbao render："+err.Error())
		return 2
	}
	if len(inputs) == 0 {
		fmt.Fprintln(stderr, "nianbao render：给出的文件夹里没有报告文件（*.toml、*.xlsx）")
		return 2
	}
	written := map[string]string{}
	for _, in := range inputs {
		oo := o
		oo.OutDir = outDirs[in]
		for _, t := range nianbao.Targets(in, oo) {
			abs, _ := filepath.Abs(t)
			if prev, ok := written[abs]; ok && prev != in {
				fmt.Fprintf(stderr, "nianbao render：%s 和 %s 都会写到 %s；请改名其中一个，或分两次用不同的 -o 文件夹生成\n", prev, in, t)
				return 2
			}
			written[abs] = in
		}
	}
	coresFor(len(inputs)) // gc.go
	stopOnSignal(stderr)
	progress := publish.NewProgress(stderr, len(inputs), publish.IsTerminal(stderr))
	units := make([]publish.Unit, len(inputs))
	worst := 0
	opts := nianbao.BatchOptions{RenderOptions: o, OutDirFor: func(in string) string { return outDirs[in] }}
	nianbao.RenderBatch(inputs, opts, func(i int, res *nianbao.Result, err error) {
		units[i] = publish.NewUnit(res, err, o.OutDir)
		if progress.TTY() {
			worst = max(worst, printRender(res, err, o.Draft, io.Discard, io.Discard))
		} else {
			worst = max(worst, printRender(res, err, o.Draft, stdout, stderr))
		}
		progress.Add(units[i])
	})
	summary := publish.NewSummary(units)
	progress.Finish(summary)
	if b.aggregate != "" {
		ao := aggregate.Options{Agency: b.agency, Draft: o.Draft}
		code := runAggregate(paths, b.aggregate, b.rules, b.roster, ao, stdout, stderr)
		worst = max(worst, code)
		if code == 0 {
			if rel, err := filepath.Rel(o.OutDir, b.aggregate); err == nil {
				summary.Aggregate = filepath.ToSlash(rel)
			} else {
				summary.Aggregate = b.aggregate
			}
		}
	}
	index := filepath.Join(o.OutDir, "index.html")
	if err := nianbao.WriteFileAtomic(filepath.Join(o.OutDir, "summary.json"), summary.JSON()); err != nil {
		fmt.Fprintln(stderr, "nianbao render："+err.Error())
		return 2
	}
	if err := nianbao.WriteFileAtomic(index, summary.Index(fmt.Sprintf("政府信息公开工作年度报告生成结果（%d 份）", summary.Total))); err != nil {
		fmt.Fprintln(stderr, "nianbao render："+err.Error())
		return 2
	}
	fmt.Fprintf(stdout, "%s：%d 个单位的状态、文件和问题（另有 summary.json）\n", index, summary.Total)
	return worst
}
