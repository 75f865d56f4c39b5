package migrations

// feedbackRefsByStatement checks, on PostgreSQL, that a feedback record's
// branch and person exist once per statement instead of once per row.
//
// The three foreign keys of feedback_records (tenant, branch, person) each
// ran a trigger and a locking lookup for every row written: a file import
// of a million rows spent 3.6× the time it took without them (19,454
// against 70,365 records/s; BENCHMARKS "Session 13: the import on
// PostgreSQL"). The same guarantee, kept by the database, now costs two
// set-based lookups per statement:
//
//   - After every INSERT or UPDATE of feedback_records (a file import
//     COPYs 40,000 rows in one statement), the new rows' distinct branches
//     and people must exist in the same tenant, or the statement fails as
//     a foreign key would (SQLSTATE 23503). The tenant follows from the
//     branch, which references it. The lookups are planned from the
//     tables' statistics: on tables never analysed they can pick an index
//     by tenant alone (autovacuum analyses soon; run ANALYZE after a
//     restore).
//   - Deleting a branch or a person that feedback names fails the same way,
//     and their ids (which nothing changes) cannot change.
//
// A foreign key also locks each row it finds, so that a concurrent delete
// waits. Here the deleting statement instead takes SHARE on feedback_records,
// which waits for every transaction that has written records to end, and
// then looks with a fresh snapshot. A writer that comes later sees the
// delete when it checks. That holds in READ COMMITTED, where each statement
// sees what committed before it; a writer in a stricter isolation level
// locks the rows it names as a foreign key does (slow, but never wrong), and
// a delete there is refused. SQLite keeps its foreign keys, checked at commit.
func feedbackRefsByStatement(d Dialect) []string {
	if d != Postgres {
		return nil
	}
	return []string{
		`DO $$
		DECLARE c record;
		BEGIN
			FOR c IN SELECT conname FROM pg_constraint
				WHERE conrelid = 'feedback_records'::regclass AND contype = 'f'
				AND confrelid IN ('tenants'::regclass, 'branches'::regclass, 'users'::regclass)
			LOOP
				EXECUTE format('ALTER TABLE feedback_records DROP CONSTRAINT %I', c.conname);
			END LOOP;
		END $$`,
		`CREATE FUNCTION feedback_records_refs_exist() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
		BEGIN
			IF current_setting('transaction_isolation') <> 'read committed' THEN
				PERFORM 1 FROM branches b WHERE (b.tenant_id, b.id) IN (SELECT n.tenant_id, n.branch_id FROM new_rows n) FOR KEY SHARE;
				PERFORM 1 FROM users u WHERE (u.tenant_id, u.id) IN (SELECT n.tenant_id, n.employee_id FROM new_rows n) FOR KEY SHARE;
			END IF;
			IF EXISTS (SELECT 1 FROM (SELECT DISTINCT tenant_id, branch_id FROM new_rows) n WHERE NOT EXISTS (
				SELECT 1 FROM branches b WHERE b.tenant_id = n.tenant_id AND b.id = n.branch_id)) THEN
				RAISE EXCEPTION 'feedback_records: a branch that does not exist in the tenant' USING ERRCODE = 'foreign_key_violation';
			END IF;
			IF EXISTS (SELECT 1 FROM (SELECT DISTINCT tenant_id, employee_id FROM new_rows WHERE employee_id IS NOT NULL) n WHERE NOT EXISTS (
				SELECT 1 FROM users u WHERE u.tenant_id = n.tenant_id AND u.id = n.employee_id)) THEN
				RAISE EXCEPTION 'feedback_records: a person who does not exist in the tenant' USING ERRCODE = 'foreign_key_violation';
			END IF;
			RETURN NULL;
		END $$`,
		// A trigger with transition tables fires for one event only.
		`CREATE TRIGGER feedback_records_refs_insert AFTER INSERT ON feedback_records
			REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION feedback_records_refs_exist()`,
		`CREATE TRIGGER feedback_records_refs_update AFTER UPDATE ON feedback_records
			REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION feedback_records_refs_exist()`,
		`CREATE FUNCTION feedback_records_refs_kept() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
		BEGIN
			IF current_setting('transaction_isolation') <> 'read committed' THEN
				RAISE EXCEPTION '%: rows are deleted in READ COMMITTED only (feedback_records checks them by statement)', TG_TABLE_NAME
					USING ERRCODE = 'feature_not_supported';
			END IF;
			LOCK TABLE feedback_records IN SHARE MODE;
			IF TG_TABLE_NAME = 'branches' THEN
				IF EXISTS (SELECT 1 FROM old_rows o JOIN feedback_records f ON f.tenant_id = o.tenant_id AND f.branch_id = o.id) THEN
					RAISE EXCEPTION 'branches: feedback records name the branch' USING ERRCODE = 'foreign_key_violation';
				END IF;
			ELSIF EXISTS (SELECT 1 FROM old_rows o JOIN feedback_records f ON f.tenant_id = o.tenant_id AND f.employee_id = o.id) THEN
				RAISE EXCEPTION 'users: feedback records name the person' USING ERRCODE = 'foreign_key_violation';
			END IF;
			RETURN NULL;
		END $$`,
		`CREATE TRIGGER feedback_records_refs_branches AFTER DELETE ON branches
			REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION feedback_records_refs_kept()`,
		`CREATE TRIGGER feedback_records_refs_users AFTER DELETE ON users
			REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION feedback_records_refs_kept()`,
		`CREATE FUNCTION ids_never_change() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN
			RAISE EXCEPTION '%: an id never changes', TG_TABLE_NAME USING ERRCODE = 'foreign_key_violation';
		END $$`,
		`CREATE TRIGGER ids_never_change BEFORE UPDATE OF tenant_id, id ON branches FOR EACH ROW
			WHEN (OLD.tenant_id IS DISTINCT FROM NEW.tenant_id OR OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION ids_never_change()`,
		`CREATE TRIGGER ids_never_change BEFORE UPDATE OF tenant_id, id ON users FOR EACH ROW
			WHEN (OLD.tenant_id IS DISTINCT FROM NEW.tenant_id OR OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION ids_never_change()`,
	}
}
