// English messages. Keys are literals at every call site (a component test checks each exists).
// vue-i18n treats { } @ $ | as syntax: keep them out of plain text ('|' separates plural forms).
import { shellMessages } from './en/shell'
import { accessMessages } from './en/access'
import { casesMessages } from './en/cases'
import { backupMessages } from './en/backup'
import { firstRestoreMessages } from './en/first-restore'
import { adminMessages } from './en/admin'
import { screeningMessages } from './en/screening'
import { directoryMessages } from './en/directory'
import { referralsMessages } from './en/referrals'
import { dashboardMessages } from './en/dashboard'
import { exchangeMessages } from './en/exchange'
import { discardMessages } from './en/discard'
import { nativeMessages } from './en/native'

export const en = {
  ...shellMessages,
  ...accessMessages,
  ...casesMessages,
  ...backupMessages,
  ...firstRestoreMessages,
  ...adminMessages,
  ...screeningMessages,
  ...directoryMessages,
  ...referralsMessages,
  ...dashboardMessages,
  ...exchangeMessages,
  ...discardMessages,
  ...nativeMessages,
}

export type MessageSchema = typeof en
