import { onMounted, ref, watch, type Ref } from 'vue'
import {
  backupStrengthEstimator,
  isStrongEnough,
  MIN_BACKUP_PASSPHRASE_LENGTH,
  type BackupStrength,
} from '../forms/backup-strength'

/**
 * Rates a backup passphrase as the user types, with main's estimator and main's easy guesses (the
 * user's and the organisation's names). `strength` stays null until the dictionaries have loaded,
 * and a null strength never counts as strong: main would refuse what the meter has not checked.
 * Once they failed to load, only main can judge: the length is checked here, the score on save
 * (WEAK_PASSPHRASE), as the meter says. Waiting for a score that never comes barred every backup.
 */
export function useBackupStrength(passphrase: Ref<string>, userInputs: () => string[]) {
  const strength = ref<BackupStrength | null>(null)
  const loading = ref(true)
  const failed = ref(false)
  let estimate: Awaited<ReturnType<typeof backupStrengthEstimator>> | null = null

  function rate(): void {
    strength.value = estimate && passphrase.value.length > 0 ? estimate(passphrase.value, userInputs()) : null
  }

  onMounted(async () => {
    try {
      estimate = await backupStrengthEstimator()
      rate()
    } catch {
      failed.value = true
    } finally {
      loading.value = false
    }
  })
  watch(passphrase, rate)

  const strongEnough = () =>
    failed.value
      ? passphrase.value.length >= MIN_BACKUP_PASSPHRASE_LENGTH
      : isStrongEnough(passphrase.value, strength.value)
  return { strength, loading, failed, strongEnough }
}
