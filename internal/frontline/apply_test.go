package frontline_test

import (
	"testing"

	"liankanping/internal/apperr"
	"liankanping/internal/demo"
	"liankanping/internal/frontline"
	"liankanping/internal/round"
	"liankanping/internal/score"
	"liankanping/internal/store"
)

func roundID(t *testing.T, s *store.Store, code string) uint {
	t.Helper()
	id, err := round.NewService(s).IDByCode(code)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func unitResult(t *testing.T, s *store.Store, roundID, unitID uint) score.UnitResult {
	t.Helper()
	res, err := score.NewService(s).Results(roundID)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range res.Units {
		if u.ID == unitID {
			return u
		}
	}
	t.Fatalf("unit %d not in the results of round %d", unitID, roundID)
	return score.UnitResult{}
}

// TestApplyBrand counts a brand's bonus in a demo round reopened for it: the unit's final
// score rises by exactly the bonus, once; a closed round and a second application are refused.
func TestApplyBrand(t *testing.T) {
	s := mustOpenDB(t)
	if err := demo.Load(s, demo.Options{}); err != nil {
		t.Fatal(err)
	}
	svc := newService(s)
	open := roundID(t, s, "2024Q3")
	if err := round.NewService(s).SetStatus(open, round.Scoring, "补计党建品牌加分", "测试"); err != nil {
		t.Fatal(err)
	}
	detail, err := round.NewService(s).Get(open)
	if err != nil {
		t.Fatal(err)
	}
	unit := detail.Units[0].ID
	before := unitResult(t, s, open, unit)
	if !before.Scored {
		t.Fatalf("unit %d is not scored in 2024Q3", unit)
	}
	brand, err := svc.SaveBrand(frontline.Brand{UnitID: unit, Kind: frontline.Honour, Name: "济宁市机关党建创新优秀案例",
		Level: "市级", Year: 2023, BonusCenti: 150})
	if err != nil {
		t.Fatal(err)
	}

	t.Run("OK", func(t *testing.T) {
		app, err := svc.ApplyBrand(brand.ID, open, "丁潇倩")
		if err != nil {
			t.Fatal(err)
		}
		if app.PointsCenti != 150 || app.VerifiedBy != "丁潇倩" || app.RoundCode != "2024Q3" {
			t.Fatalf("application = %+v", app)
		}
		after := unitResult(t, s, open, unit)
		if after.AdjustCenti-before.AdjustCenti != 150 || after.FinalCenti-before.FinalCenti != 150 {
			t.Fatalf("final %d → %d, adjust %d → %d; want both +150", before.FinalCenti, after.FinalCenti, before.AdjustCenti, after.AdjustCenti)
		}
		var row struct {
			Reason     string
			VerifiedBy string
		}
		s.DB.Raw("SELECT reason, verified_by FROM adjustments WHERE brand_id = ?", brand.ID).Scan(&row)
		if row.VerifiedBy != "丁潇倩" || row.Reason != "党建品牌加分：市级荣誉“济宁市机关党建创新优秀案例”（2023年）" {
			t.Fatalf("adjustment = %+v", row)
		}
	})
	t.Run("ErrTwice", func(t *testing.T) {
		_, err := svc.ApplyBrand(brand.ID, open, "丁潇倩")
		wantCode(t, err, apperr.Conflict)
		if got := unitResult(t, s, open, unit).FinalCenti - before.FinalCenti; got != 150 {
			t.Fatalf("final rose by %d after a refused second application, want 150", got)
		}
	})
	t.Run("ErrClosedRound", func(t *testing.T) {
		closed := roundID(t, s, "2024Q2")
		var observed uint
		s.DB.Raw("SELECT unit_id FROM round_units WHERE round_id = ? LIMIT 1", closed).Scan(&observed)
		b, err := svc.SaveBrand(frontline.Brand{UnitID: observed, Kind: frontline.BrandMain, Name: "红色引擎", Level: "区级", Year: 2023, BonusCenti: 50})
		if err != nil {
			t.Fatal(err)
		}
		_, err = svc.ApplyBrand(b.ID, closed, "丁潇倩")
		wantCode(t, err, apperr.Conflict)
	})
	t.Run("ErrUnitNotObserved", func(t *testing.T) {
		var notObserved uint
		s.DB.Raw("SELECT id FROM units WHERE id NOT IN (SELECT unit_id FROM round_units WHERE round_id = ?) LIMIT 1", open).Scan(&notObserved)
		b, err := svc.SaveBrand(frontline.Brand{UnitID: notObserved, Kind: frontline.Honour, Name: "先进基层党组织", Level: "区级", Year: 2024, BonusCenti: 50})
		if err != nil {
			t.Fatal(err)
		}
		_, err = svc.ApplyBrand(b.ID, open, "丁潇倩")
		wantCode(t, err, apperr.Invalid)
	})
	t.Run("ErrNoBonus", func(t *testing.T) {
		b, err := svc.SaveBrand(frontline.Brand{UnitID: unit, Kind: frontline.Honour, Name: "五星级党支部", Level: "区级", Year: 2024})
		if err != nil {
			t.Fatal(err)
		}
		_, err = svc.ApplyBrand(b.ID, open, "丁潇倩")
		wantCode(t, err, apperr.Invalid)
	})
	t.Run("ErrNoOperator", func(t *testing.T) {
		_, err := svc.ApplyBrand(brand.ID, open, " ")
		wantCode(t, err, apperr.Invalid)
	})
	t.Run("ChoicesSayWhy", func(t *testing.T) {
		choices, err := svc.RoundChoices(brand.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range choices {
			if c.Allowed {
				t.Errorf("round %s allowed for a brand already counted where it can be", c.Code)
			}
			if c.Code == "2024Q3" && !c.Applied {
				t.Error("2024Q3 not marked applied")
			}
			if c.Reason == "" {
				t.Errorf("round %s refused without a reason", c.Code)
			}
		}
	})
	t.Run("ErrDeleteApplied", func(t *testing.T) {
		wantCode(t, svc.DeleteBrand(brand.ID), apperr.Conflict)
	})
	t.Run("ListShowsApplication", func(t *testing.T) {
		list, err := svc.ListBrands()
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range list {
			if b.ID == brand.ID && (len(b.Applications) != 1 || b.Applications[0].RoundCode != "2024Q3") {
				t.Fatalf("applications = %+v", b.Applications)
			}
		}
	})
	t.Run("Withdraw", func(t *testing.T) {
		if err := svc.WithdrawBrand(brand.ID, open); err != nil {
			t.Fatal(err)
		}
		if got := unitResult(t, s, open, unit).FinalCenti; got != before.FinalCenti {
			t.Fatalf("final after withdrawal = %d, want %d", got, before.FinalCenti)
		}
		wantCode(t, svc.WithdrawBrand(brand.ID, open), apperr.NotFound)
	})
	t.Run("ErrWithdrawFromClosedRound", func(t *testing.T) {
		if _, err := svc.ApplyBrand(brand.ID, open, "丁潇倩"); err != nil {
			t.Fatal(err)
		}
		if err := round.NewService(s).SetStatus(open, round.Closed, "", "测试"); err != nil {
			t.Fatal(err)
		}
		wantCode(t, svc.WithdrawBrand(brand.ID, open), apperr.Conflict)
	})
}
