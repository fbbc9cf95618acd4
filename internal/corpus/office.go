package corpus

import (
	"fmt"
	"path/filepath"

	"github.com/xuri/excelize/v2"
)

// OfficeSheet is an ordinary office sheet, as people have them on their desks: each shares a
// title or two with a roster, a scheme or a ledger and is none of them, so no importer may
// take one.
type OfficeSheet struct {
	File, Sheet string
	Rows        [][]any
}

// OfficeSheets are a budget table, a sign-in sheet, a phone list and two grade sheets.
var OfficeSheets = []OfficeSheet{
	{"预算表.xlsx", "预算", [][]any{
		{"2024年度部门预算安排表"},
		{"序号", "单位", "项目", "金额（万元）", "备注"},
		{1, "某某街道", "办公经费", 12.5, ""},
		{2, "区财政局", "信息化建设", 30, ""},
		{"", "合计", "", 42.5, ""},
	}},
	{"会议签到表.xlsx", "签到表", [][]any{
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

// ManySheets is how many sheets Office's last workbook has: more than any roster.
const ManySheets = 250

// Office writes a workbook of each office sheet into dir, and one of ManySheets sheets each
// naming one unit of one area, and returns their paths.
func Office(dir string) ([]string, error) {
	var out []string
	save := func(name string, f *excelize.File) error {
		defer f.Close()
		path := filepath.Join(dir, name)
		if err := f.SaveAs(path); err != nil {
			return err
		}
		out = append(out, path)
		return nil
	}
	for _, o := range OfficeSheets {
		f := excelize.NewFile()
		f.SetSheetName("Sheet1", o.Sheet)
		for r, row := range o.Rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(o.Sheet, cell, &row); err != nil {
				return nil, err
			}
		}
		if err := save(o.File, f); err != nil {
			return nil, err
		}
	}
	many := excelize.NewFile()
	for i := 1; i <= ManySheets; i++ {
		name := fmt.Sprintf("单位%d", i)
		if i == 1 {
			many.SetSheetName("Sheet1", name)
		} else if _, err := many.NewSheet(name); err != nil {
			return nil, err
		}
		many.SetSheetRow(name, "A1", &[]any{"联系片", "成员单位"})
		many.SetSheetRow(name, "A2", &[]any{"第一联系片", fmt.Sprintf("区第%d局", i)})
	}
	if err := save(fmt.Sprintf("%d张工作表.xlsx", ManySheets), many); err != nil {
		return nil, err
	}
	return out, nil
}
