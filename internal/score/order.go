package score

import (
	"slices"
	"strconv"
	"strings"
)

// sortByCode orders indicators as the tree reads: 1.2 before 1.10, 2 after 1.9.
func sortByCode(inds []Indicator) {
	slices.SortStableFunc(inds, func(a, b Indicator) int { return CompareCodes(a.Code, b.Code) })
}

// CompareCodes compares dotted indicator codes part by part, numerically.
func CompareCodes(a, b string) int {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) && i < len(pb); i++ {
		x, errx := strconv.Atoi(pa[i])
		y, erry := strconv.Atoi(pb[i])
		if errx != nil || erry != nil {
			if c := strings.Compare(pa[i], pb[i]); c != 0 {
				return c
			}
			continue
		}
		if x != y {
			return x - y
		}
	}
	return len(pa) - len(pb)
}
