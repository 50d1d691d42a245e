package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/nianbao/nianbao"
)

// stopOnSignal makes SIGINT and SIGTERM end the process with exit code 130 once no group of output files
// is half renamed: nianbao.Abort removes every temporary file, so each visible output is old or complete.
func stopOnSignal(stderr io.Writer) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig := <-sigs
		nianbao.Abort()
		fmt.Fprintf(stderr, "nianbao：收到%s信号，已停止；已写完的文件完整保留，未写完的临时文件已删除\n", signalName(sig))
		os.Exit(130)
	}()
}

func signalName(s os.Signal) string {
	if s == syscall.SIGTERM {
		return "终止（SIGTERM）"
	}
	return "中断（SIGINT）"
}
