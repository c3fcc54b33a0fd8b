// English messages. Keys are literals at every call site (a component test checks each exists).
// vue-i18n treats { } @ $ | as syntax: keep them out of plain text ('|' separates plural forms).
import { shellMessages } from './en/shell'
import { accessMessages } from './en/access'
import { casesMessages } from './en/cases'
import { backupMessages } from './en/backup'
import { adminMessages } from './en/admin'

export const en = {
  ...shellMessages,
  ...accessMessages,
  ...casesMessages,
  ...backupMessages,
  ...adminMessages,
}

export type MessageSchema = typeof en
