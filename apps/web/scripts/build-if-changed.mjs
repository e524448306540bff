// `pnpm start` runs this: the client is rebuilt only when its sources changed since the last build.
// (An argument names another folder laid out as apps/web, for the tests.)
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { sourceHash, WEB_DIR } from './source-hash.mjs'

const webDir = process.argv[2] ?? WEB_DIR
const stamp = join(webDir, 'dist', '.source-hash')
const built = existsSync(join(webDir, 'dist', 'index.html')) && existsSync(stamp)
if (built && readFileSync(stamp, 'utf8').trim() === sourceHash(webDir)) {
  console.log('The web client is up to date (its sources have not changed since it was built).')
} else {
  console.log(built ? 'The web client changed: building it…' : 'Building the web client…')
  execFileSync('pnpm', ['--filter', '@appg-hub/web', 'build'], { stdio: 'inherit', cwd: webDir })
}
