// Package demo builds the fictional demo district of DOMAIN §6, deterministically from a seed,
// so that a newcomer sees realistic data and tests can rely on exact figures.
package demo

import (
	"fmt"
	"math/rand/v2"
	"sort"

	"liankanping/internal/apperr"
	"liankanping/internal/audit"
	"liankanping/internal/org"
	"liankanping/internal/store"
)

// Seed makes every demo database the same.
const Seed = 20240615

// Options selects optional parts of the demo.
type Options struct {
	// Bench adds the BENCH round used by benchmarks.
	Bench bool
	// BenchScale, with Bench, makes BENCH N times the district: 67·N units in 11·N areas, the
	// same scheme and raters (0 or 1: the district itself).
	BenchScale int
}

// step is one part of the demo, applied in order inside one transaction.
type step struct {
	order int
	name  string
	run   func(b *Builder) error
}

var steps []step

// registerStep adds a part of the demo; each file registers its own in init, and order sets
// where it runs (organisation 10, schemes 20, rounds and scores 30, ledgers 40 …).
func registerStep(order int, name string, run func(b *Builder) error) {
	steps = append(steps, step{order, name, run})
	sort.SliceStable(steps, func(i, j int) bool { return steps[i].order < steps[j].order })
}

func init() { registerStep(10, "organisation", buildOrg) }

// Builder carries the transaction, the seeded random source and what one step leaves for the
// next.
type Builder struct {
	Tx   store.Tx
	Rnd  *rand.Rand
	Opts Options
	org  *org.Service
	// Filled by buildOrg: areas and units in order, people, units by full name.
	Areas      []org.Area
	Units      []org.Unit
	UnitByName map[string]org.Unit
	People     []org.Person
	usedNames  map[string]bool
}

// Load fills an empty database with the demo district; it refuses a database that already
// holds an organisation, so nothing the user entered is mixed with made-up data.
func Load(s *store.Store, opts Options) error {
	c, err := org.NewService(s).Counts()
	if err != nil {
		return err
	}
	if c.Areas+c.Units+c.People > 0 {
		return apperr.Conflictf("数据库中已有组织架构数据，不能再载入演示数据")
	}
	return store.InTx(s.DB, func(t store.Tx) error {
		b := &Builder{Tx: t, Rnd: rand.New(rand.NewPCG(Seed, Seed)), Opts: opts, org: org.WithTx(t),
			UnitByName: map[string]org.Unit{}, usedNames: map[string]bool{}}
		// The audit log names the demo as the author of what it creates; the operator's own
		// name, if set, is put back afterwards.
		log := audit.WithTx(t)
		operator, err := log.Operator()
		if err != nil {
			return err
		}
		if err := log.SetOperator("演示数据"); err != nil {
			return err
		}
		for _, st := range steps {
			if err := st.run(b); err != nil {
				return fmt.Errorf("载入演示数据（%s）：%w", st.name, err)
			}
		}
		return log.SetOperator(operator)
	})
}

// PersonName makes a plausible, unique Chinese name.
func (b *Builder) PersonName() string {
	for {
		n := string(surnames[b.Rnd.IntN(len(surnames))]) + givenNames[b.Rnd.IntN(len(givenNames))]
		if !b.usedNames[n] {
			b.usedNames[n] = true
			return n
		}
	}
}

func (b *Builder) phone() string {
	return fmt.Sprintf("0537-34%05d", b.Rnd.IntN(100000))
}

func buildOrg(b *Builder) error {
	orgTypes := []string{"党组", "党组", "党委", "党总支", "党支部"}
	sort := 0
	var leadIDs []uint
	for i, spec := range district {
		area, err := b.org.SaveArea(org.Area{Number: i + 1, Name: spec.name})
		if err != nil {
			return err
		}
		b.Areas = append(b.Areas, area)
		for j, nu := range spec.units {
			sort++
			aid := area.ID
			u, err := b.org.SaveUnit(org.Unit{Name: nu[0], ShortName: nu[1], AreaID: &aid,
				OrgType: orgTypes[b.Rnd.IntN(len(orgTypes))], MemberCount: 12 + b.Rnd.IntN(150), SortOrder: sort})
			if err != nil {
				return err
			}
			if j == 0 {
				leadIDs = append(leadIDs, u.ID)
			}
			b.Units = append(b.Units, u)
			b.UnitByName[u.Name] = u
		}
	}
	// Each unit: its party secretary and a party-building liaison (党建联络员).
	for k, u := range b.Units {
		uid := u.ID
		sec, err := b.org.SavePerson(org.Person{Name: b.PersonName(), UnitID: &uid, Title: "党组书记", Phone: b.phone()})
		if err != nil {
			return err
		}
		u.Secretary = sec.Name
		if u, err = b.org.SaveUnit(u); err != nil {
			return err
		}
		b.Units[k] = u
		b.UnitByName[u.Name] = u
		b.People = append(b.People, sec)
		p, err := b.org.SavePerson(org.Person{Name: b.PersonName(), UnitID: &uid, Title: "机关党建联络员", Phone: b.phone()})
		if err != nil {
			return err
		}
		b.People = append(b.People, p)
	}
	// The committee members are leaders of the district committee (区委), not staff of any
	// observed unit: they have no unit, so 回避 never keeps a unit from the 区委常委 group.
	for i, a := range b.Areas {
		leader, err := b.org.SavePerson(org.Person{Name: b.PersonName(), Title: committee[i].title, Phone: b.phone()})
		if err != nil {
			return err
		}
		b.People = append(b.People, leader)
		lead := leadIDs[i]
		liaisonUnit := lead
		liaison, err := b.org.SavePerson(org.Person{Name: b.PersonName(), UnitID: &liaisonUnit, Title: "联系片总联络员", Phone: b.phone()})
		if err != nil {
			return err
		}
		b.People = append(b.People, liaison)
		a.LeadUnitID, a.LiaisonID, a.LeaderID = &lead, &liaison.ID, &leader.ID
		if b.Areas[i], err = b.org.SaveArea(a); err != nil {
			return err
		}
	}
	return nil
}
