package demo

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"liankanping/internal/frontline"
)

// The front line of the demo district (一线支部工作法), after the article: the two command HQs
// with their temporary branches (the county-economy HQ with its four work teams), projects, and
// an inspection group's branch in every group of five inspection rounds — 30 branches in all —
// 367 practical matters done for residents and companies, and the brands and honours of units
// (教体局's “红耀教育 争当旗帜”, 市场监管局's “穿行先锋 端信监管” with its eight sub-brands…).
// Nothing here is counted in a round: the demo's results stay those of the scores.

func init() { registerStep(40, "front line", buildFrontline) }

// DemoMatters is the number of practical matters in the demo, as the article reports.
const DemoMatters = 367

// demoToday is the day the demo's ledgers were last brought up to date.
const demoToday = "2024-12-01"

// frontBranch is a branch of the demo being built, with the matters it is to take on.
type frontBranch struct {
	frontline.Branch
	members []string
	// domain says what its matters are about: "public", "company" or a mix.
	companyShare float64
	quota        int
}

var inspectionRounds = []struct {
	name, start string
	days        int
	mode        string
}{
	{"第一轮", "2022-04-11", 68, "直接巡"},
	{"第二轮", "2022-09-13", 64, "巡部门带巡村"},
	{"第三轮", "2023-04-10", 70, "乡村一体巡"},
	{"第四轮", "2023-09-11", 66, "机动巡"},
	{"第五轮", "2024-10-14", 0, "直接巡"},
}

var groupNumbers = []string{"第一组", "第二组", "第三组", "第四组"}

func buildFrontline(b *Builder) error {
	svc := frontline.WithTx(b.Tx)
	svc.Now = func() time.Time { return time.Date(2024, 12, 1, 9, 0, 0, 0, time.Local) }
	unit := func(name string) *uint {
		u, ok := b.UnitByName[name]
		if !ok {
			panic("demo: no unit " + name)
		}
		return &u.ID
	}
	var branches []*frontBranch
	add := func(fb *frontBranch) error {
		n := len(fb.members)
		if fb.MemberCount == 0 {
			fb.MemberCount = n
		}
		fb.Members = strings.Join(fb.members, "、")
		fb.Secretary = fb.members[0]
		saved, err := svc.SaveBranch(fb.Branch)
		if err != nil {
			return fmt.Errorf("%s：%w", fb.Name, err)
		}
		fb.Branch = saved
		branches = append(branches, fb)
		return nil
	}
	names := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = b.PersonName()
		}
		return out
	}

	hq := &frontBranch{Branch: frontline.Branch{Name: "区县域经济高质量发展指挥部临时党支部", Kind: frontline.KindHQ,
		HostText: "区发改局牵头，科技局、工信局等26个部门及镇街", MemberCount: 11, Founded: "2023-02-20",
		Notes: "统筹负责全区经济运行、重大项目建设、“四上”企业升规纳统、扩内需促消费等重点工作"},
		members: names(6), companyShare: 0.85, quota: 8 + b.Rnd.IntN(4)}
	if err := add(hq); err != nil {
		return err
	}
	teams := []struct{ name, host, notes string }{
		{"经济运行工作专班临时党支部", "区统计局", "监测分析全区经济运行，协调解决企业生产经营中的困难"},
		{"重大项目建设工作专班临时党支部", "区发展和改革局", "推进省市区重点项目建设，靠前服务、集中突破卡点堵点"},
		{"“四上”企业升规纳统工作专班临时党支部", "区工业和信息化局", "培育入库“四上”企业，开展升规纳统辅导"},
		{"扩内需促消费工作专班临时党支部", "区商务局", "组织促消费活动，推动以旧换新政策落地"},
	}
	for _, t := range teams {
		fb := &frontBranch{Branch: frontline.Branch{Name: t.name, Kind: frontline.KindTeam, ParentID: &hq.ID, HostUnitID: unit(t.host),
			Founded: "2023-03-01", Notes: t.notes}, members: names(4 + b.Rnd.IntN(3)), companyShare: 0.8, quota: 8 + b.Rnd.IntN(5)}
		if err := add(fb); err != nil {
			return err
		}
	}
	green := &frontBranch{Branch: frontline.Branch{Name: "区绿色低碳高质量发展指挥部临时党支部", Kind: frontline.KindHQ,
		HostText: "区工信局牵头，发改、生态环境、科技等部门", MemberCount: 9, Founded: "2024-03-15",
		Notes: "摸排企业设备更新需求，点对点解读省第二批政策清单，推动绿色低碳转型"},
		members: names(5), companyShare: 0.9, quota: 9 + b.Rnd.IntN(4)}
	if err := add(green); err != nil {
		return err
	}
	projects := []struct {
		name, host, founded, dissolved, notes string
		companyShare                          float64
	}{
		{"大规模设备更新专项行动临时党支部", "区发展和改革局", "2024-04-10", "", "对接设备更新需求项目，协助企业申报超长期特别国债和技改资金", 0.9},
		{"老旧小区改造提升项目临时党支部", "区住房和城乡建设局", "2023-04-03", "2024-10-31", "推进老旧小区水电气暖管网和楼道、路灯改造", 0.05},
		{"山东省质量强县创建临时党支部", "区市场监督管理局", "2023-05-08", "2024-06-28", "对标创建指标，帮助企业提升质量管理水平", 0.75},
		{"全国自然资源节约集约示范县创建临时党支部", "区自然资源局", "2022-09-01", "2023-12-29", "盘活存量建设用地，服务项目用地保障", 0.5},
	}
	for _, p := range projects {
		fb := &frontBranch{Branch: frontline.Branch{Name: p.name, Kind: frontline.KindProject, HostUnitID: unit(p.host),
			Founded: p.founded, Dissolved: p.dissolved, Notes: p.notes}, members: names(3 + b.Rnd.IntN(3)), companyShare: p.companyShare,
			quota: 6 + b.Rnd.IntN(4)}
		if err := add(fb); err != nil {
			return err
		}
	}
	inspected := b.Units[3:]
	for ri, r := range inspectionRounds {
		for gi, g := range groupNumbers {
			start, _ := time.Parse("2006-01-02", r.start)
			dissolved := ""
			if r.days > 0 {
				dissolved = start.AddDate(0, 0, r.days+gi).Format("2006-01-02")
			}
			k := (ri*len(groupNumbers) + gi) * 3 % len(inspected)
			targets := []string{inspected[k].Name, inspected[(k+1)%len(inspected)].Name}
			fb := &frontBranch{Branch: frontline.Branch{Name: r.name + "巡察" + g + "临时党支部", Kind: frontline.KindInspection,
				HostUnitID: unit("区纪委监委"), Founded: r.start, Dissolved: dissolved,
				Notes: fmt.Sprintf("巡察%s、%s党组织（%s）", targets[0], targets[1], r.mode)},
				members: names(5 + b.Rnd.IntN(3)), companyShare: 0.12, quota: 9 + b.Rnd.IntN(4)}
			if err := add(fb); err != nil {
				return err
			}
		}
	}

	// The matters are numbered in the order they were received, as a ledger kept day by day.
	var matters []frontline.Matter
	for _, fb := range branches {
		for k := 0; k < fb.quota; k++ {
			matters = append(matters, b.matter(fb))
		}
	}
	for len(matters) < DemoMatters {
		matters = append(matters, b.matter(nil))
	}
	sort.SliceStable(matters, func(i, j int) bool { return matters[i].Received < matters[j].Received })
	for i, m := range matters {
		if _, err := svc.SaveMatter(m); err != nil {
			return fmt.Errorf("办实事 %d（%s）：%w", i+1, m.Title, err)
		}
	}
	return buildBrands(b, svc)
}

var (
	communities = []string{"东关社区", "西关社区", "龙桥社区", "九州社区", "建设路社区", "青年路社区", "兴隆社区", "北关社区", "文化路社区"}
	villages    = []string{"杨家村", "王庄村", "后李村", "马家庄村", "孙家村", "大刘庄村", "前进村", "新河村", "黄屯村", "东王村", "西赵村"}
)

var companies = []string{"天意机械有限公司", "金大丰机械有限公司", "兴华机械制造有限公司", "瑞丰食品有限公司", "鲁源新材料科技有限公司",
	"泰和纺织有限公司", "恒信汽车零部件有限公司", "宏达精细化工有限公司", "金禾农业科技有限公司", "华联商贸有限公司",
	"东方轴承有限公司", "鑫源建材有限公司", "博远智能装备有限公司", "齐鲁包装有限公司", "润泽生物科技有限公司"}

// matterTemplate is a kind of practical matter: its title (%s is the place or company), the
// unit answering for it, its result (%d a number drawn for it), and whether it happens in a
// village rather than a residential community.
type matterTemplate struct {
	title, unit, result string
	rural               bool
}

var publicMatters = []matterTemplate{
	{"%s老旧小区路灯维修", "区城市管理服务中心", "更换损坏路灯%d盏，恢复夜间照明，居民出行更安全", false},
	{"%s背街小巷路面坑洼修补", "区综合行政执法局", "修补路面坑洼%d处，道路恢复平整", false},
	{"%s居民楼下水管道疏通", "区住房和城乡建设局", "疏通堵塞管道%d处，督促物业建立定期清掏制度", false},
	{"为%s独居老人安装燃气报警器", "区应急管理局", "为%d户独居老人免费安装燃气报警器并讲解使用方法", false},
	{"协调解决%s饮用水水压不足问题", "区水务局", "更换加压泵%d台，高层住户用水恢复正常", false},
	{"%s小区增设电动自行车充电桩", "区住房和城乡建设局", "新建集中充电桩%d个，消除飞线充电隐患", false},
	{"帮助%s困难群众申请临时救助", "区民政局", "协助%d户困难家庭办理临时救助，救助金已发放到位", true},
	{"%s排水沟清淤", "区水务局", "清理排水沟%d00米，汛期排水通畅", true},
	{"协调维修%s农田灌溉机井", "区农业农村局", "维修机井%d眼，保障春灌用水", true},
	{"为%s留守儿童开展暑期课业辅导", "区教育和体育局", "组织党员教师辅导留守儿童%d人次", true},
	{"%s健身器材维修更换", "区教育和体育局", "维修更换健身器材%d件", false},
	{"协调解决%s冬季供暖不热问题", "区住房和城乡建设局", "排查供暖管网%d处，室温达到18℃以上", false},
	{"帮助%s农户销售滞销大蒜", "区商务局", "对接商超和电商平台，帮助销售大蒜%d万斤", true},
	{"%s生活垃圾清运不及时问题整改", "区综合行政执法局", "增设垃圾桶%d个，实行日产日清", false},
	{"协调在%s附近增设公交站点", "区交通运输局", "新增公交站点%d处，方便群众出行", true},
	{"为%s居民集中办理医保异地就医备案", "区医疗保障局", "现场为%d名群众办理异地就医备案", false},
	{"%s楼道杂物清理和消防通道整治", "区消防救援大队", "清理楼道杂物%d处，畅通消防通道", false},
	{"协调解决%s退役军人优待证办理问题", "区退役军人事务局", "为%d名退役军人办理优待证", false},
}

var companyMatters = []matterTemplate{
	{"设备更新政策上门解读（%s）", "区发展和改革局", "逐项解读设备更新补贴政策，指导企业申报更新项目%d个", false},
	{"协调解决%s项目用地手续", "区自然资源局", "协调办理用地预审和规划许可，节约办理时间%d天", false},
	{"帮助%s申报“专精特新”企业", "区工业和信息化局", "辅导企业完善申报材料%d项，已通过市级评审", false},
	{"协调落实%s技改贷款贴息", "区财政局", "协调兑现技改贷款贴息%d万元", false},
	{"%s升规纳统辅导", "区统计局", "上门辅导统计报表填报%d次，企业已纳入规上统计", false},
	{"协调解决%s用工招聘难题", "区人力资源和社会保障局", "举办专场招聘会，帮助企业招用工人%d名", false},
	{"帮助%s办理环评审批", "区生态环境分局", "提前介入指导，环评审批时限压缩%d个工作日", false},
	{"协调%s电力增容", "区发展和改革局", "协调供电部门增容%d00千伏安，保障新生产线投产", false},
	{"协调%s厂区周边道路硬化", "区交通运输局", "硬化厂区周边道路%d00米", false},
	{"为%s开展安全生产隐患排查指导", "区应急管理局", "帮助企业排查整改隐患%d项", false},
	{"帮助%s享受研发费用加计扣除政策", "区税务局", "辅导企业享受研发费用加计扣除%d万元", false},
	{"协调加快%s出口退税办理", "区税务局", "出口退税办理时间缩短至%d个工作日", false},
	{"帮助%s申请以旧换新消费补贴", "区商务局", "协助企业组织以旧换新活动%d场", false},
	{"为%s提供质量管理体系认证指导", "区市场监督管理局", "指导企业通过质量管理体系认证，完善制度%d项", false},
}

// matter makes a practical matter taken on by fb (nil: by a unit on its own).
func (b *Builder) matter(fb *frontBranch) frontline.Matter {
	share := 0.3
	if fb != nil {
		share = fb.companyShare
	}
	company := b.Rnd.Float64() < share
	var t matterTemplate
	var who string
	m := frontline.Matter{Source: frontline.SourcePublic}
	if company {
		t = companyMatters[b.Rnd.IntN(len(companyMatters))]
		who = companies[b.Rnd.IntN(len(companies))]
		m.Source, m.Requester = frontline.SourceCompany, who
	} else {
		t = publicMatters[b.Rnd.IntN(len(publicMatters))]
		places := communities
		if t.rural {
			places = villages
		}
		who = places[b.Rnd.IntN(len(places))]
		m.Requester = who + "群众"
	}
	m.Title = fmt.Sprintf(t.title, who)
	unit := b.UnitByName[t.unit]
	m.UnitID = &unit.ID
	first, last := "2023-01-04", demoToday
	if fb != nil {
		m.BranchID = &fb.ID
		m.Handler = fb.members[1+b.Rnd.IntN(len(fb.members)-1)]
		first = fb.Founded
		if fb.Dissolved != "" {
			last = fb.Dissolved
		}
	} else {
		m.Handler = b.PersonName()
	}
	m.Received = addDays(first, b.Rnd.IntN(max(1, daysBetween(first, last)-3)))
	m.Done = addDays(m.Received, 2+b.Rnd.IntN(24))
	if fb != nil && fb.Dissolved != "" && m.Done > fb.Dissolved {
		m.Done = fb.Dissolved
	}
	m.Status = frontline.MatterDone
	if m.Done > demoToday || daysBetween(m.Received, demoToday) < 20 && b.Rnd.IntN(2) == 0 {
		m.Status, m.Done = frontline.MatterOpen, ""
	} else {
		m.Result = fmt.Sprintf(t.result, 2+b.Rnd.IntN(12))
	}
	return m
}

func daysBetween(a, b string) int {
	ta, err1 := time.Parse("2006-01-02", a)
	tb, err2 := time.Parse("2006-01-02", b)
	if err1 != nil || err2 != nil {
		return 0
	}
	return int(tb.Sub(ta).Hours() / 24)
}

// demoBrand is a brand or honour of the demo; sub are the names of its sub-brands.
type demoBrand struct {
	unit, kind, name, level string
	year                    int
	issuer                  string
	bonus                   int64
	notes                   string
	sub                     []string
}

var featuredBrands = []demoBrand{
	{"区教育和体育局", frontline.BrandMain, "红耀教育 争当旗帜", "区级", 2022, "中共兖州区委教育工委", 50,
		"打造“红耀教育 争当旗帜”十大党建品牌，常态化开展“一名教师一面旗帜”展示活动", []string{"一名教师一面旗帜"}},
	{"区教育和体育局", frontline.Honour, "济宁市机关党建创新优秀案例", "市级", 2023, "中共济宁市委市直机关工委", 100, "“红耀教育 争当旗帜”党建品牌", nil},
	{"区教育和体育局", frontline.Honour, "市级“一校一品”党建品牌（20个）", "市级", 2023, "中共济宁市委教育工委", 100, "", nil},
	{"区教育和体育局", frontline.Honour, "省“一校一品”党建品牌示范校（2所）", "省级", 2023, "中共山东省委教育工委", 200, "", nil},
	{"区教育和体育局", frontline.Honour, "济宁市党建示范校（40所）", "市级", 2022, "中共济宁市委教育工委", 0, "", nil},
	{"区市场监督管理局", frontline.BrandMain, "穿行先锋 端信监管", "区级", 2023, "中共兖州区委区直机关工委", 50,
		"成立翼虎青年突击队、铿锵玫瑰志愿服务队、老兵志愿服务队三支特色队伍",
		[]string{"执行先锋", "实干先锋", "为民先锋", "守底先锋", "助企先锋", "食安先锋", "质量先锋", "法治先锋"}},
	{"区市场监督管理局", frontline.Honour, "山东省质量强县", "省级", 2023, "山东省人民政府", 200, "牵头争创", nil},
	{"区自然资源局", frontline.Honour, "全国自然资源节约集约示范县", "国家级", 2023, "自然资源部", 300, "牵头争创", nil},
	{"区科学技术局", frontline.Honour, "山东省科技创新强县", "省级", 2023, "山东省科学技术厅", 200, "牵头争创", nil},
}

var otherBrands = []struct{ unit, name string }{
	{"区发展和改革局", "发改先锋 项目攻坚"}, {"区财政局", "红色财政 阳光理财"}, {"区人力资源和社会保障局", "暖心人社 就业为民"},
	{"区农业农村局", "红色田野 振兴先锋"}, {"区卫生健康局", "健康卫士 红心守护"}, {"区住房和城乡建设局", "红色物业 幸福家园"},
	{"区行政审批服务局", "审批为民 红帆领航"}, {"区纪委监委", "清风铁军"}, {"区委组织部", "组工先锋 忠诚担当"},
	{"区融媒体中心", "红色声音 融媒先锋"}, {"区应急管理局", "应急先锋 守护平安"}, {"区信访局", "信访为民 解忧暖心"},
}

var honours = []struct{ name, level, issuer string }{
	{"济宁市模范机关", "市级", "中共济宁市委市直机关工委"},
	{"全省机关党建示范点", "省级", "中共山东省委直属机关工委"},
	{"全区先进基层党组织", "区级", "中共兖州区委"},
	{"济宁市“五星级”党支部", "市级", "中共济宁市委组织部"},
	{"山东省青年文明号", "省级", "共青团山东省委"},
	{"全国文明单位", "国家级", "中央精神文明建设指导委员会"},
}

var levelBonus = map[string]int64{"国家级": 300, "省级": 200, "市级": 100, "区级": 50}

func buildBrands(b *Builder, svc *frontline.Service) error {
	save := func(br frontline.Brand) (frontline.Brand, error) {
		saved, err := svc.SaveBrand(br)
		if err != nil {
			return saved, fmt.Errorf("品牌“%s”：%w", br.Name, err)
		}
		return saved, nil
	}
	for _, d := range featuredBrands {
		main, err := save(frontline.Brand{UnitID: b.UnitByName[d.unit].ID, Kind: d.kind, Name: d.name, Level: d.level, Year: d.year,
			Issuer: d.issuer, BonusCenti: d.bonus, Notes: d.notes})
		if err != nil {
			return err
		}
		for _, s := range d.sub {
			if _, err := save(frontline.Brand{UnitID: main.UnitID, Kind: frontline.BrandSub, ParentID: &main.ID, Name: s,
				Level: d.level, Year: max(d.year, 2023), Issuer: d.issuer}); err != nil {
				return err
			}
		}
	}
	for _, o := range otherBrands {
		level := []string{"区级", "区级", "市级"}[b.Rnd.IntN(3)]
		var bonus int64
		if b.Rnd.IntN(3) > 0 {
			bonus = levelBonus[level]
		}
		issuer := "中共兖州区委区直机关工委"
		if level == "市级" {
			issuer = "中共济宁市委市直机关工委"
		}
		if _, err := save(frontline.Brand{UnitID: b.UnitByName[o.unit].ID, Kind: frontline.BrandMain, Name: o.name, Level: level,
			Year: 2021 + b.Rnd.IntN(4), Issuer: issuer, BonusCenti: bonus}); err != nil {
			return err
		}
	}
	// Honours cycle through the usual ones; one unit is a national 文明单位. A unit holds each
	// name once.
	type honour struct {
		unit uint
		name string
	}
	held := map[honour]bool{}
	brands, err := svc.ListBrands()
	if err != nil {
		return err
	}
	for _, br := range brands {
		held[honour{br.UnitID, br.Name}] = true
	}
	for i := 0; i < 15; i++ {
		h := honours[i%(len(honours)-1)]
		u := b.Units[b.Rnd.IntN(len(b.Units))]
		if i == 14 {
			h, u = honours[len(honours)-1], b.UnitByName["区人民法院"]
		}
		year := 2021 + b.Rnd.IntN(4)
		if held[honour{u.ID, h.name}] {
			continue
		}
		if _, err := save(frontline.Brand{UnitID: u.ID, Kind: frontline.Honour, Name: h.name, Level: h.level, Year: year,
			Issuer: h.issuer, BonusCenti: levelBonus[h.level]}); err != nil {
			return err
		}
		held[honour{u.ID, h.name}] = true
	}
	return nil
}
