#!/usr/bin/env node
// Reads and re-saves workbooks with the spreadsheet libraries many business systems use, for
// the Go tests of the workbooks the app writes (internal/workbook/peer_test.go):
//
//   node peer.cjs exceljs-read FILE      print the workbook as ExcelJS reads it (JSON)
//   node peer.cjs sheetjs-read FILE      the same through SheetJS
//   node peer.cjs exceljs-resave IN OUT  open IN with ExcelJS and save it as OUT
//   node peer.cjs sheetjs-resave IN OUT  open IN with SheetJS and save it as OUT
//
// A workbook a library cannot open makes the script fail (exit 1) with the library's message.
'use strict'
const ExcelJS = require('exceljs')
const XLSX = require('xlsx')

function text(v) {
  if (v === null || v === undefined) return ''
  // A date as Excel stores it: its serial number (ExcelJS turns date-formatted numbers into
  // Dates, in UTC).
  if (v instanceof Date) return String((v.getTime() - Date.UTC(1899, 11, 30)) / 86400000)
  if (typeof v === 'object') {
    if (v.richText) return v.richText.map((r) => r.text).join('')
    if ('result' in v || 'formula' in v || 'sharedFormula' in v) return text(v.result)
    if (v.text !== undefined) return String(v.text)
    if (v.error) return v.error
    return JSON.stringify(v)
  }
  return String(v)
}

async function exceljsRead(file) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  const out = { creator: wb.creator || '', sheets: [] }
  wb.eachSheet((ws) => {
    const sheet = { name: ws.name, state: ws.state, protected: !!(ws.sheetProtection && ws.sheetProtection.sheet), cells: {} }
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return
        const locked = !(cell.protection && cell.protection.locked === false)
        sheet.cells[cell.address] = { v: text(cell.value), locked }
      })
    })
    out.sheets.push(sheet)
  })
  return out
}

function sheetjsRead(file) {
  const wb = XLSX.readFile(file, { cellStyles: true })
  const out = { creator: (wb.Props && wb.Props.Author) || '', sheets: [] }
  wb.SheetNames.forEach((name, i) => {
    const ws = wb.Sheets[name]
    const hidden = (wb.Workbook && wb.Workbook.Sheets && wb.Workbook.Sheets[i] && wb.Workbook.Sheets[i].Hidden) || 0
    const sheet = { name, state: ['visible', 'hidden', 'veryHidden'][hidden], protected: !!ws['!protect'], cells: {} }
    for (const addr of Object.keys(ws)) {
      if (addr[0] === '!') continue
      const c = ws[addr]
      if (c.v === undefined || c.v === null || c.v === '') continue
      sheet.cells[addr] = { v: c.v instanceof Date ? c.v.toISOString() : String(c.v), locked: true }
    }
    out.sheets.push(sheet)
  })
  return out
}

async function main() {
  const [cmd, a, b] = process.argv.slice(2)
  switch (cmd) {
    case 'exceljs-read':
      process.stdout.write(JSON.stringify(await exceljsRead(a)))
      break
    case 'sheetjs-read':
      process.stdout.write(JSON.stringify(sheetjsRead(a)))
      break
    case 'exceljs-resave': {
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.readFile(a)
      await wb.xlsx.writeFile(b)
      break
    }
    case 'sheetjs-resave':
      XLSX.writeFile(XLSX.readFile(a, { cellStyles: true, bookVBA: true }), b, { bookType: 'xlsx', cellStyles: true })
      break
    default:
      throw new Error('usage: peer.cjs exceljs-read|sheetjs-read FILE | exceljs-resave|sheetjs-resave IN OUT')
  }
}

main().catch((e) => {
  process.stderr.write(String(e && e.message ? e.message : e) + '\n')
  process.exit(1)
})
