package feedback_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/servicestar/servicestar/app/feedback"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/testkit"
)

// BenchmarkIngestCSV imports one CSV file of FEEDBACK_BENCH_ROWS rows
// (100,000 unless set; 1,000,000 for the figures in BENCHMARKS.md) for a
// bank of 500 branches and 10,000 staff: both passes, the writes and the
// rollups, as the job runs it. It reports records/s and the peak resident
// memory of the import itself. Run it on its own:
//
//	FEEDBACK_BENCH_ROWS=1000000 go test ./app/feedback -run '^$' -bench IngestCSV -benchtime 1x
func BenchmarkIngestCSV(b *testing.B) {
	rows := 100_000
	if v, err := strconv.Atoi(os.Getenv("FEEDBACK_BENCH_ROWS")); err == nil && v > 0 {
		rows = v
	}
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db := testkit.DB(b)
		tid := testkit.InsertTenant(b, db, fmt.Sprintf("bench%d", i))
		branches, staff := benchTenant(b, db, tid, 500, 10_000)
		imp := benchFile(b, db, tid, rows, branches, staff)
		svc := &feedback.Service{DB: db, Now: time.Now}
		// The setup's garbage (a generated file, the staff) goes back to the
		// system first: the peak is the import's, over the process's floor.
		debug.FreeOSMemory()
		_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) // peak RSS from here (Linux)
		floor := peakRSS()
		b.StartTimer()
		start, cpu0 := time.Now(), cpuTime()
		if err := svc.RunImport(context.Background(), tid, imp, nil); err != nil {
			b.Fatal(err)
		}
		took, cpu := time.Since(start), cpuTime()-cpu0
		// Read before the check below, whose count of every record maps
		// the whole table into the readers' memory.
		hwm := peakRSS()
		b.StopTimer()
		var n int64
		if err := db.R.Model(&feedback.Record{}).Scopes(store.Tenant(tid)).Count(&n).Error; err != nil || n != int64(rows) {
			b.Fatalf("%d records stored of %d (%v)", n, rows, err)
		}
		b.ReportMetric(float64(rows)/took.Seconds(), "records/s")
		// The machine may be shared: records per second of this process's
		// CPU time is the figure that does not move with the neighbours.
		b.ReportMetric(float64(rows)/cpu.Seconds(), "records/cpu-s")
		if hwm > 0 {
			b.ReportMetric(float64(hwm)/(1<<20), "peak-RSS-MB")
			b.ReportMetric(float64(floor)/(1<<20), "RSS-before-MB")
		}
	}
}

// benchTenant inserts a flat tree of n branches and m staff straight into
// the tables: setup, not the thing measured.
func benchTenant(b *testing.B, db *store.DB, tid int64, n, m int) ([]string, []string) {
	b.Helper()
	now := time.Now().UTC()
	root := org.Branch{TenantID: tid, Code: "HQ", Name: "HQ", Path: "/", CreatedAt: now, UpdatedAt: now}
	if err := db.W.Create(&root).Error; err != nil {
		b.Fatal(err)
	}
	var bs []org.Branch
	codes := make([]string, n)
	for i := range codes {
		codes[i] = fmt.Sprintf("b%03d", i)
		bs = append(bs, org.Branch{TenantID: tid, ParentID: &root.ID, Code: codes[i], Name: codes[i], Path: "/tmp" + codes[i], Depth: 1, CreatedAt: now, UpdatedAt: now})
	}
	if err := db.W.CreateInBatches(bs, 200).Error; err != nil {
		b.Fatal(err)
	}
	if err := db.W.Exec("UPDATE branches SET path = ? || CAST(id AS TEXT) || '/' WHERE tenant_id = ? AND id <> ?", fmt.Sprintf("/%d/", root.ID), tid, root.ID).Error; err != nil {
		b.Fatal(err)
	}
	var us []org.User
	staff := make([]string, m)
	for i := range staff {
		staff[i] = fmt.Sprintf("E%05d", i)
		us = append(us, org.User{TenantID: tid, BranchID: bs[i%n].ID, Username: staff[i], DisplayName: "员工" + staff[i], EmployeeCode: staff[i],
			PasswordHash: "x", Status: org.StatusActive, CreatedAt: now, UpdatedAt: now})
	}
	if err := db.W.CreateInBatches(us, 500).Error; err != nil {
		b.Fatal(err)
	}
	// Statistics, as autovacuum gathers them long before a real tenant's
	// first import: the once-per-statement check of the records' branches
	// and people (migration 38) is planned from them, and on tables never
	// analysed it looked people up by tenant alone, 5,000 rows a lookup.
	if testkit.Postgres() {
		if err := db.W.Exec("ANALYZE branches, users").Error; err != nil {
			b.Fatal(err)
		}
	}
	return codes, staff
}

// benchFile writes a generated CSV straight into upload chunks, as an
// upload leaves it, and returns its queued import.
func benchFile(b *testing.B, db *store.DB, tid int64, rows int, branches, staff []string) int64 {
	b.Helper()
	u := org.User{TenantID: tid, BranchID: 0}
	if err := db.R.Scopes(store.Tenant(tid)).Take(&u).Error; err != nil {
		b.Fatal(err)
	}
	imp := feedback.Import{TenantID: tid, Kind: "feedback", Source: "bench", Filename: "bench.csv", Encoding: "utf-8", State: feedback.ImportQueued,
		Errors: []byte("[]"), CreatedBy: u.ID, CreatedAt: time.Now().UTC()}
	if err := db.W.Create(&imp).Error; err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	seq, size := 0, int64(0)
	flush := func() {
		if buf.Len() == 0 {
			return
		}
		data := append([]byte(nil), buf.Bytes()...)
		if err := db.W.Create(&feedback.UploadChunk{TenantID: tid, ImportID: imp.ID, Seq: seq, Data: data}).Error; err != nil {
			b.Fatal(err)
		}
		size += int64(len(data))
		seq++
		buf.Reset()
	}
	buf.WriteString("external_id,channel,occurred_at,branch_code,employee_code,score,resolved,complaint,comment\n")
	channels := []string{"counter", "phone", "app", "social", "complaint"}
	for i := 0; i < rows; i++ {
		e := i % len(staff)
		resolved := ""
		if i%7 == 0 {
			resolved = "是"
		}
		fmt.Fprintf(&buf, "R%08d,%s,2026-%02d-%02d %02d:%02d,%s,%s,%d,%s,%s,%s\n", i, channels[i%5], 1+i%12, 1+i%28, 9+i%8, i%60,
			branches[e%len(branches)], staff[e], 1+i%5, resolved, strings.Repeat("否", 0)+map[bool]string{true: "是", false: "否"}[i%50 == 0], "服务满意")
		if buf.Len() >= 1<<20 {
			flush()
		}
	}
	flush()
	if err := db.W.Model(&feedback.Import{}).Scopes(store.Tenant(tid)).Where("id = ?", imp.ID).Update("bytes", size).Error; err != nil {
		b.Fatal(err)
	}
	return imp.ID
}

// cpuTime is the process's user and system time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// peakRSS is the process's resident high-water mark in bytes (Linux), or 0.
func peakRSS() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			f := strings.Fields(line)
			if len(f) >= 2 {
				kb, _ := strconv.ParseInt(f[1], 10, 64)
				return kb << 10
			}
		}
	}
	return 0
}
