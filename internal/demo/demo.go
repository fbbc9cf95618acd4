// Package demo builds the fictional demo district of DOMAIN §6, deterministically from a seed,
// so that a newcomer sees realistic data and tests can rely on exact figures.
package demo

import (
	"fmt"
	"math/rand/v2"

	"gorm.io/gorm"

	"liankanping/internal/apperr"
	"liankanping/internal/org"
	"liankanping/internal/store"
)

// Seed makes every demo database the same.
const Seed = 20240615

// Options selects optional parts of the demo.
type Options struct {
	// Bench adds the BENCH round used by benchmarks.
	Bench bool
}

// step is one part of the demo, applied in order inside one transaction.
type step func(b *builder) error

// steps are the parts of the demo; later capabilities append theirs in init.
var steps = []step{buildOrg}

// builder carries what one step leaves for the next.
type builder struct {
	tx   *gorm.DB
	rnd  *rand.Rand
	opts Options
	org  *org.Service
	// units and people by name, filled by buildOrg.
	units      []org.Unit
	unitByName map[string]org.Unit
	people     []org.Person
	areas      []org.Area
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
	return s.DB.Transaction(func(tx *gorm.DB) error {
		b := &builder{tx: tx, rnd: rand.New(rand.NewPCG(Seed, Seed)), opts: opts, org: org.WithTx(tx),
			unitByName: map[string]org.Unit{}, usedNames: map[string]bool{}}
		for _, st := range steps {
			if err := st(b); err != nil {
				return fmt.Errorf("载入演示数据：%w", err)
			}
		}
		return nil
	})
}

// personName makes a plausible, unique Chinese name.
func (b *builder) personName() string {
	for {
		n := string(surnames[b.rnd.IntN(len(surnames))])
		n += string(givenChars[b.rnd.IntN(len(givenChars))])
		if b.rnd.IntN(3) > 0 {
			n += string(givenChars[b.rnd.IntN(len(givenChars))])
		}
		if !b.usedNames[n] {
			b.usedNames[n] = true
			return n
		}
	}
}

func (b *builder) phone() string {
	return fmt.Sprintf("0537-34%05d", b.rnd.IntN(100000))
}

func buildOrg(b *builder) error {
	orgTypes := []string{"党组", "党组", "党委", "党总支", "党支部"}
	sort := 0
	var leadIDs []uint
	for i, spec := range district {
		area, err := b.org.SaveArea(org.Area{Number: i + 1, Name: spec.name})
		if err != nil {
			return err
		}
		b.areas = append(b.areas, area)
		for j, nu := range spec.units {
			sort++
			aid := area.ID
			u, err := b.org.SaveUnit(org.Unit{Name: nu[0], ShortName: nu[1], AreaID: &aid,
				OrgType: orgTypes[b.rnd.IntN(len(orgTypes))], MemberCount: 12 + b.rnd.IntN(150), SortOrder: sort})
			if err != nil {
				return err
			}
			if j == 0 {
				leadIDs = append(leadIDs, u.ID)
			}
			b.units = append(b.units, u)
			b.unitByName[u.Name] = u
		}
	}
	// Each unit: its party secretary and a party-building liaison (党建联络员).
	for k, u := range b.units {
		uid := u.ID
		sec, err := b.org.SavePerson(org.Person{Name: b.personName(), UnitID: &uid, Title: "党组书记", Phone: b.phone()})
		if err != nil {
			return err
		}
		u.Secretary = sec.Name
		if u, err = b.org.SaveUnit(u); err != nil {
			return err
		}
		b.units[k] = u
		b.unitByName[u.Name] = u
		b.people = append(b.people, sec)
		p, err := b.org.SavePerson(org.Person{Name: b.personName(), UnitID: &uid, Title: "机关党建联络员", Phone: b.phone()})
		if err != nil {
			return err
		}
		b.people = append(b.people, p)
	}
	// The committee members sit in the district committee office (区委办公室).
	office := b.unitByName["区委办公室"].ID
	for i, a := range b.areas {
		leader, err := b.org.SavePerson(org.Person{Name: b.personName(), UnitID: &office, Title: committee[i].title, Phone: b.phone()})
		if err != nil {
			return err
		}
		b.people = append(b.people, leader)
		lead := leadIDs[i]
		liaisonUnit := lead
		liaison, err := b.org.SavePerson(org.Person{Name: b.personName(), UnitID: &liaisonUnit, Title: "联系片总联络员", Phone: b.phone()})
		if err != nil {
			return err
		}
		b.people = append(b.people, liaison)
		a.LeadUnitID, a.LiaisonID, a.LeaderID = &lead, &liaison.ID, &leader.ID
		if b.areas[i], err = b.org.SaveArea(a); err != nil {
			return err
		}
	}
	return nil
}
