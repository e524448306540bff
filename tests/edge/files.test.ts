/**
 * Attached files through the Worker on workerd (`wrangler dev`): bytes in the local R2 bucket of
 * the `FILES` binding, metadata in MariaDB behind the PlanetScale HTTP protocol; the same journey
 * as on Node (tests/integration/files.test.ts), Word import and export included.
 */
import type { Db } from '@appg-hub/db'
import { migrateToLatest } from '@appg-hub/db'
import { createDb } from '@appg-hub/db/create-db'
import { createMysqlDatabase, dropMysqlDatabases } from '@appg-hub/db/testing'
import { afterAll, beforeAll, describe } from 'vitest'
import { type PlanetscaleHttp, startPlanetscaleHttp } from '../../infra/planetscale-http/server'
import { FILES_LIMITS, filesJourney } from '../support/files-journey'
import { loadDemoWorld } from '../support/server'
import { startWorker, type WorkerProcess } from '../support/wrangler'

describe.skipIf(!process.env.MYSQL_URL)('files through the Worker on workerd (R2)', () => {
  let planetscale: PlanetscaleHttp
  let worker: WorkerProcess
  let db: Db

  beforeAll(async () => {
    planetscale = await startPlanetscaleHttp({ mysqlUrl: await createMysqlDatabase('hub_edge_files') })
    db = await createDb(planetscale.url)
    await migrateToLatest(db)
    await loadDemoWorld(db)
    worker = await startWorker({
      DATABASE_URL: planetscale.url,
      DEMO_MODE: 'true',
      MAX_UPLOAD_MB: String(FILES_LIMITS.maxUploadMb),
      GROUP_QUOTA_MB: String(FILES_LIMITS.groupQuotaMb),
    })
  })

  afterAll(async () => {
    await worker?.close()
    await db?.destroy()
    await planetscale?.close()
    await dropMysqlDatabases()
  })

  filesJourney(() => ({ url: worker.url, db }))
})
