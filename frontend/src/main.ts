import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import * as ElementPlusIcons from '@element-plus/icons-vue'
import App from './App.vue'
import { router } from './router'
import { i18n } from './locales'
import './style.css'
import './print.css'

const app = createApp(App)
for (const [name, comp] of Object.entries(ElementPlusIcons)) {
  app.component(name, comp)
}
app.use(createPinia()).use(router).use(i18n).use(ElementPlus)
app.mount('#app')
