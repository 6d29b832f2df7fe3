/**
 * FerretDB 1.24 on PostgreSQL pushes an equality filter down as JSONB containment
 * (`_jsonb -> 'field' @> value`), but the indexes it creates for `createIndex` are btree
 * expression indexes, which cannot serve `@>`: every query scanned its collection
 * (docs/architecture.md, decisions 48 and 66). GIN indexes on the same expressions can. This
 * event trigger gives every btree index FerretDB creates on `_jsonb` a GIN twin (`<name>_gin`)
 * in the same transaction, and the DO block adds the twins missing in a database that existed
 * before (a persistent data dir). Only the database FerretDB runs on is touched; MongoDB needs
 * none of it.
 */
export const GIN_MIRROR_SQL = `
CREATE OR REPLACE FUNCTION switchboard_gin_twin(index_oid oid) RETURNS void
LANGUAGE plpgsql AS $fn$
DECLARE
  def text := pg_get_indexdef(index_oid);
  tbl regclass;
  idx text;
BEGIN
  IF def NOT LIKE '%USING btree (%_jsonb%' THEN
    RETURN;
  END IF;
  SELECT indrelid::regclass, relname INTO tbl, idx
    FROM pg_index JOIN pg_class ON pg_class.oid = indexrelid
   WHERE indexrelid = index_oid;
  EXECUTE format(
    'CREATE INDEX IF NOT EXISTS %I ON %s USING gin (%s)',
    left(idx, 59) || '_gin',
    tbl,
    regexp_replace(substring(def FROM 'USING btree \\((.*)\\)$'), ' (DESC|ASC)', '', 'g')
  );
END
$fn$;

CREATE OR REPLACE FUNCTION switchboard_gin_mirror() RETURNS event_trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT objid FROM pg_event_trigger_ddl_commands() WHERE command_tag = 'CREATE INDEX' LOOP
    PERFORM switchboard_gin_twin(r.objid);
  END LOOP;
END
$fn$;

DROP EVENT TRIGGER IF EXISTS switchboard_gin_mirror;
CREATE EVENT TRIGGER switchboard_gin_mirror ON ddl_command_end WHEN TAG IN ('CREATE INDEX')
  EXECUTE FUNCTION switchboard_gin_mirror();

DO $do$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT i.indexrelid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            WHERE pg_get_indexdef(i.indexrelid) LIKE '%USING btree (%_jsonb%'
              AND NOT EXISTS (SELECT 1 FROM pg_class t
                               WHERE t.relname = left(c.relname, 59) || '_gin'
                                 AND t.relnamespace = c.relnamespace) LOOP
    PERFORM switchboard_gin_twin(r.indexrelid);
  END LOOP;
END
$do$;
`;
