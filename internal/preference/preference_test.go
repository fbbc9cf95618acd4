package preference_test

import (
	"path/filepath"
	"testing"

	"liankanping/internal/apperr"
	"liankanping/internal/preference"
	"liankanping/internal/store"
)

func mustOpen(t *testing.T) *preference.Service {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return preference.NewService(s)
}

func TestPreference(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		p := mustOpen(t)
		if v, err := p.Get(preference.Zoom); err != nil || v != "" {
			t.Fatalf("unset zoom = %q, %v; want empty", v, err)
		}
		for _, v := range []string{"110", "90"} {
			if err := p.Set(preference.Zoom, v); err != nil {
				t.Fatal(err)
			}
			if got, err := p.Get(preference.Zoom); err != nil || got != v {
				t.Fatalf("zoom = %q, %v; want %q", got, err, v)
			}
		}
		if err := p.Set(preference.OperatorPrompt, "off"); err != nil {
			t.Fatal(err)
		}
		if got, _ := p.Get(preference.OperatorPrompt); got != "off" {
			t.Fatalf("operator prompt = %q, want off", got)
		}
	})
	t.Run("ErrInvalid", func(t *testing.T) {
		p := mustOpen(t)
		for _, c := range [][2]string{{preference.Zoom, "10"}, {preference.Zoom, "大"}, {preference.OperatorPrompt, "maybe"}, {"operator", "x"}} {
			if err := p.Set(c[0], c[1]); apperr.CodeOf(err) != apperr.Invalid {
				t.Errorf("Set(%q, %q) = %v, want invalid", c[0], c[1], err)
			}
		}
		if _, err := p.Get("workbook_hmac_key"); apperr.CodeOf(err) != apperr.Invalid {
			t.Errorf("Get of another package's key = %v, want invalid", err)
		}
	})
}
