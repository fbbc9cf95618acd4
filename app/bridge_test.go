//go:build bridge

package app_test

import (
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"liankanping/app"
	"liankanping/internal/store"
)

func TestBridgeListensOnLoopbackAndNeedsItsToken(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	assets := fstest.MapFS{"index.html": {Data: []byte("<html><head></head><body></body></html>")}}
	b, err := app.StartBridge(app.NewCore(s, s.Path, nil), assets)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	u, _ := url.Parse(b.URL)
	if u.Hostname() != "127.0.0.1" {
		t.Fatalf("the bridge listens on %s, want 127.0.0.1 only", u.Host)
	}
	if len(b.Token) < 32 {
		t.Fatalf("token %q is too short to be unguessable", b.Token)
	}
	other, _ := app.StartBridge(app.NewCore(s, s.Path, nil), assets)
	defer other.Close()
	if other.Token == b.Token {
		t.Fatal("two launches share a token")
	}
	call := func(method, token string) int {
		req, _ := http.NewRequest(method, b.URL+"__call/SystemAPI/Status", strings.NewReader("[]"))
		if token != "" {
			req.Header.Set("X-Bridge-Token", token)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode
	}
	cases := []struct {
		name, method, token string
		want                int
	}{
		{"no token", http.MethodPost, "", http.StatusForbidden},
		{"wrong token", http.MethodPost, strings.Repeat("0", 32), http.StatusForbidden},
		{"another launch's token", http.MethodPost, other.Token, http.StatusForbidden},
		{"GET", http.MethodGet, b.Token, http.StatusForbidden},
		{"its token", http.MethodPost, b.Token, http.StatusOK},
	}
	for _, c := range cases {
		if got := call(c.method, c.token); got != c.want {
			t.Errorf("%s: status %d, want %d", c.name, got, c.want)
		}
	}
}
