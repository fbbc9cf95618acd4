// Package audit reads the audit log that the database writes for every change (see
// store/migration_0006_audit.go), verifies its hash chain, exports it, and keeps the name of
// the operator that every entry records.
package audit

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"liankanping/internal/apperr"
	"liankanping/internal/setting"
	"liankanping/internal/store"
)

// Entry is one change.
type Entry struct {
	ID          uint   `json:"id" gorm:"primaryKey"`
	At          string `json:"at"`
	Operator    string `json:"operator"`
	Action      string `json:"action"`
	ObjectType  string `json:"objectType"`
	ObjectLabel string `json:"objectLabel"`
	ObjectID    *int64 `json:"objectId"`
	ObjectName  string `json:"objectName"`
	Before      string `json:"before"`
	After       string `json:"after"`
	PrevHash    string `json:"-"`
	Hash        string `json:"-"`
}

// TableName names the log's table.
func (Entry) TableName() string { return "audit_log" }

// Service reads the log and the operator's name.
type Service struct {
	db       *gorm.DB
	settings *setting.Service
}

// NewService returns a service over an open store.
func NewService(s *store.Store) *Service { return &Service{db: s.DB, settings: setting.NewService(s)} }

// WithTx returns a service whose calls run inside tx.
func WithTx(tx store.Tx) *Service { return &Service{db: tx.DB(), settings: setting.WithTx(tx)} }

const operatorKey = "operator"

// Operator is the name that new entries record ("" until someone sets it in Settings).
func (s *Service) Operator() (string, error) {
	v, _, err := s.settings.Get(operatorKey)
	return v, err
}

// Author is the name recorded as the author of a change, an export or an import batch: the
// operator set in Settings, or else the system user (the window and the command line alike).
func (s *Service) Author() string {
	if name, err := s.Operator(); err == nil && name != "" {
		return name
	}
	return SystemUser()
}

// SystemUser is the operating system's name for the user running the program.
func SystemUser() string {
	if u := os.Getenv("USER"); u != "" {
		return u
	}
	return os.Getenv("USERNAME")
}

// SetOperator sets the name that new entries record.
func (s *Service) SetOperator(name string) error {
	name = strings.TrimSpace(name)
	if utf8.RuneCountInString(name) > 30 {
		return apperr.Invalidf("操作人姓名不能超过 30 个字")
	}
	return s.settings.Set(operatorKey, name)
}

// Filter narrows List; zero fields do not filter.
type Filter struct {
	From       string `json:"from"` // YYYY-MM-DD, local days
	To         string `json:"to"`
	ObjectType string `json:"objectType"`
	Action     string `json:"action"`
	Query      string `json:"query"` // in the operator, object name or values
	Offset     int    `json:"offset"`
	Limit      int    `json:"limit"`
}

// Page is one page of entries, newest first, and how many match in all.
type Page struct {
	Entries []Entry `json:"entries"`
	Total   int64   `json:"total"`
}

// List returns entries matching f, newest first.
func (s *Service) List(f Filter) (Page, error) {
	q := s.db.Model(&Entry{})
	for _, d := range []struct {
		v, op string
		add   int
	}{{f.From, ">=", 0}, {f.To, "<", 1}} {
		if d.v == "" {
			continue
		}
		day, err := time.ParseInLocation("2006-01-02", d.v, time.Local)
		if err != nil {
			return Page{}, apperr.Invalidf("日期“%s”无效", d.v)
		}
		q = q.Where("at "+d.op+" ?", day.AddDate(0, 0, d.add).UTC().Format("2006-01-02T15:04:05.000Z"))
	}
	if f.ObjectType != "" {
		q = q.Where("object_type = ?", f.ObjectType)
	}
	if f.Action != "" {
		q = q.Where("action = ?", f.Action)
	}
	if t := strings.TrimSpace(f.Query); t != "" {
		like := "%" + t + "%"
		q = q.Where("operator LIKE ? OR object_name LIKE ? OR before LIKE ? OR after LIKE ?", like, like, like, like)
	}
	var p Page
	if err := q.Count(&p.Total).Error; err != nil {
		return p, err
	}
	limit := f.Limit
	if limit <= 0 || limit > 1000 {
		limit = 100
	}
	err := q.Order("id DESC").Offset(max(f.Offset, 0)).Limit(limit).Find(&p.Entries).Error
	return p, err
}

// Verification is the outcome of checking the chain.
type Verification struct {
	OK      bool   `json:"ok"`
	Count   int    `json:"count"`
	BadID   uint   `json:"badId"`
	Message string `json:"message"`
}

// Verify recomputes the hash of every entry from its content and its predecessor's hash. An
// entry changed, inserted or removed after it was written breaks the chain at that entry.
func (s *Service) Verify() (Verification, error) {
	rows, err := s.db.Model(&Entry{}).Order("id").Rows()
	if err != nil {
		return Verification{}, err
	}
	defer rows.Close()
	v := Verification{OK: true}
	prev := ""
	for rows.Next() {
		var e Entry
		if err := s.db.ScanRows(rows, &e); err != nil {
			return v, err
		}
		v.Count++
		id := ""
		if e.ObjectID != nil {
			id = strconv.FormatInt(*e.ObjectID, 10)
		}
		want := store.AuditHash(prev, e.At, e.Operator, e.Action, e.ObjectType, id, e.ObjectName, e.Before, e.After)
		if e.PrevHash != prev || e.Hash != want {
			v.OK, v.BadID = false, e.ID
			v.Message = fmt.Sprintf("审计日志第 %d 条（%s %s %s）与校验值不符：该条或它之前的记录被改动过", e.ID, e.At, e.Action, e.ObjectName)
			return v, nil
		}
		prev = e.Hash
	}
	if err := rows.Err(); err != nil {
		return v, err
	}
	v.Message = fmt.Sprintf("审计日志完整：共 %d 条记录，校验链无误", v.Count)
	return v, nil
}
