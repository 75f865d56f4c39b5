// Runs Lighthouse's CLI against a chromium whose cookie jar holds the given session.
// Usage: node --experimental-websocket lighthouse-signed-in.mjs CHROME 'name=value; n2=v2' URL [lighthouse flags...]
//
// Lighthouse's --extra-headers sends a Cookie header but puts nothing in the browser, and the app
// decides from document.cookie (its CSRF cookie) whether anyone is signed in before it asks the
// server; with the header alone every signed-in page was measured as the sign-in page. Lighthouse
// clears caches and service workers before it loads the page, not cookies.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { setTimeout as sleep } from 'node:timers/promises'

const [chrome, cookieHeader, url, ...flags] = process.argv.slice(2)
const port = Number(process.env.LH_CDP_PORT ?? 9322)
const lighthouse = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.bin', 'lighthouse')

/** The browser's DevTools endpoint, once it answers. */
async function browserEndpoint() {
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/json/version`)
      return (await res.json()).webSocketDebuggerUrl
    } catch {
      await sleep(100)
    }
  }
  throw new Error(`lighthouse-signed-in: no browser on port ${port}`)
}

/** Sends one DevTools command to the browser and waits for its answer. */
async function send(endpoint, method, params) {
  const ws = new WebSocket(endpoint)
  await new Promise((ok, fail) => {
    ws.onopen = ok
    ws.onerror = fail
  })
  const answer = new Promise((ok) => (ws.onmessage = (e) => ok(JSON.parse(e.data))))
  ws.send(JSON.stringify({ id: 1, method, params }))
  const reply = await answer
  ws.close()
  if (reply.error) throw new Error(`${method}: ${reply.error.message}`)
}

const profile = mkdtempSync(join(tmpdir(), 'lh-profile-'))
const browser = spawn(
  chrome,
  ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, 'about:blank'],
  // Its own process group, so that its helper processes end with it.
  { stdio: 'ignore', detached: true },
)
let status
try {
  const cookies = cookieHeader
    .split(';')
    .map((kv) => kv.trim())
    .filter(Boolean)
    .map((kv) => ({ name: kv.slice(0, kv.indexOf('=')), value: kv.slice(kv.indexOf('=') + 1), url }))
  const endpoint = await browserEndpoint()
  if (cookies.length) await send(endpoint, 'Storage.setCookies', { cookies })
  status = spawnSync(lighthouse, [url, `--port=${port}`, ...flags], { stdio: 'inherit' }).status ?? 1
} finally {
  process.kill(-browser.pid, 'SIGTERM')
  await new Promise((done) => (browser.exitCode !== null ? done() : browser.on('exit', done)))
  // A helper process may still be writing the profile for a moment; a left-over temporary
  // directory must not fail a measurement that has been made.
  try {
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 })
  } catch (e) {
    console.error(`lighthouse-signed-in: could not remove ${profile}: ${e.code}`)
  }
}
process.exit(status)
