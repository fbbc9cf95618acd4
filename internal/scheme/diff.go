package scheme

import (
	"fmt"
	"strings"
)

// ChangeStatus says what happened to an indicator between two versions.
type ChangeStatus string

// The statuses of a compared indicator. Moved means only its code changed: it was renumbered
// because something before it was added, removed or moved.
const (
	Same    ChangeStatus = "same"
	Added   ChangeStatus = "added"
	Removed ChangeStatus = "removed"
	Changed ChangeStatus = "changed"
	Moved   ChangeStatus = "moved"
)

// FieldChange is one field of an indicator that differs, with both values as people read them.
// Field is one of code, name, kind, max, step, points, method, options.
type FieldChange struct {
	Field  string `json:"field"`
	Before string `json:"before"`
	After  string `json:"after"`
}

// Change is one indicator of the comparison. CodeA is its code in the older version (A), CodeB
// in the newer (B); either is "" when the indicator exists on one side only.
type Change struct {
	Status ChangeStatus `json:"status"`
	CodeA  string       `json:"codeA"`
	CodeB  string       `json:"codeB"`
	Name   string       `json:"name"`
	Level  int          `json:"level"`
	Kind   Kind         `json:"kind"`
	// Summary describes an added or removed indicator: its kind and points.
	Summary string        `json:"summary"`
	Fields  []FieldChange `json:"fields"`
}

// DiffCounts counts the changes by status.
type DiffCounts struct {
	Same    int `json:"same"`
	Added   int `json:"added"`
	Removed int `json:"removed"`
	Changed int `json:"changed"`
	Moved   int `json:"moved"`
}

// Diff compares two scheme versions.
type Diff struct {
	A       Scheme     `json:"a"`
	B       Scheme     `json:"b"`
	TotalA  Subtotal   `json:"totalA"`
	TotalB  Subtotal   `json:"totalB"`
	Changes []Change   `json:"changes"`
	Counts  DiffCounts `json:"counts"`
}

// Compare lists every indicator of trees a and b (A the older, B the newer), in B's reading
// order with the removed ones where they stood in A, and counts them.
//
// Indicators carry no identity across versions (a new version copies them under new ids), so
// they are matched by what people see, in passes, each taking only what earlier passes left:
//  1. the same code and the same name — the indicator did not move;
//  2. the same name under matched parents (or both at the top), when that name is unique
//     there — it was renumbered because something before it changed;
//  3. the same name anywhere, when unique among what is left on both sides — it was moved to
//     another dimension;
//  4. the same code under matched parents — it was renamed in place;
//  5. under matched parents, the same kind and the same 评分要点 or 评分方式 — it was renamed
//     and moved among its siblings.
//
// Passes 2–4 repeat until nothing more matches, so children follow their matched parents.
// What is left is removed (in A) or added (in B). A rename combined with an insertion before
// it can pair the wrong two; the fields shown then still tell the whole story.
func Compare(a, b []*Node) ([]Change, DiffCounts) {
	Number(a)
	Number(b)
	m := newMatcher(a, b)
	m.run()

	var out []Change
	var counts DiffCounts
	emitted := map[*Node]bool{}
	emitRemoved := func(upTo int) {
		for i := 0; i < upTo && i < len(m.aList); i++ {
			n := m.aList[i]
			if m.ab[n] == nil && !emitted[n] {
				emitted[n] = true
				out = append(out, Change{Status: Removed, CodeA: n.Code, Name: n.Name, Level: n.Level, Kind: n.Kind, Summary: summary(n), Fields: []FieldChange{}})
				counts.Removed++
			}
		}
	}
	for _, nb := range m.bList {
		na := m.ba[nb]
		if na == nil {
			out = append(out, Change{Status: Added, CodeB: nb.Code, Name: nb.Name, Level: nb.Level, Kind: nb.Kind, Summary: summary(nb), Fields: []FieldChange{}})
			counts.Added++
			continue
		}
		emitRemoved(m.aIndex[na])
		c := Change{Status: Same, CodeA: na.Code, CodeB: nb.Code, Name: nb.Name, Level: nb.Level, Kind: nb.Kind, Fields: fieldChanges(na, nb)}
		switch {
		case len(c.Fields) == 0:
			counts.Same++
		case len(c.Fields) == 1 && c.Fields[0].Field == "code":
			c.Status = Moved
			counts.Moved++
		default:
			c.Status = Changed
			counts.Changed++
		}
		out = append(out, c)
	}
	emitRemoved(len(m.aList))
	if out == nil {
		out = []Change{}
	}
	return out, counts
}

type matcher struct {
	aList, bList     []*Node
	aParent, bParent map[*Node]*Node
	aIndex           map[*Node]int
	ab, ba           map[*Node]*Node
}

func newMatcher(a, b []*Node) *matcher {
	m := &matcher{aParent: map[*Node]*Node{}, bParent: map[*Node]*Node{}, aIndex: map[*Node]int{},
		ab: map[*Node]*Node{}, ba: map[*Node]*Node{}}
	Walk(a, func(n, p *Node) {
		m.aIndex[n] = len(m.aList)
		m.aList = append(m.aList, n)
		m.aParent[n] = p
	})
	Walk(b, func(n, p *Node) {
		m.bList = append(m.bList, n)
		m.bParent[n] = p
	})
	return m
}

func (m *matcher) pair(x, y *Node) {
	m.ab[x] = y
	m.ba[y] = x
}

// parentsMatch tells whether x (in A) and y (in B) sit under parents matched to each other.
func (m *matcher) parentsMatch(x, y *Node) bool {
	px, py := m.aParent[x], m.bParent[y]
	if px == nil || py == nil {
		return px == nil && py == nil
	}
	return m.ab[px] == py
}

func (m *matcher) run() {
	byCodeName := map[string]*Node{}
	for _, y := range m.bList {
		byCodeName[y.Code+"\x00"+y.Name] = y
	}
	for _, x := range m.aList {
		if y := byCodeName[x.Code+"\x00"+x.Name]; y != nil && m.ba[y] == nil {
			m.pair(x, y)
		}
	}
	passes := []struct {
		same  func(x, y *Node) bool
		first bool
	}{
		{func(x, y *Node) bool { return x.Name == y.Name && m.parentsMatch(x, y) }, true},
		{func(x, y *Node) bool { return x.Name == y.Name }, false},
		{func(x, y *Node) bool { return x.Code == y.Code && m.parentsMatch(x, y) }, true},
		{func(x, y *Node) bool { return m.parentsMatch(x, y) && sameContent(x, y) }, true},
	}
	// After any pairing, start again from the surest pass.
	for again := true; again; {
		again = false
		for _, p := range passes {
			if m.matchBy(p.same, p.first) > 0 {
				again = true
				break
			}
		}
	}
}

// matchBy pairs each unmatched x in A with the one unmatched y in B that same(x, y) accepts,
// when that pairing is unambiguous both ways. With first set, it stops after the first pairing
// so that later candidates see their parents matched.
func (m *matcher) matchBy(same func(x, y *Node) bool, first bool) int {
	n := 0
	for _, x := range m.aList {
		if m.ab[x] != nil {
			continue
		}
		var cand *Node
		count := 0
		for _, y := range m.bList {
			if m.ba[y] == nil && same(x, y) {
				cand = y
				count++
			}
		}
		if count != 1 {
			continue
		}
		rivals := 0
		for _, x2 := range m.aList {
			if m.ab[x2] == nil && same(x2, cand) {
				rivals++
			}
		}
		if rivals != 1 {
			continue
		}
		m.pair(x, cand)
		n++
		if first {
			return n
		}
	}
	return n
}

// sameContent tells two indicators of the same kind whose texts say the same thing.
func sameContent(a, b *Node) bool {
	return a.Kind == b.Kind && (a.Points != "" && a.Points == b.Points || a.Method != "" && a.Method == b.Method)
}

// fieldChanges lists the fields in which b differs from a, each formatted for reading.
func fieldChanges(a, b *Node) []FieldChange {
	out := []FieldChange{}
	add := func(field, before, after string) {
		if before != after {
			out = append(out, FieldChange{Field: field, Before: before, After: after})
		}
	}
	add("code", a.Code, b.Code)
	add("name", a.Name, b.Name)
	add("kind", a.Kind.Label(), b.Kind.Label())
	if a.Kind != Group || b.Kind != Group {
		add("max", pointsText(a, a.MaxCenti), pointsText(b, b.MaxCenti))
	}
	if a.Kind == Score || b.Kind == Score {
		add("step", pointsText(a, a.StepCenti), pointsText(b, b.StepCenti))
	}
	add("points", a.Points, b.Points)
	add("method", a.Method, b.Method)
	if a.Kind == Grade || b.Kind == Grade {
		add("options", OptionsText(a.Options), OptionsText(b.Options))
	}
	return out
}

// summary describes an indicator in a few words: “评分 5分”, “等次 好10分、一般6分”, “分组（3项）”.
func summary(n *Node) string {
	switch {
	case len(n.Children) > 0:
		return fmt.Sprintf("分组（%d项）", len(n.Children))
	case n.Kind == Grade:
		return n.Kind.Label() + " " + OptionsText(n.Options)
	case n.Kind != Group:
		return n.Kind.Label() + " " + FormatPoints(n.MaxCenti) + "分"
	}
	return n.Kind.Label()
}

func pointsText(n *Node, c int64) string {
	if n.Kind == Group {
		return ""
	}
	return FormatPoints(c) + "分"
}

// OptionsText writes grade options the way offices write them: 好10分、较好8分、一般6分、差3分.
func OptionsText(opts []Option) string {
	parts := make([]string, len(opts))
	for i, o := range opts {
		parts[i] = o.Label + FormatPoints(o.PointsCenti) + "分"
	}
	return strings.Join(parts, "、")
}
