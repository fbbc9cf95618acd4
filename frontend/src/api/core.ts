// The one place where a rejected call into Go becomes an AppError the views can show.

export type ErrorCode = 'invalid' | 'not_found' | 'conflict' | 'internal'

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'AppError'
  }
}

/** toAppError turns whatever a Go call rejected with into an AppError. */
export function toAppError(reason: unknown): AppError {
  if (reason instanceof AppError) return reason
  const text = reason instanceof Error ? reason.message : String(reason)
  try {
    const parsed = JSON.parse(text) as { code?: ErrorCode; message?: string }
    if (parsed && typeof parsed.message === 'string') {
      return new AppError(parsed.code ?? 'internal', parsed.message)
    }
  } catch {
    // not one of ours: fall through
  }
  return new AppError('internal', text)
}

/** call awaits a Go call and rethrows its failure as an AppError. */
export async function call<T>(p: Promise<T>): Promise<T> {
  try {
    return await p
  } catch (e) {
    throw toAppError(e)
  }
}
