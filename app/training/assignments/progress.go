package assignments

import (
	"context"
	"slices"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/app/training"
	"github.com/servicestar/servicestar/scenarios"
)

// Inbox statuses. Done means passed: a failed attempt leaves the assignment to do (or
// overdue), with the result telling it from one not started.
const (
	StatusTodo    = "todo"
	StatusOverdue = "overdue"
	StatusDone    = "done"
	// StatusFailed filters progress to those who tried and have not passed yet.
	StatusFailed = "failed"
)

// Results of a member: how their attempts went, whatever the due date.
const (
	ResultNotStarted = "not_started"
	ResultFailed     = "failed"
	ResultPassed     = "passed"
)

func memberResult(m *Member) string {
	switch {
	case m.CompletedAt != nil:
		return ResultPassed
	case m.AttemptID != nil:
		return ResultFailed
	}
	return ResultNotStarted
}

// Stats are the numbers of a group of members.
type Stats struct {
	Members       int      `json:"members"`
	Done          int      `json:"done" doc:"passed: only a pass completes an assignment"`
	Passed        int      `json:"passed"`
	Failed        int      `json:"failed" doc:"finished an attempt, not passed yet"`
	Overdue       int      `json:"overdue"`
	AvgScore      *float64 `json:"avg_score" doc:"average best score of those who finished an attempt"`
	CompletionPct float64  `json:"completion_pct"`
	PassRate      *float64 `json:"pass_rate" doc:"passed / (passed + failed), in percent"`
}

func (st *Stats) finish() {
	if st.Members > 0 {
		st.CompletionPct = training.Round1(100 * float64(st.Done) / float64(st.Members))
	}
	if tried := st.Done + st.Failed; tried > 0 {
		r := training.Round1(100 * float64(st.Passed) / float64(tried))
		st.PassRate = &r
	}
	if st.AvgScore != nil {
		v := training.Round1(*st.AvgScore)
		st.AvgScore = &v
	}
}

// AssignmentView is an assignment with the numbers the viewer may see.
type AssignmentView struct {
	ID            int64          `json:"id"`
	Programme     string         `json:"programme"`
	ScenarioKey   string         `json:"scenario_key"`
	Title         scenarios.Text `json:"title"`
	BranchID      int64          `json:"branch_id"`
	BranchName    string         `json:"branch_name"`
	Audience      string         `json:"audience"`
	Role          string         `json:"role"`
	Note          string         `json:"note"`
	DueAt         time.Time      `json:"due_at"`
	CreatedByName string         `json:"created_by_name"`
	CreatedAt     time.Time      `json:"created_at"`
	CancelledAt   *time.Time     `json:"cancelled_at"`
	MaxAttempts   int            `json:"max_attempts" doc:"attempts allowed until a pass; 0: no limit"`
	RetakeOf      *int64         `json:"retake_of" doc:"the failed attempt this retake was assigned from"`
	RemindedAt    *time.Time     `json:"reminded_at" doc:"when those not started were last reminded"`
	BeginnerHint  bool           `json:"beginner_hint" doc:"beginner mode: the shelf of its attempts marks which products fit the customer"`
	Stats
}

// progressScopes are where p may follow assignments: where they assign
// (managers, HR) and where they inspect (auditors).
func (s *Service) progressScopes(ctx context.Context, p *access.Principal) ([]string, error) {
	return s.Guard.ScopesAny(ctx, p, training.PermAssign, training.PermInspect)
}

// visibleMembers are the members whose branch lies in scopes, joined with
// their assignment (a) and branch (b).
func (s *Service) visibleMembers(ctx context.Context, tenantID int64, scopes []string) *gorm.DB {
	q := s.DB.R.WithContext(ctx).Model(&Member{}).Scopes(store.Tenant(tenantID)).
		Joins("JOIN training_assignments a ON a.tenant_id = training_assignment_members.tenant_id AND a.id = training_assignment_members.assignment_id").
		Joins("JOIN branches b ON b.tenant_id = training_assignment_members.tenant_id AND b.id = training_assignment_members.branch_id")
	return authz.InSubtrees(q, "b.path", scopes)
}

const statsColumns = `COUNT(*) AS members,
	SUM(CASE WHEN training_assignment_members.completed_at IS NOT NULL THEN 1 ELSE 0 END) AS done,
	SUM(CASE WHEN training_assignment_members.passed THEN 1 ELSE 0 END) AS passed,
	SUM(CASE WHEN training_assignment_members.completed_at IS NULL AND training_assignment_members.attempt_id IS NOT NULL THEN 1 ELSE 0 END) AS failed,
	SUM(CASE WHEN training_assignment_members.completed_at IS NULL AND a.due_at < ? THEN 1 ELSE 0 END) AS overdue,
	AVG(training_assignment_members.best_total) AS avg_score`

// The same numbers per assignment and per branch: constants, so no SQL text
// is ever assembled at run time.
const (
	statsPerAssignment = `training_assignment_members.assignment_id, ` + statsColumns
	statsPerBranch     = `training_assignment_members.branch_id, b.name AS branch_name, b.path AS branch_path, ` + statsColumns
)

// Assignments lists the assignments that reach p's scope, newest due first,
// with the numbers of the members in that scope.
func (s *Service) Assignments(ctx context.Context, p *access.Principal, programme string) ([]AssignmentView, error) {
	scopes, err := s.progressScopes(ctx, p)
	if err != nil {
		return nil, err
	}
	now := s.Now().UTC()
	q := s.visibleMembers(ctx, p.TenantID, scopes)
	if programme != "" {
		q = q.Where("a.programme = ?", programme)
	}
	var rows []struct {
		AssignmentID int64
		Stats
	}
	if err := q.Select(statsPerAssignment, now).
		Group("training_assignment_members.assignment_id").Scan(&rows).Error; err != nil {
		return nil, err
	}
	byID := map[int64]Stats{}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.AssignmentID
		byID[r.AssignmentID] = r.Stats
	}
	var as []Assignment
	if err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(p.TenantID)).Where("id IN ?", ids).
		Order("due_at DESC, id DESC").Limit(500).Find(&as).Error; err != nil {
		return nil, err
	}
	return s.views(ctx, p.TenantID, as, byID)
}

// views turns assignments into list rows with their titles and branch
// names, read for the whole list at once (not a query per row).
func (s *Service) views(ctx context.Context, tenantID int64, as []Assignment, stats map[int64]Stats) ([]AssignmentView, error) {
	keys := make([]string, 0, len(as))
	branchIDs := make([]int64, 0, len(as))
	for _, a := range as {
		keys = append(keys, a.ScenarioKey)
		branchIDs = append(branchIDs, a.BranchID)
	}
	titles, err := s.Catalogue.Titles(ctx, tenantID, keys)
	if err != nil {
		return nil, err
	}
	var branches []struct {
		ID   int64
		Name string
	}
	if len(branchIDs) > 0 {
		if err := s.DB.R.WithContext(ctx).Table("branches").Scopes(store.Tenant(tenantID)).Where("id IN ?", branchIDs).
			Select("id, name").Scan(&branches).Error; err != nil {
			return nil, err
		}
	}
	names := make(map[int64]string, len(branches))
	for _, b := range branches {
		names[b.ID] = b.Name
	}
	out := make([]AssignmentView, 0, len(as))
	for _, a := range as {
		v := newView(&a, stats[a.ID])
		v.Title, v.BranchName = titles[a.ScenarioKey], names[a.BranchID]
		out = append(out, v)
	}
	return out, nil
}

func newView(a *Assignment, st Stats) AssignmentView {
	st.finish()
	return AssignmentView{ID: a.ID, Programme: a.Programme, ScenarioKey: a.ScenarioKey, BranchID: a.BranchID, Audience: a.Audience,
		Role: a.Role, Note: a.Note, DueAt: a.DueAt, CreatedByName: a.CreatedByName, CreatedAt: a.CreatedAt, CancelledAt: a.CancelledAt,
		MaxAttempts: a.MaxAttempts, RetakeOf: a.RetakeOf, RemindedAt: a.RemindedAt, BeginnerHint: a.BeginnerHint, Stats: st}
}

// assignmentView is one assignment as views shows it in a list.
func (s *Service) assignmentView(ctx context.Context, tenantID int64, a *Assignment, st Stats) (AssignmentView, error) {
	vs, err := s.views(ctx, tenantID, []Assignment{*a}, map[int64]Stats{a.ID: st})
	if err != nil {
		return AssignmentView{}, err
	}
	return vs[0], nil
}

// BranchStats are the numbers of one branch's members.
type BranchStats struct {
	BranchID   int64  `json:"branch_id"`
	BranchName string `json:"branch_name"`
	BranchPath string `json:"branch_path"`
	Stats
}

// PersonStatus is one member as the progress page lists them.
type PersonStatus struct {
	UserID      int64      `json:"user_id"`
	Name        string     `json:"name"`
	BranchName  string     `json:"branch_name"`
	Status      string     `json:"status" enum:"todo,overdue,done"`
	Result      string     `json:"result" enum:"not_started,failed,passed"`
	CompletedAt *time.Time `json:"completed_at"`
	BestTotal   *float64   `json:"best_total"`
	Passed      bool       `json:"passed"`
	AttemptID   *int64     `json:"attempt_id"`
	// AttemptsUsed counts the attempts started since the assignment was made.
	AttemptsUsed int `json:"attempts_used"`
}

// AssignmentProgress is one assignment broken down by branch and person,
// limited to the viewer's scope.
type AssignmentProgress struct {
	Assignment AssignmentView `json:"assignment"`
	Branches   []BranchStats  `json:"branches"`
	// People is one page of the people with the status asked for;
	// PeopleTotal counts them all.
	People      []PersonStatus `json:"people"`
	PeopleTotal int64          `json:"people_total"`
}

// PeopleQuery picks the page of people a progress answer lists: those with
// Status (all when empty), PageSize at a time, by branch and name.
type PeopleQuery struct {
	Status         string
	Page, PageSize int
}

// Progress is one assignment's numbers per branch and one page of its people
// in p's scope. An assignment with nobody in p's scope answers like a
// missing one.
func (s *Service) Progress(ctx context.Context, p *access.Principal, id int64, pq PeopleQuery) (*AssignmentProgress, error) {
	scopes, err := s.progressScopes(ctx, p)
	if err != nil {
		return nil, err
	}
	a, err := s.loadAssignment(ctx, p.TenantID, id)
	if err != nil {
		return nil, err
	}
	now := s.Now().UTC()
	var branches []BranchStats
	if err := s.visibleMembers(ctx, p.TenantID, scopes).Where("training_assignment_members.assignment_id = ?", a.ID).
		Select(statsPerBranch, now).
		Group("training_assignment_members.branch_id, b.name, b.path").Order("b.path").Scan(&branches).Error; err != nil {
		return nil, err
	}
	if len(branches) == 0 {
		return nil, apperr.NotFound("assignment")
	}
	var total Stats
	var sum float64
	for i := range branches {
		b := &branches[i].Stats
		total.Members += b.Members
		total.Done += b.Done
		total.Passed += b.Passed
		total.Failed += b.Failed
		total.Overdue += b.Overdue
		if b.AvgScore != nil {
			sum += *b.AvgScore * float64(b.Done+b.Failed)
		}
		b.finish()
	}
	if tried := total.Done + total.Failed; tried > 0 {
		avg := sum / float64(tried)
		total.AvgScore = &avg
	}
	view, err := s.assignmentView(ctx, p.TenantID, a, total)
	if err != nil {
		return nil, err
	}
	// The status of every member follows from completed_at and the one due date.
	q := s.visibleMembers(ctx, p.TenantID, scopes).Where("training_assignment_members.assignment_id = ?", a.ID)
	late := now.After(a.DueAt)
	switch pq.Status {
	case StatusDone:
		q = q.Where("training_assignment_members.completed_at IS NOT NULL")
	case StatusFailed:
		q = q.Where("training_assignment_members.completed_at IS NULL AND training_assignment_members.attempt_id IS NOT NULL")
	case StatusOverdue, StatusTodo:
		q = q.Where("training_assignment_members.completed_at IS NULL")
		if late != (pq.Status == StatusOverdue) {
			q = q.Where("1 = 0")
		}
	}
	var count int64
	if err := q.Session(&gorm.Session{}).Count(&count).Error; err != nil {
		return nil, err
	}
	var people []struct {
		Member
		Name       string
		BranchName string
	}
	if err := q.Joins("JOIN users u ON u.tenant_id = training_assignment_members.tenant_id AND u.id = training_assignment_members.user_id").
		Select("training_assignment_members.*, u.display_name AS name, b.name AS branch_name").
		Order("b.path, u.display_name, training_assignment_members.user_id").
		Offset((pq.Page - 1) * pq.PageSize).Limit(pq.PageSize).Scan(&people).Error; err != nil {
		return nil, err
	}
	ids := make([]int64, len(people))
	for i, m := range people {
		ids[i] = m.ID
	}
	used, err := attemptsUsed(s.DB.R.WithContext(ctx), p.TenantID, func(q *gorm.DB) *gorm.DB { return q.Where("training_assignment_members.id IN ?", ids) })
	if err != nil {
		return nil, err
	}
	out := &AssignmentProgress{Assignment: view, Branches: branches, People: make([]PersonStatus, len(people)), PeopleTotal: count}
	for i, m := range people {
		out.People[i] = PersonStatus{UserID: m.UserID, Name: m.Name, BranchName: m.BranchName, Status: memberStatus(&m.Member, a.DueAt, now),
			Result: memberResult(&m.Member), CompletedAt: m.CompletedAt, BestTotal: m.BestTotal, Passed: m.Passed, AttemptID: m.AttemptID, AttemptsUsed: used[m.ID]}
	}
	return out, nil
}

func memberStatus(m *Member, due, now time.Time) string {
	switch {
	case m.CompletedAt != nil:
		return StatusDone
	case now.After(due):
		return StatusOverdue
	}
	return StatusTodo
}

// InboxItem is one of an employee's assignments.
type InboxItem struct {
	AssignmentID int64          `json:"assignment_id"`
	Programme    string         `json:"programme"`
	ScenarioKey  string         `json:"scenario_key"`
	Title        scenarios.Text `json:"title"`
	Note         string         `json:"note"`
	AssignedBy   string         `json:"assigned_by"`
	AssignedAt   time.Time      `json:"assigned_at"`
	DueAt        time.Time      `json:"due_at"`
	Status       string         `json:"status" enum:"todo,overdue,done"`
	Result       string         `json:"result" enum:"not_started,failed,passed" doc:"failed: an attempt finished without a pass; the assignment stays open"`
	DueSoon      bool           `json:"due_soon"`
	CompletedAt  *time.Time     `json:"completed_at"`
	BestTotal    *float64       `json:"best_total"`
	Passed       bool           `json:"passed"`
	AttemptID    *int64         `json:"attempt_id"`
	AttemptsUsed int            `json:"attempts_used" doc:"attempts started since it was assigned"`
	MaxAttempts  int            `json:"max_attempts" doc:"attempts allowed until a pass; 0: no limit"`
	RetakeOf     *int64         `json:"retake_of" doc:"the failed attempt this retake was assigned from"`
	BeginnerHint bool           `json:"beginner_hint" doc:"beginner mode: the shelf marks which products fit the customer"`
	// Available is false when the scenario was hidden or retired since.
	Available bool `json:"available"`
}

// Inbox lists p's assignments: overdue first, then to do by due date, then
// done, newest first.
func (s *Service) Inbox(ctx context.Context, p *access.Principal) ([]InboxItem, error) {
	if err := s.Guard.Can(ctx, p, training.PermTake); err != nil {
		return nil, err
	}
	var rows []struct {
		Member
		Programme     string
		ScenarioKey   string
		Note          string
		CreatedByName string
		CreatedAt     time.Time
		DueAt         time.Time
		MaxAttempts   int
		RetakeOf      *int64
		BeginnerHint  bool
	}
	err := s.DB.R.WithContext(ctx).Model(&Member{}).Scopes(store.Tenant(p.TenantID)).
		Joins("JOIN training_assignments a ON a.tenant_id = training_assignment_members.tenant_id AND a.id = training_assignment_members.assignment_id").
		Where("training_assignment_members.user_id = ? AND a.cancelled_at IS NULL", p.UserID).
		Select("training_assignment_members.*, a.programme, a.scenario_key, a.note, a.created_by_name, a.created_at, a.due_at, a.max_attempts, a.retake_of, a.beginner_hint").
		Order("a.due_at").Limit(500).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	// Titles for the whole inbox at once: what may be started now, and the
	// latest title of the rest (hidden or retired since it was assigned).
	available, err := s.Catalogue.Available(ctx, p.TenantID)
	if err != nil {
		return nil, err
	}
	open := make(map[string]scenarios.Text, len(available))
	for _, sc := range available {
		open[sc.ID] = sc.Title
	}
	var gone []string
	for _, r := range rows {
		if _, ok := open[r.ScenarioKey]; !ok {
			gone = append(gone, r.ScenarioKey)
		}
	}
	titles, err := s.Catalogue.Titles(ctx, p.TenantID, gone)
	if err != nil {
		return nil, err
	}
	used, err := attemptsUsed(s.DB.R.WithContext(ctx), p.TenantID, func(q *gorm.DB) *gorm.DB {
		return q.Where("training_assignment_members.user_id = ? AND a.cancelled_at IS NULL", p.UserID)
	})
	if err != nil {
		return nil, err
	}
	now := s.Now().UTC()
	out := make([]InboxItem, 0, len(rows))
	for _, r := range rows {
		it := InboxItem{AssignmentID: r.AssignmentID, Programme: r.Programme, ScenarioKey: r.ScenarioKey, Note: r.Note, AssignedBy: r.CreatedByName,
			AssignedAt: r.CreatedAt, DueAt: r.DueAt, Status: memberStatus(&r.Member, r.DueAt, now), Result: memberResult(&r.Member), CompletedAt: r.CompletedAt,
			BestTotal: r.BestTotal, Passed: r.Passed, AttemptID: r.AttemptID, AttemptsUsed: used[r.ID], MaxAttempts: r.MaxAttempts, RetakeOf: r.RetakeOf, BeginnerHint: r.BeginnerHint}
		it.DueSoon = it.Status == StatusTodo && r.DueAt.Sub(now) <= DueSoon
		if title, ok := open[r.ScenarioKey]; ok {
			it.Title, it.Available = title, true
		} else {
			it.Title = titles[r.ScenarioKey]
		}
		out = append(out, it)
	}
	rank := map[string]int{StatusOverdue: 0, StatusTodo: 1, StatusDone: 2}
	slices.SortStableFunc(out, func(a, b InboxItem) int {
		if rank[a.Status] != rank[b.Status] {
			return rank[a.Status] - rank[b.Status]
		}
		if a.Status == StatusDone {
			return b.CompletedAt.Compare(*a.CompletedAt)
		}
		return a.DueAt.Compare(b.DueAt)
	})
	return out, nil
}
