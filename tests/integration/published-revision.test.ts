import { newId } from '@appg-hub/db'
import { describe, expect } from 'vitest'
import { dialects, type HubContext, hubTest } from '../support/hub-test'
import { joinTopic, makeTopic, refusal } from '../support/joint-work'

describe.each(dialects())('the published revision on $name', (dialect) => {
  const it = hubTest(dialect)

  async function publishedJointBriefing({ world, api }: Pick<HubContext, 'world' | 'api'>) {
    const topicId = await makeTopic(api, world)
    await joinTopic(api, world, topicId, 'beta')
    const secretariat = await api.as(world.people.secretariat.id)
    const created = await secretariat.documents.create({
      groupSlug: 'alpha',
      kind: 'briefing',
      title: 'Joint briefing',
      body: 'Agreed text.',
      visibility: 'public',
      topicId,
    })
    const asked = await (await api.as(world.people.officer.id)).documents.publish({ id: created.id })
    await (await api.as(world.people.betaOfficer.id)).publication.approve({ id: asked.publication!.id })
    return created
  }

  it('later saves stay a working draft for the groups until the next approval', async ({ world, api }) => {
    const { id, revisionId } = await publishedJointBriefing({ world, api })
    const betaSecretariat = await api.as(world.people.betaSecretariat.id)
    await betaSecretariat.documents.save({
      id,
      baseRevisionId: revisionId,
      body: 'Agreed text.\n\nDRAFT NOTE: figures to be checked before circulation.',
    })
    const anon = await api.as(null)
    const outside = await anon.documents.get({ id })
    expect(outside).toMatchObject({ status: 'published', head: { number: 1 }, body: 'Agreed text.' })
    expect(JSON.stringify(outside)).not.toContain('DRAFT NOTE')
    expect(outside.changesSincePublication).toBeNull()
    expect(
      JSON.stringify(await (await api.as(world.people.gammaOfficer.id)).documents.get({ id })),
    ).not.toContain('DRAFT NOTE')

    const member = await (await api.as(world.people.betaMember.id)).documents.get({ id })
    expect(member).toMatchObject({ head: { number: 2 }, published: { number: 1, body: 'Agreed text.' } })
    expect(member.body).toContain('DRAFT NOTE')
    expect(member.changesSincePublication).toMatchObject({ fromNumber: 1, toNumber: 2, added: 2, removed: 0 })

    // The next approval publishes revision 2.
    const officer = await api.as(world.people.officer.id)
    const again = await officer.documents.publish({ id })
    expect(again.publication).toMatchObject({ status: 'pending', revisionNumber: 2 })
    expect(JSON.stringify(await anon.documents.get({ id }))).not.toContain('DRAFT NOTE')
    await (await api.as(world.people.betaOfficer.id)).publication.approve({ id: again.publication!.id })
    expect((await anon.documents.get({ id })).body).toContain('DRAFT NOTE')
    expect((await officer.documents.get({ id })).changesSincePublication).toBeNull()
    // Nothing new to publish: asking again is refused.
    expect(await refusal(officer.documents.publish({ id }))).toBe('CONFLICT')
  })

  it('the notice names every group with its contact, secretariat (links split) and funders', async ({
    db,
    world,
    api,
  }) => {
    await db
      .updateTable('appg')
      .set({
        registered_contact_name: 'Tom Example MP',
        registered_contact_email: 'tom.example.mp@parliament.uk',
        secretariat:
          "Alpha Charity and Beta Trust jointly act as the group's secretariat.https://www.alpha.example.org.ukandhttps://www.beta-trust.example.org",
      })
      .where('id', '=', world.alpha.id)
      .execute()
    await db
      .updateTable('appg')
      .set({
        secretariat: 'PharmaCo Public Affairs',
        website_url: 'https://beta.example.org https://beta2.example.org',
      })
      .where('id', '=', world.beta.id)
      .execute()
    await db
      .insertInto('benefit')
      .values({
        id: newId(),
        appg_id: world.beta.id,
        source: 'PharmaCo Ltd',
        description: 'Secretariat From: 01/01/2026 To: 31/12/2026',
        value_band: '12,001-13,500',
        received: '01/01/2026',
        registered: '15/01/2026',
        benefit_type: 'Benefits In Kind',
        position: 0,
      })
      .execute()
    const { id } = await publishedJointBriefing({ world, api })
    const notice = (await (await api.as(null)).documents.get({ id })).publication!
    expect(notice.notice).toContain('not an official publication')
    expect(notice.groups).toEqual([
      {
        slug: 'alpha',
        title: world.alpha.title,
        contact: { name: 'Tom Example MP', email: 'tom.example.mp@parliament.uk' },
        secretariat: {
          text: "Alpha Charity and Beta Trust jointly act as the group's secretariat.",
          links: ['https://www.alpha.example.org.uk', 'https://www.beta-trust.example.org'],
        },
        website: [],
        funders: [],
      },
      {
        slug: 'beta',
        title: world.beta.title,
        contact: null,
        secretariat: { text: 'PharmaCo Public Affairs', links: [] },
        website: ['https://beta.example.org', 'https://beta2.example.org'],
        funders: [
          {
            source: 'PharmaCo Ltd',
            description: 'Secretariat From: 01/01/2026 To: 31/12/2026',
            valueBand: '12,001-13,500',
            received: '01/01/2026',
            registered: '15/01/2026',
          },
        ],
      },
    ])
  })
})
