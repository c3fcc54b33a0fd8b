// An API answer as its code ('OK' or the error's): shared by the casework review fixes.
export const code = (result: { ok: boolean; error?: { code: string } }) =>
  result.ok ? 'OK' : result.error!.code
