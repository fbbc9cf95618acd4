package scoring

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
)

// Kind is how an indicator is scored (DOMAIN §3); the strings are those of `schemes --json`.
type Kind string

// The kinds of indicator. Score is a value in [0, max] on a step; Deduct is the points taken
// off; Bonus is extra points up to a cap; Grade is a choice of options mapped to points.
const (
	KindScore  Kind = "score"
	KindDeduct Kind = "deduct"
	KindBonus  Kind = "bonus"
	KindGrade  Kind = "grade"
)

// DefaultStep is the step of a score indicator whose Step is 0: half a point.
const DefaultStep int64 = 50

// Option is one choice of a grade indicator (好 / 较好 / 一般 / 差 or A / B / C / D) and the
// centi-points it is worth.
type Option struct {
	Label  string `json:"label"`
	Points int64  `json:"points"`
}

// Indicator is what the engine needs of a scorable indicator: its kind and bounds, in
// centi-points. Step applies to score only (0 means DefaultStep); deduct and bonus take any
// hundredth. A grade's Max may be 0, meaning its best option's points.
type Indicator struct {
	ID      uint     `json:"id"`
	Kind    Kind     `json:"kind"`
	Max     int64    `json:"max"`
	Step    int64    `json:"step"`
	Options []Option `json:"options,omitempty"`
}

// Required reports whether a total is incomplete while this indicator is blank: score and
// grade indicators must be filled, deduct and bonus may stay blank.
func (ind Indicator) Required() bool { return ind.Kind == KindScore || ind.Kind == KindGrade }

// Ceiling is what the indicator is worth at best: Max for score and bonus, and for grade Max
// or, when that is 0, the best option's points; 0 for deduct.
func (ind Indicator) Ceiling() int64 {
	switch ind.Kind {
	case KindScore, KindBonus:
		return ind.Max
	case KindGrade:
		if ind.Max > 0 {
			return ind.Max
		}
		var best int64
		for _, o := range ind.Options {
			best = max(best, o.Points)
		}
		return best
	}
	return 0
}

func (ind Indicator) step() int64 {
	if ind.Step > 0 {
		return ind.Step
	}
	return DefaultStep
}

// Validate checks that the indicator can be scored: a known kind, a positive maximum that for
// score is a whole number of steps, and for grade at least one option, with distinct labels
// and points within [0, Max].
func (ind Indicator) Validate() error {
	switch ind.Kind {
	case KindScore:
		if ind.Max <= 0 {
			return errors.New("得分项的分值须大于0")
		}
		if ind.Step < 0 || ind.Max%ind.step() != 0 {
			return fmt.Errorf("得分项的分值%s须是步长%s的整数倍", FormatPoints(ind.Max), FormatPoints(ind.step()))
		}
	case KindDeduct, KindBonus:
		if ind.Max <= 0 {
			return errors.New("扣分项和加分项的上限须大于0")
		}
	case KindGrade:
		if len(ind.Options) == 0 {
			return errors.New("等次项至少要有一个选项")
		}
		if ind.Max < 0 {
			return errors.New("等次项的分值不能为负")
		}
		seen := map[string]bool{}
		for _, o := range ind.Options {
			l := strings.ToUpper(fold(o.Label))
			switch {
			case l == "":
				return errors.New("等次项的选项名称不能为空")
			case seen[l]:
				return fmt.Errorf("等次项的选项「%s」重复", o.Label)
			case o.Points < 0 || ind.Max > 0 && o.Points > ind.Max:
				return fmt.Errorf("等次项的选项「%s」分值%s超出0～%s", o.Label, FormatPoints(o.Points), FormatPoints(ind.Ceiling()))
			}
			seen[l] = true
		}
	default:
		return fmt.Errorf("未知的评分方式「%s」", ind.Kind)
	}
	return nil
}

// BaseTotal is the sum of the maxima of the score and grade indicators, the `total` of a
// scheme (usually 100 points); bonus may lift a rater's total above it.
func BaseTotal(inds []Indicator) int64 {
	var t int64
	for _, ind := range inds {
		if ind.Required() {
			t += ind.Ceiling()
		}
	}
	return t
}

// ValueCode says why a value was refused, so that callers and tests need not read the text.
type ValueCode string

// The reasons a value is refused.
const (
	NotNumber       ValueCode = "not_number"        // text where a number belongs (九十)
	TooManyDecimals ValueCode = "too_many_decimals" // more than 2 decimals (4.555)
	OutOfRange      ValueCode = "out_of_range"      // below 0 or above the maximum
	OffStep         ValueCode = "off_step"          // a score not on its step (4.3 with step 0.5)
	NotOption       ValueCode = "not_option"        // a grade that is none of the options
	WrongSign       ValueCode = "wrong_sign"        // a sign the kind does not take (+2 on a deduction)
)

// ValueError is a refused value. Its Message is a whole Chinese sentence for the rater, ending
// with the indicator's RangeMessage.
type ValueError struct {
	Code    ValueCode
	Message string
}

// Error returns the Chinese message, so the error can be shown as it is.
func (e *ValueError) Error() string { return e.Message }

func refuse(code ValueCode, ind Indicator, shown, cause string) *ValueError {
	return &ValueError{Code: code, Message: "「" + shown + "」" + cause + "，" + RangeMessage(ind)}
}

// RangeMessage is the sentence that tells a rater what an indicator accepts; the workbook's
// data validation shows the same words, e.g. 请输入0～5之间的数，最多两位小数.
func RangeMessage(ind Indicator) string {
	hi := FormatPoints(ind.Max)
	switch ind.Kind {
	case KindScore:
		switch step := ind.step(); {
		case step == 1:
			return "请输入0～" + hi + "之间的数，最多两位小数"
		case step == 100:
			return "请输入0～" + hi + "之间的整数"
		default:
			return "请输入0～" + hi + "之间的数，须为" + FormatPoints(step) + "的倍数"
		}
	case KindDeduct:
		return "请输入0～" + hi + "之间的数（扣除的分数），最多两位小数"
	case KindBonus:
		return "请输入0～" + hi + "之间的数（加分），最多两位小数"
	case KindGrade:
		labels := make([]string, len(ind.Options))
		for i, o := range ind.Options {
			labels[i] = o.Label
		}
		return "请从下拉列表中选择：" + strings.Join(labels, "、")
	}
	return "此项不能评分"
}

// ValidateValue checks a stored or computed value v (centi-points, deductions positive)
// against its indicator: within [0, Max], on the step for score, one of the options' points
// for grade. It returns nil or a *ValueError.
func ValidateValue(ind Indicator, v int64) error {
	if code, cause := checkValue(ind, v); code != "" {
		return refuse(code, ind, FormatPoints(v), cause)
	}
	return nil
}

// checkValue returns why v does not fit ind, or "" when it does; the cause completes a
// sentence that starts with the value.
func checkValue(ind Indicator, v int64) (ValueCode, string) {
	switch ind.Kind {
	case KindScore, KindDeduct, KindBonus:
		if v < 0 || v > ind.Max {
			return OutOfRange, "超出范围"
		}
		if ind.Kind == KindScore && v%ind.step() != 0 {
			return OffStep, "不是" + FormatPoints(ind.step()) + "的倍数"
		}
		return "", ""
	case KindGrade:
		for _, o := range ind.Options {
			if o.Points == v {
				return "", ""
			}
		}
		return NotOption, "不是可选的分值"
	}
	return OutOfRange, "无法评分"
}

// ParseValue reads what a rater typed into a cell for an indicator and returns its value in
// centi-points, or blank when nothing was typed (blank is not 0: the caller decides what a
// blank means). It accepts surrounding spaces, full-width digits and punctuation (４．５), the
// ideographic full stop typed by Chinese input methods as a decimal point (4。5), a trailing
// 分, and at most two decimals. A deduction may be written "2", "-2" or "扣2分" (all mean 2
// points deducted) and a bonus "2", "+2" or "加2分"; any other sign is refused. A grade is an
// option's label (好, 较好; A or ａ, case ignored) or its points. A long decimal such as
// 4.4999999999999991, which only a spreadsheet writes, is taken as the nearest centi value when
// within 1e-9 of it; typed by hand, 4.555 is refused.
func ParseValue(ind Indicator, text string) (v int64, blank bool, err error) {
	s := fold(text)
	if s == "" {
		return 0, true, nil
	}
	shown := strings.TrimSpace(text)
	if ind.Kind == KindGrade {
		for _, o := range ind.Options {
			if strings.EqualFold(fold(o.Label), s) {
				return o.Points, false, nil
			}
		}
	}
	num := strings.TrimSpace(strings.TrimSuffix(s, "分"))
	sign := byte(0)
	for _, p := range []struct {
		prefix string
		sign   byte
	}{{"-", '-'}, {"扣", '-'}, {"+", '+'}, {"加", '+'}} {
		if rest, ok := strings.CutPrefix(num, p.prefix); ok {
			num, sign = strings.TrimSpace(rest), p.sign
			break
		}
	}
	v, code := parseDecimal(num)
	switch {
	case code == NotNumber && ind.Kind == KindGrade:
		return 0, false, refuse(NotOption, ind, shown, "不是可选项")
	case code == NotNumber:
		return 0, false, refuse(NotNumber, ind, shown, "不是数字")
	case code == TooManyDecimals:
		return 0, false, refuse(TooManyDecimals, ind, shown, "超过两位小数")
	case code == OutOfRange:
		return 0, false, refuse(OutOfRange, ind, shown, "超出范围")
	}
	switch {
	case sign == '-' && ind.Kind != KindDeduct && v != 0:
		return 0, false, refuse(WrongSign, ind, shown, "不能为负数")
	case sign == '+' && ind.Kind != KindBonus:
		return 0, false, refuse(WrongSign, ind, shown, "不能带正号")
	}
	if code, cause := checkValue(ind, v); code != "" {
		return 0, false, refuse(code, ind, shown, cause)
	}
	return v, false, nil
}

// fold maps full-width forms to ASCII (０-９, ．, －, ＋, Ａ-Ｚ, the ideographic space), the
// ideographic full stop and the minus sign to '.' and '-', and trims spaces.
func fold(s string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			return r - 0xFEE0
		case r == 0x3000:
			return ' '
		case r == '。':
			return '.'
		case r == '−':
			return '-'
		}
		return r
	}, s))
}

// maxIntDigits bounds the integer part so that a value always fits in int64 centi-points.
const maxIntDigits = 15

// parseDecimal reads an unsigned decimal such as "4.5", "04.50", ".5" or "5." into
// centi-points; code is "" when it succeeded.
func parseDecimal(s string) (int64, ValueCode) {
	intPart, frac, _ := strings.Cut(s, ".")
	if !digits(intPart) || !digits(frac) || intPart == "" && frac == "" || strings.Contains(frac, ".") {
		return 0, NotNumber
	}
	intPart = strings.TrimLeft(intPart, "0")
	frac = strings.TrimRight(frac, "0")
	if len(intPart) > maxIntDigits {
		return 0, OutOfRange
	}
	if len(frac) > 2 {
		return spreadsheetDecimal(intPart, frac)
	}
	frac += "00"[:2-len(frac)]
	var v int64
	for _, c := range intPart + frac {
		v = v*10 + int64(c-'0')
	}
	return v, ""
}

// spreadsheetDecimal accepts a decimal with more than 2 decimals only when it carries the 15
// or more significant digits of a float64 written out by a spreadsheet and lies within 1e-9
// points of a centi value; anything else has too many decimals.
func spreadsheetDecimal(intPart, frac string) (int64, ValueCode) {
	sig := len(intPart) + len(frac)
	if intPart == "" {
		sig = len(strings.TrimLeft(frac, "0"))
	}
	if sig < 15 {
		return 0, TooManyDecimals
	}
	r, ok := new(big.Rat).SetString("0" + intPart + "." + frac)
	if !ok {
		return 0, NotNumber
	}
	centi := Exact{r.Mul(r, big.NewRat(100, 1))}
	c := centi.Centi()
	if centi.sub(FromCenti(c)).abs().Cmp(CentiRatio(1, 10_000_000)) > 0 {
		return 0, TooManyDecimals
	}
	return c, ""
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
