package scoring_test

import (
	"errors"
	"testing"

	"liankanping/internal/scoring"
)

var (
	score5     = scoring.Indicator{ID: 1, Kind: scoring.KindScore, Max: 500} // step 0.5 by default
	score5Fine = scoring.Indicator{ID: 2, Kind: scoring.KindScore, Max: 500, Step: 1}
	score10Int = scoring.Indicator{ID: 3, Kind: scoring.KindScore, Max: 1000, Step: 100}
	deduct5    = scoring.Indicator{ID: 4, Kind: scoring.KindDeduct, Max: 500}
	bonus3     = scoring.Indicator{ID: 5, Kind: scoring.KindBonus, Max: 300}
	gradeCN    = scoring.Indicator{ID: 6, Kind: scoring.KindGrade, Options: []scoring.Option{
		{Label: "好", Points: 500}, {Label: "较好", Points: 400}, {Label: "一般", Points: 300}, {Label: "差", Points: 100}}}
	gradeAB = scoring.Indicator{ID: 7, Kind: scoring.KindGrade, Max: 1000, Options: []scoring.Option{
		{Label: "A", Points: 1000}, {Label: "B", Points: 800}, {Label: "C", Points: 600}, {Label: "D", Points: 0}}}
)

// codeOf returns the ValueCode of err, "" for nil, and fails for any other error.
func codeOf(t *testing.T, err error) scoring.ValueCode {
	t.Helper()
	if err == nil {
		return ""
	}
	var ve *scoring.ValueError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v is not a *ValueError", err)
	}
	if ve.Message == "" || ve.Error() != ve.Message {
		t.Fatalf("ValueError %+v: Error() must be its non-empty Message", ve)
	}
	return ve.Code
}

func TestParseValue(t *testing.T) {
	const (
		ok     = scoring.ValueCode("")
		nan    = scoring.NotNumber
		decs   = scoring.TooManyDecimals
		out    = scoring.OutOfRange
		step   = scoring.OffStep
		notOpt = scoring.NotOption
		sign   = scoring.WrongSign
	)
	tests := []struct {
		name  string
		ind   scoring.Indicator
		text  string
		want  int64
		blank bool
		code  scoring.ValueCode
	}{
		// blank is not zero
		{"empty is blank", score5, "", 0, true, ok},
		{"spaces are blank", score5, "   ", 0, true, ok},
		{"ideographic space is blank", score5, "\u3000", 0, true, ok},
		{"tab and newline are blank", score5, "\t\n", 0, true, ok},
		{"zero is a value", score5, "0", 0, false, ok},
		{"zero with decimals", score5, "0.00", 0, false, ok},
		{"blank deduct", deduct5, "", 0, true, ok},
		{"blank bonus", bonus3, " ", 0, true, ok},
		{"blank grade", gradeCN, "", 0, true, ok},

		// score: what raters type
		{"plain", score5, "4.5", 450, false, ok},
		{"surrounding spaces", score5, " 4.5 ", 450, false, ok},
		{"full-width digits", score5, "４.５", 450, false, ok},
		{"full-width digits and dot", score5, "４．５", 450, false, ok},
		{"ideographic full stop", score5, "4。5", 450, false, ok},
		{"trailing 分", score5, "4.5分", 450, false, ok},
		{"integer with 分", score5, "5分", 500, false, ok},
		{"space before 分", score5, "5 分", 500, false, ok},
		{"full-width everything", score5, "\u3000４．５分\u3000", 450, false, ok},
		{"leading zero and trailing zero", score5, "04.50", 450, false, ok},
		{"trailing zeros beyond two decimals", score5, "4.500", 450, false, ok},
		{"leading dot", score5, ".5", 50, false, ok},
		{"trailing dot", score5, "5.", 500, false, ok},
		{"maximum", score5, "5", 500, false, ok},
		{"two decimals on a fine step", score5Fine, "4.55", 455, false, ok},
		{"one hundredth on a fine step", score5Fine, "0.01", 1, false, ok},
		{"integer step", score10Int, "７", 700, false, ok},
		{"minus zero is zero", score5, "-0", 0, false, ok},
		{"spreadsheet float below", score5, "4.4999999999999991", 450, false, ok},
		{"spreadsheet float above", score5, "4.5000000000000009", 450, false, ok},
		{"spreadsheet float on a fine step", score5Fine, "0.30000000000000004", 30, false, ok},

		// score: refused
		{"Chinese numerals", score5, "九十", 0, false, nan},
		{"three decimals", score5Fine, "4.555", 0, false, decs},
		{"three decimals on default step", score5, "4.555", 0, false, decs},
		{"long decimal that is not a float artefact", score5Fine, "4.5550000000000001", 0, false, decs},
		{"above maximum", score5, "6", 0, false, out},
		{"just above maximum", score5Fine, "5.01", 0, false, out},
		{"huge", score5, "99999999999999999999", 0, false, out},
		{"off step", score5, "4.3", 0, false, step},
		{"two decimals off step", score5, "4.55", 0, false, step},
		{"half on integer step", score10Int, "7.5", 0, false, step},
		{"negative score", score5, "-1", 0, false, sign},
		{"plus on score", score5, "+2", 0, false, sign},
		{"deduct word on score", score5, "扣1分", 0, false, sign},
		{"exponent", score5, "1e2", 0, false, nan},
		{"decimal comma", score5, "4,5", 0, false, nan},
		{"two dots", score5, "1.2.3", 0, false, nan},
		{"lone dot", score5, ".", 0, false, nan},
		{"lone 分", score5, "分", 0, false, nan},
		{"inner space", score5, "4 .5", 0, false, nan},
		{"letters", score5, "abc", 0, false, nan},
		{"grade label on a score", score5, "好", 0, false, nan},

		// deduct: the points taken off, with or without a minus
		{"deduct plain", deduct5, "2", 200, false, ok},
		{"deduct minus", deduct5, "-2", 200, false, ok},
		{"deduct full-width minus", deduct5, "－2", 200, false, ok},
		{"deduct minus sign", deduct5, "−2", 200, false, ok},
		{"deduct 扣…分", deduct5, "扣2分", 200, false, ok},
		{"deduct minus with 分", deduct5, "-1.5分", 150, false, ok},
		{"deduct any hundredth", deduct5, "0.01", 1, false, ok},
		{"deduct zero", deduct5, "0", 0, false, ok},
		{"deduct plus refused", deduct5, "+2", 0, false, sign},
		{"deduct above cap", deduct5, "-6", 0, false, out},
		{"deduct three decimals", deduct5, "2.555", 0, false, decs},

		// bonus: extra points, with or without a plus
		{"bonus plain", bonus3, "2", 200, false, ok},
		{"bonus plus", bonus3, "+2", 200, false, ok},
		{"bonus full-width plus", bonus3, "＋2", 200, false, ok},
		{"bonus 加…分", bonus3, "加2分", 200, false, ok},
		{"bonus any hundredth", bonus3, "2.37", 237, false, ok},
		{"bonus minus refused", bonus3, "-2", 0, false, sign},
		{"bonus above cap", bonus3, "3.01", 0, false, out},

		// grade: a label or its points
		{"grade label", gradeCN, "好", 500, false, ok},
		{"grade label with spaces", gradeCN, " 较好 ", 400, false, ok},
		{"grade middle label", gradeCN, "一般", 300, false, ok},
		{"grade lowest label", gradeCN, "差", 100, false, ok},
		{"grade by points", gradeCN, "5", 500, false, ok},
		{"grade by points with 分", gradeCN, "4分", 400, false, ok},
		{"grade by full-width points", gradeCN, "３", 300, false, ok},
		{"grade points that are no option", gradeCN, "2", 0, false, notOpt},
		{"grade unknown word", gradeCN, "优", 0, false, notOpt},
		{"grade letter", gradeAB, "A", 1000, false, ok},
		{"grade lower-case letter", gradeAB, "a", 1000, false, ok},
		{"grade full-width letter", gradeAB, "Ａ", 1000, false, ok},
		{"grade full-width lower-case letter", gradeAB, "ｂ", 800, false, ok},
		{"grade zero-point option", gradeAB, "D", 0, false, ok},
		{"grade unknown letter", gradeAB, "E", 0, false, notOpt},
		{"grade points of a letter", gradeAB, "10", 1000, false, ok},
		{"grade three decimals", gradeAB, "9.999", 0, false, decs},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, blank, err := scoring.ParseValue(tt.ind, tt.text)
			if code := codeOf(t, err); code != tt.code {
				t.Fatalf("ParseValue(%q) error %v (code %q), want code %q", tt.text, err, code, tt.code)
			}
			if v != tt.want || blank != tt.blank {
				t.Errorf("ParseValue(%q) = %d, blank %v; want %d, blank %v", tt.text, v, blank, tt.want, tt.blank)
			}
			if err == nil && !blank {
				if err := scoring.ValidateValue(tt.ind, v); err != nil {
					t.Errorf("ParseValue(%q) accepted %d, which ValidateValue refuses: %v", tt.text, v, err)
				}
			}
		})
	}
}

func TestParseValueMessages(t *testing.T) {
	tests := []struct {
		ind  scoring.Indicator
		text string
		want string
	}{
		{score5Fine, "6", "「6」超出范围，请输入0～5之间的数，最多两位小数"},
		{score5Fine, "4.555", "「4.555」超过两位小数，请输入0～5之间的数，最多两位小数"},
		{score5Fine, "九十", "「九十」不是数字，请输入0～5之间的数，最多两位小数"},
		{score5, "4.3", "「4.3」不是0.5的倍数，请输入0～5之间的数，须为0.5的倍数"},
		{score5, " ６ ", "「６」超出范围，请输入0～5之间的数，须为0.5的倍数"},
		{deduct5, "+2", "「+2」不能带正号，请输入0～5之间的数（扣除的分数），最多两位小数"},
		{bonus3, "-2", "「-2」不能为负数，请输入0～3之间的数（加分），最多两位小数"},
		{gradeCN, "优", "「优」不是可选项，请从下拉列表中选择：好、较好、一般、差"},
	}
	for _, tt := range tests {
		_, _, err := scoring.ParseValue(tt.ind, tt.text)
		if err == nil || err.Error() != tt.want {
			t.Errorf("ParseValue(%q) error %v, want %q", tt.text, err, tt.want)
		}
	}
}

func TestRangeMessage(t *testing.T) {
	tests := []struct {
		name string
		ind  scoring.Indicator
		want string
	}{
		{"score any hundredth", score5Fine, "请输入0～5之间的数，最多两位小数"},
		{"score default step", score5, "请输入0～5之间的数，须为0.5的倍数"},
		{"score whole points", score10Int, "请输入0～10之间的整数"},
		{"score fractional maximum", scoring.Indicator{Kind: scoring.KindScore, Max: 250, Step: 25}, "请输入0～2.5之间的数，须为0.25的倍数"},
		{"deduct", deduct5, "请输入0～5之间的数（扣除的分数），最多两位小数"},
		{"bonus", bonus3, "请输入0～3之间的数（加分），最多两位小数"},
		{"grade", gradeCN, "请从下拉列表中选择：好、较好、一般、差"},
		{"grade letters", gradeAB, "请从下拉列表中选择：A、B、C、D"},
	}
	for _, tt := range tests {
		if got := scoring.RangeMessage(tt.ind); got != tt.want {
			t.Errorf("%s: RangeMessage = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestValidateValue(t *testing.T) {
	tests := []struct {
		name string
		ind  scoring.Indicator
		v    int64
		code scoring.ValueCode
	}{
		{"score zero", score5, 0, ""},
		{"score maximum", score5, 500, ""},
		{"score on step", score5, 450, ""},
		{"score off step", score5, 430, scoring.OffStep},
		{"score above maximum", score5, 550, scoring.OutOfRange},
		{"score negative", score5, -50, scoring.OutOfRange},
		{"fine score any hundredth", score5Fine, 433, ""},
		{"deduct any hundredth", deduct5, 1, ""},
		{"deduct maximum", deduct5, 500, ""},
		{"deduct above cap", deduct5, 501, scoring.OutOfRange},
		{"deduct negative", deduct5, -1, scoring.OutOfRange},
		{"bonus cap", bonus3, 300, ""},
		{"bonus above cap", bonus3, 301, scoring.OutOfRange},
		{"grade option", gradeCN, 400, ""},
		{"grade zero option", gradeAB, 0, ""},
		{"grade between options", gradeCN, 350, scoring.NotOption},
		{"unknown kind", scoring.Indicator{Kind: "text", Max: 500}, 100, scoring.OutOfRange},
	}
	for _, tt := range tests {
		if code := codeOf(t, scoring.ValidateValue(tt.ind, tt.v)); code != tt.code {
			t.Errorf("%s: ValidateValue(%d) code %q, want %q", tt.name, tt.v, code, tt.code)
		}
	}
}

func TestIndicatorValidate(t *testing.T) {
	tests := []struct {
		name string
		ind  scoring.Indicator
		ok   bool
	}{
		{"score", score5, true},
		{"score fine", score5Fine, true},
		{"deduct", deduct5, true},
		{"bonus", bonus3, true},
		{"grade without max", gradeCN, true},
		{"grade with matching max", gradeAB, true},
		{"grade with max above its best option", scoring.Indicator{Kind: scoring.KindGrade, Max: 1200, Options: gradeAB.Options}, true},
		{"grade option above max", scoring.Indicator{Kind: scoring.KindGrade, Max: 900, Options: gradeAB.Options}, false},
		{"grade negative max", scoring.Indicator{Kind: scoring.KindGrade, Max: -100, Options: gradeAB.Options}, false},
		{"grade without options", scoring.Indicator{Kind: scoring.KindGrade}, false},
		{"grade with repeated label", scoring.Indicator{Kind: scoring.KindGrade, Options: []scoring.Option{{"A", 100}, {"ａ", 50}}}, false},
		{"grade with empty label", scoring.Indicator{Kind: scoring.KindGrade, Options: []scoring.Option{{" ", 100}}}, false},
		{"grade with negative points", scoring.Indicator{Kind: scoring.KindGrade, Options: []scoring.Option{{"差", -100}}}, false},
		{"score without max", scoring.Indicator{Kind: scoring.KindScore}, false},
		{"score max not on step", scoring.Indicator{Kind: scoring.KindScore, Max: 525}, false},
		{"score negative step", scoring.Indicator{Kind: scoring.KindScore, Max: 500, Step: -50}, false},
		{"deduct without max", scoring.Indicator{Kind: scoring.KindDeduct}, false},
		{"bonus negative max", scoring.Indicator{Kind: scoring.KindBonus, Max: -100}, false},
		{"unknown kind", scoring.Indicator{Kind: "text", Max: 100}, false},
	}
	for _, tt := range tests {
		if err := tt.ind.Validate(); (err == nil) != tt.ok {
			t.Errorf("%s: Validate() = %v, want ok %v", tt.name, err, tt.ok)
		}
	}
}

func TestCeilingAndBaseTotal(t *testing.T) {
	for _, tt := range []struct {
		ind  scoring.Indicator
		want int64
	}{{score5, 500}, {deduct5, 0}, {bonus3, 300}, {gradeCN, 500}, {gradeAB, 1000},
		{scoring.Indicator{Kind: scoring.KindGrade, Max: 1200, Options: gradeAB.Options}, 1200}} {
		if got := tt.ind.Ceiling(); got != tt.want {
			t.Errorf("Ceiling(%s %d) = %d, want %d", tt.ind.Kind, tt.ind.ID, got, tt.want)
		}
	}
	inds := []scoring.Indicator{score5, score5Fine, score10Int, deduct5, bonus3, gradeCN, gradeAB}
	if got := scoring.BaseTotal(inds); got != 500+500+1000+500+1000 {
		t.Errorf("BaseTotal = %d, want 3500 (deduct and bonus left out)", got)
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		c             int64
		centi, points string
	}{
		{0, "0.00", "0"},
		{9250, "92.50", "92.5"},
		{9000, "90.00", "90"},
		{9001, "90.01", "90.01"},
		{5, "0.05", "0.05"},
		{50, "0.50", "0.5"},
		{-5, "-0.05", "-0.05"},
		{-250, "-2.50", "-2.5"},
		{10500, "105.00", "105"},
	}
	for _, tt := range tests {
		if got := scoring.FormatCenti(tt.c); got != tt.centi {
			t.Errorf("FormatCenti(%d) = %q, want %q", tt.c, got, tt.centi)
		}
		if got := scoring.FormatPoints(tt.c); got != tt.points {
			t.Errorf("FormatPoints(%d) = %q, want %q", tt.c, got, tt.points)
		}
	}
}
