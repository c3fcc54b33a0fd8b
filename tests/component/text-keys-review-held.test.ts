// @vitest-environment jsdom
// Held checks from the text-and-keyboard hunt: each passes today and guards behaviour that matters.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from '@vue/compiler-sfc'
import { caseDeletionReasons } from '../../main/api/contract'
import { en } from '../../renderer/src/i18n/en'

const sourceRoot = resolve(import.meta.dirname, '../../renderer/src')

/** The part of @vue/compiler-core's template AST these scans read. */
interface TemplateNode {
  type: number
  tag?: string
  content?: string | { content?: string }
  props?: {
    type: number
    name: string
    value?: { content: string }
    arg?: { content: string }
    exp?: { content: string }
    loc: { start: { line: number } }
  }[]
  children?: TemplateNode[]
  branches?: TemplateNode[]
  loc: { start: { line: number } }
}

function vueFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return vueFiles(path)
    return entry.name.endsWith('.vue') ? [path] : []
  })
}

/** Calls visit on every element and text node of every template, with its file. */
function eachNode(visit: (node: TemplateNode, file: string) => void): void {
  for (const path of vueFiles(sourceRoot)) {
    const template = parse(readFileSync(path, 'utf8'), { filename: path }).descriptor.template
    if (!template) continue
    const file = relative(sourceRoot, path).replaceAll('\\', '/')
    const walk = (node: TemplateNode): void => {
      visit(node, file)
      for (const child of node.children ?? []) walk(child)
      for (const branch of node.branches ?? []) walk(branch)
    }
    walk(template.ast as unknown as TemplateNode)
  }
}

const hasWords = (text: string) => /\p{L}/u.test(text)
const literals = (expression: string) =>
  [...expression.matchAll(/(['"`])((?:\\.|(?!\1)[^\\])*)\1/g)].map((match) => match[2] ?? '')
/** A dotted i18n key or code ('cases.title', 'prs_Gender'), which is no reader's text. */
const looksLikeKey = (text: string) => /^[\w-]+(\.[\w-]+)*$/.test(text) && !/\s/.test(text)

const TEXT_ATTRIBUTES = new Set([
  'placeholder',
  'title',
  'aria-label',
  'alt',
  'label',
  'header',
  'summary',
  'legend',
  'filter-placeholder',
  'empty-message',
  'aria-valuetext',
  'aria-roledescription',
])

function lookup(key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined,
      en,
    )
}

describe('held: every screen’s words come from vue-i18n', () => {
  it('no template holds reader-visible literal text or literal text attributes/props', () => {
    const offenders: string[] = []
    eachNode((node, file) => {
      const line = node.loc.start.line
      // Plain text between tags (2): punctuation, numbers and symbols only.
      if (node.type === 2 && typeof node.content === 'string' && hasWords(node.content)) {
        // About: the CC BY 4.0 licence's address is fixed text the licence requires, not wording.
        if (node.content.trim() !== 'creativecommons.org/licenses/by/4.0')
          offenders.push(`${file}:${line} text "${node.content.trim()}"`)
      }
      // {{ 'literal' }} in an interpolation (5).
      if (node.type === 5 && typeof node.content === 'object' && node.content.content) {
        for (const text of literals(node.content.content))
          if (hasWords(text) && !looksLikeKey(text) && /\s/.test(text) && !/\$\{/.test(text))
            offenders.push(`${file}:${line} {{ "${text}" }}`)
      }
      if (node.type !== 1) return
      for (const prop of node.props ?? []) {
        // placeholder="Search…" (6)
        if (prop.type === 6 && TEXT_ATTRIBUTES.has(prop.name) && prop.value && hasWords(prop.value.content))
          offenders.push(`${file}:${prop.loc.start.line} ${prop.name}="${prop.value.content}"`)
        // :label="'Save'" or :label="busy ? 'Saving…' : t('x')" (7)
        if (
          prop.type === 7 &&
          prop.name === 'bind' &&
          prop.arg &&
          TEXT_ATTRIBUTES.has(prop.arg.content) &&
          prop.exp
        )
          for (const text of literals(prop.exp.content))
            if (hasWords(text.replace(/\$\{[^}]*\}/g, '')) && !looksLikeKey(text))
              offenders.push(
                `${file}:${prop.loc.start.line} :${prop.arg.content}="${prop.exp.content.trim()}"`,
              )
      }
    })
    expect(offenders).toEqual([])
  })

  it('the i18n keys built at run time resolve for every value they are built from', () => {
    const families: [string, readonly string[]][] = [
      ['caseDetail.deleteReasons', caseDeletionReasons],
      ['backup.restore.newerWork', ['cases', 'deleted', 'accounts', 'directory', 'unlinked']],
      [
        'screening.templates',
        [
          'text',
          'key',
          'help',
          'type',
          'weight',
          'yesMeans',
          'critical',
          'name',
          'description',
          'thresholds',
        ],
      ],
      ['errorDetails.backupNeeds', ['privateKey', 'passphrase']],
      ['exchange.export.scope', ['changedCases', 'deletedCases']],
    ]
    const missing = families.flatMap(([prefix, values]) =>
      values.map((value) => `${prefix}.${value}`).filter((key) => typeof lookup(key) !== 'string'),
    )
    expect(missing).toEqual([])
  })

  it('the message files merged into en share no top-level section (a later one would replace the earlier whole)', () => {
    const folder = resolve(sourceRoot, 'i18n/en')
    const owners = new Map<string, string[]>()
    for (const name of readdirSync(folder).filter((file) => file.endsWith('.ts'))) {
      const text = readFileSync(join(folder, name), 'utf8')
      const exported = /export const \w+Messages = \{\n([\s\S]*)\n\}/.exec(text)?.[1] ?? ''
      for (const match of exported.matchAll(/^ {2}(\w+): \{/gm))
        owners.set(match[1]!, [...(owners.get(match[1]!) ?? []), name])
    }
    expect(owners.size).toBeGreaterThan(20)
    expect([...owners].filter(([, files]) => files.length > 1)).toEqual([])
  })
})

describe('held: keyboard order and names, by scan', () => {
  it('no template sets a positive tabindex (it would break the reading order)', () => {
    const offenders: string[] = []
    eachNode((node, file) => {
      for (const prop of node.props ?? []) {
        const value =
          prop.type === 6 && prop.name === 'tabindex'
            ? prop.value?.content
            : prop.type === 7 && prop.arg?.content === 'tabindex'
              ? prop.exp?.content
              : undefined
        if (value !== undefined && /(^|[^-\d])[1-9]/.test(value))
          offenders.push(`${file}:${prop.loc.start.line} ${value}`)
      }
    })
    expect(offenders).toEqual([])
  })

  it('every button without content has a label or aria-label (no icon-only button without a name)', () => {
    const offenders: string[] = []
    eachNode((node, file) => {
      if (node.type !== 1 || (node.tag !== 'Button' && node.tag !== 'button')) return
      const names = (node.props ?? []).map((prop) =>
        prop.type === 6 ? prop.name : (prop.arg?.content ?? prop.name),
      )
      const named = ['label', 'aria-label', 'aria-labelledby'].some((name) => names.includes(name))
      if (!named && (node.children ?? []).length === 0) offenders.push(`${file}:${node.loc.start.line}`)
    })
    expect(offenders).toEqual([])
  })
})
