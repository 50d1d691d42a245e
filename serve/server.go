// Package serve is `nianbao serve`: a local web page on which a clerk fills in the report in the official
// tables, sees every finding of `nianbao check` beside its cell while typing, previews the PDF and saves
// the TOML file. The page is plain HTML, CSS and JavaScript embedded in the binary; nothing is fetched at
// run time. Every value goes through the strict loader and the same checks as the command line.
//
// It is a server even on one PC: it listens on loopback by default, refuses requests whose Host is not an
// IP address or localhost (DNS rebinding), refuses cross-origin writes (Origin, Sec-Fetch-Site) and every
// /api/ request without the per-run token, touches only the report files it was started with, limits
// request bodies to the loader's 8 MiB and answers a panic with an error instead of dying.
package serve

import (
	"crypto/rand"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log"
	"net"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/nianbao/nianbao"
	"github.com/nianbao/nianbao/report"
)

//go:embed static
var static embed.FS

// Options configure a Server.
type Options struct {
	// Path is the report file (FILE.toml) or the folder of report files the server may read and write.
	Path string
	// Render gives the fonts options for the preview and downloads (Draft, OutDir, PDF and DOCX are ignored).
	Render nianbao.RenderOptions
	// Logf receives one line per refused request or internal error; nil logs with the log package.
	Logf func(format string, args ...any)
}

// Server is the web application of one `nianbao serve` run.
type Server struct {
	ws    *workspace
	token string
	opt   Options
	logf  func(string, ...any)
	page  *template.Template
	mux   *http.ServeMux
}

// New prepares a server for a report file or a folder of report files.
func New(o Options) (*Server, error) {
	ws, err := newWorkspace(o.Path)
	if err != nil {
		return nil, err
	}
	var raw [24]byte
	if _, err := rand.Read(raw[:]); err != nil {
		return nil, err
	}
	s := &Server{ws: ws, token: hex.EncodeToString(raw[:]), opt: o, logf: o.Logf}
	if s.logf == nil {
		s.logf = log.Printf
	}
	s.page, err = template.ParseFS(static, "static/index.html")
	if err != nil {
		return nil, err
	}
	sub, _ := fs.Sub(static, "static")
	s.mux = http.NewServeMux()
	s.mux.HandleFunc("GET /{$}", s.handleIndex)
	files := http.StripPrefix("/static/", http.FileServer(http.FS(sub)))
	s.mux.HandleFunc("GET /static/{file}", func(w http.ResponseWriter, r *http.Request) { files.ServeHTTP(w, r) })
	s.mux.HandleFunc("GET /api/files", s.handleFiles)
	s.mux.HandleFunc("GET /api/layout", s.handleLayout)
	s.mux.HandleFunc("GET /api/open", s.handleOpen)
	s.mux.HandleFunc("POST /api/check", s.handleCheck)
	s.mux.HandleFunc("POST /api/render", s.handleRender)
	s.mux.HandleFunc("POST /api/save", s.handleSave)
	s.mux.HandleFunc("POST /api/new", s.handleNew)
	return s, nil
}

// Token is the per-run secret every /api/ request must carry in the X-Nianbao-Token header. The page
// receives it in a <meta> element; another site cannot read it (same-origin policy, Host check).
func (s *Server) Token() string { return s.token }

// Handler returns the application with every guard in front of it.
func (s *Server) Handler() http.Handler { return s.guard(s.mux) }

// Serve answers requests on ln until it fails.
func (s *Server) Serve(ln net.Listener) error {
	hs := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute,
		MaxHeaderBytes: 64 << 10, ErrorLog: log.New(logWriter{s.logf}, "", 0)}
	return hs.Serve(ln)
}

type logWriter struct{ logf func(string, ...any) }

func (l logWriter) Write(p []byte) (int, error) {
	l.logf("%s", strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// IsLoopback reports whether a listen address (host:port) only accepts connections from this machine.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// BrowserAddr is the host:port a browser on this machine opens for a listener: an unspecified address
// (0.0.0.0, ::) is reached as 127.0.0.1.
func BrowserAddr(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return a.String()
	}
	if tcp.IP == nil || tcp.IP.IsUnspecified() {
		return net.JoinHostPort("127.0.0.1", strconv.Itoa(tcp.Port))
	}
	return tcp.String()
}

// hostAllowed accepts a Host header that names an IP address or localhost: a DNS-rebinding page reaches
// the server under its own domain name, which is refused.
func hostAllowed(h string) bool {
	host, _, err := net.SplitHostPort(h)
	if err != nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	return host == "localhost" || net.ParseIP(host) != nil
}

// hostMatches is the Host check of a request that came in on a connection to local (the listening
// address as the client reached it): the Host must name that address — its IP, or localhost for a
// loopback address — and its port. Any other IP, another port or a domain name is refused; without the
// connection's address it falls back to hostAllowed.
func hostMatches(h string, local net.Addr) bool {
	if !hostAllowed(h) {
		return false
	}
	tcp, ok := local.(*net.TCPAddr)
	if !ok || tcp == nil {
		return true
	}
	host, port, err := net.SplitHostPort(h)
	if err != nil {
		host, port = h, "80"
	}
	if port != strconv.Itoa(tcp.Port) {
		return false
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if host == "localhost" {
		return tcp.IP.IsLoopback()
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.Equal(tcp.IP)
}

// guard wraps every request: panics become a 500 answer, the Host is checked, and /api/ requests need the
// token, a same-origin Origin on writes and a body within the loader's limit.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.logf("nianbao serve: 内部错误 %s %s: %v\n%s", r.Method, r.URL.Path, v, debug.Stack())
				writeError(w, http.StatusInternalServerError, fmt.Sprintf("服务器内部错误（%v）；修改没有丢失，请重试，并把终端中的信息告诉维护人员", v))
			}
		}()
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cache-Control", "no-store")
		h.Set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; frame-src 'self' blob:; object-src 'self' blob:; frame-ancestors 'self'; form-action 'none'; base-uri 'none'")
		local, _ := r.Context().Value(http.LocalAddrContextKey).(net.Addr)
		if !hostMatches(r.Host, local) {
			s.refuse(w, r, http.StatusForbidden, "拒绝：请求的主机名 "+r.Host+" 不是本机地址（请用启动时显示的网址打开）")
			return
		}
		if site := r.Header.Get("Sec-Fetch-Site"); site == "cross-site" || site == "same-site" {
			s.refuse(w, r, http.StatusForbidden, "拒绝：来自其他网站的请求")
			return
		}
		if strings.HasPrefix(r.URL.Path, "/api/") {
			if r.Method != http.MethodGet && r.Method != http.MethodHead {
				if o := r.Header.Get("Origin"); o != "http://"+r.Host {
					s.refuse(w, r, http.StatusForbidden, "拒绝：写操作只接受来自本页面的请求（Origin "+o+"）")
					return
				}
			}
			got := r.Header.Get("X-Nianbao-Token")
			if subtle.ConstantTimeCompare([]byte(got), []byte(s.token)) != 1 {
				s.refuse(w, r, http.StatusForbidden, "拒绝：缺少或错误的会话令牌；请重新打开启动时显示的网址")
				return
			}
			r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		}
		next.ServeHTTP(w, r)
	})
}

// maxBody is the largest request body: the loader's file limit.
const maxBody = report.MaxFileSize

func (s *Server) refuse(w http.ResponseWriter, r *http.Request, status int, msg string) {
	s.logf("nianbao serve: %s %s: %s", r.Method, r.URL.Path, msg)
	writeError(w, status, msg)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

// readJSON decodes a request body strictly; false means an error answer was written.
func readJSON(w http.ResponseWriter, r *http.Request, v any) bool {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("内容过大：报告不得超过 %d MiB", maxBody>>20))
			return false
		}
		writeError(w, http.StatusBadRequest, "请求内容无法识别："+err.Error())
		return false
	}
	return true
}
