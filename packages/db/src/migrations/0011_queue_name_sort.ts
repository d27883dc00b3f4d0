import { type Kysely, sql } from "kysely";

// The review queue sorted by institution name, served by an index.
//
// Sorting requests by a column of another table cannot walk an index: the
// queue joined all 180,000 institutions and sorted them (on disk, ~270 ms)
// to show 50 rows. The name the sort needs is therefore kept on the request
// itself, sos_requests.institution_name, and the two queue shapes get their
// index: nationwide (the ministry) and one prefecture (an officer, or the
// ministry's prefecture filter). status is carried in both so the queue's
// status filter is checked in the index without visiting the table.
//
// The copy is the database's job, so it cannot drift from institutions.name:
// - every insert of a request, and every update of its institution_id or of
//   the copy itself, takes the name from institutions (a value written by
//   anyone else is replaced); FOR SHARE waits for a rename in progress, so the
//   copy is the committed name;
// - a rename updates the copies of that institution's requests in the same
//   transaction (requests' version and updated_at are left alone: a rename
//   is not a change to the request).
// An unknown institution leaves the copy empty and the foreign key refuses
// the row with its own message.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table sos_requests add column institution_name text;
    update sos_requests r set institution_name = i.name
      from institutions i where i.id = r.institution_id;
    alter table sos_requests alter column institution_name set not null;

    create function sos_requests_copy_institution_name() returns trigger language plpgsql as $$
      begin
        select name into new.institution_name from institutions
          where id = new.institution_id for share;
        if not found then new.institution_name := ''; end if;
        return new;
      end $$;
    create trigger sos_requests_copy_institution_name
      before insert or update of institution_id, institution_name on sos_requests
      for each row execute function sos_requests_copy_institution_name();

    create function institutions_rename_requests() returns trigger language plpgsql as $$
      begin
        update sos_requests set institution_name = new.name where institution_id = new.id;
        return null;
      end $$;
    create trigger institutions_rename_requests
      after update of name on institutions
      for each row when (old.name is distinct from new.name)
      execute function institutions_rename_requests();

    create index sos_requests_name_idx on sos_requests (institution_name, id) include (status);
    create index sos_requests_prefecture_name_idx
      on sos_requests (prefecture_code, institution_name, id) include (status);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index if exists sos_requests_prefecture_name_idx;
    drop index if exists sos_requests_name_idx;
    drop trigger if exists institutions_rename_requests on institutions;
    drop function if exists institutions_rename_requests();
    drop trigger if exists sos_requests_copy_institution_name on sos_requests;
    drop function if exists sos_requests_copy_institution_name();
    alter table sos_requests drop column if exists institution_name;
  `.execute(db);
}
