/**
 * Who may do what with a document, in one place: read it, read its drafts (history, old revisions,
 * diffs), and edit it. Reading and saving both use these, so neither imports the other.
 */
import type { Actor, ServiceContext } from '../context'
import { forbidden } from '../errors'
import { readableItem, readableItemRow } from '../items/guards'
import type { ItemRowColumns, LoadedItem } from '../items/load'
import { requireActor } from '../memberships/access'
import { can } from '../policy'

/** Loads the document and checks the caller may read it (NOT_FOUND otherwise). */
export async function readableDocument(ctx: ServiceContext, id: string): Promise<LoadedItem> {
  return readableItem(ctx, 'document', id)
}

/**
 * Earlier revisions are the groups' working drafts: only their people (and site admins) read the
 * history, old revisions and diffs; the public reads the published text only. Takes the document's
 * row as `itemRowQuery` read it inside the query that also fetches the revisions (undefined when
 * there is no such document): NOT_FOUND when the caller may not read it, FORBIDDEN when they read
 * it as the public.
 */
export function draftsReaderRow(actor: Actor | null, row: ItemRowColumns | undefined): LoadedItem {
  const item = readableItemRow(actor, 'document', row)
  if (!item.access.role && !item.access.isSiteAdmin)
    throw forbidden('Only the groups writing this document can see its earlier revisions.')
  return item
}

/** Loads the document and checks that the actor may edit it (any participant group's editors). */
export async function editableDocument(
  ctx: ServiceContext,
  id: string,
): Promise<{ actor: Actor; item: LoadedItem }> {
  const actor = requireActor(ctx.actor)
  const item = await readableItem(ctx, 'document', id)
  if (!can(item.access, 'item.edit'))
    throw forbidden(
      'Only the chair, officers and secretariats of the groups writing this document can edit it.',
    )
  return { actor, item }
}
