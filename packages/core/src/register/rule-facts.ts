/**
 * The facts the rule checks rest on, in one table: each rule's wording, where the Guide to the Rules
 * on All-Party Parliamentary Groups says it, and the figures the checks compare with.
 *
 * Source: the Guide issued by the Committee on Standards on 18 July 2023 with the Rules the House
 * agreed on 19 July 2023 (in force from 16 October 2023, fully from the start of the 2024 Parliament;
 * parliament.uk, "Guide to the rules on All-Party Parliamentary Groups"). The text of that Guide could
 * not be read with its paragraph numbers (only its cover page and summaries of it were reachable), so
 * no rule below cites a paragraph number: each cites the Guide's section by its subject, and says
 * where its wording and figures were confirmed. Never add a paragraph number without the Guide's text.
 */

export type RuleId =
  | 'chair.mp'
  | 'officers.minimum'
  | 'officers.balance'
  | 'members.minimum'
  | 'members.balance'
  | 'agm.deadline'
  | 'agm.statement'
  | 'benefits.timely'
  | 'notices.week'

export interface RuleFact {
  /** The rule as the page names it. */
  name: string
  /** Where the Guide says it: the section, as no paragraph number could be confirmed. */
  cite: string
  /**
   * False when the figure or wording could not be confirmed against the current Guide's own text
   * (the page says so beside the check).
   */
  confirmed: boolean
}

/** The party of government and the main opposition party in the 2024 Parliament, as the Register spells them. */
export const GOVERNMENT_PARTIES = ['Labour', 'Labour (Co-op)'] as const
export const MAIN_OPPOSITION_PARTIES = ['Conservative'] as const

export const RULE_FIGURES = {
  /**
   * Four officers at least, two of them MPs (the Chair & Registered Contact among them), one from the
   * party or parties of government and one from the main opposition party: the officer rules as the
   * Commissioner's form for registering the result of an AGM restates them.
   */
  minOfficers: 4,
  minOfficerMps: 2,
  /**
   * The Register's long-standing minimum of 20 qualifying members (the Register of All-Party Groups'
   * introduction, 2007). Not confirmed against the current Guide's text: `confirmed: false`.
   */
  minMembers: 20,
  /**
   * The 2023 rules' threshold: above £1,500 a year a group registers its benefits and publishes an
   * income and expenditure statement (summaries of the 2023 rules; the Register's bands are £1,500 wide).
   */
  benefitThreshold: 1500,
  /**
   * Changes to a group's Register entry, benefits included, are registered within 28 days (the
   * Register's introduction, 2007, and the registration form's 28 days). Not confirmed against the
   * current Guide's text: `confirmed: false` on the benefits check.
   */
  registerWithinDays: 28,
  // All-Party Notices' week is NOTICE_DAYS in core/sessions/notice.ts, which the notices check reuses.
} as const

export const RULES: Record<RuleId, RuleFact> = {
  'chair.mp': {
    name: 'The Chair & Registered Contact is an MP',
    // Guide, section on officers; also Code of Conduct paragraph 10 (a Chair's duty), not the Guide.
    cite: 'Guide to the Rules on APPGs (2023), section on officers: the Chair & Registered Contact',
    confirmed: true,
  },
  'officers.minimum': {
    name: 'At least four officers, two of them MPs',
    cite: 'Guide to the Rules on APPGs (2023), section on officers',
    confirmed: true,
  },
  'officers.balance': {
    name: 'Officers from the party of government and the main opposition party',
    cite: 'Guide to the Rules on APPGs (2023), section on officers',
    confirmed: true,
  },
  'members.minimum': {
    name: 'At least 20 members',
    cite: 'Guide to the Rules on APPGs (2023), section on membership',
    confirmed: false,
  },
  'members.balance': {
    name: 'Members from the party of government and the main opposition party',
    // The officer rule applied to the membership list; the Guide's own membership wording was not reachable.
    cite: 'Guide to the Rules on APPGs (2023), section on membership',
    confirmed: false,
  },
  'agm.deadline': {
    name: 'AGM held and registered by the deadline',
    cite: 'Guide to the Rules on APPGs (2023), section on annual general meetings',
    confirmed: true,
  },
  'agm.statement': {
    name: 'Income and expenditure statement published',
    // Two tiers since 2023: groups whose benefits exceed £1,500 a year publish the statement.
    cite: 'Guide to the Rules on APPGs (2023), section on income and expenditure statements',
    confirmed: true,
  },
  'benefits.timely': {
    name: 'Benefits above £1,500 registered within 28 days',
    cite: 'Guide to the Rules on APPGs (2023), section on registering benefits (timeliness of registration)',
    confirmed: false,
  },
  'notices.week': {
    name: 'All-Party Notices at least seven days ahead',
    // The 2025 answer to HL3637 restates it: notice "at least a week in advance".
    cite: 'Guide to the Rules on APPGs (2023), section on sessions: All-Party Notices',
    confirmed: true,
  },
}

export const RULE_IDS = Object.keys(RULES) as RuleId[]
