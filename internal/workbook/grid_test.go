package workbook_test

import (
	"errors"
	"testing"

	"liankanping/internal/workbook"
)

func TestReadGridExpandsMergedCells(t *testing.T) {
	f, err := workbook.OpenFile("testdata/联系片划分表.xlsx", "")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g, err := workbook.ReadGrid(f, "联系片划分")
	if err != nil {
		t.Fatal(err)
	}
	h, ok := workbook.FindHeader(g, map[string][]string{
		"area": {"联系片"}, "lead": {"片长单位"}, "unit": {"成员单位"}, "phone": {"联系电话"},
	}, 3)
	if !ok || h.Row != 2 {
		t.Fatalf("header = %+v, %v; want row 2", h, ok)
	}
	// B4:B9 is merged: row 9 (index 8) holds the first area's name too.
	if got := g.Text(8, h.Cols["area"]); got != "第一联系片" {
		t.Errorf("merged area cell = %q", got)
	}
	if !g.Merged(8, h.Cols["area"]) || g.Merged(3, h.Cols["area"]) {
		t.Error("merge marks wrong")
	}
	if got := g.Cell(3, h.Cols["phone"]); got != "13805370001" {
		t.Errorf("phone = %q, want digits, not scientific notation", got)
	}
}

func TestParseCenti(t *testing.T) {
	cases := []struct {
		in    string
		want  int64
		blank bool
		err   error
	}{
		{"5", 500, false, nil},
		{" 4.50 ", 450, false, nil},
		{"９０", 9000, false, nil},
		{"５．５", 550, false, nil},
		{"5分", 500, false, nil},
		{"89.99999999999999", 9000, false, nil},
		{"", 0, true, nil},
		{"  ", 0, true, nil},
		{"九十", 0, false, workbook.ErrNotNumber},
		{"4.555", 0, false, workbook.ErrTooPrecise},
		{"abc", 0, false, workbook.ErrNotNumber},
		{"NaN", 0, false, workbook.ErrNotNumber},
	}
	for _, c := range cases {
		v, present, err := workbook.ParseCenti(c.in)
		if !errors.Is(err, c.err) || (err == nil && (v != c.want || present == c.blank)) {
			t.Errorf("ParseCenti(%q) = %d, %v, %v; want %d, blank %v, %v", c.in, v, present, err, c.want, c.blank, c.err)
		}
	}
}

func TestFormatCenti(t *testing.T) {
	for in, want := range map[int64]string{500: "5", 550: "5.5", 505: "5.05", 0: "0", -250: "-2.5", 10000: "100"} {
		if got := workbook.FormatCenti(in); got != want {
			t.Errorf("FormatCenti(%d) = %q, want %q", in, got, want)
		}
	}
}
