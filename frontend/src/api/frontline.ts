import * as FrontlineAPI from '../../wailsjs/go/app/FrontlineAPI'
import { frontline, type workbook } from '../../wailsjs/go/models'
import { call } from './core'

export type Branch = frontline.Branch
export type BranchView = frontline.BranchView
export type Matter = frontline.Matter
export type MatterView = frontline.MatterView
export type Brand = frontline.Brand
export type BrandView = frontline.BrandView
export type Application = frontline.Application
export type RoundChoice = frontline.RoundChoice
export type FrontlineSummary = frontline.Summary
export type FrontlineOptions = frontline.Options
export type LedgerPlan = frontline.LedgerPlan
export type LedgerChange = frontline.LedgerChange
export type LedgerTally = frontline.LedgerTally
export type LedgerSheet = workbook.LedgerSheet
/** The three ledgers, as Go names them; '' is all three. */
export type LedgerKind = 'branches' | 'matters' | 'brands'

export const frontlineApi = {
  listBranches: () => call(FrontlineAPI.ListBranches()),
  saveBranch: (b: Branch) => call(FrontlineAPI.SaveBranch(frontline.Branch.createFrom(b))),
  deleteBranch: (id: number) => call(FrontlineAPI.DeleteBranch(id)),
  listMatters: () => call(FrontlineAPI.ListMatters()),
  saveMatter: (m: Matter) => call(FrontlineAPI.SaveMatter(frontline.Matter.createFrom(m))),
  deleteMatter: (id: number) => call(FrontlineAPI.DeleteMatter(id)),
  listBrands: () => call(FrontlineAPI.ListBrands()),
  saveBrand: (b: Brand) => call(FrontlineAPI.SaveBrand(frontline.Brand.createFrom(b))),
  deleteBrand: (id: number) => call(FrontlineAPI.DeleteBrand(id)),
  roundChoices: (brandId: number) => call(FrontlineAPI.RoundChoices(brandId)),
  applyBrand: (brandId: number, roundId: number) => call(FrontlineAPI.ApplyBrand(brandId, roundId)),
  withdrawBrand: (brandId: number, roundId: number) => call(FrontlineAPI.WithdrawBrand(brandId, roundId)),
  summary: () => call(FrontlineAPI.Summary()),
  options: () => call(FrontlineAPI.Options()),
  pickLedger: () => call(FrontlineAPI.PickLedger()),
  previewLedger: (path: string) => call(FrontlineAPI.PreviewLedger(path)),
  importLedger: (path: string) => call(FrontlineAPI.ImportLedger(path)),
  exportLedger: (kind: LedgerKind | '') => call(FrontlineAPI.ExportLedger(kind)),
}
