package cli

import (
	"fmt"
	"text/tabwriter"

	"liankanping/internal/org"
)

func init() {
	register(command{"org", "列出联系片、单位和人员：org --db FILE --json", runOrg})
}

type orgJSON struct {
	Areas []areaJSON `json:"areas"`
}

type areaJSON struct {
	Number   int        `json:"number"`
	Name     string     `json:"name"`
	LeadUnit string     `json:"lead_unit"`
	Liaison  string     `json:"liaison"`
	Leader   string     `json:"leader"`
	Units    []unitJSON `json:"units"`
}

type unitJSON struct {
	Name      string `json:"name"`
	ShortName string `json:"short_name"`
}

func runOrg(env *Env, args []string) int {
	fs := flags(env, "org")
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
	svc := org.NewService(s)
	areas, err := svc.ListAreas()
	if err != nil {
		return fail(env, err)
	}
	units, err := svc.ListUnits(org.UnitFilter{})
	if err != nil {
		return fail(env, err)
	}
	out := orgJSON{Areas: []areaJSON{}}
	for _, a := range areas {
		aj := areaJSON{Number: a.Number, Name: a.Name, LeadUnit: a.LeadUnit, Liaison: a.Liaison, Leader: a.Leader, Units: []unitJSON{}}
		for _, u := range units {
			if u.AreaID != nil && *u.AreaID == a.ID {
				aj.Units = append(aj.Units, unitJSON{Name: u.Name, ShortName: u.ShortName})
			}
		}
		out.Areas = append(out.Areas, aj)
	}
	if *asJSON {
		if err := printJSON(env.Stdout, out); err != nil {
			return fail(env, err)
		}
		return ExitOK
	}
	tw := tabwriter.NewWriter(env.Stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "序号\t联系片\t片长单位\t总联络员\t联系常委\t单位数")
	for _, a := range out.Areas {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%d\n", a.Number, a.Name, a.LeadUnit, a.Liaison, a.Leader, len(a.Units))
	}
	tw.Flush()
	return ExitOK
}
