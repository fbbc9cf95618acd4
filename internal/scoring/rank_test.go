package scoring_test

import (
	"slices"
	"testing"

	"liankanping/internal/scoring"
)

func TestRank(t *testing.T) {
	s := func(final int64) scoring.Ranked { return scoring.Ranked{Final: final, Scored: true} }
	none := scoring.Ranked{}
	tests := []struct {
		name  string
		units []scoring.Ranked
		want  []int
	}{
		{"none", nil, []int{}},
		{"distinct", []scoring.Ranked{s(9000), s(8500), s(8000)}, []int{1, 2, 3}},
		{"ties share a rank and skip the next", []scoring.Ranked{s(9000), s(8500), s(8500), s(8000)}, []int{1, 2, 2, 4}},
		{"input order does not matter", []scoring.Ranked{s(8000), s(8500), s(9000), s(8500)}, []int{4, 2, 1, 2}},
		{"all tied", []scoring.Ranked{s(8000), s(8000), s(8000)}, []int{1, 1, 1}},
		{"tie at the top", []scoring.Ranked{s(9500), s(9500), s(9000)}, []int{1, 1, 3}},
		{"unscored get no rank", []scoring.Ranked{none, s(8000), none, s(9000)}, []int{0, 2, 0, 1}},
		{"unscored zero is not a zero score", []scoring.Ranked{none, s(0), s(-100)}, []int{0, 1, 2}},
		{"one hundredth apart", []scoring.Ranked{s(8999), s(9000)}, []int{2, 1}},
		{"above 100", []scoring.Ranked{s(10200), s(9900)}, []int{1, 2}},
	}
	for _, tt := range tests {
		if got := scoring.Rank(tt.units); !slices.Equal(got, tt.want) {
			t.Errorf("%s: Rank = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestGradeOf(t *testing.T) {
	bands := scoring.DefaultSettings().Grades
	tests := []struct {
		final int64
		want  string
	}{
		{10500, "优秀"}, {9000, "优秀"}, {8999, "良好"}, {8000, "良好"}, {7999, "一般"},
		{7000, "一般"}, {6999, "较差"}, {0, "较差"}, {-500, "较差"},
	}
	for _, tt := range tests {
		if got := scoring.GradeOf(tt.final, bands); got != tt.want {
			t.Errorf("GradeOf(%s) = %s, want %s", scoring.FormatCenti(tt.final), got, tt.want)
		}
	}
	if got := scoring.GradeOf(9000, nil); got != "" {
		t.Errorf("GradeOf without bands = %q, want empty", got)
	}
	custom := []scoring.GradeBand{{"合格", 6000}, {"不合格", 0}}
	if got := scoring.GradeOf(-100, custom); got != "不合格" {
		t.Errorf("a score below every band gets %q, want the last band", got)
	}
}

func TestPlace(t *testing.T) {
	scored := func(finals ...int64) []scoring.Ranked {
		out := make([]scoring.Ranked, len(finals))
		for i, f := range finals {
			out[i] = scoring.Ranked{Final: f, Scored: f >= 0}
		}
		return out
	}
	capped := func(pct int) scoring.Settings {
		s := scoring.DefaultSettings()
		s.ExcellentCapPercent = pct
		return s
	}
	const x = -1 // unscored, in scored()
	tests := []struct {
		name     string
		units    []scoring.Ranked
		settings scoring.Settings
		grades   string // one letter a unit: 优 良 一 差, - for none; * after it when capped
	}{
		{"no cap", scored(9500, 9400, 9300, 9200, 8500, 7500, 6500), capped(0), "优优优优良一差"},
		{"cap 30% of 11 is 3", scored(9900, 9800, 9700, 9600, 9500, 9400, 8500, 8400, 7500, 7400, 6000), capped(30),
			"优优优良*良*良*良良一一差"},
		{"tie at the cap boundary: both drop", scored(9900, 9800, 9700, 9700, 9500, 8500, 8400, 8300, 7500, 7400, 6000), capped(30),
			"优优良*良*良*良良良一一差"},
		{"tie inside the cap: both keep", scored(9900, 9900, 9700, 9600, 9500, 8500, 8400, 8300, 7500, 7400, 6000), capped(30),
			"优优优良*良*良良良一一差"},
		{"tie across the whole cap: all drop", scored(9900, 9900, 9900, 9900, 8500, 8400, 8300, 8200, 7500, 7400, 6000), capped(30),
			"良*良*良*良*良良良良一一差"},
		{"fewer excellent than the cap", scored(9500, 8500, 8400, 8300, 8200, 8100, 7500, 7400, 7300, 7200, 6000), capped(30),
			"优良良良良良一一一一差"},
		{"cap rounds down to none", scored(9500, 9400), capped(30), "良*良*"},
		{"cap 100%", scored(9500, 9400), capped(100), "优优"},
		{"unscored units neither ranked nor counted", scored(x, 9900, 9800, 9700, 9600, x, 9500, 9400, 8500, 8400, 7500, 7400, 6000), capped(30),
			"-优优优良*-良*良*良良一一差"},
		{"cap with a single grade is ignored", scored(9500, 9400),
			scoring.Settings{Grades: []scoring.GradeBand{{"合格", 6000}}, ExcellentCapPercent: 30}, "合合"},
		{"no grades", scored(9500, 9400), scoring.Settings{}, "--"},
		{"90.00 is excellent, 89.99 good", scored(9000, 8999), capped(0), "优良"},
	}
	letter := map[string]string{"优秀": "优", "良好": "良", "一般": "一", "较差": "差", "合格": "合", "": "-"}
	for _, tt := range tests {
		places := scoring.Place(tt.units, tt.settings)
		ranks := scoring.Rank(tt.units)
		got := ""
		for i, p := range places {
			got += letter[p.Grade]
			if p.Capped {
				got += "*"
			}
			if p.Rank != ranks[i] {
				t.Errorf("%s: Place rank %d for unit %d, Rank says %d", tt.name, p.Rank, i, ranks[i])
			}
		}
		if got != tt.grades {
			t.Errorf("%s: grades %s, want %s", tt.name, got, tt.grades)
		}
	}
}

func TestSettingsValidate(t *testing.T) {
	mod := func(f func(*scoring.Settings)) scoring.Settings {
		s := scoring.DefaultSettings()
		f(&s)
		return s
	}
	tests := []struct {
		name string
		s    scoring.Settings
		ok   bool
	}{
		{"defaults", scoring.DefaultSettings(), true},
		{"zero value", scoring.Settings{}, true},
		{"cap 30", mod(func(s *scoring.Settings) { s.ExcellentCapPercent = 30 }), true},
		{"last band's minimum unused", mod(func(s *scoring.Settings) { s.Grades[3].Min = 9999 }), true},
		{"negative trim", mod(func(s *scoring.Settings) { s.TrimMinRaters = -1 }), false},
		{"bands not falling", mod(func(s *scoring.Settings) { s.Grades[1].Min = 9000 }), false},
		{"empty label", mod(func(s *scoring.Settings) { s.Grades[2].Label = "" }), false},
		{"repeated label", mod(func(s *scoring.Settings) { s.Grades[3].Label = "优秀" }), false},
		{"cap above 100", mod(func(s *scoring.Settings) { s.ExcellentCapPercent = 101 }), false},
		{"negative cap", mod(func(s *scoring.Settings) { s.ExcellentCapPercent = -1 }), false},
		{"negative deviation flag", mod(func(s *scoring.Settings) { s.DeviationFlag = -1 }), false},
	}
	for _, tt := range tests {
		if err := tt.s.Validate(); (err == nil) != tt.ok {
			t.Errorf("%s: Validate() = %v, want ok %v", tt.name, err, tt.ok)
		}
	}
}

func TestDefaultSettings(t *testing.T) {
	s := scoring.DefaultSettings()
	want := []scoring.GradeBand{{"优秀", 9000}, {"良好", 8000}, {"一般", 7000}, {"较差", 0}}
	if s.TrimMinRaters != 5 || s.ExcellentCapPercent != 0 || s.DeviationFlag != 500 || !slices.Equal(s.Grades, want) {
		t.Errorf("DefaultSettings = %+v", s)
	}
	s.Grades[0].Min = 1
	if scoring.DefaultSettings().Grades[0].Min != 9000 {
		t.Errorf("DefaultSettings shares its grade bands between calls")
	}
}
