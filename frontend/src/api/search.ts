import * as SearchAPI from '../../wailsjs/go/app/SearchAPI'
import type { search } from '../../wailsjs/go/models'
import { call } from './core'

export type SearchHit = search.Hit
export type SearchResults = search.Results

export const searchApi = {
  find: (q: string) => call(SearchAPI.Find(q)),
}
