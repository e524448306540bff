/**
 * `pnpm bundle-size`: the Worker bundle's size, raw and gzipped, and what it is made of (minified
 * bytes by package). Exits 1 above the budget of 300 KB gzipped.
 */
import { measureWorkerBundle, WORKER_BUNDLE_LIMIT_GZIP } from '../support/worker-bundle'

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`
const bundle = measureWorkerBundle()
console.log(
  `Worker bundle: ${kb(bundle.raw)} raw, ${kb(bundle.gzip)} gzipped (budget ${kb(WORKER_BUNDLE_LIMIT_GZIP)} gzipped; headroom ${kb(WORKER_BUNDLE_LIMIT_GZIP - bundle.gzip)})`,
)
console.log('Largest parts (minified, before gzip):')
for (const [part, bytes] of bundle.parts.slice(0, 15)) console.log(`  ${kb(bytes).padStart(9)}  ${part}`)
if (bundle.gzip > WORKER_BUNDLE_LIMIT_GZIP) {
  console.error(`The Worker bundle is over budget by ${kb(bundle.gzip - WORKER_BUNDLE_LIMIT_GZIP)}.`)
  process.exit(1)
}
