import { z } from 'zod'
import {
  changePassphraseInput,
  createUserInput,
  createVaultInput,
  resetPassphraseInput,
  unlockWithRecoveryKeyInput,
} from '../../../main/api/contract'
import { MISMATCH_PARAM } from './validation-message'

// Form schemas: the contract's input schemas (what main enforces) plus a repeat-the-passphrase field.

function sameAs(field: string, repeatField: string) {
  return {
    path: [repeatField],
    params: { [MISMATCH_PARAM]: true },
    // Compare as soon as both are strings, even while other fields still have errors.
    when(payload: { value: unknown }) {
      const value = payload.value
      if (value === null || typeof value !== 'object') return false
      const record = value as Record<string, unknown>
      return typeof record[field] === 'string' && typeof record[repeatField] === 'string'
    },
  }
}

export const setupFormSchema = createVaultInput
  .extend({ passphraseConfirm: z.string() })
  .refine((v) => v.passphrase === v.passphraseConfirm, sameAs('passphrase', 'passphraseConfirm'))

export const recoveryFormSchema = unlockWithRecoveryKeyInput
  .extend({ newPassphraseConfirm: z.string() })
  .refine((v) => v.newPassphrase === v.newPassphraseConfirm, sameAs('newPassphrase', 'newPassphraseConfirm'))

export const changePassphraseFormSchema = changePassphraseInput
  .extend({ newPassphraseConfirm: z.string() })
  .refine((v) => v.newPassphrase === v.newPassphraseConfirm, sameAs('newPassphrase', 'newPassphraseConfirm'))

export const addUserFormSchema = createUserInput
  .extend({ passphraseConfirm: z.string() })
  .refine((v) => v.passphrase === v.passphraseConfirm, sameAs('passphrase', 'passphraseConfirm'))

export const resetPassphraseFormSchema = resetPassphraseInput
  .extend({ newPassphraseConfirm: z.string() })
  .refine((v) => v.newPassphrase === v.newPassphraseConfirm, sameAs('newPassphrase', 'newPassphraseConfirm'))
