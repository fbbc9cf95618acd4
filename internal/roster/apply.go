package roster

import (
	"liankanping/internal/org"
)

// apply writes the plan through the organisation service, whose rules check every record
// again. It runs inside the import's transaction: an error leaves nothing written.
func (b *builder) apply(svc *org.Service) error {
	// Areas first, without the references that need units and people; an area whose lead unit
	// changes lets go of the old one, so that the old one may move to another area.
	for _, ap := range b.aPlans {
		if ap.action == Unchanged {
			ap.id = ap.cur.ID
			continue
		}
		a := ap.next
		if ap.cur == nil {
			a.LeadUnitID, a.LeaderID, a.LiaisonID = nil, nil, nil
		} else if ap.lead != nil && (ap.lead.cur == nil || a.LeadUnitID == nil || *a.LeadUnitID != ap.lead.cur.ID) {
			a.LeadUnitID = nil
		}
		saved, err := svc.SaveArea(a)
		if err != nil {
			return err
		}
		ap.id = saved.ID
	}
	for _, up := range b.uPlans {
		if up.area != nil {
			id := up.area.id
			up.next.AreaID = &id
		}
		if up.action == Unchanged {
			up.id = up.cur.ID
			continue
		}
		saved, err := svc.SaveUnit(up.next)
		if err != nil {
			return err
		}
		up.id = saved.ID
	}
	for _, pp := range b.pPlans {
		if pp.action == Unchanged {
			pp.id = pp.cur.ID
			continue
		}
		switch {
		case pp.unit.plan != nil:
			id := pp.unit.plan.id
			pp.next.UnitID = &id
		case pp.unit.id != 0:
			id := pp.unit.id
			pp.next.UnitID = &id
		}
		saved, err := svc.SavePerson(pp.next)
		if err != nil {
			return err
		}
		pp.id = saved.ID
	}
	for _, ap := range b.aPlans {
		if ap.action == Unchanged {
			continue
		}
		a := ap.next
		a.ID = ap.id
		if ap.lead != nil {
			id := ap.lead.id
			a.LeadUnitID = &id
		}
		if ap.leader != nil {
			id := ap.leader.id
			a.LeaderID = &id
		}
		if ap.liaison != nil {
			id := ap.liaison.id
			a.LiaisonID = &id
		}
		if ap.cur == nil && ap.lead == nil && ap.leader == nil && ap.liaison == nil {
			continue
		}
		if _, err := svc.SaveArea(a); err != nil {
			return err
		}
	}
	return nil
}
