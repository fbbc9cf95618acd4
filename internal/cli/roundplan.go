package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"liankanping/internal/apperr"
	"liankanping/internal/round"
	"liankanping/internal/score"
	"liankanping/internal/scoring"
	"liankanping/internal/store"
)

// The commands that carry a round through its quarter: copy the last one, close it honestly,
// and enter the admin-verified bonus and deduction items.
func init() {
	register(command{"rounds copy", "照上一轮新建轮次：rounds copy --db FILE --from CODE --code NEW [--title T] [--date YYYY-MM-DD] [--units keep|rotate]", runRoundsCopy})
	register(command{"rounds close", "结束轮次（缺评时拒绝，除非 --force）：rounds close --db FILE --round CODE [--force]", runRoundsClose})
	register(command{"rounds adjust", "核定加减分：rounds adjust --db FILE --round CODE [--unit 单位 --points ±N --reason 事由 | --delete ID] [--json]", runRoundsAdjust})
}

// openRound opens --db and finds --round, reporting a missing flag as a usage error.
func openRound(env *Env, db, code, cmd string) (*store.Store, uint, int) {
	if strings.TrimSpace(code) == "" {
		return nil, 0, usageError(env, "%s 需要 --round CODE", cmd)
	}
	s, err := openStore(db)
	if err != nil {
		return nil, 0, fail(env, err)
	}
	id, err := round.NewService(s).IDByCode(code)
	if err != nil {
		s.Close()
		return nil, 0, fail(env, err)
	}
	return s, id, ExitOK
}

func runRoundsCopy(env *Env, args []string) int {
	fs := flags(env, "rounds copy")
	db := dbFlag(fs)
	from := fs.String("from", "", "照哪一轮，如 2024Q4")
	code := fs.String("code", "", "新轮次的编号，如 2025Q1")
	title := fs.String("title", "", "新轮次的名称（默认由编号生成，如 2025年第一季度“常委看党建”观摩）")
	date := fs.String("date", "", "观摩日期 YYYY-MM-DD")
	units := fs.String("units", "keep", "观摩单位：keep 沿用，rotate 每个联系片轮换到下一个单位")
	if _, c, ok := parseOrUsage(env, fs, args); !ok {
		return c
	}
	if *from == "" || *code == "" {
		return usageError(env, "rounds copy 需要 --from CODE 和 --code NEW")
	}
	s, fromID, c := openRound(env, *db, *from, "rounds copy")
	if s == nil {
		return c
	}
	defer s.Close()
	svc := round.NewService(s)
	id, err := svc.Copy(fromID, round.CopyOptions{Code: *code, Title: *title, Date: *date, Units: round.UnitChoice(*units)})
	if err != nil {
		return fail(env, err)
	}
	d, err := svc.Get(id)
	if err != nil {
		return fail(env, err)
	}
	raters := 0
	for _, g := range d.Groups {
		raters += len(g.Raters)
	}
	fmt.Fprintf(env.Stdout, "已新建轮次 %s %s（%s）：%d 个观摩单位，%d 个评价主体，%d 位评分人，考核方案 %s 第 %d 版\n",
		d.Code, d.Title, d.Status.Label(), len(d.Units), len(d.Groups), raters, d.SchemeName, d.SchemeVersion)
	return ExitOK
}

func runRoundsClose(env *Env, args []string) int {
	fs := flags(env, "rounds close")
	db := dbFlag(fs)
	code := fs.String("round", "", "轮次编号，如 2024Q4")
	force := fs.Bool("force", false, "仍有缺评时也结束（缺评情况记入轮次记录）")
	if _, c, ok := parseOrUsage(env, fs, args); !ok {
		return c
	}
	s, id, c := openRound(env, *db, *code, "rounds close")
	if s == nil {
		return c
	}
	defer s.Close()
	m, err := score.NewService(s).Close(id, *force, operator(s))
	if m != nil {
		printMissing(env, m)
	}
	if err != nil {
		if m != nil && !m.None() && apperr.CodeOf(err) == apperr.Conflict {
			fmt.Fprintf(env.Stderr, "未结束：%s。补齐后再结束，或确认无误后加 --force 结束。\n", m.Summary())
			return ExitRefused
		}
		return fail(env, err)
	}
	if m.None() {
		fmt.Fprintf(env.Stdout, "轮次 %s 已结束，评分齐全。\n", m.Code)
	} else {
		fmt.Fprintf(env.Stdout, "轮次 %s 已强制结束：%s（已记入轮次记录）。\n", m.Code, m.Summary())
	}
	return ExitOK
}

// printMissing lists who has not returned and which units lack totals.
func printMissing(env *Env, m *score.Missing) {
	if m.None() {
		return
	}
	w := env.Stdout
	if len(m.Raters) > 0 {
		fmt.Fprintln(w, "未交齐的评分人：")
		tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
		for _, r := range m.Raters {
			fmt.Fprintf(tw, "  %s\t%s\t已完成 %d/%d 个单位\n", r.Name, r.Group, r.Complete, r.Expected)
		}
		tw.Flush()
	}
	if len(m.Units) > 0 {
		fmt.Fprintln(w, "缺评的单位：")
		tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
		for _, u := range m.Units {
			if u.Expected == 0 {
				fmt.Fprintf(tw, "  %s\t无人可评（所有评分人都须回避）\n", u.Name)
				continue
			}
			fmt.Fprintf(tw, "  %s\t完整 %d/%d 份\t缺 %d 项\n", u.Name, u.Complete, u.Expected, u.Items)
		}
		tw.Flush()
	}
}

type adjustJSON struct {
	ID         uint   `json:"id"`
	Unit       string `json:"unit"`
	Points     points `json:"points"`
	Reason     string `json:"reason"`
	VerifiedBy string `json:"verified_by"`
	Brand      bool   `json:"brand"`
}

func runRoundsAdjust(env *Env, args []string) int {
	fs := flags(env, "rounds adjust")
	db := dbFlag(fs)
	code := fs.String("round", "", "轮次编号，如 2024Q4")
	unit := fs.String("unit", "", "单位全称或简称")
	pts := fs.String("points", "", "加分为正、扣分为负，如 -2 或 1.5")
	reason := fs.String("reason", "", "事由，如“违规违纪：某某受党内警告处分”")
	del := fs.Uint("delete", 0, "删除编号为 ID 的加减分项")
	asJSON := fs.Bool("json", false, "输出 JSON")
	if _, c, ok := parseOrUsage(env, fs, args); !ok {
		return c
	}
	adding := *unit != "" || *pts != "" || *reason != ""
	if adding && *del != 0 {
		return usageError(env, "--delete 不能与 --unit/--points/--reason 同用")
	}
	s, id, c := openRound(env, *db, *code, "rounds adjust")
	if s == nil {
		return c
	}
	defer s.Close()
	svc := score.NewService(s)
	switch {
	case *del != 0:
		if err := svc.DeleteAdjustment(*del); err != nil {
			return fail(env, err)
		}
	case adding:
		if *unit == "" || *pts == "" || *reason == "" {
			return usageError(env, "核定加减分需要 --unit、--points 和 --reason")
		}
		centi, err := parseSignedPoints(*pts)
		if err != nil {
			return usageError(env, "%s", err.Error())
		}
		r, err := score.LoadRound(s.DB, id)
		if err != nil {
			return fail(env, err)
		}
		uid := uint(0)
		for _, u := range r.Units {
			if u.Name == strings.TrimSpace(*unit) || u.ShortName == strings.TrimSpace(*unit) {
				uid = u.ID
			}
		}
		if uid == 0 {
			return fail(env, apperr.Invalidf("“%s”不是轮次 %s 的观摩单位", *unit, r.Code))
		}
		if _, err := svc.AddAdjustment(id, score.AdjustmentInput{UnitID: uid, PointsCenti: centi, Reason: *reason}, operator(s)); err != nil {
			return fail(env, err)
		}
	}
	list, err := svc.Adjustments(id)
	if err != nil {
		return fail(env, err)
	}
	if *asJSON {
		out := struct {
			Items []adjustJSON `json:"items"`
		}{Items: []adjustJSON{}}
		for _, a := range list {
			out.Items = append(out.Items, adjustJSON{ID: a.ID, Unit: a.UnitName, Points: points(a.PointsCenti), Reason: a.Reason,
				VerifiedBy: a.VerifiedBy, Brand: a.BrandID != nil})
		}
		if err := printJSON(env.Stdout, out); err != nil {
			return fail(env, err)
		}
		return ExitOK
	}
	if len(list) == 0 {
		fmt.Fprintln(env.Stdout, "本轮还没有核定的加减分项。")
		return ExitOK
	}
	tw := tabwriter.NewWriter(env.Stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "编号\t单位\t加减分\t事由\t核定人")
	for _, a := range list {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", a.ID, a.UnitName, signed(a.PointsCenti), a.Reason, a.VerifiedBy)
	}
	tw.Flush()
	return ExitOK
}

// parseSignedPoints reads "+2", "-1.5" or "３" (full-width digits) as centi-points.
func parseSignedPoints(text string) (int64, error) {
	t := strings.TrimSpace(text)
	neg := false
	switch {
	case strings.HasPrefix(t, "-"), strings.HasPrefix(t, "－"):
		neg, t = true, strings.TrimLeft(t, "-－")
	case strings.HasPrefix(t, "+"):
		t = t[1:]
	}
	v, blank, err := scoring.ParseValue(scoring.Indicator{Kind: scoring.KindBonus, Max: 100000, Step: 1}, t)
	if err != nil || blank {
		return 0, fmt.Errorf("--points “%s”不是分数（如 -2 或 1.5）", text)
	}
	if neg {
		v = -v
	}
	return v, nil
}

// signed writes centi-points with their sign: +1.00, -2.50.
func signed(c int64) string {
	if c > 0 {
		return "+" + scoring.FormatCenti(c)
	}
	return scoring.FormatCenti(c)
}
