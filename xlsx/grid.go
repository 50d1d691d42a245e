package xlsx

import (
	"fmt"
	"strings"

	"github.com/nianbao/nianbao/layouts"
	"github.com/nianbao/nianbao/xlsx/internal/sml"
)

// gridTop is the sheet row of grid row 0: row 1 holds the section heading.
const gridTop = 2

// placement puts a layouts table on a sheet: grid row r, column c is sheet cell (c+1, gridTop+r).
type placement struct {
	t *layouts.Table
	// keys maps a data key to its grid cell.
	keys map[string]layouts.Cell
	// rows maps a row id to its grid row.
	rows map[string]int
}

func place(t *layouts.Table) *placement {
	p := &placement{t: t, keys: map[string]layouts.Cell{}, rows: map[string]int{}}
	for _, c := range t.Cells {
		if c.Key != "" {
			p.keys[c.Key] = c
		}
	}
	for i, r := range t.Rows {
		if r.ID != "" {
			p.rows[r.ID] = i
		}
	}
	return p
}

// addr returns the sheet address of grid position (row, col).
func addr(row, col int) string {
	return sml.CellName(col+1, gridTop+row, false)
}

// colName returns the sheet column letters of grid column col.
func colName(col int) string {
	return sml.ColName(col + 1)
}

// cellRange returns the sheet range a cell covers ("A5" or "A5:C5").
func cellRange(c layouts.Cell) (string, string) {
	return addr(c.Row, c.Col), addr(c.Row+c.RowSpan-1, c.Col+c.ColSpan-1)
}

// keyAddr returns the sheet address of a data key.
func (p *placement) keyAddr(key string) string {
	c := p.keys[key]
	return addr(c.Row, c.Col)
}

// absAddr returns the absolute sheet address of a data key ("$D$5").
func (p *placement) absAddr(key string) string {
	c := p.keys[key]
	return sml.CellName(c.Col+1, gridTop+c.Row, true)
}

// formula returns the formula of a computed cell and the keys it sums (added) and subtracts, or "" for a
// cell the clerk fills in: the 总计 column and the rows （七）总计 and 四、结转下年度继续办理 of table 三, and the
// 总计 of each block of table 四.
func (p *placement) formula(f layouts.Format, key string) (formula string, plus, minus []string) {
	parts := strings.Split(key, ".")
	if len(parts) != 3 {
		return "", nil, nil
	}
	switch parts[0] {
	case "t3":
		row, col := parts[1], parts[2]
		if col == "TOT" {
			for _, c := range layouts.T3Columns[:6] {
				plus = append(plus, "t3."+row+"."+c.ID)
			}
			return fmt.Sprintf("SUM(%s:%s)", p.keyAddr(plus[0]), p.keyAddr(plus[5])), plus, nil
		}
		switch row {
		case "r7":
			items := layouts.T3Items(f)
			for _, id := range items {
				plus = append(plus, "t3."+id+"."+col)
			}
			if p.contiguous(items) {
				return fmt.Sprintf("SUM(%s:%s)", p.keyAddr(plus[0]), p.keyAddr(plus[len(plus)-1])), plus, nil
			}
			return p.sum(plus), plus, nil
		case "carry":
			plus = []string{"t3.new." + col, "t3.carried." + col}
			minus = []string{"t3.r7." + col}
			return fmt.Sprintf("%s+%s-%s", p.keyAddr(plus[0]), p.keyAddr(plus[1]), p.keyAddr(minus[0])), plus, minus
		}
	case "t4":
		if parts[2] != "tot" {
			return "", nil, nil
		}
		for _, res := range layouts.T4Results[:4] {
			plus = append(plus, "t4."+parts[1]+"."+res.ID)
		}
		return fmt.Sprintf("SUM(%s:%s)", p.keyAddr(plus[0]), p.keyAddr(plus[3])), plus, nil
	}
	return "", nil, nil
}

// contiguous reports whether the rows follow one another in the grid.
func (p *placement) contiguous(ids []string) bool {
	for i := 1; i < len(ids); i++ {
		if p.rows[ids[i]] != p.rows[ids[i-1]]+1 {
			return false
		}
	}
	return true
}

func (p *placement) sum(keys []string) string {
	var a []string
	for _, k := range keys {
		a = append(a, p.keyAddr(k))
	}
	return strings.Join(a, "+")
}
