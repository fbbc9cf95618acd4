package scheme

import (
	"fmt"
	"sort"
	"strconv"
)

// Node is an indicator with its children: the in-memory form of a tree, used to number, sum,
// check and compare it, and to bring in a tree read from a workbook.
type Node struct {
	Indicator
	Children []*Node
}

// BuildTree arranges a scheme's indicators, in any order, into a tree: siblings by sort order
// then id. An indicator whose parent is missing is kept as a root rather than lost.
func BuildTree(list []Indicator) []*Node {
	byID := make(map[uint]*Node, len(list))
	nodes := make([]*Node, len(list))
	for i := range list {
		nodes[i] = &Node{Indicator: list[i]}
		byID[list[i].ID] = nodes[i]
	}
	var roots []*Node
	for _, n := range nodes {
		if n.ParentID != nil {
			if p, ok := byID[*n.ParentID]; ok && p != n {
				p.Children = append(p.Children, n)
				continue
			}
		}
		roots = append(roots, n)
	}
	var order func(ns []*Node)
	order = func(ns []*Node) {
		sort.SliceStable(ns, func(i, j int) bool {
			if ns[i].SortOrder != ns[j].SortOrder {
				return ns[i].SortOrder < ns[j].SortOrder
			}
			return ns[i].ID < ns[j].ID
		})
		for _, n := range ns {
			order(n.Children)
		}
	}
	order(roots)
	return roots
}

// Walk visits every node before its children, with its parent (nil for a root).
func Walk(roots []*Node, fn func(n, parent *Node)) {
	var walk func(ns []*Node, parent *Node)
	walk = func(ns []*Node, parent *Node) {
		for _, n := range ns {
			fn(n, parent)
			walk(n.Children, n)
		}
	}
	walk(roots, nil)
}

// Number gives every node its level, sort order and code from its place: the second child of
// the first dimension is level 2, sort order 2, code "1.2".
func Number(roots []*Node) {
	var number func(ns []*Node, prefix string, level int)
	number = func(ns []*Node, prefix string, level int) {
		for i, n := range ns {
			n.Level = level
			n.SortOrder = i + 1
			n.Code = prefix + strconv.Itoa(i+1)
			number(n.Children, n.Code+".", level+1)
		}
	}
	number(roots, "", 1)
}

// Sum fills every node's Subtotal and returns the whole tree's.
func Sum(roots []*Node) Subtotal {
	var total Subtotal
	for _, n := range roots {
		n.Subtotal = Subtotal{}
		if len(n.Children) == 0 {
			n.Subtotal = n.own()
		} else {
			n.Subtotal = Sum(n.Children)
		}
		total.add(n.Subtotal)
	}
	return total
}

// Flatten numbers and sums the tree and returns its indicators in reading order (each node
// before its children), as the window and the workbooks list them.
func Flatten(roots []*Node) []Indicator {
	Number(roots)
	Sum(roots)
	out := []Indicator{}
	Walk(roots, func(n, _ *Node) { out = append(out, n.Indicator) })
	return out
}

// Count returns the number of nodes in the tree.
func Count(roots []*Node) int {
	n := 0
	Walk(roots, func(*Node, *Node) { n++ })
	return n
}

// Height is the number of levels from n down to its deepest descendant, 1 for a leaf.
func Height(n *Node) int {
	h := 0
	for _, c := range n.Children {
		h = max(h, Height(c))
	}
	return h + 1
}

// Normalize tidies every node as the services do before storing one: trimmed texts, the
// default step, no maximum or options where the kind has none.
func Normalize(roots []*Node) {
	Walk(roots, func(n, _ *Node) { n.normalize() })
}

// Issue is something wrong with a scheme: a problem keeps it from being published, a warning
// is shown and left to the user's judgement. Code names the indicator ("" for the scheme).
type Issue struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Warning bool   `json:"warning"`
}

// Check lists what keeps a tree from being published (problems) and what looks unusual
// (warnings): every indicator's own rules, a group with nothing in it, two siblings with the
// same name, levels too deep, and a total that differs from the base total.
func Check(s Scheme, roots []*Node) []Issue {
	issues := []Issue{}
	Number(roots)
	total := Sum(roots)
	if len(roots) == 0 {
		issues = append(issues, Issue{Message: "方案还没有任何指标"})
	}
	Walk(roots, func(n, parent *Node) {
		for _, m := range n.problems(len(n.Children) > 0) {
			issues = append(issues, Issue{Code: n.Code, Message: m})
		}
		if len(n.Children) == 0 && n.Kind == Group {
			msg := fmt.Sprintf("“%s”下还没有下级指标，也没有设评分类型", n.Name)
			if n.Level == 1 {
				msg = fmt.Sprintf("一级指标“%s”下还没有二级指标", n.Name)
			}
			issues = append(issues, Issue{Code: n.Code, Message: msg})
		}
		if n.Level > MaxLevel {
			issues = append(issues, Issue{Code: n.Code, Message: fmt.Sprintf("“%s”在第 %d 级，最多支持 %d 级指标", n.Name, n.Level, MaxLevel)})
		}
		if n.Kind == Grade && len(n.Options) >= 2 && n.BestCenti() < n.MaxCenti {
			issues = append(issues, Issue{Code: n.Code, Warning: true, Message: fmt.Sprintf("“%s”的最高等次为 %s 分，低于分值 %s 分；计入满分的是 %s 分",
				n.Name, FormatPoints(n.BestCenti()), FormatPoints(n.MaxCenti), FormatPoints(n.BestCenti()))})
		}
	})
	for _, sibs := range siblingGroups(roots) {
		seen := map[string]bool{}
		for _, n := range sibs {
			if n.Name != "" && seen[n.Name] {
				issues = append(issues, Issue{Code: n.Code, Message: fmt.Sprintf("同一级下有两个“%s”，请改名以便区分", n.Name)})
			}
			seen[n.Name] = true
		}
	}
	if len(roots) > 0 && total.ScoreCenti != s.BaseTotalCenti {
		issues = append(issues, Issue{Warning: true, Message: fmt.Sprintf("满分合计 %s 分，与基准总分 %s 分不一致",
			FormatPoints(total.ScoreCenti), FormatPoints(s.BaseTotalCenti))})
	}
	return issues
}

// siblingGroups returns the roots and every node's children, each a list of siblings.
func siblingGroups(roots []*Node) [][]*Node {
	out := [][]*Node{roots}
	Walk(roots, func(n, _ *Node) {
		if len(n.Children) > 0 {
			out = append(out, n.Children)
		}
	})
	return out
}

// Problems counts the issues that are not warnings.
func Problems(issues []Issue) int {
	n := 0
	for _, is := range issues {
		if !is.Warning {
			n++
		}
	}
	return n
}
