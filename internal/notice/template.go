package notice

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"liankanping/internal/apperr"
	"liankanping/internal/docx"
)

// Template is the wording of the 通报 the office keeps in 设置: every text may hold
// placeholders such as {轮次} that are filled from the round.
type Template struct {
	Title     string `json:"title"`
	Addressee string `json:"addressee"`
	// Body is the 正文, one paragraph a line. A line beginning 一、 is a first-level heading,
	// one beginning （一） a second-level one; a line whose list of units is empty (no unit is
	// 一般, say) is left out, and the headings are numbered again.
	Body       string `json:"body"`
	Attachment string `json:"attachment"`
	// Issuer is the 发文单位 used when the person exporting names none.
	Issuer string `json:"issuer"`
	// Order is how units are listed within a grade: "rank" (by rank) or "area" (by 联系片).
	Order string `json:"order"`
	// Scores adds each unit's final score after its name: 区司法局（95.23分）.
	Scores bool `json:"scores"`
}

// Orders of the units within a grade.
const (
	OrderRank = "rank"
	OrderArea = "area"
)

// Placeholder is a name the template may use, with what it stands for.
type Placeholder struct {
	Name  string `json:"name"`
	Label string `json:"label"`
	// List tells whether it is a list of units, whose emptiness drops its paragraph.
	List bool `json:"list"`
}

// grades are the grade names the scoring engine gives, best first.
var grades = []string{"优秀", "良好", "一般", "较差"}

// Placeholders lists every placeholder, in the order 设置 shows them.
func Placeholders() []Placeholder {
	ps := []Placeholder{
		{Name: "轮次", Label: "轮次名称，如 2024年第三季度“常委看党建”观摩"},
		{Name: "轮次编号", Label: "轮次编号，如 2024Q3"},
		{Name: "观摩日期", Label: "观摩日期，如 2024年9月18日"},
		{Name: "观摩地点", Label: "观摩地点（未填时为“各观摩单位”）"},
		{Name: "观摩内容", Label: "考核方案的一级指标，如 机关党建责任清单落实、模范机关建设、党建和业务融合"},
		{Name: "评价主体", Label: "评价主体及权重，如 区委常委（权重40%）、……"},
		{Name: "单位数", Label: "观摩单位个数"},
		{Name: "等次分布", Label: "各等次单位个数，如 7个单位评为“优秀”等次，3个单位评为“良好”等次（没有单位的等次不写）"},
	}
	for _, g := range grades {
		ps = append(ps,
			Placeholder{Name: g + "单位", Label: "评为“" + g + "”的单位，按设定的顺序，以顿号分隔", List: true},
			Placeholder{Name: g + "单位数", Label: "评为“" + g + "”的单位个数"})
	}
	return append(ps,
		Placeholder{Name: "发文单位", Label: "发文单位（导出时填写，或用模板中的发文单位）"},
		Placeholder{Name: "发文日期", Label: "成文日期，如 2024年12月20日"})
}

// Default is the wording shipped with the program, in the tone of a real 通报.
func Default() Template {
	return Template{
		Title:     "关于{轮次}\n评价结果的通报",
		Addressee: "区直各部门（单位）党组（党委）：",
		Body: strings.Join([]string{
			"为深入落实机关党建主体责任，推动区直部门党组（党委）重视党建、主动抓好党建，根据区委常委“联片区、看党建、评成效”工作机制安排，{观摩日期}，区委区直机关工委在{观摩地点}组织开展了{轮次}活动，对{单位数}个部门单位机关党建工作进行了实地观摩和综合评价。现将有关情况通报如下。",
			"一、基本情况",
			"本次观摩采取实地查看、听取汇报、座谈交流相结合的方式进行。各观摩单位党组（党委）书记进行现场汇报，观摩组看党员干部精气神、观部门单位真业绩、询机关党建新成效，重点查看{观摩内容}等情况。观摩结束后，{评价主体}分别评分，按权重汇总形成各单位最终得分，并依据得分确定评价等次。",
			"二、评价结果",
			"经综合评定，{等次分布}。",
			"（一）“优秀”等次单位（{优秀单位数}个）。{优秀单位}。",
			"（二）“良好”等次单位（{良好单位数}个）。{良好单位}。",
			"（三）“一般”等次单位（{一般单位数}个）。{一般单位}。",
			"（四）“较差”等次单位（{较差单位数}个）。{较差单位}。",
			"三、工作要求",
			"希望评为“优秀”等次的单位珍惜荣誉、再接再厉，充分发挥示范引领作用。各部门单位要以先进为榜样，对照机关党建责任清单查漏补缺，推动党建和业务深度融合；对观摩中发现的问题，要明确整改责任人和整改时限，逐项整改到位、按期销号。区委区直机关工委将持续深化区委常委“联看评”工作机制，跟踪问效，推动全区机关党建工作质量整体提升。",
		}, "\n"),
		Attachment: "{轮次}评价汇总表",
		Issuer:     "区委区直机关工委",
		Order:      OrderRank,
	}
}

var placeholderRE = regexp.MustCompile(`\{([^{}]*)\}`)

// Limits keep a template to what a 通报 can hold.
const (
	maxLine = 200
	maxBody = 10000
)

// Validate checks a template: a title, known placeholders, braces in pairs, sensible lengths.
// The message names every unknown placeholder, so the office can correct them at once.
func (t *Template) Validate() error {
	t.Title = strings.TrimSpace(strings.ReplaceAll(t.Title, "\r\n", "\n"))
	t.Addressee = oneLine(t.Addressee)
	t.Attachment = oneLine(t.Attachment)
	t.Issuer = oneLine(t.Issuer)
	t.Body = strings.TrimSpace(strings.ReplaceAll(t.Body, "\r\n", "\n"))
	if t.Order == "" {
		t.Order = OrderRank
	}
	switch {
	case t.Title == "":
		return apperr.Invalidf("通报模板的标题不能为空")
	case t.Body == "":
		return apperr.Invalidf("通报模板的正文不能为空")
	case t.Order != OrderRank && t.Order != OrderArea:
		return apperr.Invalidf("单位的排列方式只能是按名次或按联系片")
	case utf8.RuneCountInString(t.Body) > maxBody:
		return apperr.Invalidf("通报模板的正文不能超过 %d 个字", maxBody)
	}
	known := map[string]bool{}
	for _, p := range Placeholders() {
		known[p.Name] = true
	}
	var unknown []string
	seen := map[string]bool{}
	fields := []struct{ label, text string }{{"标题", t.Title}, {"主送机关", t.Addressee}, {"正文", t.Body}, {"附件", t.Attachment}, {"发文单位", t.Issuer}}
	for _, f := range fields {
		if f.label != "正文" && utf8.RuneCountInString(f.text) > maxLine {
			return apperr.Invalidf("通报模板的%s不能超过 %d 个字", f.label, maxLine)
		}
		for _, m := range placeholderRE.FindAllStringSubmatch(f.text, -1) {
			if !known[m[1]] && !seen[m[1]] {
				seen[m[1]] = true
				unknown = append(unknown, "{"+m[1]+"}")
			}
		}
		if rest := placeholderRE.ReplaceAllString(f.text, ""); strings.ContainsAny(rest, "{}") {
			return apperr.Invalidf("通报模板的%s中有不成对的花括号：占位符须写成 {轮次} 的样子", f.label)
		}
	}
	if len(unknown) > 0 {
		return apperr.Invalidf("通报模板中有不认识的占位符：%s。可用的占位符见模板下方的列表", strings.Join(unknown, "、"))
	}
	return nil
}

// oneLine trims a text that must stay on one line and joins its lines.
func oneLine(s string) string {
	return strings.TrimSpace(strings.Join(strings.Fields(strings.ReplaceAll(s, "\r", "")), " "))
}

// Facts are what a round says, for the placeholders; Lists hold the units of each grade.
type Facts struct {
	Values map[string]string
	Lists  map[string][]string
}

// Rendered is a template filled in: the document without its layout.
type Rendered struct {
	Title      string           `json:"title"`
	Addressee  string           `json:"addressee"`
	Body       []docx.Paragraph `json:"body"`
	Attachment string           `json:"attachment"`
}

// Render fills a template from the facts of a round. A body line holding a list placeholder
// whose list is empty is left out (a round with no 一般 unit says nothing of 一般), and the
// headings are then numbered again so that no number is skipped.
func Render(t Template, f Facts) (Rendered, error) {
	if err := t.Validate(); err != nil {
		return Rendered{}, err
	}
	fill := func(s string) string {
		return placeholderRE.ReplaceAllStringFunc(s, func(m string) string {
			name := m[1 : len(m)-1]
			if l, ok := f.Lists[name]; ok {
				return strings.Join(l, "、")
			}
			return f.Values[name]
		})
	}
	r := Rendered{Title: fill(t.Title), Addressee: fill(t.Addressee), Attachment: fill(t.Attachment)}
	var h1, h2 int
	for _, line := range strings.Split(t.Body, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || emptyList(line, f) {
			continue
		}
		text := fill(line)
		switch {
		case heading1RE.MatchString(text):
			h1++
			h2 = 0
			text = chineseNumber(h1) + "、" + heading1RE.ReplaceAllString(text, "")
			r.Body = append(r.Body, docx.Paragraph{Kind: docx.Heading1, Text: text})
		case heading2RE.MatchString(text):
			h2++
			text = "（" + chineseNumber(h2) + "）" + heading2RE.ReplaceAllString(text, "")
			r.Body = append(r.Body, docx.Paragraph{Kind: docx.Heading2, Text: text})
		default:
			r.Body = append(r.Body, docx.Paragraph{Kind: docx.Text, Text: text})
		}
	}
	return r, nil
}

var (
	heading1RE = regexp.MustCompile(`^[一二三四五六七八九十]+、`)
	heading2RE = regexp.MustCompile(`^（[一二三四五六七八九十]+）`)
)

func emptyList(line string, f Facts) bool {
	for _, m := range placeholderRE.FindAllStringSubmatch(line, -1) {
		if l, ok := f.Lists[m[1]]; ok && len(l) == 0 {
			return true
		}
	}
	return false
}

// chineseNumber writes 1…99 as 一…九十九, the way headings are numbered.
func chineseNumber(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n <= 0 || n >= 100:
		return strconv.Itoa(n)
	case n < 10:
		return digits[n]
	case n == 10:
		return "十"
	case n < 20:
		return "十" + digits[n%10]
	}
	return digits[n/10] + "十" + digits[n%10]
}

// sortUnits orders a grade's units by rank, or by 联系片 then rank.
func sortUnits(us []unitLine, order string) {
	sort.SliceStable(us, func(i, j int) bool {
		if order == OrderArea && us[i].area != us[j].area {
			return us[i].area < us[j].area
		}
		return us[i].rank < us[j].rank
	})
}
