// nianbao serve — the form. Plain JavaScript, no framework, nothing fetched from elsewhere.
// The server is the one implementation of the loader and the checks: every edit is sent to /api/check
// (debounced) and the answer marks the cells and paragraphs it names.
"use strict";

const TOKEN = document.querySelector('meta[name="nianbao-token"]').content;
const SINGLE = document.querySelector('meta[name="nianbao-file"]').content;
const CHECK_DELAY = 250;     // ms after the last keystroke
const PREVIEW_DELAY = 1500;  // ms after the last keystroke

const st = {
  name: "", base: "", doc: null, layout: null, format: "",
  dirty: false, values: {}, checkSeq: 0, previewSeq: 0, previewURL: "", htmlURL: "",
  checkTimer: 0, previewTimer: 0, lastCheck: null, manual: {},
};

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(e.dataset, v);
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const kid of kids) if (kid !== null && kid !== undefined) e.append(kid);
  return e;
}

async function api(method, path, body) {
  const opt = { method, headers: { "X-Nianbao-Token": TOKEN } };
  if (body !== undefined) {
    opt.headers["Content-Type"] = "application/json";
    opt.body = JSON.stringify(body);
  }
  return fetch(path, opt);
}

async function apiJSON(method, path, body) {
  const resp = await api(method, path, body);
  let data = {};
  try { data = await resp.json(); } catch (e) { data = { error: "服务器的回答无法识别（" + resp.status + "）" }; }
  return { ok: resp.ok, status: resp.status, data };
}

function setStatus(text, kind) {
  const s = $("status");
  s.textContent = text;
  s.className = "status" + (kind ? " " + kind : "");
}

function hhmm() {
  const d = new Date();
  return String(d.getHours()).padStart(2, "0") + ":" + String(d.getMinutes()).padStart(2, "0");
}

// ---------- files (folder mode) ----------

async function showFiles() {
  if (st.dirty && !confirm("有未保存的修改。仍要返回报告列表吗？（修改已暂存在本浏览器中）")) return;
  $("editor").hidden = true;
  $("actions").hidden = true;
  $("files-view").hidden = false;
  $("doc-title").textContent = "政府信息公开工作年度报告";
  $("file-name").textContent = "";
  st.name = "";
  st.dirty = false;
  const { ok, data } = await apiJSON("GET", "/api/files");
  if (!ok) { setStatus(data.error, "bad"); return; }
  const body = $("files-body");
  body.replaceChildren();
  const from = $("new-from");
  from.replaceChildren(el("option", { value: "", text: "不使用" }));
  for (const f of data.files) {
    let check = f.invalid ? "无法载入" : f.errors ? f.errors + " 处错误" : "通过";
    body.append(el("tr", {},
      el("td", { text: f.name }), el("td", { text: f.agency || "" }), el("td", { text: f.year || "" }),
      el("td", { text: f.format || "" }),
      el("td", { class: f.invalid || f.errors ? "bad" : "good", text: check, title: f.invalid || "" }),
      el("td", {}, el("button", { type: "button", class: "primary", text: "打开", dataset: { open: f.name }, onclick: () => openFile(f.name) }))));
    if (!f.invalid) from.append(el("option", { value: f.name, text: f.name + "（" + (f.agency || "") + " " + f.year + "年）" }));
  }
  if (!data.files.length) body.append(el("tr", {}, el("td", { colspan: 6, text: "此文件夹中还没有报告文件（.toml），请在下面新建。" })));
  setStatus("");
}

function suggestName() {
  const y = $("new-year").value, a = $("new-agency").value.trim();
  if (!y) return;
  $("new-name").placeholder = (a ? a + "-" : "") + y + ".toml";
}

async function createReport(ev) {
  ev.preventDefault();
  let name = $("new-name").value.trim() || $("new-name").placeholder;
  if (name && !name.endsWith(".toml")) name += ".toml";
  const req = { name, year: parseInt($("new-year").value, 10) || 0, format: $("new-format").value,
    agency: $("new-agency").value.trim(), from: $("new-from").value };
  const { ok, data } = await apiJSON("POST", "/api/new", req);
  if (!ok) { setStatus(data.error, "bad"); return; }
  openFile(data.name);
}

// ---------- open, restore ----------

function draftKey(name) { return "nianbao-draft:" + name; }

async function openFile(name) {
  const { ok, data } = await apiJSON("GET", "/api/open?name=" + encodeURIComponent(name));
  if (!ok) { setStatus(data.error, "bad"); return; }
  st.name = data.name;
  st.base = data.base;
  st.doc = normalize(data.doc);
  st.dirty = false;
  st.manual = {};
  $("files-view").hidden = true;
  $("editor").hidden = false;
  $("actions").hidden = false;
  $("btn-files").hidden = !!SINGLE;
  $("file-name").textContent = data.name;
  await relayout();
  offerDraft(data);
}

function offerDraft(data) {
  let saved = null;
  try { saved = JSON.parse(localStorage.getItem(draftKey(st.name)) || "null"); } catch (e) { saved = null; }
  const banner = $("banner");
  banner.hidden = true;
  if (!saved || !saved.doc || JSON.stringify(normalize(saved.doc)) === JSON.stringify(st.doc)) return;
  const when = new Date(saved.time).toLocaleString("zh-CN");
  banner.replaceChildren(
    el("span", { text: "本浏览器中有此报告尚未保存的修改（" + when + "）。" }),
    el("button", { type: "button", class: "primary", text: "恢复这些修改", onclick: async () => {
      st.doc = normalize(saved.doc);
      st.base = saved.base || st.base;
      banner.hidden = true;
      await relayout();
      markDirty();
    } }),
    el("button", { type: "button", text: "丢弃", onclick: () => { localStorage.removeItem(draftKey(st.name)); banner.hidden = true; } }));
  banner.hidden = false;
}

// normalize fills the parts of a Doc the server may leave null.
function normalize(d) {
  d = JSON.parse(JSON.stringify(d || {}));
  d.report = d.report || {};
  for (const k of ["agency", "year", "format", "title", "signature", "date", "amount_note"]) d.report[k] = d.report[k] || "";
  d.report.preamble = d.report.preamble || [];
  d.report.title_lines = d.report.title_lines || [];
  for (const k of ["overview", "problems", "other"]) {
    d[k] = d[k] || {};
    d[k].paragraphs = d[k].paragraphs || [];
    d[k].sections = (d[k].sections || []).map((s) => ({ title: s.title || "", runin: !!s.runin, paragraphs: s.paragraphs || [] }));
  }
  d.table2 = d.table2 || {};
  d.table3 = d.table3 || {};
  d.table4 = d.table4 || {};
  return d;
}

function effectiveFormat(d) {
  const f = (d.report.format || "").trim();
  if (f === "2019" || f === "2021") return f;
  const y = parseInt(d.report.year, 10);
  if (!f && y >= 2008 && y <= 2100) return y <= 2020 ? "2019" : "2021"; // half-typed years change nothing
  return "";
}

async function relayout() {
  let f = effectiveFormat(st.doc) || "2021";
  if (!st.layout || st.format !== f) {
    const { ok, data } = await apiJSON("GET", "/api/layout?format=" + f);
    if (!ok) { setStatus(data.error, "bad"); return; }
    st.layout = data;
    st.format = f;
  }
  buildForm();
  runCheck(true);
  schedulePreview(0);
}

// ---------- the form ----------

function markDirty() {
  st.dirty = true;
  setStatus("有未保存的修改", "warn");
  try {
    localStorage.setItem(draftKey(st.name), JSON.stringify({ base: st.base, doc: st.doc, time: Date.now() }));
  } catch (e) { /* storage full or disabled: the beforeunload warning still protects */ }
  clearTimeout(st.checkTimer);
  st.checkTimer = setTimeout(runCheck, CHECK_DELAY);
  schedulePreview(PREVIEW_DELAY);
}

function field(label, path, value, onchange, opts) {
  opts = opts || {};
  const input = opts.textarea
    ? el("textarea", { rows: opts.rows || 2, placeholder: opts.placeholder || "" })
    : el(opts.select ? "select" : "input", { type: opts.select ? null : (opts.type || "text"), placeholder: opts.placeholder || "" });
  if (opts.select) for (const [v, t] of opts.select) input.append(el("option", { value: v, text: t }));
  input.value = value;
  input.addEventListener("input", () => { onchange(input.value); markDirty(); });
  const wrap = el("div", { class: "field", dataset: { target: path } },
    el("label", {}, el("span", { class: "label", text: label }), input), el("div", { class: "notes" }));
  return wrap;
}

function buildForm() {
  const form = $("form");
  const d = st.doc;
  form.replaceChildren();
  const meta = el("section", { class: "sec", dataset: { target: "report" } }, el("h2", { text: "报告基本信息" }));
  meta.append(
    field("机关名称", "report.agency", d.report.agency, (v) => { d.report.agency = v; }),
    field("报告年度", "report.year", d.report.year, (v) => { d.report.year = v; formatMaybeChanged(); }, { placeholder: "例如 2024" }),
    field("报告格式", "report.format", d.report.format, (v) => { d.report.format = v; formatMaybeChanged(); },
      { select: [["", "按年度自动选择"], ["2019", "2019 年版（国办公开办函〔2019〕60号）"], ["2021", "2021 年版（国办公开办函〔2021〕30号）"]] }),
    field("标题（可留空）", "report.title", d.report.title, (v) => { d.report.title = v; }, { placeholder: (st.lastCheck && st.lastCheck.title) || "" }),
    field("标题分行（可留空）", "report.title_lines", (d.report.title_lines || []).join("\n"),
      (v) => { d.report.title_lines = v.split("\n").map((x) => x.trim()).filter((x) => x); }, { textarea: true, rows: 2, placeholder: "标题太长需要自己分行时，每行写一段；连起来须与标题相同" }),
    field("署名", "report.signature", d.report.signature, (v) => { d.report.signature = v; }),
    field("成文日期", "report.date", d.report.date, (v) => { d.report.date = v; }, { placeholder: "例如 2025-01-20" }));
  if (st.format === "2019") {
    meta.append(field("采购总金额单位说明", "report.amount_note", d.report.amount_note, (v) => { d.report.amount_note = v; }, { placeholder: "例如（单位：万元）" }));
  }
  meta.append(el("h3", { text: "前言（编制依据、统计期限、联系方式）" }), paragraphList("report.preamble", d.report.preamble));
  form.append(meta);
  for (const sec of st.layout.sections) {
    const box = el("section", { class: "sec", dataset: { target: sec.key } }, el("h2", { text: sec.heading }), el("div", { class: "notes" }));
    if (sec.table) box.append(tableEditor(sec.key));
    else box.append(narrEditor(sec.key));
    form.append(box);
  }
  applyCheck();
}

function formatMaybeChanged() {
  const f = effectiveFormat(st.doc);
  if (!f || f === st.format) return;
  const from = st.format;
  // Rows and items of the other format would be refused by the loader and are not on the new form: they
  // are dropped, after asking when they hold numbers.
  apiJSON("GET", "/api/layout?format=" + f).then(({ ok, data }) => {
    if (!ok) { setStatus(data.error, "bad"); return; }
    const keepT2 = data.t2items;
    const rows = new Set(data.tables.t3.Rows.map((r) => r.ID).filter(Boolean));
    const lost = [];
    const filled = (v) => v !== undefined && v !== null && String(v).trim() !== "" && String(v).trim() !== "0";
    for (const [id, vals] of Object.entries(st.doc.table2)) {
      const ok2 = new Set((keepT2[id] || []).map((x) => x.ID));
      for (const [k, v] of Object.entries(vals)) if (!ok2.has(k) && filled(v)) lost.push("表二 " + id + "." + k);
    }
    for (const [id, vals] of Object.entries(st.doc.table3)) if (!rows.has(id) && vals.some(filled)) lost.push("表三 " + id);
    if (f === "2021" && st.doc.report.amount_note) lost.push("采购总金额单位说明（amount_note）");
    if (lost.length && !confirm("改为 " + f + " 年版格式后，这些只属于 " + from + " 年版的数据将被删除：" + lost.join("、") + "。继续吗？")) {
      st.doc.report.format = from; // keep the old format explicitly
      buildForm();
      markDirty();
      return;
    }
    for (const id of Object.keys(st.doc.table2)) {
      if (!keepT2[id]) { delete st.doc.table2[id]; continue; }
      const ok2 = new Set(keepT2[id].map((x) => x.ID));
      for (const k of Object.keys(st.doc.table2[id])) if (!ok2.has(k)) delete st.doc.table2[id][k];
    }
    for (const id of Object.keys(st.doc.table3)) if (!rows.has(id)) delete st.doc.table3[id];
    if (f === "2021") st.doc.report.amount_note = "";
    st.layout = data;
    st.format = f;
    buildForm();
    markDirty();
  });
}

// paragraphList edits an array of paragraphs in place: add, remove, move up and down.
function paragraphList(path, list) {
  const box = el("div", { class: "paras" });
  const draw = () => {
    box.replaceChildren();
    list.forEach((p, i) => {
      const ta = el("textarea", { rows: 3, "aria-label": "第 " + (i + 1) + " 段" });
      ta.value = p;
      ta.addEventListener("input", () => {
        if (ta.value.includes("\n")) {
          // pasted lines become paragraphs (the loader would drop the line breaks and join them)
          const keep = ta.value.split(/\r?\n/).filter((x) => x.trim() !== "");
          if (keep.length > 1) {
            list.splice(i, 1, ...keep);
            draw();
            markDirty();
            const last = box.querySelectorAll("textarea")[i + keep.length - 1];
            last.focus();
            last.setSelectionRange(last.value.length, last.value.length);
            return;
          }
          const pos = ta.selectionStart;
          ta.value = keep[0] || "";
          ta.setSelectionRange(Math.min(pos, ta.value.length), Math.min(pos, ta.value.length));
        }
        list[i] = ta.value;
        grow(ta);
        markDirty();
      });
      // Enter starts a new paragraph at the cursor (a line break inside a paragraph would be dropped when the
      // report is loaded); not while an input method is composing.
      ta.addEventListener("keydown", (e) => {
        if (e.key !== "Enter" || e.shiftKey || e.isComposing || e.keyCode === 229) return;
        e.preventDefault();
        const pos = ta.selectionStart;
        list.splice(i, 1, ta.value.slice(0, pos), ta.value.slice(ta.selectionEnd));
        draw();
        markDirty();
        const next = box.querySelectorAll("textarea")[i + 1];
        next.focus();
        next.setSelectionRange(0, 0);
      });
      const tools = el("div", { class: "tools" },
        el("button", { type: "button", class: "small", text: "上移", title: "上移这一段", disabled: i === 0, onclick: () => { [list[i - 1], list[i]] = [list[i], list[i - 1]]; draw(); markDirty(); } }),
        el("button", { type: "button", class: "small", text: "下移", title: "下移这一段", disabled: i === list.length - 1, onclick: () => { [list[i + 1], list[i]] = [list[i], list[i + 1]]; draw(); markDirty(); } }),
        el("button", { type: "button", class: "small danger", text: "删除", title: "删除这一段", onclick: () => { list.splice(i, 1); draw(); markDirty(); } }));
      box.append(el("div", { class: "para", dataset: { target: path + "." + i } }, el("span", { class: "pno", text: "第" + (i + 1) + "段" }), ta, tools, el("div", { class: "notes" })));
      requestAnimationFrame(() => grow(ta));
    });
    box.append(el("button", { type: "button", class: "small add", text: "＋ 添加段落", onclick: () => { list.push(""); draw(); markDirty(); box.querySelectorAll("textarea")[list.length - 1].focus(); } }));
    applyCheck();
  };
  draw();
  return box;
}

function grow(ta) {
  ta.style.height = "auto";
  ta.style.height = Math.max(ta.scrollHeight + 2, 60) + "px";
}

const NUMS = "一二三四五六七八九十";
function cnNum(i) { return i < 10 ? NUMS[i] : i < 20 ? "十" + (i === 10 ? "" : NUMS[i - 10]) : String(i + 1); }

function narrEditor(key) {
  const n = st.doc[key];
  const box = el("div", { class: "narr" });
  box.append(el("h3", { text: "开头段落" }), el("div", { dataset: { target: key + ".paragraphs" } }, paragraphList(key + ".paragraphs", n.paragraphs)));
  const subs = el("div", { class: "subs" });
  const draw = () => {
    subs.replaceChildren();
    n.sections.forEach((s, i) => {
      const p = key + ".sections." + i;
      const runin = el("input", { type: "checkbox" });
      runin.checked = s.runin;
      runin.addEventListener("change", () => { s.runin = runin.checked; markDirty(); });
      subs.append(el("fieldset", { class: "sub", dataset: { target: p } },
        el("legend", { text: "（" + cnNum(i) + "）小节" }),
        field("小标题", p + ".title", s.title, (v) => { s.title = v; }, { placeholder: "例如：主动公开情况" }),
        el("label", { class: "check" }, runin, " 标题与正文同段（“（" + cnNum(i) + "）标题。”后接正文，楷体）"),
        el("div", { dataset: { target: p + ".paragraphs" } }, paragraphList(p + ".paragraphs", s.paragraphs)),
        el("div", { class: "tools" },
          el("button", { type: "button", class: "small", text: "上移小节", disabled: i === 0, onclick: () => { [n.sections[i - 1], n.sections[i]] = [n.sections[i], n.sections[i - 1]]; draw(); markDirty(); } }),
          el("button", { type: "button", class: "small", text: "下移小节", disabled: i === n.sections.length - 1, onclick: () => { [n.sections[i + 1], n.sections[i]] = [n.sections[i], n.sections[i + 1]]; draw(); markDirty(); } }),
          el("button", { type: "button", class: "small danger", text: "删除小节", onclick: () => { if (confirm("删除小节“" + (s.title || "（无标题）") + "”及其全部段落？")) { n.sections.splice(i, 1); draw(); markDirty(); } } }))));
    });
    subs.append(el("button", { type: "button", class: "small add", text: "＋ 添加小节", onclick: () => { n.sections.push({ title: "", runin: false, paragraphs: [""] }); draw(); markDirty(); } }));
    applyCheck();
  };
  draw();
  box.append(subs);
  return box;
}

// ---------- tables ----------

// cellRef maps a layouts key to where the Doc keeps it and whether the loader computes it when absent.
function cellRef(key) {
  const [t, row, col] = key.split(".");
  if (t === "t2") return { t, row, col, computed: false };
  if (t === "t3") {
    const i = st.layout.t3cols.indexOf(col);
    return { t, row, col, i, n: 6, computed: row === "r7" || row === "carry" || col === "TOT", wholeRow: row === "r7" || row === "carry" };
  }
  const i = st.layout.t4cols.indexOf(col);
  return { t, row, col, i, n: 4, computed: col === "tot", wholeRow: false };
}

// getCell returns the text the clerk typed, or null when the cell is computed (not typed).
function getCell(key) {
  const c = cellRef(key), d = st.doc;
  if (c.t === "t2") return (d.table2[c.row] || {})[c.col] ?? "";
  const rows = c.t === "t3" ? d.table3 : d.table4;
  const r = rows[c.row];
  if (!r) return c.wholeRow || c.i >= c.n ? null : "";
  if (c.i >= c.n) return r.length > c.n ? r[c.n] : null;
  return r[c.i] ?? "";
}

function setCell(key, v) {
  const c = cellRef(key), d = st.doc;
  if (c.t === "t2") { (d.table2[c.row] = d.table2[c.row] || {})[c.col] = v; return; }
  const rows = c.t === "t3" ? d.table3 : d.table4;
  let r = rows[c.row];
  if (!r) {
    // A computed row becomes typed as a whole: the other cells keep the values computed so far.
    r = [];
    for (let i = 0; i < c.n; i++) r.push(c.wholeRow ? (st.values[c.t + "." + c.row + "." + (c.t === "t3" ? st.layout.t3cols : st.layout.t4cols)[i]] || "0") : "");
    rows[c.row] = r;
  }
  while (r.length < c.n) r.push("");
  if (c.i >= c.n) { r.length = c.n; r.push(v); } else r[c.i] = v;
}

// manual reports whether the clerk chose to type the computed cells of a table.
function isManual(tid) {
  if (tid in st.manual) return st.manual[tid];
  const d = st.doc;
  if (tid === "t3") return !!(d.table3.r7 || d.table3.carry || Object.values(d.table3).some((r) => r.length > 6));
  if (tid === "t4") return Object.values(d.table4).some((r) => r.length > 4);
  return false;
}

function clearComputed(tid) {
  const d = st.doc;
  if (tid === "t3") {
    delete d.table3.r7; delete d.table3.carry;
    for (const r of Object.values(d.table3)) r.length = Math.min(r.length, 6);
  } else for (const r of Object.values(d.table4)) r.length = Math.min(r.length, 4);
}

function tableEditor(tid) {
  const t = st.layout.tables[tid];
  const wrap = el("div", { class: "table-wrap" });
  const manual = { t3: "手动填写自动计算的格子（总计列、（七）总计、四、结转下年度继续办理）", t4: "手动填写各栏“总计”" }[tid];
  const state = { manual: manual ? isManual(tid) : false };
  if (manual) {
    const cb = el("input", { type: "checkbox", id: "manual-" + tid });
    cb.checked = state.manual;
    cb.addEventListener("change", () => {
      if (!cb.checked) {
        clearComputed(tid);
      }
      state.manual = cb.checked;
      st.manual[tid] = cb.checked;
      draw();
      markDirty();
    });
    wrap.append(el("label", { class: "check manual" }, cb, " " + manual));
    wrap.append(el("p", { class: "hint", text: "灰色格子由程序自动计算；勾选上面的选项后可以自己填写，程序会核对它们。" }));
  }
  const table = el("table", { class: "grid " + tid, dataset: { table: tid } });
  wrap.append(table, el("div", { class: "table-notes", dataset: { notes: tid } }));
  const draw = () => {
    table.replaceChildren();
    const cg = el("colgroup");
    for (const w of t.Widths) cg.append(el("col", { style: null }));
    Array.from(cg.children).forEach((c, i) => { c.style.width = (t.Widths[i] * 100).toFixed(2) + "%"; });
    table.append(cg);
    const head = el("thead"), body = el("tbody");
    const rows = t.Rows.map((r) => el("tr", { dataset: { row: r.ID || "" } }));
    for (const c of t.Cells) {
      const attrs = { rowspan: c.RowSpan > 1 ? c.RowSpan : null, colspan: c.ColSpan > 1 ? c.ColSpan : null };
      if (!c.Key) {
        const cls = [c.Vertical ? "vertical" : "", c.Block ? "block" : "", c.Kai ? "kai" : ""].join(" ").trim();
        rows[c.Row].append(el("th", Object.assign(attrs, { class: cls || null, scope: c.Block ? "colgroup" : null }), c.Text));
        continue;
      }
      const ref = cellRef(c.Key);
      const typed = getCell(c.Key);
      const computed = ref.computed && typed === null;
      const editable = !ref.computed || state.manual;
      const input = el("input", {
        type: "text", inputmode: c.Kind === 3 ? "decimal" : "numeric", "aria-label": cellLabel(t, c),
        readonly: !editable, tabindex: editable ? null : "-1", dataset: { key: c.Key, col: c.Col, row: c.Row },
        placeholder: ref.computed ? null : "0",
      });
      input.value = typed === null ? (st.values[c.Key] || "") : typed;
      input.addEventListener("input", () => { setCell(c.Key, input.value); td.classList.remove("auto"); markDirty(); });
      input.addEventListener("keydown", (e) => cellKey(e, table, input));
      const rowKey = c.Key.split(".").slice(0, 2).join(".");
      const td = el("td", Object.assign(attrs, {
        class: ["cell", ref.computed ? "computed" : "", computed ? "auto" : "", editable ? "" : "locked"].join(" ").trim(),
        dataset: { target: c.Key, rowkey: rowKey },
      }), input);
      rows[c.Row].append(td);
    }
    t.Rows.forEach((r, i) => (r.Header ? head : body).append(rows[i]));
    table.append(head, body);
    applyCheck();
  };
  draw();
  return wrap;
}

// cellLabel names a data cell for screen readers: the row's labels and the column headers above it.
function cellLabel(t, cell) {
  const parts = [];
  for (const c of t.Cells) {
    if (c.Key || c.Block) continue;
    const rowHit = c.Row <= cell.Row && cell.Row < c.Row + c.RowSpan && c.Col < cell.Col && !t.Rows[c.Row].Header;
    const colHit = c.Col <= cell.Col && cell.Col < c.Col + c.ColSpan && c.Row < cell.Row && c.Row >= cell.Row - 3;
    if (rowHit || colHit) parts.push(c.Text);
  }
  return parts.join(" ");
}

// Enter moves down the column (Shift+Enter up), skipping cells the clerk cannot type.
function cellKey(e, table, input) {
  if (e.key !== "Enter" || e.isComposing || e.keyCode === 229) return;
  e.preventDefault();
  const col = +input.dataset.col, row = +input.dataset.row, up = e.shiftKey;
  const cands = Array.from(table.querySelectorAll("input[data-key]"))
    .filter((x) => +x.dataset.col === col && !x.readOnly && (up ? +x.dataset.row < row : +x.dataset.row > row));
  cands.sort((a, b) => (up ? b.dataset.row - a.dataset.row : a.dataset.row - b.dataset.row));
  if (cands.length) { cands[0].focus(); cands[0].select(); }
}

// ---------- checks ----------

async function runCheck(initial) {
  if (!st.doc) return;
  const seq = ++st.checkSeq;
  const t0 = performance.now();
  const { ok, data } = await apiJSON("POST", "/api/check", { name: st.name, doc: st.doc });
  if (seq !== st.checkSeq) return; // a newer check is under way
  if (!ok) { setStatus(data.error, "bad"); return; }
  st.lastCheck = data;
  st.values = data.values || {};
  document.body.dataset.checkMs = String(Math.round(performance.now() - t0));
  applyCheck();
  if (initial !== true && st.dirty) setStatus("有未保存的修改", "warn");
}

function applyCheck() {
  const res = st.lastCheck;
  if (!res) return;
  const form = $("form");
  if (res.title) {
    $("doc-title").textContent = res.title;
    const ti = form.querySelector('[data-target="report.title"] input');
    if (ti) ti.placeholder = res.title;
  }
  // computed cells show the computed values
  for (const input of form.querySelectorAll("td.auto input")) {
    const v = res.values[input.dataset.key];
    if (v !== undefined && document.activeElement !== input) input.value = v;
  }
  for (const x of form.querySelectorAll(".bad, .warn")) x.classList.remove("bad", "warn");
  for (const x of form.querySelectorAll(".cell-note")) x.remove();
  for (const x of form.querySelectorAll(".notes, .table-notes")) x.replaceChildren();
  const notes = res.problems.concat(res.findings);
  const list = $("summary-list");
  list.replaceChildren();
  for (const n of notes) {
    const cls = n.severity === "error" ? "bad" : "warn";
    const sev = n.severity === "error" ? "错误" : "警告";
    const targets = findTargets(n.target);
    for (const t of targets) {
      t.classList.add(cls);
      if (t.tagName === "TD") {
        t.append(el("span", { class: "cell-note " + cls, role: "note", dataset: { rule: n.rule } }, n.rule + "：" + n.message));
      }
    }
    const msg = el("div", { class: "note " + cls, dataset: { rule: n.rule, target: n.target || "" } },
      el("b", { text: sev + " [" + n.rule + "] " }), n.message);
    // the message beside its place: under the table, the paragraph or the field
    let holder = null;
    if (targets.length && targets[0].tagName === "TD") holder = targets[0].closest(".table-wrap").querySelector(".table-notes");
    else if (targets.length) holder = targets[0].querySelector(":scope > .notes") || targets[0].querySelector(".notes");
    if (holder) holder.append(msg);
    const li = el("li", { class: cls, tabindex: "0", dataset: { rule: n.rule } }, el("b", { text: sev + " [" + n.rule + "] " }), n.message);
    li.addEventListener("click", () => focusTarget(targets));
    li.addEventListener("keydown", (e) => { if (e.key === "Enter") focusTarget(targets); });
    list.append(li);
  }
  const c = $("summary-count");
  if (!notes.length) {
    c.textContent = "全部通过";
    c.className = "count good";
    list.append(el("li", { class: "good", text: "没有发现问题：表二、表三、表四的勾稽关系与正文中的数字都已核对。" }));
  } else {
    c.textContent = res.errors + " 处错误，" + res.warnings + " 处警告";
    c.className = "count " + (res.errors ? "bad" : "warn");
  }
  if (res.prev) list.append(el("li", { class: "info", text: "已与上年报告 " + res.prev + " 核对上年结转等跨年数据。" }));
  $("btn-pdf").textContent = res.draft ? "下载 PDF 草稿" : "下载 PDF";
  $("btn-docx").textContent = res.draft ? "下载 Word 草稿" : "下载 Word";
  $("btn-html").textContent = res.draft ? "下载网页版草稿" : "下载网页版";
}

function findTargets(target) {
  if (!target) return [];
  const form = $("form");
  let found = Array.from(form.querySelectorAll('[data-target="' + CSS.escape(target) + '"]'));
  if (!found.length) found = Array.from(form.querySelectorAll('td[data-rowkey="' + CSS.escape(target) + '"]'));
  // a paragraph list target ("overview.paragraphs") or a deeper path falls back to its closest parent
  let t = target;
  while (!found.length && t.includes(".")) {
    t = t.slice(0, t.lastIndexOf("."));
    found = Array.from(form.querySelectorAll('[data-target="' + CSS.escape(t) + '"]'));
  }
  return found;
}

function focusTarget(targets) {
  if (!targets.length) return;
  const t = targets[0];
  t.scrollIntoView({ block: "center", behavior: "smooth" });
  const f = t.querySelector("input:not([readonly]), textarea, select") || t.querySelector("input");
  if (f) f.focus({ preventScroll: true });
}

// ---------- preview, downloads ----------

function schedulePreview(delay) {
  clearTimeout(st.previewTimer);
  st.previewTimer = setTimeout(refreshPreview, delay);
}

async function refreshPreview() {
  if (!st.doc) return;
  const seq = ++st.previewSeq;
  $("preview-state").textContent = "正在生成……";
  $("preview-state").className = "count";
  const body = { name: st.name, doc: st.doc };
  // both previews of the same state, shown together
  const [resp, hresp] = await Promise.all([api("POST", "/api/render?kind=pdf", body), api("POST", "/api/render?kind=html", body)]);
  if (seq !== st.previewSeq) return;
  if (!resp.ok) {
    let msg = "预览未更新";
    try { msg += "：" + (await resp.json()).error; } catch (e) { /* keep the short message */ }
    $("preview-state").textContent = msg + "（显示的是上一次的预览）";
    $("preview-state").className = "count bad";
    return;
  }
  const [blob, hblob] = await Promise.all([resp.blob(), hresp.ok ? hresp.blob() : null]);
  if (seq !== st.previewSeq) return;
  if (st.previewURL) URL.revokeObjectURL(st.previewURL);
  st.previewURL = URL.createObjectURL(blob);
  $("preview").src = st.previewURL + "#navpanes=0&view=FitH";
  if (hblob) {
    if (st.htmlURL) URL.revokeObjectURL(st.htmlURL);
    st.htmlURL = URL.createObjectURL(hblob);
    $("preview-html").src = st.htmlURL;
  }
  const draft = resp.headers.get("X-Nianbao-Draft") === "1";
  $("preview-state").textContent = (draft ? "草稿（有错误未改正）" : "可报送") + " · " + hhmm();
  $("preview-state").className = "count " + (draft ? "warn" : "good");
}

async function download(kind) {
  const resp = await api("POST", "/api/render?kind=" + kind + "&download=1", { name: st.name, doc: st.doc });
  if (!resp.ok) {
    let msg = "无法生成";
    try { msg += "：" + (await resp.json()).error; } catch (e) { /* keep */ }
    setStatus(msg, "bad");
    return;
  }
  const blob = await resp.blob();
  const file = decodeURIComponent(resp.headers.get("X-Nianbao-File") || (st.name.replace(/\.toml$/, "") + "." + kind));
  const a = el("a", { href: URL.createObjectURL(blob), download: file });
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 10000);
  setStatus("已下载 " + file + (resp.headers.get("X-Nianbao-Draft") === "1" ? "（草稿）" : ""), "good");
}

// ---------- save ----------

async function save() {
  if (!st.doc) return;
  setStatus("正在保存……");
  const { ok, status, data } = await apiJSON("POST", "/api/save", { name: st.name, doc: st.doc, base: st.base });
  if (ok) {
    st.base = data.base;
    st.dirty = false;
    localStorage.removeItem(draftKey(st.name));
    setStatus("已保存 " + hhmm() + (data.errors ? "（仍有 " + data.errors + " 处错误）" : ""), data.errors ? "warn" : "good");
    return;
  }
  if (status === 409) { showConflict(data); return; }
  setStatus(data.error || "保存失败", "bad");
}

function showConflict(data) {
  setStatus("未保存：文件在打开后被修改过，请选择保留哪个版本", "warn");
  $("conflict-disk").textContent = data.disk || "（文件已被删除）";
  $("conflict-mine").textContent = data.mine;
  const tbl = $("conflict-changes");
  tbl.replaceChildren(el("tr", {}, el("th", { text: "不同之处" }), el("th", { text: "磁盘上的版本" }), el("th", { text: "您的版本" })));
  for (const c of data.changes || []) tbl.append(el("tr", {}, el("td", { text: c.what }), el("td", { text: c.disk }), el("td", { text: c.mine })));
  if (!(data.changes || []).length) tbl.append(el("tr", {}, el("td", { colspan: 3, text: data.changes ? "内容相同，只有格式或注释不同" : "磁盘上的版本无法载入，请展开全文比较" })));
  const box = $("conflict");
  box.hidden = false;
  $("conflict-keep").onclick = () => { box.hidden = true; st.base = data.diskBase; save(); };
  $("conflict-take").onclick = async () => {
    box.hidden = true;
    if (!data.diskDoc) { setStatus("磁盘上的版本无法在表单中打开，请用文本编辑器查看", "bad"); return; }
    st.doc = normalize(data.diskDoc);
    st.base = data.diskBase;
    st.dirty = false;
    localStorage.removeItem(draftKey(st.name));
    await relayout();
    setStatus("已改用磁盘上的版本", "good");
  };
  $("conflict-cancel").onclick = () => { box.hidden = true; setStatus("未保存：文件在打开后被修改过", "warn"); };
  $("conflict-keep").focus();
}

// ---------- start ----------

window.addEventListener("beforeunload", (e) => {
  if (st.dirty) { e.preventDefault(); e.returnValue = ""; }
});

document.addEventListener("keydown", (e) => {
  if ((e.ctrlKey || e.metaKey) && e.key === "s") { e.preventDefault(); save(); }
  if (e.key === "Escape" && !$("conflict").hidden) $("conflict-cancel").click();
});

$("btn-save").addEventListener("click", save);
$("btn-pdf").addEventListener("click", () => download("pdf"));
$("btn-docx").addEventListener("click", () => download("docx"));
$("btn-html").addEventListener("click", () => download("html"));
function showTab(html) {
  $("preview").hidden = html;
  $("preview-html").hidden = !html;
  $("tab-pdf").classList.toggle("on", !html);
  $("tab-html").classList.toggle("on", html);
  $("tab-pdf").setAttribute("aria-selected", String(!html));
  $("tab-html").setAttribute("aria-selected", String(html));
}
$("tab-pdf").addEventListener("click", () => showTab(false));
$("tab-html").addEventListener("click", () => showTab(true));
$("btn-refresh").addEventListener("click", () => schedulePreview(0));
$("btn-files").addEventListener("click", showFiles);
$("new-form").addEventListener("submit", createReport);
$("new-year").addEventListener("input", suggestName);
$("new-agency").addEventListener("input", suggestName);

if (SINGLE) openFile(SINGLE); else showFiles();
