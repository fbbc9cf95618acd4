package demo

import (
	"fmt"

	"liankanping/internal/org"
)

// benchScaleUnits adds, for Options.BenchScale N > 1, N−1 copies of the district's 11 areas
// and 67 units (numbered areas 12…11·N, units named like 区委办公室（第2批）), so that BENCH
// can be measured at the size of a city. They belong to BENCH only: the other rounds, the
// ledgers and the front line keep the district of DOMAIN §6.
func benchScaleUnits(b *Builder) ([]uint, error) {
	var ids []uint
	sort := len(b.Units)
	for k := 2; k <= b.Opts.BenchScale; k++ {
		unit := 0
		for i, spec := range district {
			area, err := b.org.SaveArea(org.Area{Number: (k-1)*len(district) + i + 1, Name: fmt.Sprintf("%s（第%d批）", spec.name, k)})
			if err != nil {
				return nil, err
			}
			for range spec.units {
				src := b.Units[unit]
				unit++
				sort++
				aid := area.ID
				u, err := b.org.SaveUnit(org.Unit{Name: fmt.Sprintf("%s（第%d批）", src.Name, k), ShortName: fmt.Sprintf("%s%d", src.ShortName, k),
					AreaID: &aid, OrgType: src.OrgType, MemberCount: src.MemberCount, SortOrder: sort})
				if err != nil {
					return nil, err
				}
				ids = append(ids, u.ID)
			}
		}
	}
	return ids, nil
}
