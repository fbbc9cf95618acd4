package demo

import (
	"fmt"
	"time"

	"liankanping/internal/scheme"
)

// The demo's schemes, by name, for the steps after this one (rounds use them):
//   - DemoScheme2023Name, version 1, published: the 2023 评分细则 the 2023 rounds use, the same
//     dimensions without 为民办实事、解难题 (added in 2024; its 10 points went to the two other
//     indicators of 党建和业务融合): 12 scorable indicators, total 100;
//   - DemoSchemeName, version 1, published: the 2024 评分细则 whose dimensions are the three the
//     article names — 机关党建责任清单落实 30, 模范机关建设 35, 党建和业务融合 35 — plus 特色创新
//     (bonus, at most 5) and 负面清单 (deductions, at most 15): 13 scorable indicators, two of
//     them graded (好/较好/一般/差), total 100;
//   - BenchSchemeName, version 1, published, only with Options.Bench: 4 dimensions × 30
//     indicators, total 100.
//
// Builder.Scheme finds either.
const (
	DemoSchemeName     = "2024年度“常委看党建”观摩评分细则"
	DemoScheme2023Name = "2023年度“常委看党建”观摩评分细则"
	BenchSchemeName    = "BENCH方案"
)

// SchemeOfYear names the demo scheme a round of year uses: each round is scored by the scheme
// of its own year.
func SchemeOfYear(year string) string {
	if year == "2023" {
		return DemoScheme2023Name
	}
	return DemoSchemeName
}

func init() { registerStep(20, "schemes", buildSchemes) }

// Scheme returns the newest version of the scheme called name, with its indicators.
func (b *Builder) Scheme(name string) (scheme.Detail, error) {
	return scheme.WithTx(b.Tx).Find(name, 0)
}

// demoPublished is when the demo schemes were published, so every demo database is the same.
var demoPublished = time.Date(2024, 3, 1, 9, 0, 0, 0, time.Local)

func buildSchemes(b *Builder) error {
	svc := scheme.WithTx(b.Tx)
	svc.Now = func() time.Time { return demoPublished }
	if err := publishTree(svc, DemoScheme2023Name, demoScheme2023()); err != nil {
		return err
	}
	if err := publishTree(svc, DemoSchemeName, demoScheme()); err != nil {
		return err
	}
	if b.Opts.Bench {
		return publishTree(svc, BenchSchemeName, benchScheme())
	}
	return nil
}

func publishTree(svc *scheme.Service, name string, roots []*scheme.Node) error {
	res, err := svc.Import(scheme.Tree{Scheme: scheme.Scheme{Name: name}, Roots: roots}, false)
	if err != nil {
		return err
	}
	_, err = svc.Publish(res.Scheme.ID)
	return err
}

// item is one indicator of the demo scheme: name, 评分要点, 评分方式, kind, max in points.
type item struct {
	name, points, method string
	kind                 scheme.Kind
	max                  float64
	options              []scheme.Option
}

func group(name string, items ...item) *scheme.Node {
	n := &scheme.Node{Indicator: scheme.Indicator{Name: name}}
	for _, it := range items {
		n.Children = append(n.Children, &scheme.Node{Indicator: scheme.Indicator{Name: it.name, Points: it.points, Method: it.method,
			Kind: it.kind, MaxCenti: int64(it.max * 100), StepCenti: scheme.DefaultStepCenti, Options: it.options}})
	}
	return n
}

func grades(labels []string, points ...float64) []scheme.Option {
	opts := make([]scheme.Option, len(labels))
	for i, l := range labels {
		opts[i] = scheme.Option{Label: l, PointsCenti: int64(points[i] * 100)}
	}
	return opts
}

var fourGrades = []string{"好", "较好", "一般", "差"}

// demoScheme is the 2024 评分细则, worded as a district's organs work committee would write it.
func demoScheme() []*scheme.Node {
	return []*scheme.Node{
		group("机关党建责任清单落实",
			item{"党组（党委）主体责任", "党组（党委）每季度专题研究机关党建工作不少于1次，党组书记履行第一责任人职责，班子成员落实“一岗双责”。",
				"查阅会议记录；少1次扣2分，扣完为止", scheme.Score, 10, nil},
			item{"责任清单制定与落实", "制定年度机关党建责任清单，逐项明确责任人和完成时限，建立工作台账，按季度对账销号。",
				"查阅资料；清单缺项或未按时完成的，每项扣1分", scheme.Score, 10, nil},
			item{"书记抓党建述职评议", "党组织书记按要求开展抓基层党建述职评议，述职报告查摆问题具体，问题清单整改到位。",
				"等次评价：好10分、较好8分、一般6分、差3分", scheme.Grade, 10, grades(fourGrades, 10, 8, 6, 3)},
		),
		group("模范机关建设",
			item{"政治建设", "深入学习贯彻党的创新理论，落实“第一议题”制度，理论学习中心组学习计划、记录完整。",
				"查阅资料、个别谈话", scheme.Score, 10, nil},
			item{"支部标准化规范化建设", "支部设置规范，“三会一课”、主题党日、组织生活会、民主评议党员等制度落实到位，党员发展和党费收缴规范。",
				"查阅资料、现场查看；每缺1项制度扣1分", scheme.Score, 10, nil},
			item{"看党员干部精气神", "党员干部作风严实、担当作为，党员亮身份、窗口服务规范，现场观摩秩序井然、精神饱满。",
				"现场观摩后评定等次：好15分、较好12分、一般9分、差5分", scheme.Grade, 15, grades(fourGrades, 15, 12, 9, 5)},
		),
		group("党建和业务融合",
			item{"观部门单位真业绩", "年度重点工作和中心任务完成好，党建引领业务取得明显成效，获得上级肯定或通报表扬。",
				"听取汇报、查阅资料", scheme.Score, 15, nil},
			item{"询机关党建新成效", "党组书记现场汇报机关党建工作，回答常委询问；党建与业务同谋划、同部署、同落实、同考核。",
				"现场询问、听取汇报", scheme.Score, 10, nil},
			item{"为民办实事、解难题", "发挥一线支部作用，建立为民办实事、解难题台账，按期办结，群众满意。",
				"查阅台账、入户走访；未按期办结的每件扣1分", scheme.Score, 10, nil},
		),
		group("特色创新",
			item{"党建品牌创建", "打造党建品牌、子品牌，获评国家、省、市级党建品牌或示范单位（如市级“一校一品”党建品牌）。",
				"加分项：国家级加3分，省级加2分，市级加1分，不重复计分", scheme.Bonus, 3, nil},
			item{"创新经验做法", "机关党建工作经验做法被上级推广，或获评机关党建创新优秀案例。",
				"加分项：每项加1分，最多加2分", scheme.Bonus, 2, nil},
		),
		group("负面清单",
			item{"违规违纪问题", "本单位党员干部发生违纪违法问题，或因党建工作被上级通报批评。",
				"扣分项：每起扣5分，最多扣10分", scheme.Deduct, 10, nil},
			item{"反馈问题整改", "巡察、审计、督查反馈问题整改不及时、不到位，或问题反弹回潮。",
				"扣分项：每项扣1分，最多扣5分", scheme.Deduct, 5, nil},
		),
	}
}

// demoScheme2023 is the 2023 评分细则: 党建和业务融合 had two indicators then.
func demoScheme2023() []*scheme.Node {
	roots := demoScheme()
	fusion := roots[2]
	fusion.Children = fusion.Children[:2]
	fusion.Children[0].Indicator.MaxCenti = 2000
	fusion.Children[1].Indicator.MaxCenti = 1500
	return roots
}

// benchScheme has 4 dimensions of 30 indicators, 25 points each: 18 scored to 1 point, 10 to
// 0.5 point and 2 graded with 1 point at best.
func benchScheme() []*scheme.Node {
	var roots []*scheme.Node
	for d := 1; d <= 4; d++ {
		var items []item
		for i := 1; i <= 30; i++ {
			name := fmt.Sprintf("指标%d-%02d", d, i)
			switch {
			case i <= 18:
				items = append(items, item{name, "性能测试用评分要点", "查阅资料", scheme.Score, 1, nil})
			case i <= 28:
				items = append(items, item{name, "性能测试用评分要点", "现场查看", scheme.Score, 0.5, nil})
			default:
				items = append(items, item{name, "性能测试用评分要点", "等次评价：好1分、一般0.5分、差0分", scheme.Grade, 1,
					grades([]string{"好", "一般", "差"}, 1, 0.5, 0)})
			}
		}
		roots = append(roots, group(fmt.Sprintf("维度%d", d), items...))
	}
	return roots
}
