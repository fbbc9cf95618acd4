import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'

/** NavItem is one entry of the left navigation; pages that later versions bring have no route yet. */
export interface NavItem {
  key: string
  path: string
  icon: string
  enabled: boolean
}

export const navItems: NavItem[] = [
  { key: 'home', path: '/', icon: 'HomeFilled', enabled: true },
  { key: 'org', path: '/org', icon: 'OfficeBuilding', enabled: true },
  { key: 'schemes', path: '/schemes', icon: 'List', enabled: true },
  { key: 'rounds', path: '/rounds', icon: 'Calendar', enabled: true },
  { key: 'scoring', path: '/scoring', icon: 'EditPen', enabled: true },
  { key: 'workbooks', path: '/workbooks', icon: 'Document', enabled: true },
  { key: 'results', path: '/results', icon: 'TrendCharts', enabled: true },
  { key: 'findings', path: '/findings', icon: 'Finished', enabled: true },
  { key: 'frontline', path: '/frontline', icon: 'Flag', enabled: true },
  { key: 'settings', path: '/settings', icon: 'Setting', enabled: true },
]

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('./views/HomeView/index.vue') },
  { path: '/org', name: 'org', component: () => import('./views/OrgView/index.vue') },
  { path: '/schemes', name: 'schemes', component: () => import('./views/SchemeView/index.vue') },
  { path: '/rounds', name: 'rounds', component: () => import('./views/RoundView/index.vue') },
  { path: '/workbooks', name: 'workbooks', component: () => import('./views/WorkbookView/index.vue') },
  { path: '/results', name: 'results', component: () => import('./views/ResultsView/index.vue') },
  { path: '/scoring', name: 'scoring', component: () => import('./views/ScoringView/index.vue') },
  { path: '/findings', name: 'findings', component: () => import('./views/FindingsView/index.vue') },
  { path: '/frontline', name: 'frontline', component: () => import('./views/FrontlineView/index.vue') },
  { path: '/settings', name: 'settings', component: () => import('./views/SettingsView/index.vue') },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

export const router = createRouter({ history: createWebHashHistory(), routes })
