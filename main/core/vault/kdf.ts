import argon2 from 'argon2'

export interface KdfParams {
  memoryKiB: number
  iterations: number
  parallelism: number
}

/** The floor the app and CLI never go below (OWASP's Argon2id minimum is lower; we are stricter). */
export const KDF_FLOOR: KdfParams = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 }
export const KDF_TARGET_MS = 500
const KDF_MAX_MEMORY_KIB = 256 * 1024
const KDF_MAX_ITERATIONS = 64

export const KEY_LENGTH = 32

/** Argon2id(passphrase, salt) → 32-byte key-encryption key, returned as a Buffer the caller wipes. */
export async function deriveKey(passphrase: string, salt: Buffer, params: KdfParams): Promise<Buffer> {
  return argon2.hash(passphrase, {
    type: argon2.argon2id,
    raw: true,
    salt,
    hashLength: KEY_LENGTH,
    memoryCost: params.memoryKiB,
    timeCost: params.iterations,
    parallelism: params.parallelism,
  })
}

export function atLeastFloor(params: KdfParams): boolean {
  return (
    params.memoryKiB >= KDF_FLOOR.memoryKiB &&
    params.iterations >= KDF_FLOOR.iterations &&
    params.parallelism >= KDF_FLOOR.parallelism
  )
}

/**
 * Finds parameters that take at least `targetMs` on this machine, starting from the floor:
 * memory first (what makes GPU guessing expensive) up to 256 MiB, then iterations.
 */
export async function calibrateKdf(
  targetMs = KDF_TARGET_MS,
  now: () => number = () => performance.now(),
): Promise<{ params: KdfParams; measuredMs: number }> {
  const params: KdfParams = { ...KDF_FLOOR }
  const salt = Buffer.alloc(16, 7)
  for (;;) {
    const started = now()
    const key = await deriveKey('calibration', salt, params)
    key.fill(0)
    const measuredMs = now() - started
    if (measuredMs >= targetMs) return { params, measuredMs }
    if (params.memoryKiB < KDF_MAX_MEMORY_KIB) {
      params.memoryKiB = Math.min(KDF_MAX_MEMORY_KIB, params.memoryKiB * 2)
    } else if (params.iterations < KDF_MAX_ITERATIONS) {
      // Scale iterations by the shortfall so calibration converges in a few steps.
      const factor = Math.max(1.2, targetMs / Math.max(measuredMs, 1))
      params.iterations = Math.min(KDF_MAX_ITERATIONS, Math.ceil(params.iterations * factor))
    } else {
      return { params, measuredMs }
    }
  }
}
