package org_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"liankanping/internal/org"
)

func TestSuggestShortName(t *testing.T) {
	none := func(string) bool { return false }
	cases := []struct{ name, want string }{
		{"区财政局", "财政局"},
		{"区委组织部", "组织部"},
		{"区委办公室", "区委办"},
		{"区政府办公室", "政府办"},
		{"区人大常委会办公室", "人大办"},
		{"区委机要保密局", "机要保密局"},
		{"区委老干部局", "老干部局"},
		{"区委编办", "区委编办"},
		{"区教育和体育局", "教体局"},
		{"区发展和改革局", "发改局"},
		{"区大数据中心", "大数据中心"},
		{"区融媒体中心", "融媒体中心"},
		{"区档案馆", "档案馆"},
		{"区直机关工委", "区直机关工委"},
		{"区科协", "区科协"},
		{"  区统计局\u3000", "统计局"},
		{"共青团区委", "共青团区委"},
		{"区工会[筹]/办事处", "区工会筹办事处"},
		{"市某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某委员会", "市某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某"},
	}
	for _, c := range cases {
		got := org.SuggestShortName(c.name, none)
		if got != c.want {
			t.Errorf("SuggestShortName(%q) = %q, want %q", c.name, got, c.want)
		}
		if err := org.ValidateShortName(got); err != nil {
			t.Errorf("SuggestShortName(%q) = %q, not a valid sheet name: %v", c.name, got, err)
		}
	}
}

func TestSuggestShortNameCollision(t *testing.T) {
	used := map[string]bool{"财政局": true}
	taken := func(s string) bool { return used[s] }
	if got := org.SuggestShortName("区财政局", taken); got != "区财政局" {
		t.Errorf("first fallback = %q, want the full name", got)
	}
	used["区财政局"] = true
	if got := org.SuggestShortName("区财政局", taken); got != "财政局2" {
		t.Errorf("numbered = %q, want 财政局2", got)
	}
	used["财政局2"] = true
	if got := org.SuggestShortName("区财政局", taken); got != "财政局3" {
		t.Errorf("numbered = %q, want 财政局3", got)
	}
	// A name at the length limit keeps room for its number.
	long := strings.Repeat("甲", 31)
	used[long] = true
	got := org.SuggestShortName(long, taken)
	if utf8.RuneCountInString(got) > org.MaxShortNameLen || !strings.HasSuffix(got, "2") {
		t.Errorf("long numbered = %q", got)
	}
	if got := org.SuggestShortName("History", nil); got != "History2" {
		t.Errorf("reserved name = %q, want History2", got)
	}
}
