package cli_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Ordinary office sheets of the corpus: each shares a title or two with a roster, a scheme or a
// ledger and is none of them. No importer may take one: each is refused (exit 3) and the
// database stays as it was.
var officeSheets = []struct {
	file, sheet string
	rows        [][]any
}{
	{"预算表.xlsx", "预算", [][]any{
		{"2024年度部门预算安排表"},
		{"序号", "单位", "项目", "金额（万元）", "备注"},
		{1, "某某街道", "办公经费", 12.5, ""},
		{2, "区财政局", "信息化建设", 30, ""},
		{"", "合计", "", 42.5, ""},
	}},
	{"会议签到表.xlsx", "签到", [][]any{
		{"全区机关党建工作推进会签到表"},
		{"序号", "姓名", "单位", "职务", "签到时间", "签名"},
		{1, "王建国", "区委办公室", "主任", "8:30", ""},
		{2, "李娜", "区财政局", "副局长", "8:35", ""},
	}},
	{"通讯录.xlsx", "通讯录", [][]any{
		{"机关通讯录"},
		{"序号", "姓名", "部门", "职务", "办公电话", "手机号"},
		{1, "张伟", "办公室", "科员", "0537-3456789", "13805370001"},
		{2, "刘洋", "财务科", "科长", "0537-3456790", "13805370002"},
	}},
	{"成绩表.xlsx", "成绩", [][]any{
		{"三年级二班期末成绩"},
		{"学号", "姓名", "科目", "分数", "等级"},
		{1, "王小明", "语文", 95, "优"},
		{2, "李小红", "数学", 90, "优"},
		{"", "合计", "", 185, ""},
	}},
	{"考评表.xlsx", "考评", [][]any{
		{"类别", "项目", "分数"},
		{"体育", "跳绳", 10},
		{"体育", "跑步", 15},
	}},
}

// officeCorpus writes the office sheets into dir, and a workbook of far more sheets than a
// roster has, each naming one unit of one area.
func officeCorpus(t *testing.T, dir string) []corpusFile {
	t.Helper()
	var out []corpusFile
	save := func(name string, f *excelize.File) {
		path := filepath.Join(dir, name)
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		f.Close()
		out = append(out, corpusFile{Path: path, Junk: true})
	}
	for _, o := range officeSheets {
		f := excelize.NewFile()
		f.SetSheetName("Sheet1", o.sheet)
		for r, row := range o.rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			f.SetSheetRow(o.sheet, cell, &row)
		}
		save(o.file, f)
	}
	many := excelize.NewFile()
	for i := 1; i <= 250; i++ {
		name := fmt.Sprintf("单位%d", i)
		if i == 1 {
			many.SetSheetName("Sheet1", name)
		} else {
			many.NewSheet(name)
		}
		many.SetSheetRow(name, "A1", &[]any{"联系片", "成员单位"})
		many.SetSheetRow(name, "A2", &[]any{"第一联系片", fmt.Sprintf("区第%d局", i)})
	}
	save("250张工作表.xlsx", many)
	return out
}

// junkRefused is the corpus hook of the importers of office spreadsheets (and of feedback
// workbooks): an office sheet that is none of theirs is refused, and nothing is written.
func junkRefused(t *testing.T, f corpusFile, r corpusResult) {
	t.Helper()
	if !f.Junk {
		return
	}
	if r.Code != 3 || r.Changed {
		t.Errorf("%s was taken (exit %d, database changed: %v):\n%s", filepath.Base(f.Path), r.Code, r.Changed, r.Out)
	}
}

func init() {
	for i := range corpusImporters {
		if corpusImporters[i].name != "import" && corpusImporters[i].check == nil {
			corpusImporters[i].check = junkRefused
		}
	}
}
