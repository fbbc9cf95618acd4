package workbook_test

import (
	"testing"

	"liankanping/internal/score"
	"liankanping/internal/workbook"
)

func TestReportGradeText(t *testing.T) {
	cases := []struct {
		u    score.UnitResult
		want string
	}{
		{score.UnitResult{Grade: "优秀"}, "优秀"},
		{score.UnitResult{Grade: "良好", Capped: true}, "良好（限额）"},
		{score.UnitResult{Grade: "良好", Provisional: true}, "良好（暂列）"},
		{score.UnitResult{Grade: "良好", Capped: true, Provisional: true}, "良好（限额）（暂列）"},
		{score.UnitResult{Provisional: true}, ""},
	}
	for _, c := range cases {
		if got := workbook.ReportGradeText(c.u); got != c.want {
			t.Errorf("ReportGradeText(%+v) = %q, want %q", c.u, got, c.want)
		}
	}
}
