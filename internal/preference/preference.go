// Package preference keeps the window's own choices (the zoom, whether to ask for the
// operator's name) in the database's settings table, beside the operator's name: a webview's
// local storage is not kept reliably across restarts on every platform the app runs on.
package preference

import (
	"strconv"

	"liankanping/internal/apperr"
	"liankanping/internal/setting"
	"liankanping/internal/store"
)

// The keys the window may keep, and what each accepts.
const (
	// Zoom is the page zoom in per cent, 50 to 200.
	Zoom = "zoom"
	// OperatorPrompt is "off" once the user asked not to be asked for their name at start.
	OperatorPrompt = "operator_prompt"
)

var valid = map[string]func(string) bool{
	Zoom: func(v string) bool {
		n, err := strconv.Atoi(v)
		return err == nil && n >= 50 && n <= 200
	},
	OperatorPrompt: func(v string) bool { return v == "" || v == "off" },
}

// Service reads and writes the preferences.
type Service struct{ settings *setting.Service }

// NewService returns a service over an open store.
func NewService(s *store.Store) *Service { return &Service{settings: setting.NewService(s)} }

// stored is the settings key of a preference, apart from the keys other packages keep there.
func stored(key string) string { return "ui." + key }

// Get returns a preference's value, "" when it was never set.
func (s *Service) Get(key string) (string, error) {
	if valid[key] == nil {
		return "", apperr.Invalidf("没有“%s”这项设置", key)
	}
	v, _, err := s.settings.Get(stored(key))
	return v, err
}

// Set stores a preference's value.
func (s *Service) Set(key, value string) error {
	ok := valid[key]
	if ok == nil {
		return apperr.Invalidf("没有“%s”这项设置", key)
	}
	if !ok(value) {
		return apperr.Invalidf("设置“%s”的值“%s”无效", key, value)
	}
	return s.settings.Set(stored(key), value)
}
