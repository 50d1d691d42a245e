package main

import (
	"fmt"
	"io"
	"net"
	"os/exec"
	"runtime"

	"github.com/nianbao/nianbao"
	"github.com/nianbao/nianbao/fonts"
	"github.com/nianbao/nianbao/serve"
)

func init() {
	register(command{rank: 40, name: "serve", synopsis: "nianbao serve [--addr 127.0.0.1:端口] [--open] [--fonts 目录] [--font 角色=文件]... [--no-system] [报告.toml | 目录]",
		summary: "在本机浏览器中填报：按国家格式的表二、表三、表四逐格填写，边填边核对（与 check 相同的规则），预览打印效果，保存 TOML，下载 PDF 和 Word。\n给出文件时编辑该报告；给出目录（默认当前目录）时列出其中的报告并可新建。只监听本机地址；按 Ctrl+C 退出。",
		examples: []string{
			"nianbao serve examples/                      # 列出 examples 目录中的报告",
			"nianbao serve --open 2025.toml               # 编辑一份报告，并用默认浏览器打开",
			"nianbao serve --addr 127.0.0.1:8080 报告/     # 使用固定端口",
		},
		run: cmdServe})
}

// cmdServe runs `nianbao serve`: it starts the local web form (package serve) and prints its URL.
func cmdServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", synopsisOf("serve"), stderr)
	addr := fs.String("addr", "127.0.0.1:0", "监听的`地址`（主机:端口；端口 0 表示自动选择；不是 127.0.0.1 时会警告）")
	open := fs.Bool("open", false, "启动后用默认浏览器打开页面")
	var o nianbao.RenderOptions
	fs.StringVar(&o.FontDir, "fonts", "", "先在这个`目录`里找官方字体（仿宋_GB2312、黑体、楷体_GB2312、方正小标宋简体）")
	files := fonts.FileFlags{}
	fs.Var(files, "font", "给某个角色指定字体：`角色=文件`（角色：title 标题、body 正文、hei 黑体、kai 楷体、song 宋体、latin 西文；可重复）")
	fs.BoolVar(&o.NoSystemFonts, "no-system", false, "不使用本机安装的字体（只用内置字体和 --font/--fonts）")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	o.FontFiles = files
	useAllCores() // gc.go: a server answers requests concurrently
	path := "."
	switch fs.NArg() {
	case 0:
	case 1:
		path = fs.Arg(0)
	default:
		fmt.Fprintln(stderr, "nianbao serve: 只能给出一个报告文件或一个文件夹")
		return 2
	}
	srv, err := serve.New(serve.Options{Path: path, Render: o, Logf: func(f string, a ...any) { fmt.Fprintf(stderr, f+"\n", a...) }})
	if err != nil {
		fmt.Fprintln(stderr, "nianbao serve:", err)
		return 2
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "nianbao serve: 无法监听 %s：%v\n", *addr, err)
		return 2
	}
	if !serve.IsLoopback(ln.Addr().String()) {
		fmt.Fprintf(stderr, "nianbao serve: 警告：%s 不是本机回环地址，局域网中的其他电脑也能连到这个页面；如无必要请用默认的 127.0.0.1\n", ln.Addr())
	}
	url := "http://" + serve.BrowserAddr(ln.Addr()) + "/"
	fmt.Fprintf(stdout, "nianbao serve：请在浏览器中打开 %s （按 Ctrl+C 退出）\n", url)
	if *open {
		if err := openBrowser(url); err != nil {
			fmt.Fprintf(stderr, "nianbao serve: 无法自动打开浏览器（%v），请手动打开上面的网址\n", err)
		}
	}
	// Ctrl+C or SIGTERM: a save in progress ends complete or not at all, then exit 130; the handler also makes
	// SIGINT work when a script starts the server in the background (where the shell ignores it).
	stopOnSignal(stderr)
	if err := srv.Serve(ln); err != nil {
		fmt.Fprintln(stderr, "nianbao serve:", err)
		return 2
	}
	return 0
}

// openBrowser asks the desktop to open url in the default browser.
func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		cmd = exec.Command("open", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	cmd.Stdout, cmd.Stderr = nil, nil
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait()
	return nil
}
