package demo

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"liankanping/internal/org"
	"liankanping/internal/round"
	"liankanping/internal/scheme"
	"liankanping/internal/score"
)

// The demo's rounds: five past quarters, closed and scored, and 2024Q4 open for scoring with
// no scores yet, so that a newcomer can try the whole workbook round trip on it. Each round
// observes one unit of every liaison area; over the five past rounds that is 55 units, as the
// article reports.
var demoRounds = []struct {
	code, title, date, place string
}{
	{"2023Q3", "2023年第三季度“常委看党建”观摩", "2023-09-20", "区发展和改革局"},
	{"2023Q4", "2023年第四季度“常委看党建”观摩", "2023-12-15", "区市场监督管理局"},
	{"2024Q1", "2024年第一季度“常委看党建”观摩", "2024-03-22", "区委组织部"},
	{"2024Q2", "2024年第二季度“常委看党建”观摩", "2024-06-15", "区教育和体育局"},
	{"2024Q3", "2024年第三季度“常委看党建”观摩", "2024-09-18", "区农业农村局"},
	{"2024Q4", "2024年第四季度“常委看党建”观摩", "2024-12-12", "区工业和信息化局"},
}

// DemoGroups are the three rater groups of the demo and their weights (basis points).
var DemoGroups = []struct {
	Name     string
	WeightBP int
}{{"区委常委", 4000}, {"联系片互评", 3000}, {"区直机关工委", 3000}}

func init() { registerStep(30, "rounds", buildRounds) }

// raterPool are the people who score in the demo rounds, by group.
type raterPool [3][]uint

// publishedScheme is the id of the published scheme called name, 0 when there is none.
func publishedScheme(b *Builder, name string) (uint, error) {
	list, err := scheme.WithTx(b.Tx).Published()
	if err != nil {
		return 0, err
	}
	for _, sc := range list {
		if sc.Name == name {
			return sc.ID, nil
		}
	}
	return 0, nil
}

func buildRounds(b *Builder) error {
	schemeIDs := map[string]uint{}
	for _, name := range []string{DemoScheme2023Name, DemoSchemeName} {
		id, err := publishedScheme(b, name)
		if err != nil {
			return err
		}
		if id == 0 {
			return fmt.Errorf("找不到演示考核方案“%s”", name)
		}
		schemeIDs[name] = id
	}
	pool, err := b.raterPool()
	if err != nil {
		return err
	}
	svc := round.WithTx(b.Tx)
	svc.Now = func() time.Time { return time.Date(2024, 12, 1, 9, 0, 0, 0, time.Local) }
	for i, dr := range demoRounds {
		var units []uint
		for _, a := range b.Areas {
			inArea := b.unitsOf(a.ID)
			units = append(units, inArea[(i+1)%len(inArea)].ID)
		}
		plan := round.Plan{
			Round: round.Round{Code: dr.code, Title: dr.title, Date: dr.date, Place: dr.place, SchemeID: schemeIDs[SchemeOfYear(dr.date[:4])],
				Deadline: addDays(dr.date, 7)},
			UnitIDs: units,
		}
		for g, dg := range DemoGroups {
			// Five of the committee members, five liaisons and three working-committee staff,
			// rotating from round to round.
			var people []uint
			n := []int{5, 5, 3}[g]
			for k := 0; k < n; k++ {
				people = append(people, pool[g][(i*2+k)%len(pool[g])])
			}
			plan.Groups = append(plan.Groups, round.GroupPlan{Name: dg.Name, WeightBP: dg.WeightBP, PersonIDs: people})
		}
		id, err := svc.Save(plan)
		if err != nil {
			return fmt.Errorf("%s：%w", dr.code, err)
		}
		if err := svc.SetStatus(id, round.Scoring, "", "演示数据"); err != nil {
			return fmt.Errorf("%s：%w", dr.code, err)
		}
		if dr.code == "2024Q4" {
			continue
		}
		if err := b.scoreRound(id, dr.code == "2024Q3"); err != nil {
			return fmt.Errorf("%s：%w", dr.code, err)
		}
		if err := b.findings(id, units, dr.date); err != nil {
			return fmt.Errorf("%s：%w", dr.code, err)
		}
		// Closing tells the truth: the round with a blank cell (缺评) is closed with force,
		// and its record says what was missing.
		scores := score.WithTx(b.Tx)
		scores.Now = svc.Now
		if _, err := scores.Close(id, true, "演示数据"); err != nil {
			return fmt.Errorf("%s：%w", dr.code, err)
		}
	}
	return nil
}

// raterPool makes the working committee's staff and returns the people of each group.
func (b *Builder) raterPool() (raterPool, error) {
	var pool raterPool
	for _, a := range b.Areas {
		pool[0] = append(pool[0], *a.LeaderID)
		pool[1] = append(pool[1], *a.LiaisonID)
	}
	for _, title := range []string{"区直机关工委常务副书记", "区直机关工委副书记", "区直机关工委组织委员", "区直机关工委宣传委员"} {
		p, err := b.org.SavePerson(org.Person{Name: b.PersonName(), Title: title, Phone: b.phone()})
		if err != nil {
			return pool, err
		}
		b.People = append(b.People, p)
		pool[2] = append(pool[2], p.ID)
	}
	return pool, nil
}

func (b *Builder) unitsOf(areaID uint) []org.Unit {
	var out []org.Unit
	for _, u := range b.Units {
		if u.AreaID != nil && *u.AreaID == areaID {
			out = append(out, u)
		}
	}
	return out
}

func addDays(date string, n int) string {
	t, err := time.Parse("2006-01-02", date)
	if err != nil {
		return ""
	}
	return t.AddDate(0, 0, n).Format("2006-01-02")
}

func init() { registerStep(35, "bench round", buildBenchRound) }

// buildBenchRound adds, with --bench, the round BENCH used by benchmarks: all 67 units, the
// 120-indicator scheme, 20 raters in three groups, in status scoring with no scores.
func buildBenchRound(b *Builder) error {
	if !b.Opts.Bench {
		return nil
	}
	schemeID, err := publishedScheme(b, BenchSchemeName)
	if err != nil {
		return err
	}
	var units []uint
	for _, u := range b.Units {
		units = append(units, u.ID)
	}
	more, err := benchScaleUnits(b)
	if err != nil {
		return fmt.Errorf("BENCH：%w", err)
	}
	units = append(units, more...)
	// The staff of the district's working committee belong to no unit.
	people, err := b.org.ListPeople(org.PersonFilter{})
	if err != nil {
		return err
	}
	var staff []uint
	for _, p := range people {
		if p.UnitID == nil && strings.HasPrefix(p.Title, "区直机关工委") {
			staff = append(staff, p.ID)
		}
	}
	slices.Sort(staff)
	var leaders, liaisons []uint
	for _, a := range b.Areas[:7] {
		leaders = append(leaders, *a.LeaderID)
		liaisons = append(liaisons, *a.LiaisonID)
	}
	// The working committee's four staff and two units' party-building liaisons.
	third := append([]uint{}, staff...)
	for _, p := range b.People {
		if len(third) == 6 {
			break
		}
		if p.Title == "机关党建联络员" {
			third = append(third, p.ID)
		}
	}
	svc := round.WithTx(b.Tx)
	id, err := svc.Save(round.Plan{
		Round:   round.Round{Code: round.BenchCode, Title: "性能测试轮次", Date: "2024-12-31", SchemeID: schemeID},
		UnitIDs: units,
		Groups: []round.GroupPlan{
			{Name: DemoGroups[0].Name, WeightBP: DemoGroups[0].WeightBP, PersonIDs: leaders},
			{Name: DemoGroups[1].Name, WeightBP: DemoGroups[1].WeightBP, PersonIDs: liaisons},
			{Name: DemoGroups[2].Name, WeightBP: DemoGroups[2].WeightBP, PersonIDs: third},
		},
	})
	if err != nil {
		return fmt.Errorf("BENCH：%w", err)
	}
	return svc.SetStatus(id, round.Scoring, "", "演示数据")
}
