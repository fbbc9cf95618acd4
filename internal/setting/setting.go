// Package setting owns the settings table: one value under each key. The keys, and what each
// accepts, belong to the packages that keep them there (the operator's name to audit, the
// window's choices to preference, the 通报's template to notice, the evidence limit to
// evidence, the database's identity to exchange); they read and write it only through here.
package setting

import (
	"fmt"

	"gorm.io/gorm"

	"liankanping/internal/store"
)

// Service reads and writes settings.
type Service struct{ db *gorm.DB }

// NewService returns a service over an open store.
func NewService(s *store.Store) *Service { return &Service{db: s.DB} }

// WithTx returns a service whose calls run inside tx.
func WithTx(tx store.Tx) *Service { return &Service{db: tx.DB()} }

// Get returns the value under key, and whether there is one.
func (s *Service) Get(key string) (string, bool, error) {
	var v []string
	if err := s.db.Table("settings").Where("key = ?", key).Pluck("value", &v).Error; err != nil {
		return "", false, fmt.Errorf("读取设置 %s：%w", key, err)
	}
	if len(v) == 0 {
		return "", false, nil
	}
	return v[0], true, nil
}

// Set stores value under key, replacing what was there.
func (s *Service) Set(key, value string) error {
	err := s.db.Exec("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, value).Error
	if err != nil {
		return fmt.Errorf("保存设置 %s：%w", key, err)
	}
	return nil
}

// SetIfAbsent stores value under key unless the key has a value already.
func (s *Service) SetIfAbsent(key, value string) error {
	if err := s.db.Exec("INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)", key, value).Error; err != nil {
		return fmt.Errorf("保存设置 %s：%w", key, err)
	}
	return nil
}

// Delete removes key and its value.
func (s *Service) Delete(key string) error {
	if err := s.db.Exec("DELETE FROM settings WHERE key = ?", key).Error; err != nil {
		return fmt.Errorf("删除设置 %s：%w", key, err)
	}
	return nil
}
