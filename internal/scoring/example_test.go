package scoring_test

import (
	"fmt"

	"liankanping/internal/scoring"
)

func ExampleParseValue() {
	score := scoring.Indicator{ID: 1, Kind: scoring.KindScore, Max: 500}
	for _, text := range []string{"４．５分", "", "4.3", "九十"} {
		v, blank, err := scoring.ParseValue(score, text)
		fmt.Printf("%q → %d %v %v\n", text, v, blank, err)
	}
	// Output:
	// "４．５分" → 450 false <nil>
	// "" → 0 true <nil>
	// "4.3" → 0 false 「4.3」不是0.5的倍数，请输入0～5之间的数，须为0.5的倍数
	// "九十" → 0 false 「九十」不是数字，请输入0～5之间的数，须为0.5的倍数
}

func ExampleCompute() {
	in := scoring.RoundInput{
		Indicators: []scoring.Indicator{{ID: 1, Kind: scoring.KindScore, Max: 10000}},
		Groups:     []scoring.Group{{ID: 1, Weight: 6000}, {ID: 2, Weight: 4000}},
		Raters:     []scoring.Rater{{ID: 1, Group: 1}, {ID: 2, Group: 1}, {ID: 3, Group: 2}},
		Units:      []uint{7, 8},
		Scores:     scoring.Scores{},
		Adjust:     map[uint]int64{8: -50},
		Settings:   scoring.DefaultSettings(),
	}
	in.Scores.Set(7, 1, 1, 9000)
	in.Scores.Set(7, 2, 1, 8950)
	in.Scores.Set(7, 3, 1, 8500)
	in.Scores.Set(8, 1, 1, 9500)
	in.Scores.Set(8, 2, 1, 9400)
	res, _ := scoring.Compute(in)
	for _, u := range res.Units {
		fmt.Printf("unit %d: %s rank %d %s, %d/%d totals, renormalised %v\n",
			u.Unit, u.Final, u.Rank, u.Grade, u.Complete, u.Expected, u.Renormalised)
	}
	// Output:
	// unit 8: 94.00 rank 1 优秀, 2/3 totals, renormalised true
	// unit 7: 87.85 rank 2 良好, 3/3 totals, renormalised false
}
