package server_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/store"
)

// auditChainRows cover the audit log's hash chain: like the log, it is the
// whole bank's, read by those who read the log at the head office. Rows are
// sealed first, so that each bank has a head another could leak.
func auditChainRows() []row {
	return []row{
		{method: "GET", path: "/api/v1/audit/actions", access: perm, perm: "audit.read", ok: 200,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/audit/actions", nil) }},
		{method: "GET", path: "/api/v1/audit/export", access: perm, perm: "audit.read", ok: 200, check: auditExportCheck,
			run: func(x *cell) resp { return x.do("GET", "/api/v1/audit/export", nil) }},
		{method: "GET", path: "/api/v1/audit/chain", access: perm, perm: "audit.read", ok: 200, check: auditChainHeadCheck,
			run: func(x *cell) resp {
				sealAudit(x)
				return x.do("GET", "/api/v1/audit/chain", nil)
			}},
		{method: "GET", path: "/api/v1/audit/chain/verify", access: perm, perm: "audit.read", ok: 200, check: auditChainVerifyCheck,
			run: func(x *cell) resp {
				sealAudit(x)
				return x.do("GET", "/api/v1/audit/chain/verify", nil)
			}},
	}
}

// auditExportCheck: every entry exported is one of the caller's bank.
func auditExportCheck(x *cell, r resp) {
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(r.Body, "\ufeff"))).ReadAll()
	if err != nil || len(rows) < 2 {
		x.t.Errorf("%s: audit export: %v (%d rows)", x.caller, err, len(rows))
		return
	}
	var n int64
	if err := x.env().App.DB.R.Model(&audit.Entry{}).Scopes(store.Tenant(x.w.tenant[x.caller.tenant])).Count(&n).Error; err != nil {
		x.t.Fatal(err)
	}
	if int64(len(rows)-1) > n {
		x.t.Errorf("LEAK: %s exported %d entries, its bank has %d", x.caller, len(rows)-1, n)
		leaks++
	}
	for _, row := range rows[1:] {
		id, _ := strconv.ParseInt(row[0], 10, 64)
		var c int64
		if err := x.env().App.DB.R.Model(&audit.Entry{}).Scopes(store.Tenant(x.w.tenant[x.caller.tenant])).Where("id = ?", id).Count(&c).Error; err != nil || c != 1 {
			x.t.Errorf("LEAK: %s exported entry %s, not its bank's", x.caller, row[0])
			leaks++
			return
		}
	}
}

func sealAudit(x *cell) {
	if _, err := audit.Seal(context.Background(), x.env().App.DB, x.env().App.Now); err != nil {
		x.t.Fatalf("seal the audit log: %v", err)
	}
}

// auditChainHeadCheck: the head shown is the caller's bank's newest sealed record.
func auditChainHeadCheck(x *cell, r resp) {
	var out audit.ChainState
	if err := json.Unmarshal([]byte(r.Body), &out); err != nil || out.Head == nil {
		x.t.Errorf("%s: audit chain: %v %s", x.caller, err, r)
		return
	}
	want, err := audit.ReadChain(context.Background(), x.env().App.DB, x.w.tenant[x.caller.tenant])
	if err != nil {
		x.t.Fatal(err)
	}
	if want.Head == nil || out.Head.Hash != want.Head.Hash || out.Head.ID != want.Head.ID {
		x.t.Errorf("LEAK or wrong chain: %s saw head %+v, its bank's is %+v", x.caller, out.Head, want.Head)
		leaks++
	}
	var n int64
	if err := x.env().App.DB.R.Model(&audit.Entry{}).Scopes(store.Tenant(x.w.tenant[x.caller.tenant])).Where("id = ?", out.Head.ID).Count(&n).Error; err != nil || n != 1 {
		x.t.Errorf("LEAK: %s saw head record %d, not its bank's (%v)", x.caller, out.Head.ID, err)
		leaks++
	}
}

// auditChainVerifyCheck: the caller's own bank's chain, whole and intact.
func auditChainVerifyCheck(x *cell, r resp) {
	var out audit.ChainVerification
	if err := json.Unmarshal([]byte(r.Body), &out); err != nil {
		x.t.Errorf("%s: verify: %v", x.caller, err)
		return
	}
	st, err := audit.ReadChain(context.Background(), x.env().App.DB, x.w.tenant[x.caller.tenant])
	if err != nil {
		x.t.Fatal(err)
	}
	if !out.OK || out.Checked != st.Sealed || st.Head == nil || out.Head == nil || out.Head.Hash != st.Head.Hash {
		x.t.Errorf("%s: verify %+v, want its bank's intact chain of %d records (head %+v)", x.caller, out, st.Sealed, st.Head)
	}
}
