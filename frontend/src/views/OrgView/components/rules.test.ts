import { describe, expect, it } from 'vitest'
import type { PersonView, UnitView } from '../../../api/org'
import { filterPeople, filterUnits, shortNameProblem } from './rules'

describe('shortNameProblem', () => {
  // The same cases as org.ValidateShortName's Go test.
  it.each([
    ['教体局', null],
    ['  教体局  ', null],
    ['局'.repeat(31), null],
    ["区'委办", null],
    ['History2', null],
    ['', 'empty'],
    ['   ', 'empty'],
    ['局'.repeat(32), 'too-long'],
    ['教体[局', 'forbidden-char'],
    ['教体]局', 'forbidden-char'],
    ['教体:局', 'forbidden-char'],
    ['教体*局', 'forbidden-char'],
    ['教体?局', 'forbidden-char'],
    ['教体/局', 'forbidden-char'],
    ['教体\\局', 'forbidden-char'],
    ["'教体局", 'quote'],
    ["教体局'", 'quote'],
    ['History', 'reserved'],
    ['HISTORY', 'reserved'],
  ])('%j → %s', (input, want) => {
    expect(shortNameProblem(input)).toBe(want)
  })

  it('counts characters, not UTF-16 units', () => {
    expect(shortNameProblem('𠀀'.repeat(31))).toBeNull()
  })
})

const unit = (id: number, name: string, shortName: string, areaId?: number): UnitView => ({
  id, name, shortName, areaId, orgType: '', secretary: '', memberCount: 0, sortOrder: id, areaName: '', areaNumber: areaId ?? 0, peopleCount: 0,
})
const units = [
  unit(1, '区委办公室', '区委办', 1),
  unit(2, '区政府办公室', '政府办', 1),
  unit(3, '区教育和体育局', '教体局', 6),
  unit(4, '区档案馆', '档案馆'),
]

describe('filterUnits', () => {
  it.each([
    ['everything', 0, '', [1, 2, 3, 4]],
    ['one area', 1, '', [1, 2]],
    ['another area', 6, '', [3]],
    ['units in no area', -1, '', [4]],
    ['a text in the full name', 0, '办公室', [1, 2]],
    ['a text in the short name', 0, '教体', [3]],
    ['a text with spaces around it', 0, '  政府 ', [2]],
    ['area and text together', 1, '政府', [2]],
    ['a text found nowhere', 0, '公安', []],
    ['an area with no units', 9, '', []],
  ])('keeps %s', (_what, areaId, query, ids) => {
    expect(filterUnits(units, areaId, query).map((u) => u.id)).toEqual(ids)
  })
})

const person = (id: number, name: string, title: string, unitName: string, unitId?: number): PersonView => ({
  id, name, title, phone: '', unitName, unitId,
})
const people = [
  person(1, '王建国', '党组书记', '区委办公室', 1),
  person(2, '李敏', '机关党建联络员', '区委办公室', 1),
  person(3, '张伟', '党组书记', '区教育和体育局', 3),
  person(4, '赵静', '', ''),
]

describe('filterPeople', () => {
  it.each([
    ['everyone', 0, '', [1, 2, 3, 4]],
    ['one unit', 1, '', [1, 2]],
    ['a name', 0, '建国', [1]],
    ['a title', 0, '书记', [1, 3]],
    ['a unit name', 0, '教育', [3]],
    ['unit and text together', 1, '联络员', [2]],
    ['a text found nowhere', 0, '刘', []],
  ])('keeps %s', (_what, unitId, query, ids) => {
    expect(filterPeople(people, unitId, query).map((p) => p.id)).toEqual(ids)
  })
})
