// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const sourceRoot = resolve(import.meta.dirname, '../../renderer/src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.(ts|vue)$/.test(entry.name) ? [path] : []
  })
}

describe('renderer boundaries', () => {
  it('reaches window.casevault only from the stores', () => {
    const callers = sourceFiles(sourceRoot)
      .filter((file) => !file.endsWith('env.d.ts'))
      .filter((file) => /window\.casevault|casevault\(\)/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(sourceRoot, file).replaceAll('\\', '/'))
    expect(callers.length).toBeGreaterThan(0)
    expect(callers.filter((file) => !file.startsWith('stores/'))).toEqual([])
  })

  it('never offers the clipboard (the recovery key must not leak through it)', () => {
    const users = sourceFiles(sourceRoot).filter((file) =>
      /navigator\.clipboard|execCommand\(/.test(readFileSync(file, 'utf8')),
    )
    expect(users).toEqual([])
  })
})
