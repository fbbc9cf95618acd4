package cli

import (
	"fmt"
	"strconv"
	"text/tabwriter"

	"liankanping/internal/round"
	"liankanping/internal/score"
	"liankanping/internal/scoring"
)

func init() {
	register(command{"results", "汇总排名：results --db FILE --round CODE [--json]", runResults})
}

// points is a centi-point value written as a JSON number with two decimals.
type points int64

func (p points) MarshalJSON() ([]byte, error) { return []byte(scoring.FormatCenti(int64(p))), nil }

type resultsJSON struct {
	Round       string           `json:"round"`
	Provisional bool             `json:"provisional"`
	Units       []unitResultJSON `json:"units"`
}

type unitResultJSON struct {
	Unit     string            `json:"unit"`
	Area     string            `json:"area"`
	Final    *points           `json:"final"`
	Rank     *int              `json:"rank"`
	Grade    string            `json:"grade"`
	Complete bool              `json:"complete"`
	Groups   map[string]points `json:"groups"`
	Adjust   points            `json:"adjust"`
	// Renormalised: a group's score is missing and the weights were renormalised over the rest.
	Renormalised bool `json:"renormalised"`
	// Provisional: the round is still scoring, so rank and grade are 暂列.
	Provisional bool `json:"provisional"`
}

func runResults(env *Env, args []string) int {
	fs := flags(env, "results")
	db := dbFlag(fs)
	code := fs.String("round", "", "轮次编号，如 2024Q2")
	asJSON := fs.Bool("json", false, "输出 JSON")
	if _, c, ok := parseOrUsage(env, fs, args); !ok {
		return c
	}
	if *code == "" {
		return usageError(env, "results 需要 --round CODE")
	}
	s, err := openStore(*db)
	if err != nil {
		return fail(env, err)
	}
	defer s.Close()
	id, err := round.NewService(s).IDByCode(*code)
	if err != nil {
		return fail(env, err)
	}
	res, err := score.NewService(s).Results(id)
	if err != nil {
		return fail(env, err)
	}
	if *asJSON {
		out := resultsJSON{Round: res.Code, Provisional: res.Provisional, Units: []unitResultJSON{}}
		for _, u := range res.Units {
			uj := unitResultJSON{Unit: u.Name, Area: u.AreaName, Grade: u.Grade, Complete: u.Complete,
				Groups: map[string]points{}, Adjust: points(u.AdjustCenti), Renormalised: u.Renormalised, Provisional: u.Provisional}
			if u.Scored {
				f, r := points(u.FinalCenti), u.Rank
				uj.Final, uj.Rank = &f, &r
			}
			for _, g := range u.Groups {
				if g.Present {
					uj.Groups[g.Name] = points(g.ScoreCenti)
				}
			}
			out.Units = append(out.Units, uj)
		}
		if err := printJSON(env.Stdout, out); err != nil {
			return fail(env, err)
		}
		return ExitOK
	}
	fmt.Fprintf(env.Stdout, "%s %s（%s）\n", res.Code, res.Title, res.Status.Label())
	if res.Provisional {
		fmt.Fprintln(env.Stdout, "评分尚未结束：名次和等次为暂列，结束轮次后才是最终结果。")
	}
	fmt.Fprintln(env.Stdout)
	tw := tabwriter.NewWriter(env.Stdout, 2, 4, 2, ' ', tabwriter.AlignRight)
	header := "名次\t单位\t联系片\t"
	for _, g := range res.Groups {
		header += g.Name + "\t"
	}
	fmt.Fprintln(tw, header+"加减分\t最终得分\t等次\t完成情况\t")
	for _, u := range res.Units {
		rank, final := "—", "—"
		if u.Scored {
			rank, final = strconv.Itoa(u.Rank), scoring.FormatCenti(u.FinalCenti)
			if u.Renormalised {
				final += "※"
			}
		}
		line := rank + "\t" + u.Name + "\t" + u.AreaName + "\t"
		for _, g := range u.Groups {
			if g.Present {
				line += scoring.FormatCenti(g.ScoreCenti) + "\t"
			} else {
				line += "—\t"
			}
		}
		done := fmt.Sprintf("%d/%d", u.CompleteN, u.Expected)
		if !u.Complete {
			done += " 缺评"
		}
		grade := u.Grade
		if u.Capped {
			grade += "（限额）"
		}
		if u.Provisional && grade != "" {
			grade += " 暂列"
		}
		fmt.Fprintln(tw, line+scoring.FormatCenti(u.AdjustCenti)+"\t"+final+"\t"+grade+"\t"+done+"\t")
	}
	tw.Flush()
	for _, u := range res.Units {
		if u.Renormalised && u.Scored {
			fmt.Fprintln(env.Stdout, "※ 有评价主体缺评，权重已按其余评价主体重新折算。")
			break
		}
	}
	if res.ExcellentCapPct > 0 {
		fmt.Fprintf(env.Stdout, "（限额）达到优秀分数线，因优秀比例不超过 %d%% 的限额评为下一等次。\n", res.ExcellentCapPct)
	}
	return ExitOK
}
