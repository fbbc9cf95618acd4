package notice_test

import (
	"strings"
	"testing"

	"liankanping/internal/apperr"
	"liankanping/internal/docx"
	"liankanping/internal/notice"
)

func facts() notice.Facts {
	return notice.Facts{
		Values: map[string]string{"轮次": "2024年第三季度“常委看党建”观摩", "单位数": "3", "优秀单位数": "2", "良好单位数": "0", "一般单位数": "1", "较差单位数": "0"},
		Lists:  map[string][]string{"优秀单位": {"区司法局", "区档案馆"}, "良好单位": {}, "一般单位": {"区气象局"}, "较差单位": {}},
	}
}

func TestValidate(t *testing.T) {
	t.Run("Default", func(t *testing.T) {
		d := notice.Default()
		if err := d.Validate(); err != nil {
			t.Fatalf("the shipped template is refused: %v", err)
		}
	})
	bad := []struct {
		name  string
		edit  func(*notice.Template)
		quote string
	}{
		{"ErrUnknownPlaceholder", func(t *notice.Template) { t.Body += "\n{优秀单位名单}与{轮次名}。{轮次名}" }, "{优秀单位名单}、{轮次名}。"},
		{"ErrUnknownInTitle", func(t *notice.Template) { t.Title = "关于{季度}的通报" }, "{季度}"},
		{"ErrUnpairedBrace", func(t *notice.Template) { t.Attachment = "{轮次汇总表" }, "不成对"},
		{"ErrTitleRequired", func(t *notice.Template) { t.Title = "  " }, "标题不能为空"},
		{"ErrBodyRequired", func(t *notice.Template) { t.Body = "\n" }, "正文不能为空"},
		{"ErrOrder", func(t *notice.Template) { t.Order = "name" }, "排列方式"},
	}
	for _, c := range bad {
		t.Run(c.name, func(t *testing.T) {
			tpl := notice.Default()
			c.edit(&tpl)
			err := tpl.Validate()
			if apperr.CodeOf(err) != apperr.Invalid {
				t.Fatalf("Validate = %v, want an invalid error", err)
			}
			if !strings.Contains(apperr.MessageOf(err), c.quote) {
				t.Errorf("message %q does not say %q", apperr.MessageOf(err), c.quote)
			}
		})
	}
}

func TestRender(t *testing.T) {
	t.Run("EmptyGradeGroupLeftOut", func(t *testing.T) {
		r, err := notice.Render(notice.Default(), facts())
		if err != nil {
			t.Fatal(err)
		}
		var text []string
		for _, p := range r.Body {
			text = append(text, p.Text)
		}
		all := strings.Join(text, "\n")
		if strings.Contains(all, "良好") && strings.Contains(all, "“良好”等次单位") {
			t.Errorf("the empty 良好 group is not left out:\n%s", all)
		}
		// 优秀 is （一）, 一般 follows as （二）: no number is skipped.
		want := []string{"（一）“优秀”等次单位（2个）。区司法局、区档案馆。", "（二）“一般”等次单位（1个）。区气象局。"}
		for _, w := range want {
			if !strings.Contains(all, w) {
				t.Errorf("body lacks %q:\n%s", w, all)
			}
		}
		if strings.Contains(all, "较差") {
			t.Errorf("the empty 较差 group is not left out:\n%s", all)
		}
		if r.Title != "关于2024年第三季度“常委看党建”观摩\n评价结果的通报" {
			t.Errorf("title = %q", r.Title)
		}
	})
	t.Run("Kinds", func(t *testing.T) {
		tpl := notice.Default()
		tpl.Body = "引言{单位数}个。\n三、结果\n（三）优秀。{优秀单位}。\n五、要求"
		r, err := notice.Render(tpl, facts())
		if err != nil {
			t.Fatal(err)
		}
		want := []docx.Paragraph{
			{Kind: docx.Text, Text: "引言3个。"},
			{Kind: docx.Heading1, Text: "一、结果"},
			{Kind: docx.Heading2, Text: "（一）优秀。区司法局、区档案馆。"},
			{Kind: docx.Heading1, Text: "二、要求"},
		}
		if len(r.Body) != len(want) {
			t.Fatalf("body = %+v", r.Body)
		}
		for i := range want {
			if r.Body[i] != want[i] {
				t.Errorf("paragraph %d = %+v, want %+v", i, r.Body[i], want[i])
			}
		}
	})
	t.Run("ErrUnknownPlaceholder", func(t *testing.T) {
		tpl := notice.Default()
		tpl.Addressee = "{主送}："
		if _, err := notice.Render(tpl, facts()); apperr.CodeOf(err) != apperr.Invalid || !strings.Contains(apperr.MessageOf(err), "{主送}") {
			t.Errorf("Render = %v, want the unknown {主送} named", err)
		}
	})
}
