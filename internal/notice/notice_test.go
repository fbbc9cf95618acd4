package notice_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"liankanping/internal/apperr"
	"liankanping/internal/demo"
	"liankanping/internal/notice"
	"liankanping/internal/round"
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

func TestFacts(t *testing.T) {
	s := mustDemo(t)
	svc := notice.NewService(s)
	id := roundID(t, s, "2024Q3")

	t.Run("ByRank", func(t *testing.T) {
		f, _, err := svc.Facts(id, notice.Default(), notice.Options{Date: noticeDate})
		if err != nil {
			t.Fatal(err)
		}
		// The demo's 2024Q3 ranks 区红十字会 first (96.80) and 区地震监测中心 last, alone in 一般.
		if l := f.Lists["优秀单位"]; len(l) != 7 || l[0] != "区红十字会" || l[1] != "区司法局" {
			t.Errorf("优秀 = %v", l)
		}
		if l := f.Lists["一般单位"]; len(l) != 1 || l[0] != "区地震监测中心" {
			t.Errorf("一般 = %v", l)
		}
		if len(f.Lists["较差单位"]) != 0 {
			t.Errorf("较差 = %v", f.Lists["较差单位"])
		}
		want := map[string]string{
			"观摩日期": "2024年9月18日", "观摩地点": "区农业农村局", "单位数": "11", "发文单位": "区委区直机关工委", "发文日期": "2024年12月20日",
			"观摩内容": "机关党建责任清单落实、模范机关建设、党建和业务融合",
			"评价主体": "区委常委（权重40%）、联系片互评（权重30%）和区直机关工委（权重30%）",
			"等次分布": "7个单位评为“优秀”等次，3个单位评为“良好”等次，1个单位评为“一般”等次",
		}
		for k, v := range want {
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
		// 良好: 区档案馆 (第一联系片, 89.70), 区总工会 (第二, 85.05), 区委老干部局 (第十, 80.67).
		got := strings.Join(f.Lists["良好单位"], "、")
		if got != "区档案馆（89.70分）、区总工会（85.05分）、区委老干部局（80.67分）" {
			t.Errorf("良好 by area = %s", got)
		}
		if f.Lists["优秀单位"][0] == "区红十字会（96.80分）" {
			t.Errorf("优秀 is in rank order, not by area: %v", f.Lists["优秀单位"])
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
