import { describe, expect, it } from 'vitest'
import {
  CONTENT_SECURITY_POLICY,
  buildWebPreferences,
  isAllowedRequest,
  isTrustedRendererUrl,
} from '../../main/window/security'
import { resolveDataDir } from '../../main/window/data-dir'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

// The main process's security rules as pure functions: the window's web preferences, the CSP,
// which requests and renderer URLs are trusted.

// Paths only: these checks compare URLs and folders, they read no files there.
const rendererDir = resolve('/opt/casevault/app/out/renderer')
const indexUrl = pathToFileURL(join(rendererDir, 'index.html')).href

describe('security helpers', () => {
  it('builds webPreferences without DevTools when packaged', () => {
    expect(buildWebPreferences('/p.cjs', true)).toMatchObject({ devTools: false, sandbox: true })
    expect(buildWebPreferences('/p.cjs', false).devTools).toBe(true)
  })

  it('allows only files inside the renderer folder', () => {
    expect(isAllowedRequest(indexUrl, rendererDir)).toBe(true)
    expect(isAllowedRequest(`${pathToFileURL(rendererDir).href}/../main/index.js`, rendererDir)).toBe(false)
    expect(isAllowedRequest(`${pathToFileURL(rendererDir).href}/%2e%2e/main/index.js`, rendererDir)).toBe(
      false,
    )
    expect(isAllowedRequest(`${pathToFileURL(rendererDir).href}/a%2F..%2F..%2Fx`, rendererDir)).toBe(false)
    expect(isAllowedRequest(pathToFileURL(`${rendererDir}-evil/index.html`).href, rendererDir)).toBe(false)
    expect(isAllowedRequest('file://server/share/index.html', rendererDir)).toBe(false)
    expect(isAllowedRequest('not a url', rendererDir)).toBe(false)
    expect(isAllowedRequest('data:image/png;base64,AAAA', rendererDir)).toBe(true)
    expect(isAllowedRequest('blob:file:///x', rendererDir)).toBe(false)
    expect(isAllowedRequest('devtools://devtools/bundled/x.html', rendererDir)).toBe(false)
  })

  it('allows the dev server, its HMR socket and DevTools only when a dev server is given', () => {
    const dev = 'http://localhost:5173'
    expect(isAllowedRequest('http://localhost:5173/src/main.ts', rendererDir, dev)).toBe(true)
    expect(isAllowedRequest('ws://localhost:5173/', rendererDir, dev)).toBe(true)
    expect(isAllowedRequest('devtools://devtools/bundled/x.html', rendererDir, dev)).toBe(true)
    expect(isAllowedRequest('http://localhost:5174/', rendererDir, dev)).toBe(false)
    expect(isAllowedRequest('https://example.com/', rendererDir, dev)).toBe(false)
  })

  it('trusts IPC only from the renderer index page', () => {
    const location = { rendererDir }
    expect(isTrustedRendererUrl(`${indexUrl}#/app/cases`, location)).toBe(true)
    expect(isTrustedRendererUrl(pathToFileURL(join(rendererDir, 'other.html')).href, location)).toBe(false)
    expect(isTrustedRendererUrl('https://example.com/', location)).toBe(false)
    expect(isTrustedRendererUrl(undefined, location)).toBe(false)
    const dev = { rendererDir, devServerUrl: 'http://localhost:5173' }
    expect(isTrustedRendererUrl('http://localhost:5173/#/unlock', dev)).toBe(true)
    expect(isTrustedRendererUrl(indexUrl, dev)).toBe(false)
  })

  it('resolves the data folder from --data, then CASEVAULT_DATA, then a folder of its own in userData', () => {
    expect(resolveDataDir(['x', '--data', 'vault'], {}, '/user', '/cwd')).toBe(resolve('/cwd/vault'))
    expect(resolveDataDir(['x', '--data=/abs'], { CASEVAULT_DATA: '/env' }, '/user', '/cwd')).toBe(
      resolve('/abs'),
    )
    expect(resolveDataDir(['x'], { CASEVAULT_DATA: '/env' }, '/user', '/cwd')).toBe(resolve('/env'))
    expect(resolveDataDir(['x'], { CASEVAULT_DATA: ' ' }, '/user', '/cwd')).toBe(join('/user', 'vault'))
    // A --data naming no folder is refused: falling back put a portable vault on the host.
    expect(() => resolveDataDir(['x', '--data'], {}, '/user', '/cwd')).toThrow()
  })

  const indexHtml = resolve(import.meta.dirname, '../../renderer/index.html')
  it.skipIf(!existsSync(indexHtml))('uses the same CSP as the <meta> tag in renderer/index.html', () => {
    const html = readFileSync(indexHtml, 'utf8')
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)
    expect(meta?.[1]?.replace(/\s+/g, ' ').trim()).toBe(CONTENT_SECURITY_POLICY)
  })
})
