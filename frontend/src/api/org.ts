import * as OrgAPI from '../../wailsjs/go/app/OrgAPI'
import { org } from '../../wailsjs/go/models'
import { call } from './core'

export type Area = org.Area
export type AreaView = org.AreaView
export type Unit = org.Unit
export type UnitView = org.UnitView
export type Person = org.Person
export type PersonView = org.PersonView

export const orgApi = {
  listAreas: () => call(OrgAPI.ListAreas()),
  saveArea: (a: Area) => call(OrgAPI.SaveArea(org.Area.createFrom(a))),
  deleteArea: (id: number) => call(OrgAPI.DeleteArea(id)),
  listUnits: (areaId = 0, query = '') => call(OrgAPI.ListUnits(org.UnitFilter.createFrom({ areaId, query }))),
  saveUnit: (u: Unit) => call(OrgAPI.SaveUnit(org.Unit.createFrom(u))),
  deleteUnit: (id: number) => call(OrgAPI.DeleteUnit(id)),
  listPeople: (unitId = 0, query = '') => call(OrgAPI.ListPeople(org.PersonFilter.createFrom({ unitId, query }))),
  savePerson: (p: Person) => call(OrgAPI.SavePerson(org.Person.createFrom(p))),
  deletePerson: (id: number) => call(OrgAPI.DeletePerson(id)),
}
