package demo

import (
	"math"
	"time"
)

type demoIndicator struct {
	ID        uint
	Kind      string
	MaxCenti  int64
	StepCenti int64
	Options   []int64 `gorm:"-"`
	Name      string
	Dimension string
}

func (b *Builder) indicators(schemeID uint) ([]demoIndicator, error) {
	var inds []demoIndicator
	err := b.Tx.DB().Raw(`
SELECT i.id, i.kind, i.max_centi, i.step_centi, i.name, COALESCE(d.name,'') AS dimension
FROM indicators i LEFT JOIN indicators d ON d.scheme_id = i.scheme_id AND d.level = 1 AND i.code LIKE d.code || '.%'
WHERE i.scheme_id = ? AND i.kind IS NOT NULL AND i.kind <> '' ORDER BY i.sort_order, i.id`, schemeID).Scan(&inds).Error
	if err != nil {
		return nil, err
	}
	for k := range inds {
		if inds[k].Kind == "grade" {
			if err := b.Tx.DB().Raw("SELECT points_centi FROM indicator_options WHERE indicator_id = ? ORDER BY points_centi DESC", inds[k].ID).
				Scan(&inds[k].Options).Error; err != nil {
				return nil, err
			}
		}
	}
	return inds, nil
}

type demoScore struct {
	RoundID     uint
	UnitID      uint
	IndicatorID uint
	RaterID     uint
	ValueCenti  int64
	Source      string
	EnteredBy   string
	UpdatedAt   time.Time
}

// scoreRound gives every rater a plausible score for every unit they may score: a unit has a
// quality, a rater a bias, each cell some noise. With leaveGap one rater leaves one indicator
// blank, so that the demo shows an incomplete total (缺评).
func (b *Builder) scoreRound(roundID uint, leaveGap bool) error {
	var r struct {
		SchemeID uint
		Date     string
	}
	if err := b.Tx.DB().Raw("SELECT scheme_id, date FROM rounds WHERE id = ?", roundID).Scan(&r).Error; err != nil {
		return err
	}
	inds, err := b.indicators(r.SchemeID)
	if err != nil {
		return err
	}
	var raters []struct {
		ID         uint
		PersonUnit *uint
	}
	if err := b.Tx.DB().Raw("SELECT r.id, p.unit_id AS person_unit FROM raters r JOIN people p ON p.id = r.person_id WHERE r.round_id = ? ORDER BY r.id", roundID).
		Scan(&raters).Error; err != nil {
		return err
	}
	var units []uint
	if err := b.Tx.DB().Raw("SELECT unit_id FROM round_units WHERE round_id = ? ORDER BY sort_order", roundID).Scan(&units).Error; err != nil {
		return err
	}
	at, _ := time.ParseInLocation("2006-01-02", r.Date, time.Local)
	at = at.Add(16 * time.Hour)
	quality := map[uint]float64{}
	for _, u := range units {
		quality[u] = 0.74 + 0.22*b.Rnd.Float64()
	}
	var rows []demoScore
	gapLeft := leaveGap
	for _, rt := range raters {
		bias := (b.Rnd.Float64() - 0.5) * 0.06
		for _, u := range units {
			if rt.PersonUnit != nil && *rt.PersonUnit == u {
				continue // 回避: nobody scores their own unit
			}
			for _, ind := range inds {
				v, ok := b.demoValue(ind, quality[u]+bias)
				if !ok {
					continue
				}
				if gapLeft && ind.Kind == "score" {
					gapLeft = false
					continue
				}
				rows = append(rows, demoScore{RoundID: roundID, UnitID: u, IndicatorID: ind.ID, RaterID: rt.ID,
					ValueCenti: v, Source: "app", EnteredBy: "演示数据", UpdatedAt: at})
			}
		}
	}
	return b.Tx.DB().Table("scores").CreateInBatches(rows, 200).Error
}

// demoValue is one rater's value for one indicator of a unit of quality q (0…1); false means
// the cell stays blank, as deductions and bonuses mostly do.
func (b *Builder) demoValue(ind demoIndicator, q float64) (int64, bool) {
	switch ind.Kind {
	case "score":
		x := float64(ind.MaxCenti) * (q + (b.Rnd.Float64()-0.5)*0.12)
		step := float64(max(ind.StepCenti, 1))
		v := int64(math.Round(x/step) * step)
		return min(max(v, 0), ind.MaxCenti), true
	case "grade":
		if len(ind.Options) == 0 {
			return 0, false
		}
		k := int((1 - q + (b.Rnd.Float64()-0.5)*0.2) * float64(len(ind.Options)) * 1.6)
		return ind.Options[min(max(k, 0), len(ind.Options)-1)], true
	case "bonus":
		if b.Rnd.Float64() > q-0.55 {
			return 0, false
		}
		return min(ind.MaxCenti, int64(1+b.Rnd.IntN(3))*100), true
	case "deduct":
		if b.Rnd.Float64() > 0.06 {
			return 0, false
		}
		return min(ind.MaxCenti, int64(1+b.Rnd.IntN(2))*100), true
	}
	return 0, false
}

// findingTexts are problems of the kind observation rounds find, with their rectification.
var findingTexts = []struct{ dimension, method, description, requirement string }{
	{"机关党建责任清单落实", "查阅资料", "党组专题研究党建工作记录不完整，部分季度缺少会议纪要", "补齐会议记录，建立季度专题研究台账"},
	{"模范机关建设", "个别谈话", "个别党员对第一议题制度学习内容掌握不扎实", "开展专题学习，支部书记逐一谈心谈话"},
	{"模范机关建设", "查阅资料", "“三会一课”记录存在代记、补记现象", "规范会议记录，实行专人记录、书记审签"},
	{"党建和业务融合", "听取汇报", "党建工作与业务工作结合不够紧密，融合载体较少", "围绕年度重点工作打造一个融合项目"},
	{"党建和业务融合", "入户走访", "为民办实事台账个别事项未按期办结", "逐项销号，按月通报办理进度"},
	{"机关党建责任清单落实", "查阅资料", "年度党建责任清单未逐项细化到岗到人", "细化责任清单，明确责任人和完成时限"},
	{"模范机关建设", "驻地受理信访举报", "群众反映窗口服务态度生硬", "开展作风整顿，设立党员示范岗"},
}

func (b *Builder) findings(roundID uint, units []uint, date string) error {
	n := 2 + b.Rnd.IntN(2)
	at, _ := time.ParseInLocation("2006-01-02", date, time.Local)
	for k := 0; k < n; k++ {
		f := findingTexts[b.Rnd.IntN(len(findingTexts))]
		unit := units[b.Rnd.IntN(len(units))]
		deadline := at.AddDate(0, 2, 0)
		status, done, closed := "已销号", deadline.AddDate(0, 0, -10).Format("2006-01-02"), deadline.Format("2006-01-02")
		if date >= "2024-06-01" {
			status, closed = []string{"整改中", "已整改", "待整改"}[b.Rnd.IntN(3)], ""
			if status != "已整改" {
				done = ""
			}
		}
		row := map[string]any{"round_id": roundID, "unit_id": unit, "dimension": f.dimension, "method": f.method,
			"description": f.description, "requirement": f.requirement, "responsible": b.PersonName(),
			"deadline": deadline.Format("2006-01-02"), "status": status, "done_date": done, "closed_date": closed,
			"created_at": at, "updated_at": at}
		if err := b.Tx.DB().Table("findings").Create(row).Error; err != nil {
			return err
		}
	}
	return nil
}
