import { describe, expect, it } from 'vitest'
import { AppError, call, toAppError } from './core'

describe('toAppError', () => {
  it.each([
    ['a JSON error from Go', '{"code":"conflict","message":"简称「教体局」已被其他单位使用"}', 'conflict', '简称「教体局」已被其他单位使用'],
    ['a JSON error without a code', '{"message":"出错了"}', 'internal', '出错了'],
    ['a plain string', 'connection refused', 'internal', 'connection refused'],
    ['JSON that is not one of ours', '{"error":"x"}', 'internal', '{"error":"x"}'],
    ['a JSON number', '42', 'internal', '42'],
    ['JSON null', 'null', 'internal', 'null'],
  ])('reads %s', (_what, reason, code, message) => {
    const e = toAppError(reason)
    expect(e).toBeInstanceOf(AppError)
    expect(e.code).toBe(code)
    expect(e.message).toBe(message)
  })

  it('reads an Error whose message is a JSON error from Go', () => {
    const e = toAppError(new Error('{"code":"not_found","message":"单位不存在，可能已被删除"}'))
    expect(e.code).toBe('not_found')
    expect(e.message).toBe('单位不存在，可能已被删除')
  })

  it('keeps the text of an ordinary Error', () => {
    const e = toAppError(new TypeError('Failed to fetch'))
    expect(e.code).toBe('internal')
    expect(e.message).toBe('Failed to fetch')
  })

  it('passes an AppError through unchanged', () => {
    const original = new AppError('invalid', '简称不能为空')
    expect(toAppError(original)).toBe(original)
  })

  it('names the error for the console', () => {
    expect(toAppError('x').name).toBe('AppError')
  })
})

describe('call', () => {
  it('resolves with the value of the Go call', async () => {
    await expect(call(Promise.resolve([1, 2]))).resolves.toEqual([1, 2])
  })

  it('rejects with an AppError', async () => {
    const rejected = call(Promise.reject('{"code":"invalid","message":"联系片名称不能为空"}'))
    await expect(rejected).rejects.toBeInstanceOf(AppError)
    await expect(rejected).rejects.toMatchObject({ code: 'invalid', message: '联系片名称不能为空' })
  })
})
