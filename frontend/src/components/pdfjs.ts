// pdf.js, loaded once when the first PDF is opened (it is large): its worker comes from the
// app's own bundle, its data (cmaps/, standard_fonts/, wasm/) from the app's pdfjs/ folder
// (vite.config.ts copies it out of node_modules).
import type * as Pdfjs from 'pdfjs-dist'

let loading: Promise<typeof Pdfjs> | null = null

export function loadPdfjs(): Promise<typeof Pdfjs> {
  loading ??= (async () => {
    const [pdfjs, { default: PdfWorker }] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?worker')])
    pdfjs.GlobalWorkerOptions.workerPort = new PdfWorker()
    return pdfjs
  })().catch((e) => {
    loading = null
    throw e
  })
  return loading
}

/** pdfDataUrl is the address of one of pdf.js's data folders inside the app. */
export const pdfDataUrl = (dir: string) => new URL(`pdfjs/${dir}`, document.baseURI).href
