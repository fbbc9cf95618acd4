package audit_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/audit"
	"liankanping/internal/org"
	"liankanping/internal/store"
)

func mustOpen(t *testing.T) (*store.Store, *audit.Service) {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, audit.NewService(s)
}

// changes makes five entries: a unit added, renamed, a person added, deleted, the unit deleted.
func changes(t *testing.T, s *store.Store, a *audit.Service) {
	t.Helper()
	if err := a.SetOperator("王建国"); err != nil {
		t.Fatal(err)
	}
	o := org.NewService(s)
	u, err := o.SaveUnit(org.Unit{Name: "区财政局", ShortName: "财政局"})
	if err != nil {
		t.Fatal(err)
	}
	u.Name = "区财政局（国资办）"
	if _, err := o.SaveUnit(u); err != nil {
		t.Fatal(err)
	}
	p, err := o.SavePerson(org.Person{Name: "李四", UnitID: &u.ID})
	if err != nil {
		t.Fatal(err)
	}
	if err := o.DeletePerson(p.ID); err != nil {
		t.Fatal(err)
	}
	if err := o.DeleteUnit(u.ID); err != nil {
		t.Fatal(err)
	}
}

func TestEveryChangeIsLogged(t *testing.T) {
	s, a := mustOpen(t)
	changes(t, s, a)
	page, err := a.List(audit.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 5 {
		t.Fatalf("%d entries, want 5: %+v", page.Total, page.Entries)
	}
	oldest := page.Entries[4]
	if oldest.Action != "新增" || oldest.ObjectLabel != "单位" || oldest.Operator != "王建国" || !strings.Contains(oldest.After, "财政局") {
		t.Errorf("oldest = %+v", oldest)
	}
	rename := page.Entries[3]
	if rename.Action != "修改" || !strings.Contains(rename.Before, `"name":"区财政局"`) || !strings.Contains(rename.After, "国资办") {
		t.Errorf("rename = %+v", rename)
	}
	if page.Entries[0].Action != "删除" || page.Entries[0].After != "" {
		t.Errorf("newest = %+v", page.Entries[0])
	}
	filtered, _ := a.List(audit.Filter{ObjectType: "people"})
	if filtered.Total != 2 {
		t.Errorf("people entries = %d, want 2", filtered.Total)
	}
	found, _ := a.List(audit.Filter{Query: "国资办"})
	if found.Total != 2 {
		t.Errorf("entries mentioning 国资办 = %d, want 2 (the rename and the deletion)", found.Total)
	}
}

func TestVerify(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		s, a := mustOpen(t)
		changes(t, s, a)
		v, err := a.Verify()
		if err != nil || !v.OK || v.Count != 5 {
			t.Fatalf("verify = %+v, %v", v, err)
		}
	})
	t.Run("ErrLogIsAppendOnly", func(t *testing.T) {
		s, a := mustOpen(t)
		changes(t, s, a)
		if err := s.DB.Exec("UPDATE audit_log SET operator = 'x' WHERE id = 2").Error; err == nil {
			t.Error("an entry was updated")
		}
		if err := s.DB.Exec("DELETE FROM audit_log WHERE id = 2").Error; err == nil {
			t.Error("an entry was deleted")
		}
	})
	tamper := map[string]string{
		"ErrEdited":   "UPDATE audit_log SET after = replace(after, '国资办', '财政') WHERE id = 2",
		"ErrDeleted":  "DELETE FROM audit_log WHERE id = 2",
		"ErrReHashed": "UPDATE audit_log SET operator = '张三', hash = lkp_audit_hash('forged') WHERE id = 2",
	}
	for name, sql := range tamper {
		t.Run(name, func(t *testing.T) {
			s, a := mustOpen(t)
			changes(t, s, a)
			// Someone with another SQLite tool drops the guards first.
			for _, q := range []string{"DROP TRIGGER audit_log_no_update", "DROP TRIGGER audit_log_no_delete", sql} {
				if err := s.DB.Exec(q).Error; err != nil {
					t.Fatal(err)
				}
			}
			v, err := a.Verify()
			if err != nil {
				t.Fatal(err)
			}
			if v.OK || v.BadID < 2 || v.BadID > 3 || !strings.Contains(v.Message, "改动") {
				t.Fatalf("verify after tampering = %+v", v)
			}
		})
	}
}

func TestExport(t *testing.T) {
	s, a := mustOpen(t)
	changes(t, s, a)
	out := filepath.Join(t.TempDir(), "审计日志.xlsx")
	n, err := a.Export(out, time.Now())
	if err != nil || n != 5 {
		t.Fatalf("export = %d, %v", n, err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("审计日志")
	if len(rows) != 3+5 || rows[2][1] != "时间" || rows[3][2] != "王建国" || rows[3][3] != "新增" || !strings.Contains(rows[1][0], "校验链无误") {
		t.Fatalf("rows = %q", rows)
	}
}
