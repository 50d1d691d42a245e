package serve

import (
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"strings"

	"github.com/nianbao/nianbao"
	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/report"
)

func (s *Server) handleIndex(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	err := s.page.Execute(w, map[string]string{"Token": s.token, "File": s.ws.single, "Folder": s.ws.dir})
	if err != nil {
		s.logf("nianbao serve: page: %v", err)
	}
}

func (s *Server) handleFiles(w http.ResponseWriter, r *http.Request) {
	files, err := s.ws.list()
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"folder": s.ws.single == "", "files": files})
}

// layoutJSON is what the page needs to draw the form of one format: the sections and the three tables as
// the PDF draws them (layouts), and which cells are computed unless typed.
type layoutJSON struct {
	Format   layouts.Format               `json:"format"`
	Sections []sectionJSON                `json:"sections"`
	Tables   map[string]*layouts.Table    `json:"tables"`
	T3Cols   []string                     `json:"t3cols"`
	T4Cols   []string                     `json:"t4cols"`
	T4Blocks []string                     `json:"t4blocks"`
	T2Items  map[string][]layouts.T2Field `json:"t2items"`
}

type sectionJSON struct {
	Heading string `json:"heading"`
	Key     string `json:"key"`
	Table   bool   `json:"table"`
}

func (s *Server) handleLayout(w http.ResponseWriter, r *http.Request) {
	f := layouts.Format(r.URL.Query().Get("format"))
	if !f.Valid() {
		writeError(w, http.StatusBadRequest, "格式只能是 2019 或 2021")
		return
	}
	l := layoutJSON{Format: f, Tables: map[string]*layouts.Table{}, T2Items: map[string][]layouts.T2Field{}}
	for _, sec := range layouts.Sections(f) {
		l.Sections = append(l.Sections, sectionJSON{Heading: sec.Heading(), Key: sec.Key, Table: sec.Kind == layouts.TableSection})
		if sec.Kind == layouts.TableSection {
			l.Tables[sec.Key] = layouts.TableByID(f, sec.Key, layouts.Options{AmountNote: r.URL.Query().Get("amount_note")})
		}
	}
	for _, c := range layouts.T3Columns {
		l.T3Cols = append(l.T3Cols, c.ID)
	}
	for _, c := range layouts.T4Results {
		l.T4Cols = append(l.T4Cols, c.ID)
	}
	for _, b := range layouts.T4Blocks {
		l.T4Blocks = append(l.T4Blocks, b.ID)
	}
	for _, it := range layouts.T2Items(f) {
		l.T2Items[it.ID] = it.Fields
	}
	writeJSON(w, http.StatusOK, l)
}

// openJSON is a report file as the page edits it.
type openJSON struct {
	Name string `json:"name"`
	Doc  *Doc   `json:"doc"`
	// Base is the hash of the file's bytes: a save must name it (see workspace.save).
	Base string `json:"base"`
	Text string `json:"text"`
}

func (s *Server) handleOpen(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	data, base, err := s.ws.read(name)
	if err != nil {
		status := http.StatusUnprocessableEntity
		if errors.Is(err, errName) {
			status = http.StatusForbidden
		} else if errors.Is(err, fs.ErrNotExist) {
			status, err = http.StatusNotFound, fmt.Errorf("文件 %s 不存在", name)
		}
		writeError(w, status, err.Error())
		return
	}
	d, err := DocFromTOML(data)
	if err != nil {
		writeError(w, http.StatusUnprocessableEntity, name+"："+err.Error())
		return
	}
	writeJSON(w, http.StatusOK, openJSON{Name: name, Doc: d, Base: base, Text: string(data)})
}

// docRequest carries the form state of one report.
type docRequest struct {
	Name string `json:"name"`
	Doc  *Doc   `json:"doc"`
	// Base is the version the form was loaded from (save only).
	Base string `json:"base"`
}

// readDoc decodes a docRequest and checks its name; false means an error answer was written.
func (s *Server) readDoc(w http.ResponseWriter, r *http.Request) (*docRequest, bool) {
	var req docRequest
	if !readJSON(w, r, &req) {
		return nil, false
	}
	if _, err := s.ws.path(req.Name); err != nil {
		writeError(w, http.StatusForbidden, err.Error())
		return nil, false
	}
	if req.Doc == nil {
		writeError(w, http.StatusBadRequest, "请求中缺少报告内容")
		return nil, false
	}
	return &req, true
}

func (s *Server) handleCheck(w http.ResponseWriter, r *http.Request) {
	req, ok := s.readDoc(w, r)
	if !ok {
		return
	}
	res, _, _ := checkDocPrev(req.Name, req.Doc, func(cur *report.Report) *report.Report { return s.ws.previous(req.Name, cur) })
	writeJSON(w, http.StatusOK, res)
}

// handleRender answers the PDF, DOCX or HTML page of the form state (?kind=pdf|docx|html; &download=1 for an attachment).
// A report that breaks a rule or lacks a glyph is rendered as a draft with the 草稿 mark, as
// `render --draft` does; the X-Nianbao-Draft header says so.
func (s *Server) handleRender(w http.ResponseWriter, r *http.Request) {
	kind := r.URL.Query().Get("kind")
	if kind != "pdf" && kind != "docx" && kind != "html" {
		writeError(w, http.StatusBadRequest, "kind 只能是 pdf、docx 或 html")
		return
	}
	req, ok := s.readDoc(w, r)
	if !ok {
		return
	}
	res, rep, _ := checkDoc(req.Name, req.Doc)
	if rep == nil {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{
			"error": fmt.Sprintf("有 %d 处内容无法识别，请先改正标红的地方", len(res.Problems)), "problems": res.Problems})
		return
	}
	o := s.opt.Render
	o.Draft = res.Draft
	var data []byte
	var err error
	ctype := "application/pdf"
	if kind == "pdf" {
		data, _, err = nianbao.RenderPDF(rep, o)
		if errors.Is(err, nianbao.ErrGlyphs) {
			o.Draft = true
			data, _, err = nianbao.RenderPDF(rep, o)
		}
	} else if kind == "docx" {
		ctype = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
		data, err = nianbao.RenderDOCX(rep, o)
	} else {
		ctype = "text/html; charset=utf-8"
		data, err = nianbao.RenderHTML(rep, o)
	}
	if err != nil {
		writeError(w, http.StatusUnprocessableEntity, "生成失败："+err.Error())
		return
	}
	file := strings.TrimSuffix(req.Name, ".toml") + "." + kind
	disp := "inline"
	if r.URL.Query().Get("download") == "1" {
		disp = "attachment"
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Disposition", fmt.Sprintf("%s; filename*=UTF-8''%s", disp, url.PathEscape(file)))
	h.Set("X-Nianbao-File", url.PathEscape(file))
	if o.Draft {
		h.Set("X-Nianbao-Draft", "1")
	} else {
		h.Set("X-Nianbao-Draft", "0")
	}
	_, _ = w.Write(data)
}

// handleSave writes the form state as the report file, if it loads and the file on disk is still the
// version the form started from; otherwise 409 with both versions for the clerk to choose.
func (s *Server) handleSave(w http.ResponseWriter, r *http.Request) {
	req, ok := s.readDoc(w, r)
	if !ok {
		return
	}
	res, rep, _ := checkDoc(req.Name, req.Doc)
	if rep == nil {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{
			"error": fmt.Sprintf("有 %d 处内容无法识别，未保存；请先改正标红的地方", len(res.Problems)), "problems": res.Problems})
		return
	}
	text, err := saveText(req.Doc, rep)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "未保存："+err.Error())
		return
	}
	base, err := s.ws.save(req.Name, text, req.Base)
	var ce *conflictError
	if errors.As(err, &ce) {
		out := map[string]any{"error": ce.Error(), "disk": string(ce.Disk), "diskBase": ce.DiskHash, "mine": string(text)}
		if d, derr := DocFromTOML(ce.Disk); ce.Disk != nil && derr == nil {
			out["diskDoc"] = d
		}
		if disk, derr := report.Parse(req.Name, ce.Disk); ce.Disk != nil && derr == nil {
			out["changes"] = changes(disk, rep)
		}
		writeJSON(w, http.StatusConflict, out)
		return
	}
	if err != nil {
		writeError(w, http.StatusInternalServerError, "保存失败："+err.Error())
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"name": req.Name, "base": base, "errors": res.Errors, "warnings": res.Warnings})
}

// newRequest asks for a new report file in folder mode, as `nianbao init` writes it.
type newRequest struct {
	Name   string `json:"name"`
	Format string `json:"format"`
	Year   int    `json:"year"`
	Agency string `json:"agency"`
	// From names last year's report in the same folder (carry-over as `init --from`).
	From string `json:"from"`
}

func (s *Server) handleNew(w http.ResponseWriter, r *http.Request) {
	if s.ws.single != "" {
		writeError(w, http.StatusForbidden, "只打开了一个文件；新建报告请用文件夹启动：nianbao serve 文件夹")
		return
	}
	var req newRequest
	if !readJSON(w, r, &req) {
		return
	}
	if _, err := s.ws.path(req.Name); err != nil {
		writeError(w, http.StatusForbidden, err.Error())
		return
	}
	if req.Year < 2008 || req.Year > 2100 {
		writeError(w, http.StatusBadRequest, "报告年度必须是 2008 到 2100 之间的整数")
		return
	}
	o := report.SkeletonOptions{Year: req.Year, Agency: strings.TrimSpace(req.Agency), Format: layouts.Format(req.Format)}
	if req.Format == "" {
		o.Format = layouts.DefaultFormat(req.Year)
	}
	if !o.Format.Valid() {
		writeError(w, http.StatusBadRequest, "格式只能是 2019 或 2021")
		return
	}
	if o.Format == layouts.F2021 && req.Year < 2021 {
		writeError(w, http.StatusBadRequest, "2021 格式适用于 2021 年及以后的报告")
		return
	}
	if req.From != "" {
		data, _, err := s.ws.read(req.From)
		if err != nil {
			writeError(w, http.StatusUnprocessableEntity, "无法读取上年报告："+err.Error())
			return
		}
		prev, err := report.Parse(req.From, data)
		if err != nil {
			writeError(w, http.StatusUnprocessableEntity, "上年报告无法载入："+err.Error())
			return
		}
		o.From = prev
	}
	base, err := s.ws.save(req.Name, []byte(report.Skeleton(o)), "")
	var ce *conflictError
	if errors.As(err, &ce) {
		writeError(w, http.StatusConflict, "文件 "+req.Name+" 已存在；请换一个文件名")
		return
	}
	if err != nil {
		writeError(w, http.StatusInternalServerError, "新建失败："+err.Error())
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"name": req.Name, "base": base})
}
