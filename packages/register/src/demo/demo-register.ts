/**
 * The demo Register: a handful of invented groups in the Register's edition shape (JSON Lines), so
 * that a fresh clone starts, and its tests run, with nothing beside the repository. Every entry
 * says it is demo data; the real Register comes from its publisher (`hub sync-register`).
 *
 * The file is imported twice, as an edition (groups, officers, benefits) and then as a members
 * file (topic tags, membership lists), as the real edition and members file are.
 */
import { fileURLToPath } from 'node:url'

export const DEMO_REGISTER_FILE = fileURLToPath(new URL('./register/demo-register.jsonl', import.meta.url))

/** The edition date (YYMMDD) the demo entries carry: older than any real edition, so a real import replaces them. */
export const DEMO_REGISTER_EDITION = '200101'
