package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestServeUsage(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"serve", "-h"}, &out, &errb); code != 0 || !strings.Contains(errb.String(), "nianbao serve examples/") {
		t.Errorf("serve -h: %d %q", code, errb.String())
	}
	errb.Reset()
	if code := run([]string{"serve", "no-such-file.toml"}, &out, &errb); code != 2 || !strings.Contains(errb.String(), "无法打开") {
		t.Errorf("missing file: %d %q", code, errb.String())
	}
	errb.Reset()
	if code := run([]string{"serve", "a.toml", "b.toml"}, &out, &errb); code != 2 {
		t.Errorf("two files: %d", code)
	}
	errb.Reset()
	if code := run([]string{"serve", "--addr", "256.0.0.1:1", "../../examples"}, &out, &errb); code != 2 || !strings.Contains(errb.String(), "无法监听") {
		t.Errorf("bad addr: %d %q", code, errb.String())
	}
}
