// An API answer as its code ('OK' or the error's): shared by the casework review fixes.
export const code = (result: { ok: boolean; error?: { code: string } }) =>
  result.ok ? 'OK' : result.error!.code

/** An API call's code and the paths of the fields it names (none when it succeeded). */
export async function outcome(
  host: { dispatch: (channel: string, input?: unknown) => Promise<unknown> },
  channel: string,
  input: unknown,
): Promise<{ code: string; paths: string[] }> {
  const result = (await host.dispatch(channel, input)) as
    { ok: true } | { ok: false; error: { code: string; details?: { issues?: { path: string }[] } } }
  if (result.ok) return { code: 'OK', paths: [] }
  return { code: result.error.code, paths: (result.error.details?.issues ?? []).map((issue) => issue.path) }
}
