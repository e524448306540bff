/**
 * search.query: public, and what it finds of an item follows the policy's read rule exactly: the
 * caller finds a topic, session, document or comment by a word only it holds iff `item.read`
 * allows them the item (mayRead); a hidden comment is found by nobody.
 */
import { indexItem, type SearchDocType } from '@appg-hub/db'
import { always, type CaseContext, mayRead, type RouterCases } from '../../support/authz-model'
import { ITEM_RELATIONS } from '../../support/authz-world'

let counter = 0
/** A word no other row holds (letters only, so every engine indexes it whole). */
function uniqueWord(): string {
  counter += 1
  let letters = ''
  for (let n = counter; n > 0; n = Math.floor(n / 26)) letters += String.fromCharCode(97 + (n % 26))
  return `zq${letters}xwordy`
}

type Made = { q: string; type: SearchDocType; id: string }

async function made(ctx: CaseContext, type: 'topic' | 'session' | 'document' | 'comment', hidden = false) {
  const { w, relation } = ctx
  const rel = relation as (typeof ITEM_RELATIONS)[number]
  const q = uniqueWord()
  let id: string
  if (type === 'topic') id = await w.make.topic(rel, { title: `About ${q}` })
  else if (type === 'session') {
    id = await w.make.session(rel)
    await w.db
      .updateTable('meeting')
      .set({ title: `About ${q}` })
      .where('id', '=', id)
      .execute()
  } else if (type === 'document') {
    id = (await w.make.document(rel)).id
    await w.db
      .updateTable('document')
      .set({ title: `About ${q}` })
      .where('id', '=', id)
      .execute()
  } else {
    const topicId = await w.make.topic(rel)
    id = await w.make.comment('topic', topicId, w.person.deltaMember!.id, { body: `About ${q}`, hidden })
  }
  // The factories write rows directly; the product indexes in the same transaction as each write.
  await indexItem(w.db, type, id)
  return { q, type, id } satisfies Made
}

/** Found iff the policy lets the caller read the item, and then with its own type and id. */
function foundIff(shouldFind: (ctx: CaseContext) => boolean) {
  return (ctx: CaseContext, input: unknown, result: unknown) => {
    const { made: item } = input as { made: Made }
    const items = (result as { items: { type: string; id: string }[] }).items
    const found = items.some((r) => r.type === item.type && r.id === item.id)
    if (items.length > (found ? 1 : 0))
      throw new Error(`found other rows for a unique word: ${JSON.stringify(items)}`)
    if (found !== shouldFind(ctx))
      throw new Error(
        `${ctx.caller} ${found ? 'found' : 'did not find'} the ${item.type} of relation ${ctx.relation}`,
      )
  }
}

const readable = (ctx: CaseContext) => mayRead(ctx.caller, ctx.relation)

function variant(type: 'topic' | 'session' | 'document' | 'comment', hidden = false) {
  return {
    name: hidden ? 'a hidden comment' : `a ${type}`,
    relations: ITEM_RELATIONS,
    // `made` rides along in the input for the check; the procedure's schema strips it.
    input: async (ctx: CaseContext) => {
      const m = await made(ctx, type, hidden)
      return { q: m.q, made: m }
    },
    expect: always,
    check: foundIff(hidden ? () => false : readable),
  }
}

export const searchCases: RouterCases = {
  'search.query': {
    access: 'public',
    variants: [
      variant('topic'),
      variant('session'),
      variant('document'),
      variant('comment'),
      variant('comment', true),
    ],
  },
}
