package main

import (
	"os/exec"
	"strings"
	"testing"
)

// linkedModules are the modules the command may link: every other dependency in go.mod is for tests only.
// Go runs the init of every linked package in every process, whatever the command, so a dependency linked
// for one subcommand costs all of them (excelize's init alone was 3.7 ms CPU and 3.4 MB of a 24 ms render).
var linkedModules = []string{
	"github.com/nianbao/nianbao",
	"github.com/BurntSushi/toml",
	"github.com/go-text/typesetting",
	"github.com/klauspost/compress",
	"golang.org/x/net",
	"golang.org/x/text",
}

func TestLinkedModules(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{if .Module}}{{.Module.Path}} {{.ImportPath}}{{end}}", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	seen := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		mod, pkg, _ := strings.Cut(line, " ")
		seen[mod] = true
		allowed := false
		for _, m := range linkedModules {
			allowed = allowed || mod == m
		}
		if !allowed {
			t.Errorf("the command links %s (module %s), which is not one of its dependencies: keep it out of non-test files", pkg, mod)
		}
	}
	if !seen["github.com/nianbao/nianbao"] || !seen["github.com/BurntSushi/toml"] {
		t.Fatalf("go list printed no module of the command:\n%s", out)
	}
}
