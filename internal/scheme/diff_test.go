package scheme_test

import (
	"strings"
	"testing"

	"liankanping/internal/scheme"
)

// tree builds a tree from lines "name" (a dimension) and "  name|points" (an indicator under
// the last dimension), each indicator a 5-point score.
func tree(lines ...string) []*scheme.Node {
	var roots []*scheme.Node
	for _, l := range lines {
		if !strings.HasPrefix(l, "  ") {
			roots = append(roots, &scheme.Node{Indicator: scheme.Indicator{Name: l}})
			continue
		}
		name, points, _ := strings.Cut(strings.TrimSpace(l), "|")
		dim := roots[len(roots)-1]
		dim.Children = append(dim.Children, &scheme.Node{Indicator: scheme.Indicator{Name: name, Points: points, Kind: scheme.Score, MaxCenti: 500}})
	}
	return roots
}

func TestCompare(t *testing.T) {
	base := []string{"党建", "  A|a", "  B|b", "  C|c", "业务", "  D|d"}
	cases := []struct {
		name string
		b    []string
		want string
	}{
		{"Same", base, ""},
		{"InsertedRenumbers", []string{"党建", "  X|x", "  A|a", "  B|b", "  C|c", "业务", "  D|d"},
			"added →1.1 X; moved 1.1→1.2 A; moved 1.2→1.3 B; moved 1.3→1.4 C"},
		{"RenamedInPlace", []string{"党建", "  A|a", "  B2|b", "  C|c", "业务", "  D|d"},
			"changed 1.2→1.2 B2 name"},
		{"MovedToOtherDimension", []string{"党建", "  A|a", "  C|c", "业务", "  D|d", "  B|b"},
			"moved 1.3→1.2 C; moved 1.2→2.2 B"},
		{"RenamedAndMovedSamePoints", []string{"党建", "  A|a", "  C|c", "  B2|b", "业务", "  D|d"},
			"moved 1.3→1.2 C; changed 1.2→1.3 B2 code,name"},
		{"DeletedAndAddedAreNotPaired", []string{"党建", "  A|a", "  C|c", "  Y|y", "业务", "  D|d"},
			"removed 1.2→ B; moved 1.3→1.2 C; added →1.3 Y"},
		{"DimensionRenamed", []string{"党建工作", "  A|a", "  B|b", "  C|c", "业务", "  D|d"},
			"changed 1→1 党建工作 name"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			changes, counts := scheme.Compare(tree(base...), tree(c.b...))
			var got []string
			for _, ch := range changes {
				if ch.Status == scheme.Same {
					continue
				}
				var fields []string
				if ch.Status == scheme.Changed {
					for _, f := range ch.Fields {
						fields = append(fields, f.Field)
					}
				}
				s := string(ch.Status) + " " + ch.CodeA + "→" + ch.CodeB + " " + ch.Name
				if len(fields) > 0 {
					s += " " + strings.Join(fields, ",")
				}
				got = append(got, s)
			}
			if g := strings.Join(got, "; "); g != c.want {
				t.Errorf("changes:\n%s\nwant:\n%s", g, c.want)
			}
			if counts.Same+counts.Added+counts.Changed+counts.Moved != scheme.Count(tree(c.b...)) {
				t.Errorf("counts %+v do not cover B", counts)
			}
		})
	}
}
