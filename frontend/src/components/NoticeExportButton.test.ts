import { describe, it, expect, vi, beforeEach } from 'vitest'
import { mount, flushPromises } from '@vue/test-utils'
import ElementPlus, { ElMessage } from 'element-plus'
import { createI18n } from 'vue-i18n'
import notice from '../locales/zh-CN/notice'
import NoticeExportButton from './NoticeExportButton.vue'
import { AppError } from '../api/core'

const api = { exportNotice: vi.fn(), getTemplate: vi.fn(), preview: vi.fn() }
vi.mock('../api/notice', () => ({
  ParagraphKind: { Text: 0, Heading1: 1, Heading2: 2, Flush: 3 },
  noticeApi: {
    exportNotice: (id: number) => api.exportNotice(id),
    getTemplate: () => api.getTemplate(),
    preview: (id: number, t: unknown) => api.preview(id, t),
  },
}))

const preview = { title: '关于2024年第三季度“常委看党建”观摩\n评价结果的通报', addressee: '区直各部门：', note: '',
  body: [{ kind: 2, text: '（一）“优秀”等次单位（1个）。区司法局。' }], attachment: '汇总表', issuer: '区委区直机关工委', date: '2024年12月20日' }

function mountButton() {
  const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': { notice, common: { cancel: '取消' } } } })
  return mount(NoticeExportButton, { props: { roundId: 7, roundCode: '2024Q3' }, global: { plugins: [ElementPlus, i18n] }, attachTo: document.body })
}

describe('NoticeExportButton', () => {
  beforeEach(() => {
    Object.values(api).forEach((f) => f.mockReset())
    vi.restoreAllMocks()
    api.getTemplate.mockResolvedValue({ title: 't' })
  })

  it('previews the 通报 with the saved template, then saves it and says where', async () => {
    api.preview.mockResolvedValue(preview)
    api.exportNotice.mockResolvedValue('/home/u/2024Q3_通报.docx')
    const success = vi.spyOn(ElMessage, 'success')
    const w = mountButton()
    await w.get('[data-test="notice-open"]').trigger('click')
    await flushPromises()
    expect(api.preview).toHaveBeenCalledWith(7, { title: 't' })
    expect(document.body.textContent).toContain('（一）“优秀”等次单位（1个）。区司法局。')
    ;(document.querySelector('[data-test="notice-save"]') as HTMLElement).click()
    await flushPromises()
    expect(api.exportNotice).toHaveBeenCalledWith(7)
    expect(success).toHaveBeenCalledWith(expect.objectContaining({ message: '通报已保存到 /home/u/2024Q3_通报.docx' }))
    expect(w.emitted('exported')).toEqual([['/home/u/2024Q3_通报.docx']])
    w.unmount()
  })

  it('shows Go’s Chinese refusal and opens nothing', async () => {
    api.preview.mockRejectedValue(new AppError('invalid', '2024年第四季度“常委看党建”观摩还没有单位得出评分结果，暂不能生成通报'))
    const error = vi.spyOn(ElMessage, 'error')
    const w = mountButton()
    await w.get('[data-test="notice-open"]').trigger('click')
    await flushPromises()
    expect(error).toHaveBeenCalledWith(expect.objectContaining({ message: '通报生成失败：2024年第四季度“常委看党建”观摩还没有单位得出评分结果，暂不能生成通报' }))
    expect(api.exportNotice).not.toHaveBeenCalled()
    w.unmount()
  })
})
