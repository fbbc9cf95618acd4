import * as DashboardAPI from '../../wailsjs/go/app/DashboardAPI'
import type { dashboard } from '../../wailsjs/go/models'
import { call } from './core'

export type Dashboard = dashboard.Dashboard
export type RoundProgress = dashboard.RoundProgress

export const dashboardApi = {
  get: () => call(DashboardAPI.Get()),
}
