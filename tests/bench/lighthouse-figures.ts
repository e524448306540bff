/** The figures `pnpm lighthouse` reports from one Lighthouse result, and the median of several runs. */

/** The parts of Lighthouse's result (its LHR) read here. */
export interface Lhr {
  categories: Record<
    string,
    { score: number | null; auditRefs: { id: string; weight: number }[] } | undefined
  >
  audits: Record<
    string,
    | {
        id: string
        title: string
        score: number | null
        displayValue?: string
        numericValue?: number
        details?: unknown
      }
    | undefined
  >
}

export interface LighthouseRun {
  lhr: Lhr
  performance: number
  tbt: number
  lcp: number
  cls: number
  /** Bytes of JavaScript fetched, as sent (compressed). */
  scriptBytes: number
  /** Milliseconds the main thread spent evaluating script (throttled CPU). */
  scriptMs: number
  longTasks: { startTime: number; duration: number }[]
  bootup: { url: string; scripting: number; parse: number }[]
  shifts: { score: number; snippet: string }[]
}

const items = <T>(lhr: Lhr, id: string): T[] =>
  ((lhr.audits[id]?.details as { items?: T[] } | undefined)?.items ?? []) as T[]

export function readRun(lhr: Lhr): LighthouseRun {
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? 0
  const script = items<{ resourceType: string; transferSize: number }>(lhr, 'resource-summary').find(
    (i) => i.resourceType === 'script',
  )
  const work = items<{ group: string; duration: number }>(lhr, 'mainthread-work-breakdown').find(
    (i) => i.group === 'scriptEvaluation',
  )
  return {
    lhr,
    performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    tbt: numeric('total-blocking-time'),
    lcp: numeric('largest-contentful-paint'),
    cls: numeric('cumulative-layout-shift'),
    scriptBytes: script?.transferSize ?? 0,
    scriptMs: work?.duration ?? 0,
    longTasks: items<{ startTime: number; duration: number }>(lhr, 'long-tasks'),
    bootup: items<{ url: string; scripting: number; scriptParseCompile: number }>(lhr, 'bootup-time').map(
      (i) => ({ url: i.url, scripting: i.scripting, parse: i.scriptParseCompile }),
    ),
    shifts: items<{ node?: { snippet?: string }; score?: number }>(lhr, 'layout-shifts').map((i) => ({
      score: i.score ?? 0,
      snippet: i.node?.snippet ?? '?',
    })),
  }
}

/** The run with the median performance score (the lower middle one for an even count). */
export function medianRun(runs: LighthouseRun[]): LighthouseRun {
  if (runs.length === 0) throw new Error('no Lighthouse runs to take the median of')
  const sorted = [...runs].sort((a, b) => a.performance - b.performance || a.tbt - b.tbt)
  return sorted[Math.floor((sorted.length - 1) / 2)] as LighthouseRun
}
