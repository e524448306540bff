// `pnpm start` runs this: the client is rebuilt only when its sources changed since the last build.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { STAMP, sourceHash, WEB_DIR } from './source-hash.mjs'

const built = existsSync(join(WEB_DIR, 'dist', 'index.html')) && existsSync(STAMP)
if (built && readFileSync(STAMP, 'utf8').trim() === sourceHash()) {
  console.log('The web client is up to date (its sources have not changed since it was built).')
} else {
  console.log(built ? 'The web client changed: building it…' : 'Building the web client…')
  execFileSync('pnpm', ['--filter', '@appg-hub/web', 'build'], { stdio: 'inherit' })
}
