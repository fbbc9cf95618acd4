package workbook

import (
	"errors"
	"math"
	"strconv"
	"strings"
)

// ErrNotNumber is returned for text where a number belongs, such as 九十.
var ErrNotNumber = errors.New("不是数字")

// ErrTooPrecise is returned for a number with more than two decimals.
var ErrTooPrecise = errors.New("最多两位小数")

// ParseCenti reads a number as people type it into a cell and returns it in hundredths:
// "5", "5.5", "５", "5分", " 4.50 ", and the binary noise of a number Excel computed
// ("89.99999999999999" is 90.00). The bool is false for a blank cell. More than two real
// decimals is ErrTooPrecise; anything else that is not a number is ErrNotNumber.
func ParseCenti(s string) (int64, bool, error) {
	t := strings.TrimSpace(strings.ReplaceAll(ToHalfWidth(CleanText(s)), " ", ""))
	t = strings.TrimSuffix(t, "分")
	t = strings.ReplaceAll(t, "。", ".")
	if t == "" {
		return 0, false, nil
	}
	if strings.ContainsAny(t, "eE") && !strings.ContainsAny(t, "0123456789") {
		return 0, true, ErrNotNumber
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > 1e12 {
		return 0, true, ErrNotNumber
	}
	scaled := f * 100
	rounded := math.Round(scaled)
	if math.Abs(scaled-rounded) > 1e-6*math.Max(1, math.Abs(scaled)) {
		return 0, true, ErrTooPrecise
	}
	return int64(rounded), true, nil
}

// FormatCenti writes hundredths as a plain decimal without trailing zeros: 550 is "5.5".
func FormatCenti(v int64) string {
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	s := sign + strconv.FormatInt(v/100, 10)
	if frac := v % 100; frac != 0 {
		s += "." + strings.TrimRight(strconv.FormatInt(100+frac, 10)[1:], "0")
	}
	return s
}
