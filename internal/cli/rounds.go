package cli

import (
	"fmt"
	"text/tabwriter"

	"liankanping/internal/round"
)

func init() {
	register(command{"rounds", "列出观摩轮次：rounds --db FILE [--json]", runRounds})
}

type roundsJSON struct {
	Rounds []roundJSON `json:"rounds"`
}

type roundJSON struct {
	Code          string      `json:"code"`
	Title         string      `json:"title"`
	Status        string      `json:"status"`
	Scheme        string      `json:"scheme"`
	Units         []string    `json:"units"`
	Groups        []groupJSON `json:"groups"`
	TrimMinRaters int         `json:"trim_min_raters"`
}

type groupJSON struct {
	Name   string   `json:"name"`
	Weight float64  `json:"weight"`
	Raters []string `json:"raters"`
}

func runRounds(env *Env, args []string) int {
	fs := flags(env, "rounds")
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "输出 JSON")
	if _, code, ok := parseOrUsage(env, fs, args); !ok {
		return code
	}
	s, err := openStore(*db)
	if err != nil {
		return fail(env, err)
	}
	defer s.Close()
	svc := round.NewService(s)
	list, err := svc.List()
	if err != nil {
		return fail(env, err)
	}
	out := roundsJSON{Rounds: []roundJSON{}}
	for _, sum := range list {
		d, err := svc.Get(sum.ID)
		if err != nil {
			return fail(env, err)
		}
		rj := roundJSON{Code: d.Code, Title: d.Title, Status: string(d.Status), Scheme: d.SchemeName,
			Units: []string{}, Groups: []groupJSON{}, TrimMinRaters: d.TrimMinRaters}
		for _, u := range d.Units {
			rj.Units = append(rj.Units, u.Name)
		}
		for _, g := range d.Groups {
			gj := groupJSON{Name: g.Name, Weight: float64(g.WeightBP) / 10000, Raters: []string{}}
			for _, r := range g.Raters {
				gj.Raters = append(gj.Raters, r.Name)
			}
			rj.Groups = append(rj.Groups, gj)
		}
		out.Rounds = append(out.Rounds, rj)
	}
	if *asJSON {
		if err := printJSON(env.Stdout, out); err != nil {
			return fail(env, err)
		}
		return ExitOK
	}
	tw := tabwriter.NewWriter(env.Stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "编号\t名称\t状态\t考核方案\t观摩单位\t评分人")
	for _, sum := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\n", sum.Code, sum.Title, sum.Status.Label(), sum.SchemeName, sum.UnitCount, sum.RaterCount)
	}
	tw.Flush()
	return ExitOK
}
