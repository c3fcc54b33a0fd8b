// Serves the built renderer (out/renderer) to the e2e browser, on 127.0.0.1 only, with no dependencies.
// Usage: node tests/e2e/support/serve-static.mjs <dir> <port>
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, join, relative, resolve, isAbsolute } from 'node:path'

const root = resolve(process.argv[2] ?? 'out/renderer')
const port = Number(process.argv[3] ?? 4321)

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
  '.map': 'application/json; charset=utf-8',
}

async function fileFor(urlPath) {
  let decoded
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  const candidate = resolve(root, '.' + (decoded.endsWith('/') ? decoded + 'index.html' : decoded))
  const rel = relative(root, candidate)
  // Same rule as main's request filter: nothing outside the renderer folder.
  if (rel.startsWith('..') || isAbsolute(rel)) return null
  try {
    const info = await stat(candidate)
    return info.isFile() ? candidate : null
  } catch {
    return null
  }
}

const server = createServer(async (request, response) => {
  const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1')
  const file = request.method === 'GET' || request.method === 'HEAD' ? await fileFor(pathname) : null
  if (!file) {
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found')
    return
  }
  // No caching: a rebuilt renderer must be what the next test run sees.
  response.writeHead(200, {
    'Content-Type': types[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': 'no-store',
  })
  if (request.method === 'HEAD') response.end()
  else createReadStream(file).pipe(response)
})

server.listen(port, '127.0.0.1', () => {
  console.log(`serving ${join(root)} on http://127.0.0.1:${port}`)
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)))
