// Package benchdata prepares the inputs of the benchmarks (docs/benchmarks.md): rater
// workbooks filled as a rater who scored everything would return them, and the description of
// exported workbooks that the openpyxl peer writes again. It is used by the Go benchmarks and
// by the whole-process benchmark script (.ci/bench) through the benchfill program beside it.
package benchdata

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/score"
	"liankanping/internal/scoring"
)

// Python is Debian's Python, which has python3-openpyxl (a pyenv shim may come first on PATH).
const Python = "/usr/bin/python3"

// PyResult is what the openpyxl peer script reports: its own time, files and cells.
type PyResult struct {
	Seconds float64 `json:"seconds"`
	Files   int     `json:"files"`
	Cells   int     `json:"cells"`
}

// RunOpenpyxl runs the peer script (openpyxl_bench.py) with args and reads its report.
func RunOpenpyxl(script string, args ...string) (PyResult, error) {
	if _, err := os.Stat(Python); err != nil {
		return PyResult{}, fmt.Errorf("没有 %s（需要 python3-openpyxl）", Python)
	}
	out, err := exec.Command(Python, append([]string{script}, args...)...).Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return PyResult{}, fmt.Errorf("openpyxl: %v\n%s", err, ee.Stderr)
		}
		return PyResult{}, err
	}
	var r PyResult
	return r, json.Unmarshal(out, &r)
}

type pyStyle struct {
	Font   string  `json:"font,omitempty"`
	Size   float64 `json:"size,omitempty"`
	Bold   bool    `json:"bold,omitempty"`
	Fill   string  `json:"fill,omitempty"`
	Border bool    `json:"border,omitempty"`
	H      string  `json:"h,omitempty"`
	V      string  `json:"v,omitempty"`
	Wrap   bool    `json:"wrap,omitempty"`
	Locked bool    `json:"locked"`
	Hidden bool    `json:"hidden,omitempty"`
	NumFmt string  `json:"numfmt,omitempty"`
}

type pyValidation struct {
	Sqref    string `json:"sqref"`
	Type     string `json:"type"`
	Operator string `json:"operator,omitempty"`
	F1       string `json:"f1,omitempty"`
	F2       string `json:"f2,omitempty"`
	Prompt   string `json:"prompt,omitempty"`
	Error    string `json:"error,omitempty"`
}

type pySheet struct {
	Name        string             `json:"name"`
	State       string             `json:"state,omitempty"`
	Widths      map[string]float64 `json:"widths"`
	Hidden      []string           `json:"hidden"`
	Heights     map[string]float64 `json:"heights"`
	Cells       [][4]any           `json:"cells"`
	Merges      []string           `json:"merges"`
	Validations []pyValidation     `json:"validations"`
	Protect     bool               `json:"protect"`
	Landscape   bool               `json:"landscape"`
	Titles      string             `json:"titles,omitempty"`
	Freeze      string             `json:"freeze,omitempty"`
}

type pyBook struct {
	File   string    `json:"file"`
	Sheets []pySheet `json:"sheets"`
}

type pySpec struct {
	Books  []pyBook           `json:"books"`
	Styles map[string]pyStyle `json:"styles"`
}

// DescribeForOpenpyxl reads exported workbooks back and describes them for the Python writer:
// every cell with its value or formula and its style, and the sheets' settings. Unit sheets
// share one layout, so formulas and styles are read from the first of each workbook.
func DescribeForOpenpyxl(files []string, out string) error {
	spec := pySpec{Styles: map[string]pyStyle{}}
	for _, path := range files {
		f, err := excelize.OpenFile(path)
		if err != nil {
			return err
		}
		book := pyBook{File: filepath.Base(path)}
		titles := map[string]string{}
		for _, dn := range f.GetDefinedName() {
			if dn.Name == "_xlnm.Print_Titles" {
				titles[dn.Scope] = dn.RefersTo[strings.LastIndex(dn.RefersTo, "!")+1:]
			}
		}
		var unitLayout map[[2]int][2]string // (row, col) → formula, style key
		for _, name := range f.GetSheetList() {
			sh, layout, err := describeSheet(f, name, &spec, unitLayout)
			if err != nil {
				f.Close()
				return err
			}
			if layout != nil && unitLayout == nil {
				unitLayout = layout
			}
			sh.Titles = strings.ReplaceAll(titles[name], "$", "")
			book.Sheets = append(book.Sheets, sh)
		}
		f.Close()
		spec.Books = append(spec.Books, book)
	}
	data, err := json.Marshal(spec)
	if err != nil {
		return err
	}
	return os.WriteFile(out, data, 0o644)
}

func describeSheet(f *excelize.File, name string, spec *pySpec, unitLayout map[[2]int][2]string) (pySheet, map[[2]int][2]string, error) {
	sh := pySheet{Name: name, Widths: map[string]float64{}, Heights: map[string]float64{}}
	if v, _ := f.GetSheetVisible(name); !v {
		sh.State = "veryHidden"
	}
	rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		return sh, nil, err
	}
	dim, _ := f.GetSheetDimension(name)
	lastCol, lastRow := 1, len(rows)
	if parts := strings.Split(dim, ":"); len(parts) == 2 {
		lastCol, lastRow, _ = excelize.CellNameToCoordinates(parts[1])
	}
	isUnit := len(rows) > 0 && len(rows[0]) > 8 && strings.HasPrefix(rows[0][8], "LKP1|")
	layout := unitLayout
	fresh := !isUnit || layout == nil
	if fresh {
		layout = map[[2]int][2]string{}
		for r := 1; r <= lastRow; r++ {
			for c := 1; c <= lastCol; c++ {
				ref, _ := excelize.CoordinatesToCellName(c, r)
				formula, _ := f.GetCellFormula(name, ref)
				st, _ := f.GetCellStyle(name, ref)
				key := ""
				if st != 0 {
					key = styleKey(f, st, spec)
				}
				if formula != "" || key != "" {
					layout[[2]int{r, c}] = [2]string{formula, key}
				}
			}
		}
	}
	seen := map[[2]int]bool{}
	for r, row := range rows {
		for c, v := range row {
			if v == "" {
				continue
			}
			pos := [2]int{r + 1, c + 1}
			seen[pos] = true
			sh.Cells = append(sh.Cells, [4]any{r + 1, c + 1, typed(v, c), layout[pos][1]})
		}
	}
	for pos, fs := range layout {
		if !seen[pos] {
			var v any
			if fs[0] != "" {
				v = "=" + fs[0]
			}
			sh.Cells = append(sh.Cells, [4]any{pos[0], pos[1], v, fs[1]})
		}
	}
	for c := 1; c <= lastCol; c++ {
		col, _ := excelize.ColumnNumberToName(c)
		if w, err := f.GetColWidth(name, col); err == nil {
			sh.Widths[col] = w
		}
		if v, _ := f.GetColVisible(name, col); !v {
			sh.Hidden = append(sh.Hidden, col)
		}
	}
	for r := 1; r <= lastRow; r++ {
		if h, err := f.GetRowHeight(name, r); err == nil && h != 15 {
			sh.Heights[fmt.Sprint(r)] = h
		}
	}
	merges, _ := f.GetMergeCells(name)
	for _, m := range merges {
		sh.Merges = append(sh.Merges, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	dvs, _ := f.GetDataValidations(name)
	for _, dv := range dvs {
		v := pyValidation{Sqref: dv.Sqref, Type: dv.Type, Operator: dv.Operator, F1: dv.Formula1, F2: dv.Formula2}
		if dv.Prompt != nil {
			v.Prompt = *dv.Prompt
		}
		if dv.Error != nil {
			v.Error = *dv.Error
		}
		sh.Validations = append(sh.Validations, v)
	}
	_, err = f.GetSheetProtection(name)
	sh.Protect = err == nil
	if pl, err := f.GetPageLayout(name); err == nil && pl.Orientation != nil {
		sh.Landscape = *pl.Orientation == "landscape"
	}
	if p, err := f.GetPanes(name); err == nil && p.Freeze {
		sh.Freeze = p.TopLeftCell
	}
	if isUnit && fresh {
		return sh, layout, nil
	}
	return sh, nil, nil
}

// typed gives numbers back as numbers, except in the code column, which holds text.
func typed(v string, col int) any {
	if col == 0 {
		return v
	}
	var x float64
	if _, err := fmt.Sscanf(v, "%g", &x); err == nil && fmt.Sprint(x) == v {
		return x
	}
	return v
}

func styleKey(f *excelize.File, id int, spec *pySpec) string {
	st, err := f.GetStyle(id)
	if err != nil || st == nil {
		return ""
	}
	p := pyStyle{Locked: true, Border: len(st.Border) > 0}
	if st.Font != nil {
		p.Font, p.Size, p.Bold = st.Font.Family, st.Font.Size, st.Font.Bold
	}
	if len(st.Fill.Color) > 0 {
		p.Fill = st.Fill.Color[0]
	}
	if a := st.Alignment; a != nil {
		p.H, p.V, p.Wrap = a.Horizontal, a.Vertical, a.WrapText
	}
	if pr := st.Protection; pr != nil {
		p.Locked, p.Hidden = pr.Locked, pr.Hidden
	}
	switch st.NumFmt {
	case 49:
		p.NumFmt = "@"
	case 2:
		p.NumFmt = "0.00"
	}
	key := fmt.Sprintf("%x", fmt.Sprint(p))
	if len(key) > 24 {
		key = key[len(key)-24:]
	}
	spec.Styles[key] = p
	return key
}

// Fill writes a valid entry into every 得分 cell, as a rater who scored everything, and
// saves the workbook as out. Like Excel, WPS and LibreOffice when they save, it keeps text as
// shared strings (the export writes inline strings, as excelize's stream writer does).
func Fill(in, out string, inds []score.Indicator) (int, error) {
	x, err := excelize.OpenFile(in)
	if err != nil {
		return 0, err
	}
	defer x.Close()
	n := 0
	for si, sheet := range x.GetSheetList() {
		rows, err := x.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			return 0, err
		}
		for r, row := range rows {
			for c, v := range row {
				// Text stands everywhere but in the 分值 (E) and 得分 (G) columns.
				if v == "" || c == colMax || c == colScore {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := x.SetCellStr(sheet, ref, v); err != nil {
					return 0, err
				}
			}
		}
		if si < 2 || strings.HasPrefix(sheet, "lkp_") {
			continue
		}
		for i, ind := range inds {
			cell := "G" + strconv.Itoa(4+i)
			var v any
			switch ind.Engine.Kind {
			case scoring.KindGrade:
				v = ind.Engine.Options[(si+i)%len(ind.Engine.Options)].Label
			case scoring.KindScore:
				step := ind.Engine.Step
				if step == 0 {
					step = scoring.DefaultStep
				}
				v = float64(max(0, ind.Engine.Max-step*int64((si+i)%3))) / 100
			default:
				v = float64(ind.Engine.Max) / 200
			}
			if err := x.SetCellValue(sheet, cell, v); err != nil {
				return 0, err
			}
			n++
		}
	}
	return n, x.SaveAs(out)
}

// The columns of a unit sheet that hold numbers, 0-based.
const (
	colMax   = 4
	colScore = 6
)
