package notice_test

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"liankanping/internal/apperr"
	"liankanping/internal/demo"
	"liankanping/internal/docx"
	"liankanping/internal/notice"
	"liankanping/internal/round"
	"liankanping/internal/score"
	"liankanping/internal/scoring"
	"liankanping/internal/store"
)

var noticeDate = time.Date(2024, 12, 20, 0, 0, 0, 0, time.Local)

func mustDemo(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := demo.Load(s, demo.Options{}); err != nil {
		t.Fatalf("load demo: %v", err)
	}
	return s
}

func roundID(t *testing.T, s *store.Store, code string) uint {
	t.Helper()
	id, err := round.NewService(s).IDByCode(code)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// gradeLists is what the ranking says, grade by grade: the units' names in rank order (or by
// 联系片, then rank), each with its final score when scores is set.
func gradeLists(t *testing.T, s *store.Store, id uint, byArea, scores bool) map[string][]string {
	t.Helper()
	res, err := score.NewService(s).Results(id)
	if err != nil {
		t.Fatal(err)
	}
	us := append([]score.UnitResult(nil), res.Units...)
	sort.SliceStable(us, func(i, j int) bool {
		if byArea && us[i].AreaNumber != us[j].AreaNumber {
			return us[i].AreaNumber < us[j].AreaNumber
		}
		return us[i].Rank < us[j].Rank
	})
	out := map[string][]string{}
	for _, u := range us {
		name := u.Name
		if scores {
			name += "（" + scoring.FormatCenti(u.FinalCenti) + "分）"
		}
		out[u.Grade] = append(out[u.Grade], name)
	}
	return out
}

func TestFacts(t *testing.T) {
	s := mustDemo(t)
	svc := notice.NewService(s)
	id := roundID(t, s, "2024Q3")

	t.Run("ByRank", func(t *testing.T) {
		f, _, err := svc.Facts(id, notice.Default(), notice.Options{Date: noticeDate})
		if err != nil {
			t.Fatal(err)
		}
		want := gradeLists(t, s, id, false, false)
		if len(want["优秀"]) == 0 || len(want["优秀"])+len(want["良好"])+len(want["一般"])+len(want["较差"]) != 11 {
			t.Fatalf("the demo's 2024Q3 no longer grades its 11 units with some 优秀: %v", want)
		}
		var dist []string
		for _, g := range []string{"优秀", "良好", "一般", "较差"} {
			if got := f.Lists[g+"单位"]; strings.Join(got, "、") != strings.Join(want[g], "、") {
				t.Errorf("{%s单位} = %v, want %v", g, got, want[g])
			}
			if n := len(want[g]); n > 0 {
				dist = append(dist, fmt.Sprintf("%d个单位评为“%s”等次", n, g))
			}
		}
		if got := f.Values["等次分布"]; got != strings.Join(dist, "，") {
			t.Errorf("{等次分布} = %q, want %q", got, strings.Join(dist, "，"))
		}
		d, err := round.NewService(s).Get(id)
		if err != nil {
			t.Fatal(err)
		}
		day, _ := time.Parse("2006-01-02", d.Date)
		var groups []string
		for _, g := range d.Groups {
			groups = append(groups, fmt.Sprintf("%s（权重%d%%）", g.Name, g.WeightBP/100))
		}
		values := map[string]string{
			"观摩日期": docx.ChineseDate(day), "观摩地点": d.Place, "单位数": fmt.Sprint(len(d.Units)), "发文单位": "区委区直机关工委", "发文日期": "2024年12月20日",
			// The level-1 dimensions that are scored (DOMAIN §2), not 特色创新 (bonus) or 负面清单.
			"观摩内容": "机关党建责任清单落实、模范机关建设、党建和业务融合",
			"评价主体": groups[0] + "、" + groups[1] + "和" + groups[2],
		}
		for k, v := range values {
			if f.Values[k] != v {
				t.Errorf("{%s} = %q, want %q", k, f.Values[k], v)
			}
		}
	})
	t.Run("ByAreaWithScores", func(t *testing.T) {
		tpl := notice.Default()
		tpl.Order, tpl.Scores = notice.OrderArea, true
		f, _, err := svc.Facts(id, tpl, notice.Options{Issuer: "中共某区委区直机关工委"})
		if err != nil {
			t.Fatal(err)
		}
		want := gradeLists(t, s, id, true, true)
		for _, g := range []string{"优秀", "良好", "一般"} {
			if got := strings.Join(f.Lists[g+"单位"], "、"); got != strings.Join(want[g], "、") {
				t.Errorf("%s by area with scores = %s, want %s", g, got, strings.Join(want[g], "、"))
			}
		}
		if !strings.HasSuffix(f.Lists["优秀单位"][0], "分）") {
			t.Errorf("no score after %q", f.Lists["优秀单位"][0])
		}
		if f.Values["发文单位"] != "中共某区委区直机关工委" {
			t.Errorf("发文单位 = %q", f.Values["发文单位"])
		}
	})
	t.Run("ProvisionalWhileScoring", func(t *testing.T) {
		svc0 := s
		s := mustDemo(t)
		id := roundID(t, s, "2024Q3")
		if err := round.NewService(s).SetStatus(id, round.Scoring, "补录评分", "测试"); err != nil {
			t.Fatal(err)
		}
		p, err := notice.NewService(s).Preview(id, notice.Default(), notice.Options{Date: noticeDate})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(p.Note, "暂定") {
			t.Errorf("a scoring round's 通报 does not say it is provisional: note %q", p.Note)
		}
		closed, err := svc.Preview(roundID(t, svc0, "2024Q3"), notice.Default(), notice.Options{Date: noticeDate})
		if err != nil || closed.Note != "" {
			t.Errorf("a closed round's 通报 is marked %q (%v)", closed.Note, err)
		}
	})
	t.Run("ErrNothingScored", func(t *testing.T) {
		_, _, err := svc.Facts(roundID(t, s, "2024Q4"), notice.Default(), notice.Options{})
		if apperr.CodeOf(err) != apperr.Invalid || !strings.Contains(apperr.MessageOf(err), "还没有单位得出评分结果") {
			t.Errorf("Facts(2024Q4) = %v", err)
		}
	})
	t.Run("ErrPlanned", func(t *testing.T) {
		s := mustDemo(t)
		id := roundID(t, s, "2024Q4")
		if err := round.NewService(s).SetStatus(id, round.Planned, "", "测试"); err != nil {
			t.Fatal(err)
		}
		_, _, err := notice.NewService(s).Facts(id, notice.Default(), notice.Options{})
		if apperr.CodeOf(err) != apperr.Invalid || !strings.Contains(apperr.MessageOf(err), "尚未开始评分") {
			t.Errorf("Facts(planned) = %v", err)
		}
	})
}

func TestTemplateStore(t *testing.T) {
	s := mustDemo(t)
	svc := notice.NewService(s)
	got, err := svc.Template()
	if err != nil || got != notice.Default() {
		t.Fatalf("Template() before any save = %+v, %v; want the default", got, err)
	}
	tpl := notice.Default()
	tpl.Issuer, tpl.Scores = "中共某区委区直机关工委", true
	if _, err := svc.SaveTemplate(tpl); err != nil {
		t.Fatal(err)
	}
	if got, _ := svc.Template(); got != tpl {
		t.Errorf("Template() after save = %+v", got)
	}
	bad := tpl
	bad.Body += "{不存在}"
	if _, err := svc.SaveTemplate(bad); apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("SaveTemplate(unknown placeholder) = %v", err)
	}
	if got, _ := svc.Template(); got != tpl {
		t.Errorf("a refused template replaced the saved one: %+v", got)
	}
	if _, err := svc.ResetTemplate(); err != nil {
		t.Fatal(err)
	}
	if got, _ := svc.Template(); got != notice.Default() {
		t.Errorf("Template() after reset = %+v", got)
	}
}

func TestExport_Refused(t *testing.T) {
	s := mustDemo(t)
	svc := notice.NewService(s)
	id := roundID(t, s, "2024Q3")
	dir := t.TempDir()
	if _, err := svc.Export(id, filepath.Join(dir, "a.pdf"), notice.Options{}); apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("Export(.pdf) = %v", err)
	}
	if _, err := svc.Export(roundID(t, s, "2024Q4"), filepath.Join(dir, "b.docx"), notice.Options{}); err == nil {
		t.Errorf("Export of a round with no results succeeded")
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "*")); len(m) != 0 {
		t.Errorf("refused exports left files: %v", m)
	}
	path, err := svc.Export(id, filepath.Join(dir, "通报"), notice.Options{Date: noticeDate})
	if err != nil || path != filepath.Join(dir, "通报.docx") {
		t.Errorf("Export without extension = %q, %v", path, err)
	}
	if name, _ := svc.FileName(id); name != "2024Q3_通报.docx" {
		t.Errorf("FileName = %q", name)
	}
}
