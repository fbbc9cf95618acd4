import * as SchemeAPI from '../../wailsjs/go/app/SchemeAPI'
import { scheme, type app } from '../../wailsjs/go/models'
import { call } from './core'

export type Scheme = scheme.Scheme
export type SchemeSummary = scheme.Summary
export type SchemeDetail = scheme.Detail
export type Indicator = scheme.Indicator
export type IndicatorOption = scheme.Option
export type Subtotal = scheme.Subtotal
export type SchemeIssue = scheme.Issue
export type SchemeDiff = scheme.Diff
export type DiffChange = scheme.Change
export type SchemeImportPreview = app.SchemeImportPreview
export type SchemeImportResult = scheme.ImportResult
/** How an indicator is scored; '' is a group of other indicators. */
export type Kind = '' | 'score' | 'deduct' | 'bonus' | 'grade'
export type SchemeStatus = 'draft' | 'published'

/** The fields of a scheme the window sets; the rest are Go's. */
export type SchemeFields = Pick<Scheme, 'name' | 'year' | 'baseTotalCenti'> & { id?: number }
/** The fields of an indicator the edit form sets. */
export type IndicatorFields = Pick<Indicator, 'name' | 'points' | 'method' | 'kind' | 'maxCenti' | 'stepCenti'> & {
  id?: number
  options: Pick<IndicatorOption, 'label' | 'pointsCenti'>[]
}

export const schemeApi = {
  list: () => call(SchemeAPI.List()),
  get: (id: number) => call(SchemeAPI.Get(id)),
  create: (s: SchemeFields) => call(SchemeAPI.Create(scheme.Scheme.createFrom(s))),
  update: (s: SchemeFields) => call(SchemeAPI.Update(scheme.Scheme.createFrom(s))),
  remove: (id: number) => call(SchemeAPI.Delete(id)),
  addIndicator: (schemeId: number, parentId: number, ind: IndicatorFields) =>
    call(SchemeAPI.AddIndicator(schemeId, parentId, scheme.Indicator.createFrom(ind))),
  updateIndicator: (ind: IndicatorFields) => call(SchemeAPI.UpdateIndicator(scheme.Indicator.createFrom(ind))),
  deleteIndicator: (id: number) => call(SchemeAPI.DeleteIndicator(id)),
  moveIndicator: (id: number, parentId: number, index: number) => call(SchemeAPI.MoveIndicator(id, parentId, index)),
  shiftIndicator: (id: number, delta: number) => call(SchemeAPI.ShiftIndicator(id, delta)),
  publish: (id: number) => call(SchemeAPI.Publish(id)),
  newVersion: (id: number) => call(SchemeAPI.NewVersion(id)),
  diff: (a: number, b: number) => call(SchemeAPI.Diff(a, b)),
  pickImportFile: () => call(SchemeAPI.PickImportFile()),
  previewImport: (path: string) => call(SchemeAPI.PreviewImport(path)),
  importFile: (path: string) => call(SchemeAPI.Import(path)),
  exportFile: (id: number) => call(SchemeAPI.Export(id)),
}
