// Browser end-to-end tests: each frontend/e2e/*.spec.mjs runs against its own fresh database,
// served by the loopback bridge build (build/bin/liankanping-bridge, `make bridge`) and driven in
// headless Chromium. See README.md in this folder for how to write a spec.
//
//   node e2e/run.mjs [NAME...]   run every spec, or those whose file name contains a NAME
//
// The last line printed is `N passed, M failed`; the exit code is 1 when M > 0.

import { spawn, execFile } from 'node:child_process'
import { mkdtemp, mkdir, readdir, rm } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { chromium } from 'playwright-core'

const here = path.dirname(fileURLToPath(import.meta.url))
const repo = path.resolve(here, '../..')
const bridgeBin = process.env.LKP_BRIDGE || path.join(repo, 'build/bin/liankanping-bridge')
const resultsDir = path.join(repo, 'frontend/test-results')
const testTimeout = Number(process.env.LKP_E2E_TIMEOUT || 60_000)
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']

const run = promisify(execFile)
let passed = 0
let failed = 0

function finish(code) {
  console.log(`${passed} passed, ${failed} failed`)
  process.exit(code ?? (failed > 0 ? 1 : 0))
}

/** cli runs the bridge binary with a subcommand (e.g. org --json) and returns its stdout. */
async function cli(...args) {
  const { stdout } = await run(bridgeBin, args, { maxBuffer: 64 << 20 })
  return stdout
}

/** startBridge serves dbPath and resolves once the bridge printed `BRIDGE <url>?token=<tok>`. */
function startBridge(dbPath) {
  return new Promise((resolve, reject) => {
    const proc = spawn(bridgeBin, ['bridge', '--db', dbPath], { stdio: ['ignore', 'pipe', 'pipe'] })
    const log = []
    let out = ''
    const timer = setTimeout(() => fail(new Error('the bridge printed no BRIDGE line within 15 s')), 15_000)
    function fail(err) {
      clearTimeout(timer)
      proc.kill('SIGKILL')
      reject(new Error(`${err.message}\n${log.join('')}`))
    }
    proc.stderr.on('data', (d) => log.push(String(d)))
    proc.on('error', fail)
    proc.on('exit', (code) => fail(new Error(`the bridge exited with code ${code} before it was ready`)))
    proc.stdout.on('data', (d) => {
      out += d
      const m = out.match(/^BRIDGE (\S+)\n/)
      if (!m) return
      clearTimeout(timer)
      proc.removeAllListeners('exit')
      const url = new URL(m[1])
      resolve({ proc, log, url: url.href, base: url.origin, token: url.searchParams.get('token') })
    })
  })
}

/** callBridge calls a bound Go method through the bridge, as the page would. */
async function callBridge(bridge, facade, method, args) {
  const r = await fetch(`${bridge.base}/__call/${facade}/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Bridge-Token': bridge.token },
    body: JSON.stringify(args),
  })
  if (!r.ok) throw new Error(`${facade}.${method}: ${r.status} ${await r.text()}`)
}

function stopBridge(proc) {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const force = setTimeout(() => proc.kill('SIGKILL'), 5_000)
    proc.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    proc.kill('SIGTERM')
  })
}

/** testsOf turns a spec's default export into [name, fn] pairs, in order. */
function testsOf(file, mod) {
  const d = mod.default
  if (typeof d === 'function') return [[path.basename(file, '.spec.mjs'), d]]
  if (d && typeof d === 'object') return Object.entries(d)
  throw new Error(`${file}: export default an async function or an object of named async functions`)
}

function withTimeout(promise, ms, what) {
  let timer
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms)
    }),
  ]).finally(() => clearTimeout(timer))
}

const safe = (s) => s.replace(/[^\p{L}\p{N}._-]+/gu, '-')

async function runSpec(browser, file) {
  const name = path.basename(file, '.spec.mjs')
  const mod = await import(pathToFileURL(file).href)
  const tests = testsOf(file, mod)
  const dir = await mkdtemp(path.join(tmpdir(), `lkp-e2e-${name}-`))
  const dbPath = path.join(dir, 'liankanping.db')
  let bridge
  let context
  try {
    if (mod.demo) await cli('demo', '--db', dbPath)
    bridge = await startBridge(dbPath)
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
    const page = await context.newPage()
    page.setDefaultTimeout(10_000)
    const consoleLog = []
    const pageErrors = []
    page.on('console', (m) => consoleLog.push(`[${m.type()}] ${m.text()}`))
    page.on('pageerror', (e) => pageErrors.push(e))
    const ctx = {
      page,
      url: bridge.url,
      base: bridge.base,
      token: bridge.token,
      dbPath,
      dir,
      cli,
      /** queueDialog sets what the next native file dialog answers (no paths: cancelled). */
      async queueDialog(paths) {
        const r = await fetch(`${bridge.base}/__test/dialog`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Bridge-Token': bridge.token },
          body: JSON.stringify(paths),
        })
        if (!r.ok) throw new Error(`queueDialog: ${r.status} ${await r.text()}`)
      },
      /** screenshot saves frontend/test-results/<name>.png. */
      async screenshot(shot) {
        await page.screenshot({ path: path.join(resultsDir, `${safe(shot)}.png`), fullPage: true })
      },
    }
    // The window asks for the operator's name at start; a spec that is not about that question
    // starts as a user who said "不再询问".
    if (!mod.operatorPrompt) await callBridge(bridge, 'SettingsAPI', 'SetPreference', ['operator_prompt', 'off'])
    await page.goto(bridge.url)
    let broken = ''
    for (const [title, fn] of tests) {
      const label = `${name} › ${title}`
      if (broken) {
        failed++
        console.log(`✗ ${label}\n    not run: "${broken}" failed before it`)
        continue
      }
      const started = Date.now()
      const errorsBefore = pageErrors.length
      try {
        await withTimeout(Promise.resolve().then(() => fn(ctx)), testTimeout, label)
        if (pageErrors.length > errorsBefore) throw new Error(`uncaught error in the page: ${pageErrors[errorsBefore].stack}`)
        passed++
        console.log(`✓ ${label} (${Date.now() - started} ms)`)
      } catch (e) {
        failed++
        broken = title
        console.log(`✗ ${label} (${Date.now() - started} ms)\n    ${String(e?.stack || e).split('\n').join('\n    ')}`)
        await ctx.screenshot(`FAILED-${name}-${title}`).catch(() => {})
        console.log(`    screenshot: frontend/test-results/${safe(`FAILED-${name}-${title}`)}.png`)
        if (consoleLog.length) console.log(`    browser console:\n      ${consoleLog.slice(-20).join('\n      ')}`)
        if (bridge.log.length) console.log(`    bridge stderr:\n      ${bridge.log.join('').trim().split('\n').join('\n      ')}`)
      }
    }
  } catch (e) {
    failed++
    console.log(`✗ ${name} (setting up)\n    ${String(e?.stack || e).split('\n').join('\n    ')}`)
  } finally {
    await context?.close().catch(() => {})
    if (bridge) await stopBridge(bridge.proc)
    await rm(dir, { recursive: true, force: true })
  }
}

async function main() {
  if (!existsSync(bridgeBin)) {
    console.log(`no bridge build at ${bridgeBin}: run \`make bridge\` first`)
    failed++
    finish()
  }
  const filters = process.argv.slice(2)
  const specs = (await readdir(here))
    .filter((f) => f.endsWith('.spec.mjs') && (!filters.length || filters.some((x) => f.includes(x))))
    .sort()
    .map((f) => path.join(here, f))
  if (!specs.length) {
    console.log(`no spec matches ${filters.join(' ') || 'e2e/*.spec.mjs'}`)
    failed++
    finish()
  }
  await mkdir(resultsDir, { recursive: true })
  // A failure screenshot of an earlier run would suggest that this run failed too.
  const stale = (await readdir(resultsDir)).filter((f) => specs.some((s) => f.startsWith(`FAILED-${path.basename(s, '.spec.mjs')}-`)))
  await Promise.all(stale.map((f) => rm(path.join(resultsDir, f))))
  const browser = await chromium.launch({ executablePath: process.env.LKP_CHROMIUM || '/usr/bin/chromium', args: chromiumArgs })
  try {
    for (const file of specs) await runSpec(browser, file)
  } finally {
    await browser.close()
  }
  finish()
}

main().catch((e) => {
  console.log(e?.stack || e)
  failed++
  finish(1)
})
