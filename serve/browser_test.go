package serve

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/nianbao/nianbao/internal/browsertest"
	"github.com/nianbao/nianbao/report"
)

// cellInput is the CSS selector of a table cell's input.
func cellInput(key string) string { return `td[data-target="` + key + `"] input` }

// typeInto replaces the value of an input by typing, as a clerk does (select all, type).
func typeInto(sel, text string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.Click(chromedp.CSS(sel)),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool](`(document.querySelector(`+jsString(sel)+`).select(), true)`)(ctx, t)
			return err
		}),
		chromedp.KeyEvent(text),
	)
}

func jsString(s string) string { return fmt.Sprintf("%q", s) }

// waitJS waits until a JavaScript expression is true.
func waitJS(expr string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(15*time.Second), chromedp.WithPollingInterval(50*time.Millisecond))(ctx, t)
		if err != nil {
			state, _ := chromedp.Evaluate[string](`document.getElementById("status").textContent + " | " + document.getElementById("summary-list").textContent + " | active=" + (document.activeElement.dataset.key || document.activeElement.tagName) + " | paras=" + JSON.stringify(st.doc && st.doc.overview.paragraphs).slice(0, 200) + " | html=" + document.getElementById("preview-html").src + " " + st.htmlURL + " " + st.previewSeq + " " + (document.getElementById("preview-html").contentDocument||{body:{textContent:"-"}}).body.textContent.slice(0, 40)`)(ctx, t)
			return fmt.Errorf("waiting for %s: %w (page: %s)", expr, err, state)
		}
		return nil
	})
}

// screenshot saves a PNG into $NIANBAO_SCREENSHOTS (the docs/ images are made this way) or the test's
// temporary folder.
func screenshot(t *testing.T, dir, name string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		png, err := chromedp.CaptureScreenshot()(ctx, tg)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, name), png, 0o644)
	})
}

// TestBrowserEndToEnd drives the page in a real headless Chromium: type into table 三, see T3-GOUJI beside
// the cell, fix it, see it go, save, read the TOML on disk, download the PDF and read it with pdftotext.
func TestBrowserEndToEnd(t *testing.T) {
	_, ts, dir := testServer(t, "") // folder mode, as `nianbao serve examples/`
	ctx := browsertest.New(t)
	shots := shotsDir(t)
	downloads := t.TempDir()
	progress := chromedp.Events(ctx, browser.DownloadProgress)
	err := chromedp.Do(ctx,
		browsertest.Viewport(1400, 900, 1, false),
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
				Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: downloads, EventsEnabled: ptr(true)})
			return err
		}),
		chromedp.Navigate(ts.URL+"/"),
		// the list of the folder's reports; open the seed report
		chromedp.WaitVisible(chromedp.CSS(`button[data-open="`+seedName+`"]`)),
		screenshot(t, shots, "serve-files.png"),
		chromedp.Click(chromedp.CSS(`button[data-open="`+seedName+`"]`)),
		chromedp.WaitVisible(chromedp.CSS(cellInput("t3.new.NP"))),
		waitJS(`document.getElementById("summary-count").textContent === "全部通过"`),
		// type 5 new applications and 3 answered, moving down the column with Enter
		typeInto(cellInput("t3.new.NP"), "5"),
		chromedp.KeyEvent(kb.Enter),
		waitJS(`document.activeElement.dataset.key === "t3.carried.NP"`),
		// Tab goes along the row in reading order
		chromedp.KeyEvent(kb.Tab),
		waitJS(`document.activeElement.dataset.key === "t3.carried.CE"`),
		typeInto(cellInput("t3.r1.NP"), "3"),
		// the computed cells follow: （七）总计 3, 结转下年度 2
		waitJS(`document.querySelector('`+cellInput("t3.carry.NP")+`').value === "2"`),
		// the clerk types the carry-over herself, wrongly
		chromedp.Click(chromedp.CSS("#manual-t3")),
		typeInto(cellInput("t3.carry.NP"), "1"),
		waitJS(`!!document.querySelector('td[data-target="t3.carry.NP"].bad .cell-note[data-rule="T3-GOUJI"]')`),
		waitJS(`document.querySelector('#summary-list li.bad') && document.querySelector('#summary-list').textContent.includes("T3-GOUJI")`),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool](`(document.querySelector('td[data-target="t3.carry.NP"]').scrollIntoView({block: "center"}), document.querySelector('`+cellInput("t3.carry.NP")+`').focus(), true)`)(ctx, tg)
			return err
		}),
		chromedp.Sleep(300*time.Millisecond),
		screenshot(t, shots, "serve-form.png"),
		// only that cell is marked
		waitJS(`document.querySelectorAll('td.bad').length === 1`),
	)
	if err != nil {
		t.Fatal(err)
	}
	ms, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.dataset.checkMs`))
	t.Logf("last live check in the browser: %s ms from the request to the answer", ms)
	note, err := chromedp.Run(ctx, chromedp.TextContent(chromedp.CSS(`td[data-target="t3.carry.NP"] .cell-note`)))
	if err != nil || !strings.Contains(note, "应为 2") || !strings.Contains(note, "结转下年度") {
		t.Fatalf("note beside the cell: %q %v", note, err)
	}
	err = chromedp.Do(ctx,
		typeInto(cellInput("t3.carry.NP"), "2"),
		waitJS(`!document.querySelector('.cell-note[data-rule="T3-GOUJI"]') && !document.querySelector('td.bad')`),
		// the prose still says no application was received: N-TEXT beside that paragraph
		waitJS(`!!document.querySelector('.para.bad[data-target="overview.sections.2.paragraphs.0"] .note[data-rule="N-TEXT"]')`),
		typeInto(`.para[data-target="overview.sections.2.paragraphs.0"] textarea`, "2020年，共收到政府信息公开申请5件。"),
		waitJS(`document.getElementById("summary-count").textContent === "全部通过"`),
		// a non-number is caught at once, on its cell
		typeInto(cellInput("t3.new.CE"), "x"),
		waitJS(`!!document.querySelector('td[data-target="t3.new.CE"].bad .cell-note[data-rule="LOAD"]')`),
		typeInto(cellInput("t3.new.CE"), "0"),
		waitJS(`!document.querySelector('td.bad') && document.getElementById("summary-count").textContent === "全部通过"`),
		chromedp.Click(chromedp.CSS("#btn-save")),
		waitJS(`document.getElementById("status").textContent.startsWith("已保存")`),
	)
	if err != nil {
		t.Fatal(err)
	}
	r, err := report.Load(filepath.Join(dir, seedName))
	if err != nil {
		t.Fatal(err)
	}
	if got := r.T3["new"][0]; got != 5 || r.T3["r1"][0] != 3 || r.T3["carry"][0] != 2 || !r.Given("t3.carry") {
		t.Errorf("saved table 三: new %v r1 %v carry %v (given %v)", r.T3["new"], r.T3["r1"], r.T3["carry"], r.Given("t3.carry"))
	}
	if fs := report.Check(r); len(fs) != 0 {
		t.Errorf("saved report has findings: %v", fs)
	}
	if _, err := os.Stat(filepath.Join(dir, seedName+".bak")); err != nil {
		t.Errorf("no .bak: %v", err)
	}
	// download the PDF
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#btn-pdf"))); err != nil {
		t.Fatal(err)
	}
	var pdfFile string
	for ev, err := range progress {
		if err != nil {
			t.Fatal(err)
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			pdfFile = filepath.Join(downloads, "yichuan-chengguanju-2020.pdf")
			break
		}
		if ev.State == browser.DownloadProgressStateCanceled {
			t.Fatal("download canceled")
		}
	}
	if _, err := os.Stat(pdfFile); err != nil {
		entries, _ := os.ReadDir(downloads)
		t.Fatalf("downloaded file: %v (folder holds %v)", err, entries)
	}
	text := strings.Join(strings.Fields(pdfText(t, pdfFile)), "") // lines joined: the body text is justified
	for _, want := range []string{"伊川县城市管理局2020年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况",
		"四、结转下年度继续办理", "2020年，共收到政府信息公开申请5件。"} {
		if !strings.Contains(text, want) {
			t.Errorf("downloaded PDF lacks %q", want)
		}
	}
	if strings.Contains(text, "草稿") {
		t.Error("a report without errors was downloaded as a draft")
	}
	// the preview, for the README
	err = chromedp.Do(ctx,
		waitJS(`document.getElementById("preview-state").textContent.includes("可报送") && document.getElementById("preview").src.startsWith("blob:")`),
		// headless Chromium draws no PDF plugin in screenshots: show the HTML preview instead
		chromedp.Click(chromedp.CSS("#tab-html")),
		waitJS(`(() => { const d = document.getElementById("preview-html").contentDocument; return !!d && d.body.textContent.includes("结转下年度继续办理") && !d.body.textContent.includes("草稿"); })()`),
		chromedp.Sleep(500*time.Millisecond),
		screenshot(t, shots, "serve-preview.png"),
		browsertest.Viewport(1093, 614, 1.25, false), // 125 % zoom on a 1366 × 768 laptop
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool](`(document.querySelector('td[data-target="t3.new.NP"]').scrollIntoView({block: "start"}), true)`)(ctx, tg)
			return err
		}),
		chromedp.Sleep(300*time.Millisecond),
		screenshot(t, shots, "serve-125.png"),
	)
	if err != nil {
		t.Fatal(err)
	}
}

// shotsDir is where screenshots go: $NIANBAO_SCREENSHOTS, else a temporary folder.
func shotsDir(t *testing.T) string {
	if d := os.Getenv("NIANBAO_SCREENSHOTS"); d != "" {
		return d
	}
	return t.TempDir()
}

func ptr[T any](v T) *T { return &v }

// pdfText runs pdftotext (poppler-utils); it skips without it, and fails under CI.
func pdfText(t *testing.T, file string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext is not installed (CI installs poppler-utils)")
		}
		t.Skip("pdftotext is not installed")
	}
	out, err := exec.Command("pdftotext", "-layout", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// TestBrowserRestoreAndConflict: unsaved edits survive a closed tab (local storage), and a save over a file
// changed on disk shows both versions and saves the one the clerk keeps, the other kept as .bak.
func TestBrowserRestoreAndConflict(t *testing.T) {
	_, ts, dir := testServer(t, seedName)
	file := filepath.Join(dir, seedName)
	ctx := browsertest.New(t)
	cell := cellInput("t2.xzxk.decisions")
	err := chromedp.Do(ctx,
		browsertest.Viewport(1400, 900, 1, false),
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(cell)),
		typeInto(cell, "21"),
		waitJS(`localStorage.getItem("nianbao-draft:`+seedName+`") !== null && localStorage.getItem("nianbao-draft:`+seedName+`").includes('"decisions":"21"')`),
	)
	if err != nil {
		t.Fatal(err)
	}
	// a second tab, as after closing the first: the edit is offered back
	tab, cancel := chromedp.NewContext(ctx)
	defer cancel()
	err = chromedp.Do(tab,
		browsertest.Viewport(1400, 900, 1, false),
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS("#banner button.primary")),
		chromedp.Click(chromedp.CSS("#banner button.primary")),
		waitJS(`document.querySelector('`+cell+`').value === "21" && document.getElementById("status").textContent === "有未保存的修改"`),
	)
	if err != nil {
		t.Fatal(err)
	}
	// meanwhile someone edits the file in a text editor
	orig := mustRead(t, file)
	edited := bytes.Replace(orig, []byte("decisions  = 19"), []byte("decisions  = 25"), 1)
	if bytes.Equal(edited, orig) {
		t.Fatal("seed layout changed: no 'decisions  = 19' line")
	}
	if err := os.WriteFile(file, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(tab,
		chromedp.Click(chromedp.CSS("#btn-save")),
		chromedp.WaitVisible(chromedp.CSS("#conflict-keep")),
		waitJS(`document.getElementById("conflict-disk").textContent.includes("decisions  = 25") && document.getElementById("conflict-mine").textContent.includes("decisions = 21")`),
		waitJS(`document.getElementById("conflict-changes").textContent.includes("表二“行政许可”“处理决定数量”2521")`),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(mustRead(t, file), edited) {
		t.Fatal("the file edited on disk was overwritten without asking")
	}
	err = chromedp.Do(tab,
		screenshot(t, shotsDir(t), "serve-conflict.png"),
		chromedp.Click(chromedp.CSS("#conflict-keep")),
		waitJS(`document.getElementById("status").textContent.startsWith("已保存") && localStorage.getItem("nianbao-draft:`+seedName+`") === null`),
	)
	if err != nil {
		t.Fatal(err)
	}
	r, err := report.Load(file)
	if err != nil || r.T2["t2.xzxk.decisions"] != "21" {
		t.Fatalf("saved: %v %v", err, r.T2["t2.xzxk.decisions"])
	}
	if !bytes.Equal(mustRead(t, file+".bak"), edited) {
		t.Error("the version edited on disk is not kept as .bak")
	}
}

// TestBrowserFormatAndLeave: switching the format redraws the tables of the other format (asking before
// dropping numbers that only the old format has), and leaving the page with unsaved edits asks first.
func TestBrowserFormatAndLeave(t *testing.T) {
	_, ts, _ := testServer(t, seedName)
	ctx := browsertest.New(t)
	dialogs := make(chan page.EventJavascriptDialogOpening, 8)
	go func() {
		for ev, err := range chromedp.Events(ctx, page.JavascriptDialogOpening) {
			if err != nil {
				return
			}
			dialogs <- ev
			go chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}
	}()
	setSelect := func(sel, v string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool](`(() => { const s = document.querySelector(`+jsString(sel)+`); s.focus(); s.value = `+jsString(v)+`; s.dispatchEvent(new Event("input")); return true; })()`)(ctx, tg)
			return err
		})
	}
	err := chromedp.Do(ctx,
		browsertest.Viewport(1400, 900, 1, false),
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(cellInput("t3.r6.NP"))),
		// Enter in a paragraph starts a new paragraph at the cursor
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool](`(() => { const ta = document.querySelector('[data-target="overview.paragraphs.0"] textarea'); ta.focus(); ta.setSelectionRange(ta.value.length, ta.value.length); return true; })()`)(ctx, tg)
			return err
		}),
		chromedp.KeyEvent(kb.Enter),
		chromedp.KeyEvent("新的一段。"),
		waitJS(`(() => { const ta = document.querySelector('[data-target="overview.paragraphs.1"] textarea'); return !!ta && ta.value === "新的一段。" && document.activeElement === ta; })()`),
		// pasted lines become paragraphs (a paste is one input event)
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool](`(() => { const ta = document.activeElement; ta.value += "甲。\n\n乙。"; ta.dispatchEvent(new InputEvent("input", {inputType: "insertFromPaste"})); return true; })()`)(ctx, tg)
			return err
		}),
		waitJS(`JSON.stringify(st.doc.overview.paragraphs.slice(1)) === JSON.stringify(["新的一段。甲。", "乙。"])`),
		setSelect(`[data-target="report.format"] select`, "2021"),
		// the 2021 table 三 has （六）其他处理 in three rows; the 2019-only 政府集中采购 numbers were dropped after asking
		chromedp.WaitVisible(chromedp.CSS(cellInput("t3.r6_3.NP"))),
		// a 2020 report cannot use the 2021 format: the loader says so at the format field
		waitJS(`!!document.querySelector('[data-target="report.format"].bad .note[data-rule="LOAD"]')`),
		typeInto(`[data-target="report.year"] input`, "2021"),
		waitJS(`!document.querySelector('.bad') && document.getElementById("summary-count").textContent !== ""`),
	)
	if err != nil {
		t.Fatal(err)
	}
	select {
	case ev := <-dialogs:
		if ev.Type != page.DialogTypeConfirm || !strings.Contains(ev.Message, "zfjzcg") {
			t.Errorf("format dialog: %s %q", ev.Type, ev.Message)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no confirmation before dropping the 2019-only numbers")
	}
	// leave with unsaved edits: the browser asks (beforeunload)
	go chromedp.Do(ctx, chromedp.Navigate("about:blank"))
	select {
	case ev := <-dialogs:
		if ev.Type != page.DialogTypeBeforeunload {
			t.Errorf("leaving: dialog %s", ev.Type)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("no beforeunload warning when leaving with unsaved edits")
	}
}

// TestBrowserNewReport: in folder mode the clerk creates next year's report from last year's and edits it.
func TestBrowserNewReport(t *testing.T) {
	_, ts, dir := testServer(t, "")
	ctx := browsertest.New(t)
	err := chromedp.Do(ctx,
		browsertest.Viewport(1400, 900, 1, false),
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`#new-year`)),
		chromedp.Click(chromedp.CSS(`#new-year`)),
		chromedp.KeyEvent("2021"),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool](`(() => { const s = document.getElementById("new-from"); s.value = "`+seedName+`"; s.dispatchEvent(new Event("change")); return true; })()`)(ctx, tg)
			return err
		}),
		chromedp.Click(chromedp.CSS(`#new-name`)),
		chromedp.KeyEvent("新报告.toml"),
		chromedp.Click(chromedp.CSS(`#new-form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(cellInput("t3.r6_1.NP"))),
		waitJS(`document.querySelector('[data-target="report.agency"] input').value === "伊川县城市管理局" && document.getElementById("file-name").textContent === "新报告.toml"`),
		// the new report is compared with last year's in the folder
		waitJS(`document.getElementById("summary-list").textContent.includes("已与上年报告 `+seedName+`")`),
	)
	if err != nil {
		t.Fatal(err)
	}
	r, err := report.Load(filepath.Join(dir, "新报告.toml"))
	if err != nil || r.Year != 2021 || r.Format != "2021" || r.Agency != "伊川县城市管理局" {
		t.Fatalf("new report: %v %+v", err, r)
	}
}

// TestBrowserBarStaysCompact: with unsaved edits and errors (the status says 有未保存的修改, the buttons
// become …草稿) the top bar stays one or two lines high at 1400 px and at 125 % zoom on a 1366 px
// laptop: the status once shrank to one character per line, making the sticky bar 180 px high.
func TestBrowserBarStaysCompact(t *testing.T) {
	_, ts, _ := testServer(t, "") // folder mode: the bar also has 返回报告列表
	for _, vp := range [][3]float64{{1400, 900, 1}, {1093, 614, 1.25}, {800, 900, 1}} {
		ctx := browsertest.New(t)
		err := chromedp.Do(ctx,
			browsertest.Viewport(int64(vp[0]), int64(vp[1]), vp[2], false),
			chromedp.Navigate(ts.URL+"/"),
			chromedp.WaitVisible(chromedp.CSS(`button[data-open="`+seedName+`"]`)),
			chromedp.Click(chromedp.CSS(`button[data-open="`+seedName+`"]`)),
			chromedp.WaitVisible(chromedp.CSS(cellInput("t3.new.NP"))),
			typeInto(cellInput("t3.new.NP"), "7"),
			waitJS(`document.getElementById("status").textContent.includes("未保存") && document.getElementById("btn-pdf").textContent.includes("草稿")`),
		)
		if err != nil {
			t.Fatal(err)
		}
		geo, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(() => { const b = document.querySelector(".bar").getBoundingClientRect(), s = document.getElementById("status").getBoundingClientRect(), h = document.getElementById("btn-save").getBoundingClientRect(); return [b.height, s.height, s.width, h.height]; })()`))
		if err != nil {
			t.Fatal(err)
		}
		bar, status, statusW, button := geo[0], geo[1], geo[2], geo[3]
		if bar > 3.5*button || status > 2*button || statusW < 3*button {
			t.Errorf("viewport %v: bar %.0f px high, status %.0f × %.0f px, buttons %.0f px high", vp, bar, statusW, status, button)
		}
	}
}
