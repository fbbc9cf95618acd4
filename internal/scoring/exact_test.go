package scoring_test

import (
	"encoding/json"
	"math/big"
	"testing"

	"liankanping/internal/scoring"
)

func TestExactCenti(t *testing.T) {
	tests := []struct {
		name string
		x    scoring.Exact
		want int64
		str  string
	}{
		{"zero value", scoring.Exact{}, 0, "0.00"},
		{"whole centi", scoring.FromCenti(9250), 9250, "92.50"},
		{"negative whole centi", scoring.FromCenti(-250), -250, "-2.50"},
		{"89.995 up to 90.00", scoring.CentiRatio(17999, 2), 9000, "90.00"},
		{"89.9949999 stays 89.99", scoring.CentiRatio(89994999, 10000), 8999, "89.99"},
		{"89.9950001 up", scoring.CentiRatio(89995001, 10000), 9000, "90.00"},
		{"x.xx5 up", scoring.CentiRatio(1, 2), 1, "0.01"},
		{"-0.005 away from zero", scoring.CentiRatio(-1, 2), -1, "-0.01"},
		{"-0.004 to zero", scoring.CentiRatio(-4, 10), 0, "0.00"},
		{"-89.995 away from zero", scoring.CentiRatio(-17999, 2), -9000, "-90.00"},
		{"a third down", scoring.CentiRatio(1, 3), 0, "0.00"},
		{"two thirds up", scoring.CentiRatio(2, 3), 1, "0.01"},
		{"minus two thirds", scoring.CentiRatio(-2, 3), -1, "-0.01"},
		{"85.714285…", scoring.CentiRatio(60000000, 7000), 8571, "85.71"},
		{"negative denominator", scoring.CentiRatio(17999, -2), -9000, "-90.00"},
	}
	for _, tt := range tests {
		if got := tt.x.Centi(); got != tt.want {
			t.Errorf("%s: Centi() = %d, want %d", tt.name, got, tt.want)
		}
		if got := tt.x.String(); got != tt.str {
			t.Errorf("%s: String() = %q, want %q", tt.name, got, tt.str)
		}
	}
}

func TestExactCompare(t *testing.T) {
	a, b := scoring.CentiRatio(18001, 2), scoring.CentiRatio(9001, 1)
	if a.Cmp(b) >= 0 || b.Cmp(a) <= 0 || a.Cmp(scoring.CentiRatio(36002, 4)) != 0 {
		t.Errorf("Cmp does not order 9000.5 and 9001 centi exactly")
	}
	if a.Centi() != b.Centi() {
		t.Errorf("9000.5 and 9001 centi should both show as 90.01")
	}
	if (scoring.Exact{}).Sign() != 0 || scoring.FromCenti(-1).Sign() != -1 || a.Sign() != 1 {
		t.Errorf("Sign is wrong")
	}
	if got := scoring.CentiRatio(17999, 2).Float64(); got != 89.995 {
		t.Errorf("Float64 = %v, want 89.995", got)
	}
	if got, want := scoring.CentiRatio(17999, 2).Rat(), big.NewRat(17999, 200); got.Cmp(want) != 0 {
		t.Errorf("Rat = %v, want %v points", got, want)
	}
	r := a.Rat()
	r.SetInt64(0)
	if a.Centi() != 9001 {
		t.Errorf("changing the Rat that Rat returned changed the Exact")
	}
}

func TestCentiRatioZeroDenominator(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Errorf("CentiRatio(1, 0) did not panic")
		}
	}()
	scoring.CentiRatio(1, 0)
}

func TestExactJSON(t *testing.T) {
	b, err := json.Marshal(struct {
		Final scoring.Exact `json:"final"`
		Zero  scoring.Exact `json:"zero"`
		Neg   scoring.Exact `json:"neg"`
	}{scoring.CentiRatio(17999, 2), scoring.Exact{}, scoring.CentiRatio(-1, 2)})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"final":90.00,"zero":0.00,"neg":-0.01}`; got != want {
		t.Errorf("JSON = %s, want %s", got, want)
	}
	var back map[string]float64
	if err := json.Unmarshal(b, &back); err != nil || back["final"] != 90 || back["neg"] != -0.01 {
		t.Errorf("JSON numbers do not read back: %v %v", back, err)
	}
}
