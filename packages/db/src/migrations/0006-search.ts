import { type Kysely, sql } from 'kysely'
import { rebuildSearchIndex, SEARCH_DOC_TYPES } from '../search/index-rows'
import { ID, isMysql, TIME } from './helpers'

/**
 * Full-text search: `search_index` holds each searchable thing's words. On SQLite an FTS5 table
 * indexes it as external content (porter stemming, diacritics removed), kept in step by triggers;
 * on MySQL/MariaDB (and PlanetScale) an InnoDB FULLTEXT index covers title and body, whose columns
 * use a case- and accent-insensitive collation (the rest of the schema is binary, which would make
 * FULLTEXT matching case-sensitive). The index is then built from the existing data.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (isMysql(db)) {
    await sql`create table search_index (
      id bigint not null auto_increment primary key,
      doc_type varchar(16) not null,
      doc_id ${sql.raw(ID)} not null,
      item_type varchar(16),
      item_id ${sql.raw(ID)},
      title text collate utf8mb4_unicode_ci not null,
      body mediumtext collate utf8mb4_unicode_ci not null,
      updated_at ${sql.raw(TIME)} not null,
      unique key search_index_doc (doc_type, doc_id),
      key search_index_item (item_type, item_id),
      fulltext key search_index_text (title, body)
    ) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin`.execute(db)
  } else {
    await sql`create table search_index (
      id integer primary key autoincrement,
      doc_type varchar(16) not null,
      doc_id ${sql.raw(ID)} not null,
      item_type varchar(16),
      item_id ${sql.raw(ID)},
      title text not null,
      body text not null,
      updated_at ${sql.raw(TIME)} not null
    )`.execute(db)
    await sql`create unique index search_index_doc on search_index (doc_type, doc_id)`.execute(db)
    await sql`create index search_index_item on search_index (item_type, item_id)`.execute(db)
    await sql`create virtual table search_fts using fts5(
      title, body, content='search_index', content_rowid='id',
      tokenize='porter unicode61 remove_diacritics 2'
    )`.execute(db)
    await sql`create trigger search_index_ai after insert on search_index begin
      insert into search_fts(rowid, title, body) values (new.id, new.title, new.body);
    end`.execute(db)
    await sql`create trigger search_index_ad after delete on search_index begin
      insert into search_fts(search_fts, rowid, title, body) values ('delete', old.id, old.title, old.body);
    end`.execute(db)
    await sql`create trigger search_index_au after update on search_index begin
      insert into search_fts(search_fts, rowid, title, body) values ('delete', old.id, old.title, old.body);
      insert into search_fts(rowid, title, body) values (new.id, new.title, new.body);
    end`.execute(db)
  }
  // Builds the index for what the database already holds. It calls today's index code, not a
  // frozen copy: on a database migrated later it builds what today's search expects. Published
  // documents' approved-revision rows read a column that 0010-publication-consent adds; no
  // document has an approved revision before that migration, so there are none to build here.
  await rebuildSearchIndex(db, SEARCH_DOC_TYPES)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isMysql(db)) {
    for (const trigger of ['search_index_ai', 'search_index_ad', 'search_index_au'])
      await sql`drop trigger if exists ${sql.raw(trigger)}`.execute(db)
    await sql`drop table if exists search_fts`.execute(db)
  }
  await db.schema.dropTable('search_index').execute()
}
