import * as NoticeAPI from '../../wailsjs/go/app/NoticeAPI'
import type { notice } from '../../wailsjs/go/models'
import { call } from './core'

export type NoticeTemplate = notice.Template
export type NoticePreview = notice.Preview
export type NoticePlaceholder = notice.Placeholder

/** Paragraph kinds of a 通报's body, as Go numbers them (docx.Kind). */
export const ParagraphKind = { Text: 0, Heading1: 1, Heading2: 2, Flush: 3 } as const

export const noticeApi = {
  /** exportNotice asks where to save the round's 通报 and writes it; '' when the user cancelled. */
  exportNotice: (roundId: number) => call(NoticeAPI.ExportNotice(roundId)),
  getTemplate: () => call(NoticeAPI.GetNoticeTemplate()),
  saveTemplate: (t: NoticeTemplate) => call(NoticeAPI.SaveNoticeTemplate(t)),
  resetTemplate: () => call(NoticeAPI.ResetNoticeTemplate()),
  placeholders: () => call(NoticeAPI.NoticePlaceholders()),
  preview: (roundId: number, t: NoticeTemplate) => call(NoticeAPI.PreviewNotice(roundId, t)),
}
