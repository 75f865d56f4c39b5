import type zh from './zh-CN'

// Typed against zh-CN so a missing key fails the typecheck.
const en: typeof zh = {
  title: 'Audit chain',
  intro:
    "Your bank's audit log is a hash chain: each record holds the hash of the one before it, and a background job seals new records in order a few seconds after they are written. Write the head hash down outside the system (a report, a ticket); verifying recomputes every hash and names the first record that was altered, deleted or moved.",
  head: 'Head',
  seq: 'Seq',
  hash: 'Head hash',
  recordAt: 'Recorded at',
  recordId: 'Record ID',
  none: 'No record is sealed yet',
  counts: '{sealed} sealed · {unsealed} waiting to be sealed (within seconds)',
  verify: 'Verify the chain',
  refresh: 'Refresh',
  intact: 'The audit chain is intact: {checked} records checked',
  intactEmpty: 'There is no record to verify yet',
  broken: 'The audit chain breaks at record #{id} (seq {seq})',
  reasons: {
    altered: 'This record was changed after it was sealed: its contents no longer match its hash.',
    missing: 'Records before this one (from seq {expected}) were deleted.',
    reordered: 'This record does not link to the one before it: records were moved or swapped.',
  },
  checkedUpTo: 'Last intact record: seq {seq}, hash {hash}',
  loadFailed: 'The audit chain could not be read',
}

export default en
