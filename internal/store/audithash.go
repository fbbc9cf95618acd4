package store

import (
	"crypto/sha256"
	"database/sql/driver"
	"encoding/hex"
	"fmt"
	"strings"

	sqlite "github.com/glebarez/go-sqlite"
)

// AuditHash chains one audit entry to the one before it. The database computes it in a trigger
// (as lkp_audit_hash) when an entry is written, and the audit check computes it again in Go:
// an entry edited, inserted or deleted afterwards no longer matches its successor.
func AuditHash(fields ...string) string {
	h := sha256.New()
	for _, f := range fields {
		h.Write([]byte(f))
		h.Write([]byte{0x1f})
	}
	return hex.EncodeToString(h.Sum(nil))
}

func init() {
	sqlite.MustRegisterDeterministicScalarFunction("lkp_audit_hash", -1, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		fields := make([]string, len(args))
		for i, a := range args {
			switch v := a.(type) {
			case nil:
			case []byte:
				fields[i] = string(v)
			default:
				fields[i] = fmt.Sprint(v)
			}
		}
		return AuditHash(fields...), nil
	})
}

// auditTable describes how one table's changes are written to the audit log: its label, an
// SQL expression naming a row (with R standing for NEW or OLD) and the columns recorded.
type auditTable struct {
	table, label, name string
	id                 string
	cols               []string
}

func (t auditTable) json(row string) string {
	parts := make([]string, 0, len(t.cols))
	for _, c := range t.cols {
		parts = append(parts, fmt.Sprintf("'%s', %s.%s", c, row, c))
	}
	return "json_object(" + strings.Join(parts, ", ") + ")"
}

func (t auditTable) expr(e, row string) string { return strings.ReplaceAll(e, "R.", row+".") }

// triggers returns the SQL of the three triggers that log inserts, updates and deletes.
func (t auditTable) triggers() string {
	var b strings.Builder
	entry := func(when, action, row, before, after string) {
		fmt.Fprintf(&b, `CREATE TRIGGER audit_%s_%s AFTER %s ON %s%s BEGIN
  INSERT INTO audit_log (operator, action, object_type, object_label, object_id, object_name, before, after)
  VALUES (COALESCE((SELECT value FROM settings WHERE key = 'operator'), ''), '%s', '%s', '%s', %s, COALESCE(%s, ''), %s, %s);
END;
`, t.table, strings.ToLower(strings.Fields(when)[0]), when, t.table, cond(when, t), action, t.table, t.label,
			t.expr(t.id, row), t.expr(t.name, row), before, after)
	}
	entry("INSERT", "新增", "NEW", "''", t.json("NEW"))
	entry("UPDATE", "修改", "NEW", t.json("OLD"), t.json("NEW"))
	entry("DELETE", "删除", "OLD", t.json("OLD"), "''")
	return b.String()
}

// cond keeps updates that change none of the recorded columns out of the log.
func cond(when string, t auditTable) string {
	if when != "UPDATE" {
		return ""
	}
	parts := make([]string, 0, len(t.cols))
	for _, c := range t.cols {
		parts = append(parts, fmt.Sprintf("OLD.%s IS NOT NEW.%s", c, c))
	}
	return " WHEN " + strings.Join(parts, " OR ")
}
