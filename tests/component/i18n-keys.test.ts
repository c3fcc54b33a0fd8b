// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { errorCodes } from '../../main/api/contract'
import { en } from '../../renderer/src/i18n/en'

const sourceRoot = resolve(import.meta.dirname, '../../renderer/src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.(ts|vue)$/.test(entry.name) ? [path] : []
  })
}

/** Every literal key passed to t('…') or $t('…') (single or double quotes), with where it was found. */
function literalKeys(): { key: string; file: string }[] {
  const call = /(?<![\w.])\$?t\(\s*(['"])([^'"]+)\1/g
  return sourceFiles(sourceRoot).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(call)].map((match) => ({
      key: match[2] ?? '',
      file: relative(sourceRoot, file),
    })),
  )
}

function lookup(messages: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => {
    if (node === null || typeof node !== 'object') return undefined
    return (node as Record<string, unknown>)[part]
  }, messages)
}

function leaves(node: unknown, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]]
  if (node === null || typeof node !== 'object') return []
  return Object.entries(node).flatMap(([name, child]) => leaves(child, prefix ? `${prefix}.${name}` : name))
}

describe('English messages', () => {
  it('has a message for every literal key the renderer passes to t()', () => {
    const found = literalKeys()
    expect(found.length).toBeGreaterThan(50)
    const missing = found.filter(({ key }) => typeof lookup(en, key) !== 'string')
    expect(missing).toEqual([])
  })

  it('has a human message errors.<CODE> for every error code main can return', () => {
    for (const code of errorCodes) {
      const message = lookup(en, `errors.${code}`)
      expect(typeof message, `errors.${code}`).toBe('string')
      expect((message as string).length).toBeGreaterThan(20)
    }
  })

  it('uses only {name} placeholders and none of the characters vue-i18n reads as syntax', () => {
    for (const [key, text] of leaves(en)) {
      // '|' separates plural forms; each form must say something.
      for (const form of text.split('|')) {
        expect(form.trim(), key).not.toBe('')
        const withoutPlaceholders = form.replace(/\{[a-zA-Z]+\}/g, '')
        expect(withoutPlaceholders, key).not.toMatch(/[{}@$]/)
      }
    }
  })
})
