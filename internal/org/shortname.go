package org

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// commonShortNames are the abbreviations offices use for the usual district departments, keyed
// by the name without its leading 区 or 区委; a rule cannot guess 教育和体育局 → 教体局.
var commonShortNames = map[string]string{
	"发展和改革局":      "发改局",
	"教育和体育局":      "教体局",
	"教育局":         "教育局",
	"人力资源和社会保障局":  "人社局",
	"市场监督管理局":     "市场监管局",
	"卫生健康局":       "卫健局",
	"卫生健康委员会":     "卫健委",
	"文化和旅游局":      "文旅局",
	"住房和城乡建设局":    "住建局",
	"工业和信息化局":     "工信局",
	"科学技术局":       "科技局",
	"医疗保障局":       "医保局",
	"应急管理局":       "应急局",
	"行政审批服务局":     "审批局",
	"退役军人事务局":     "退役军人局",
	"综合行政执法局":     "综合执法局",
	"人大常委会办公室":    "人大办",
	"人民防空办公室":     "人防办",
	"机构编制委员会办公室":  "区委编办",
	"政法委员会":       "政法委",
	"科学技术协会":      "科协",
	"残疾人联合会":      "残联",
	"妇女联合会":       "妇联",
	"文学艺术界联合会":    "文联",
	"工商业联合会":      "工商联",
	"纪律检查委员会":     "纪委",
	"纪委监委":        "纪委监委",
	"供销合作社联合社":    "供销社",
	"机关事务服务中心":    "机关事务中心",
	"投资促进服务中心":    "投促中心",
	"城市管理服务中心":    "城管中心",
	"乡村振兴服务中心":    "乡村振兴中心",
	"林业保护和发展服务中心": "林业中心",
	"畜牧兽医事业发展中心":  "畜牧中心",
	"住房公积金管理中心":   "公积金中心",
}

// stripSuffixes are the endings after which a leading 区 says nothing a sheet tab needs:
// 区财政局 → 财政局, 区大数据中心 → 大数据中心.
var stripSuffixes = []string{"局", "办", "中心", "馆", "院", "所", "站", "队"}

// SuggestShortName proposes a short name for a unit from its full name: one that can name a
// worksheet (at most 31 characters, none of [ ] : * ? / \) and that taken does not report as
// used. The rules follow how offices abbreviate: a known department by its usual abbreviation
// (区教育和体育局 → 教体局), 区委办公室 → 区委办, 区X办公室 → X办, 区委X部 or 区委X局 → X部/X局,
// a leading 区 dropped before a 局, 办 or 中心 name (区财政局 → 财政局); otherwise the full name.
// When the proposal is taken, the full name is tried, then the proposal numbered 2, 3, ….
func SuggestShortName(name string, taken func(string) bool) string {
	if taken == nil {
		taken = func(string) bool { return false }
	}
	full := sheetSafe(name)
	base := sheetSafe(abbreviate(clean(name)))
	if base == "" {
		base = full
	}
	if base == "" {
		base = "单位"
	}
	for _, c := range []string{base, full} {
		if c != "" && ValidateShortName(c) == nil && !taken(c) {
			return c
		}
	}
	for n := 2; ; n++ {
		suffix := strconv.Itoa(n)
		c := truncateRunes(base, MaxShortNameLen-len(suffix)) + suffix
		if !taken(c) {
			return c
		}
	}
}

func abbreviate(name string) string {
	if name == "区委办公室" {
		return "区委办"
	}
	core, hadQu := strings.CutPrefix(name, "区委")
	if !hadQu {
		core, hadQu = strings.CutPrefix(name, "区")
	}
	if hadQu {
		if s, ok := commonShortNames[core]; ok {
			return s
		}
	} else if s, ok := commonShortNames[name]; ok {
		return s
	}
	switch {
	case strings.HasPrefix(name, "区委") && (strings.HasSuffix(name, "部") || strings.HasSuffix(name, "局")) && utf8.RuneCountInString(core) >= 2:
		return core
	case strings.HasPrefix(name, "区") && !strings.HasPrefix(name, "区委") && !strings.HasPrefix(name, "区直") && strings.HasSuffix(name, "办公室") && utf8.RuneCountInString(core) > 3:
		return strings.TrimSuffix(core, "办公室") + "办"
	case strings.HasPrefix(name, "区") && !strings.HasPrefix(name, "区委") && !strings.HasPrefix(name, "区直") && hasAnySuffix(name, stripSuffixes) && utf8.RuneCountInString(core) >= 2:
		return core
	}
	return name
}

func hasAnySuffix(s string, suffixes []string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// sheetSafe drops what a worksheet name cannot hold and cuts it to Excel's length.
func sheetSafe(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(sheetNameForbidden, r) || r < ' ' {
			return -1
		}
		return r
	}, clean(s))
	s = strings.Trim(s, "' ")
	return strings.Trim(truncateRunes(s, MaxShortNameLen), "' ")
}

func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}
