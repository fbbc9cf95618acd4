import { describe, expect, it } from 'vitest'
import { columnFilter, readTable } from './tableTools'

// The markup of an el-table as Element Plus renders it: header and body tables, a class per
// column on its th and td, the actions column marked no-export.
const markup = `
<div class="el-table" data-test="t">
  <div class="el-table__header-wrapper"><table><thead><tr>
    <th class="el-table_1_column_1"><div class="cell">编号</div></th>
    <th class="el-table_1_column_2"><div class="cell">状态<span class="caret-wrapper"></span></div></th>
    <th class="el-table_1_column_3 no-export"><div class="cell">操作</div></th>
  </tr></thead></table></div>
  <div class="el-table__body-wrapper"><table><tbody>
    <tr class="el-table__row"><td class="el-table_1_column_1"><div class="cell">2024Q4</div></td><td class="el-table_1_column_2"><div class="cell">评分中</div></td><td class="el-table_1_column_3 no-export"><div class="cell">编辑</div></td></tr>
    <tr class="el-table__row"><td class="el-table_1_column_1"><div class="cell">2024Q3</div></td><td class="el-table_1_column_2"><div class="cell"><span>已结束</span>
      <div>2024-09-18</div></div></td><td class="el-table_1_column_3 no-export"><div class="cell">查看</div></td></tr>
  </tbody></table></div>
</div>`

describe('readTable', () => {
  it('reads the shown columns in order and each row, leaving the actions out', () => {
    document.body.innerHTML = markup
    const t = readTable(document.querySelector('[data-test="t"]')!, '观摩轮次')
    expect(t.title).toBe('观摩轮次')
    expect(t.headers).toEqual(['编号', '状态'])
    expect(t.rows.length).toBe(2)
    expect(t.rows[0]).toEqual(['2024Q4', '评分中'])
    expect(t.rows[1]![0]).toBe('2024Q3')
    expect(t.rows[1]![1]).toMatch(/^已结束\s*2024-09-18$/)
  })
})

describe('columnFilter', () => {
  it('offers each value once and tests a row against it', () => {
    const rows = [{ s: '党委' }, { s: '党组' }, { s: '党委' }, { s: '' }]
    const f = columnFilter(rows, (r) => r.s)
    expect(f.filters).toEqual([{ text: '党委', value: '党委' }, { text: '党组', value: '党组' }])
    expect(rows.filter((r) => f['filter-method']('党委', r)).length).toBe(2)
  })
})
