import { describe, it, expect, vi, beforeEach } from 'vitest'
import { mount, flushPromises } from '@vue/test-utils'
import ElementPlus, { ElMessage } from 'element-plus'
import { createI18n } from 'vue-i18n'
import report from '../locales/zh-CN/report'
import ReportExportButton from './ReportExportButton.vue'
import { AppError } from '../api/core'

const exportReport = vi.fn()
vi.mock('../api/report', () => ({ reportApi: { exportReport: (id: number) => exportReport(id) } }))

function mountButton() {
  const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': { report } } })
  return mount(ReportExportButton, { props: { roundId: 7, roundCode: '2024Q3' }, global: { plugins: [ElementPlus, i18n] } })
}

describe('ReportExportButton', () => {
  beforeEach(() => {
    exportReport.mockReset()
    vi.restoreAllMocks()
  })

  it('exports the round and says where the file went', async () => {
    exportReport.mockResolvedValue('/home/u/2024Q3_汇总表.xlsx')
    const success = vi.spyOn(ElMessage, 'success')
    const w = mountButton()
    await w.get('[data-test="report-export"]').trigger('click')
    await flushPromises()
    expect(exportReport).toHaveBeenCalledWith(7)
    expect(success).toHaveBeenCalledWith(expect.objectContaining({ message: '汇总表已保存到 /home/u/2024Q3_汇总表.xlsx' }))
    expect(w.emitted('exported')).toEqual([['/home/u/2024Q3_汇总表.xlsx']])
  })

  it('says nothing when the save dialog is cancelled', async () => {
    exportReport.mockResolvedValue('')
    const success = vi.spyOn(ElMessage, 'success')
    const w = mountButton()
    await w.get('[data-test="report-export"]').trigger('click')
    await flushPromises()
    expect(success).not.toHaveBeenCalled()
    expect(w.emitted('exported')).toBeUndefined()
  })

  it('shows the Chinese message of a failure and can be clicked again', async () => {
    exportReport.mockRejectedValueOnce(new AppError('invalid', '无法保存 2024Q3_汇总表.xlsx（文件是否正在 Excel 或 WPS 中打开？）'))
    const error = vi.spyOn(ElMessage, 'error')
    const w = mountButton()
    await w.get('[data-test="report-export"]').trigger('click')
    await flushPromises()
    expect(error).toHaveBeenCalledWith(
      expect.objectContaining({ message: '汇总表导出失败：无法保存 2024Q3_汇总表.xlsx（文件是否正在 Excel 或 WPS 中打开？）' }),
    )
    expect(w.get('[data-test="report-export"]').attributes('disabled')).toBeUndefined()
  })
})
