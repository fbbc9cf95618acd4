import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, normalize } from 'node:path'
import { defineConfig, type Plugin } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// pdf.js's data — character maps (Chinese text whose font is not embedded), the standard fonts
// and its image decoders — served at pdfjs/ and written into the build, straight from
// node_modules so that nothing of it is committed and the app fetches nothing from the network.
const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))
const pdfjsData = ['cmaps', 'standard_fonts', 'wasm']

function pdfjsDataPlugin(): Plugin {
  return {
    name: 'pdfjs-data',
    configureServer(server) {
      server.middlewares.use('/pdfjs', (req, res, next) => {
        const rel = normalize(decodeURIComponent((req.url ?? '').split('?')[0] ?? '')).replace(/^[/\\]+/, '')
        const dir = rel.split(/[/\\]/)[0] ?? ''
        const file = join(pdfjsRoot, rel)
        if (!pdfjsData.includes(dir) || !file.startsWith(pdfjsRoot) || !statSync(file, { throwIfNoEntry: false })?.isFile()) return next()
        createReadStream(file).pipe(res)
      })
    },
    generateBundle() {
      for (const dir of pdfjsData) {
        for (const name of readdirSync(join(pdfjsRoot, dir))) {
          this.emitFile({ type: 'asset', fileName: `pdfjs/${dir}/${name}`, source: readFileSync(join(pdfjsRoot, dir, name)) })
        }
      }
    },
  }
}

export default defineConfig({
  plugins: [vue(), pdfjsDataPlugin()],
  build: {
    chunkSizeWarningLimit: 3000,
  },
  worker: {
    format: 'es',
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
  },
})
