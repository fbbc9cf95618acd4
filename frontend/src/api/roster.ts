import * as RosterAPI from '../../wailsjs/go/app/RosterAPI'
import { workbook, type roster } from '../../wailsjs/go/models'
import { call } from './core'

export type RosterPlan = roster.Plan
export type RosterChange = roster.Change
export type RosterTally = roster.Tally
export type RosterSheet = workbook.RosterSheet
export type RosterSheetMapping = workbook.RosterSheetMapping
/** How the sheets of a roster are read, as the mapping step edits it. */
export type RosterMapping = { sheets: RosterSheetMapping[] }
export type SheetProblem = workbook.Problem

// Go takes a pointer: null means "recognise the sheets by their titles", which the generated
// signature does not say.
function toGo(m: RosterMapping | null): workbook.RosterMapping {
  return m ? workbook.RosterMapping.createFrom(m) : (null as unknown as workbook.RosterMapping)
}

export const rosterApi = {
  pickFile: () => call(RosterAPI.PickFile()),
  preview: (path: string, mapping: RosterMapping | null, force = false) => call(RosterAPI.Preview(path, toGo(mapping), force)),
  importFile: (path: string, mapping: RosterMapping | null, force = false) => call(RosterAPI.Import(path, toGo(mapping), force)),
  exportFile: () => call(RosterAPI.Export()),
}
