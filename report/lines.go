package report

import (
	"strconv"
	"strings"
)

// keyLines maps every key path of a TOML document to the line it is defined on. Paths are dotted
// ("table3.r7"); tables of arrays carry their 0-based index ("overview.sections.1.title"); the strings of a
// paragraphs array written one per line have "#" and their 0-based index ("overview.paragraphs.#2"). It is a light
// scanner for messages only: the document has already been parsed by the TOML decoder.
func keyLines(src string) map[string]int {
	out := map[string]int{}
	prefix := ""
	count := map[string]int{}
	depth := 0           // open [ or { of a multi-line value
	inStr := ""          // open multi-line string delimiter
	items, item := "", 0 // the paragraphs array being read, one string per line, and the next index
	for i, line := range strings.Split(src, "\n") {
		n := i + 1
		if inStr != "" {
			if strings.Contains(line, inStr) {
				inStr = ""
			}
			continue
		}
		t := strings.TrimSpace(line)
		if depth > 0 {
			// Each string of a multi-line paragraphs array gets its own line: "overview.paragraphs.#2".
			if items != "" && depth == 1 && (strings.HasPrefix(t, `"`) || strings.HasPrefix(t, `'`)) {
				out[items+".#"+strconv.Itoa(item)] = n
				item++
			}
			depth += bracketDelta(t)
			continue
		}
		if t == "" || t[0] == '#' {
			continue
		}
		if strings.HasPrefix(t, "[[") {
			name := cleanKey(strings.TrimSuffix(strings.SplitN(t[2:], "]]", 2)[0], "]]"))
			idx := count[name]
			count[name]++
			prefix = name + "." + strconv.Itoa(idx)
			if _, ok := out[name]; !ok {
				out[name] = n
			}
			out[prefix] = n
			continue
		}
		if t[0] == '[' {
			prefix = cleanKey(strings.SplitN(t[1:], "]", 2)[0])
			out[prefix] = n
			continue
		}
		eq := strings.IndexByte(t, '=')
		if eq < 0 {
			continue
		}
		key := cleanKey(t[:eq])
		full := key
		if prefix != "" {
			full = prefix + "." + key
		}
		out[full] = n
		val := strings.TrimSpace(t[eq+1:])
		for _, q := range []string{`"""`, `'''`} {
			if strings.HasPrefix(val, q) && strings.Count(val, q) == 1 {
				inStr = q
			}
		}
		if inStr == "" {
			depth = bracketDelta(val)
			if depth < 0 {
				depth = 0
			}
			items, item = "", 0
			if depth == 1 && key == "paragraphs" && strings.TrimSpace(strings.TrimPrefix(val, "[")) == "" {
				items = full
			}
		}
	}
	return out
}

// cleanKey normalises a TOML key or table name: trims spaces and quotes around dotted parts.
func cleanKey(k string) string {
	parts := strings.Split(strings.TrimSpace(k), ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return strings.Join(parts, ".")
}

// bracketDelta counts opening minus closing brackets outside strings and comments.
func bracketDelta(s string) int {
	d := 0
	var quote rune
	for _, c := range s {
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#':
			return d
		case c == '[' || c == '{':
			d++
		case c == ']' || c == '}':
			d--
		}
	}
	return d
}
