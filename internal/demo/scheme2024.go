package demo

import (
	"fmt"

	"liankanping/internal/scheme"
)

// DemoSchemeName is the demo's published 2024 scheme: the article's three things looked at —
// 机关党建责任清单落实, 模范机关建设, 党建和业务融合 — plus 特色创新 (bonus) and 负面清单
// (deductions), 100 points in all.
const DemoSchemeName = "2024年度“常委看党建”观摩评分细则"

// BenchSchemeName is the 120-indicator scheme of the BENCH round (demo --bench).
const BenchSchemeName = "BENCH 性能测试评分细则"

type demoNode struct {
	name, points, method string
	kind                 scheme.Kind
	max                  int64 // centi-points
	options              []scheme.Option
	children             []demoNode
}

var gradeOptions = []scheme.Option{{Label: "好", PointsCenti: 1000}, {Label: "较好", PointsCenti: 800}, {Label: "一般", PointsCenti: 600}, {Label: "差", PointsCenti: 300}}

var demoScheme = []demoNode{
	{name: "机关党建责任清单落实", children: []demoNode{
		{name: "党组（党委）主体责任", points: "党组（党委）每季度专题研究党建工作不少于1次，书记履行第一责任人职责，班子成员落实“一岗双责”。", method: "查阅会议记录、听取汇报", kind: scheme.Score, max: 1000},
		{name: "责任清单制定与落实", points: "制定年度机关党建责任清单并逐项落实，建立工作台账，定期对账销号。", method: "查阅资料", kind: scheme.Score, max: 1000},
		{name: "书记抓党建述职评议", points: "按要求开展党组织书记抓党建述职评议，问题整改到位。", method: "等次评价：好10分、较好8分、一般6分、差3分", kind: scheme.Grade, max: 1000, options: gradeOptions},
	}},
	{name: "模范机关建设", children: []demoNode{
		{name: "政治建设", points: "深入学习贯彻党的创新理论，落实“第一议题”制度，理论学习中心组学习规范。", method: "查阅资料、个别谈话", kind: scheme.Score, max: 1000},
		{name: "支部标准化规范化", points: "支部设置规范，“三会一课”、主题党日、组织生活会等制度落实到位。", method: "查阅资料、现场查看", kind: scheme.Score, max: 1000},
		{name: "党员干部精气神", points: "看党员干部精气神：作风严实、敢于担当，党员先锋模范作用发挥明显，群众满意度高。", method: "现场查看、个别谈话、入户走访", kind: scheme.Score, max: 1500},
	}},
	{name: "党建和业务融合", children: []demoNode{
		{name: "党建引领中心工作", points: "党建工作与业务工作同谋划、同部署、同落实、同考核，聚焦中心抓党建、促发展。", method: "听取汇报、查阅资料", kind: scheme.Score, max: 1000},
		{name: "部门单位真业绩", points: "观部门单位真业绩：年度重点工作取得明显成效，获得上级肯定和群众认可。", method: "听取汇报、现场查看", kind: scheme.Score, max: 1500},
		{name: "机关党建新成效", points: "询机关党建新成效：推行“一线支部工作法”，为群众办实事、解难题成效明显。", method: "听取汇报、查阅台账", kind: scheme.Score, max: 1000},
	}},
	{name: "特色创新", children: []demoNode{
		{name: "党建品牌创建", points: "打造党建品牌、子品牌，获评国家、省、市级党建品牌或示范。", method: "加分项：国家级加5分，省级加3分，市级加2分，最高不超过5分", kind: scheme.Bonus, max: 500},
	}},
	{name: "负面清单", children: []demoNode{
		{name: "违规违纪问题", points: "本单位党员干部发生违纪违法问题。", method: "扣分项：每起扣5分，最多扣10分", kind: scheme.Deduct, max: 1000},
		{name: "重点任务未完成", points: "区委部署的机关党建重点任务未按期完成。", method: "扣分项：每项扣1分，最多扣5分", kind: scheme.Deduct, max: 500},
	}},
}

// benchScheme is 4 dimensions × 30 indicators: 110 score and 5 grade indicators worth 100
// points, 3 bonuses and 2 deductions.
func benchScheme() []demoNode {
	dims := []string{"机关党建责任清单落实", "模范机关建设", "党建和业务融合", "特色创新与负面清单"}
	opts := []scheme.Option{{Label: "好", PointsCenti: 100}, {Label: "较好", PointsCenti: 80}, {Label: "一般", PointsCenti: 60}, {Label: "差", PointsCenti: 30}}
	var out []demoNode
	n := 0
	for d, name := range dims {
		node := demoNode{name: name}
		for k := 0; k < 30; k++ {
			n++
			c := demoNode{name: fmt.Sprintf("测试指标%03d", n), points: fmt.Sprintf("第%d项评分要点：对照要求逐项查看，据实评分。", n), method: "查阅资料、现场查看"}
			switch {
			case d == 3 && k >= 25 && k < 28:
				c.kind, c.max = scheme.Bonus, 200
			case d == 3 && k >= 28:
				c.kind, c.max = scheme.Deduct, 200
			case d == 3 && k >= 20:
				c.kind, c.max, c.options = scheme.Grade, 100, opts
			case n <= 80:
				c.kind, c.max = scheme.Score, 100
			default:
				c.kind, c.max = scheme.Score, 50
			}
			node.children = append(node.children, c)
		}
		out = append(out, node)
	}
	return out
}

func init() { registerStep(20, "schemes", buildSchemes) }

func buildSchemes(b *Builder) error {
	if err := b.publishScheme(DemoSchemeName, 2024, demoScheme); err != nil {
		return err
	}
	if b.Opts.Bench {
		return b.publishScheme(BenchSchemeName, 2024, benchScheme())
	}
	return nil
}

func (b *Builder) publishScheme(name string, year int, nodes []demoNode) error {
	svc := scheme.WithTx(b.Tx)
	sc, err := svc.Create(scheme.Scheme{Name: name, Year: year, BaseTotalCenti: 10000})
	if err != nil {
		return err
	}
	var add func(parent *uint, ns []demoNode) error
	add = func(parent *uint, ns []demoNode) error {
		for _, n := range ns {
			ind, err := svc.AddIndicator(sc.ID, parent, scheme.Indicator{Name: n.name, Points: n.points, Method: n.method,
				Kind: n.kind, MaxCenti: n.max, StepCenti: 50, Options: n.options})
			if err != nil {
				return fmt.Errorf("%s：%w", n.name, err)
			}
			if err := add(&ind.ID, n.children); err != nil {
				return err
			}
		}
		return nil
	}
	if err := add(nil, nodes); err != nil {
		return err
	}
	_, err = svc.Publish(sc.ID)
	return err
}
