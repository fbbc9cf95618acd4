import * as SystemAPI from '../../wailsjs/go/app/SystemAPI'
import type { app } from '../../wailsjs/go/models'
import { call } from './core'

export type Status = app.Status

export const systemApi = {
  status: () => call(SystemAPI.Status()),
  loadDemo: () => call(SystemAPI.LoadDemo()),
}
