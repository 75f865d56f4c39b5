// Package session owns the sessions table: it creates, resolves, caches and
// ends server-side sessions, and moves the tenant session version that tells
// every instance to re-check its cache. Nothing else writes that table.
package session

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"sync"
	"sync/atomic"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/store"
)

// Session kinds: a tenant user, or a platform operator (no tenant).
const (
	KindUser     = "user"
	KindPlatform = "platform"
)

// Sessions stores server-side sessions keyed by the SHA-256 of the cookie
// token, so a leaked database does not hand out live cookies.
type Sessions struct {
	DB       *store.DB
	Now      func() time.Time
	Idle     time.Duration
	Absolute time.Duration

	// cache holds resolved user sessions (token hash → *cachedSession). An
	// entry is trusted only while its tenant's session version is unchanged
	// and its user active; any change that ends or alters a session moves
	// that version, on whichever instance it happens. One short query checks
	// both, and on SQLite it is skipped while the database's data version
	// shows that nothing at all has been committed since the last check.
	cache     sync.Map
	cacheSize atomic.Int64
}

type cachedSession struct {
	p              access.Principal
	sessionVersion int64
	createdAt      time.Time
	lastSeen       atomic.Int64 // unix nanoseconds
	verified       atomic.Pointer[verification]
}

// verification is when a cached session was last found current: the
// database's data version then, and the tenant's policy version it read.
type verification struct {
	dataVersion   int64
	policyVersion int64
}

// maxCachedSessions bounds the cache; past it the cache starts over.
const maxCachedSessions = 200_000

// touchEvery bounds how often a session's last-seen time is written: once a
// minute, not on every request, so reads stay reads.
const touchEvery = time.Minute

func randomToken() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on Linux; a broken one must not mint sessions
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// HashToken is the stored form of a cookie token.
func HashToken(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

// Create starts a session and returns the cookie token and CSRF token. The
// previous token, if any, is deleted so a login always rotates the id.
func (s *Sessions) Create(ctx context.Context, kind string, tenantID *int64, subjectID int64, previous string) (token, csrf string, err error) {
	token, csrf = randomToken(), randomToken()
	now := s.Now().UTC()
	err = s.DB.Tx(ctx, func(tx *gorm.DB) error {
		if previous != "" {
			old := HashToken(previous)
			s.forget(old)
			if err := endByHash(tx, old); err != nil {
				return err
			}
		}
		return tx.Exec("INSERT INTO sessions (token_hash, kind, tenant_id, subject_id, csrf_token, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
			HashToken(token), kind, tenantID, subjectID, csrf, now, now).Error
	})
	return token, csrf, err
}

// Delete ends one session, and tells every instance's cache of its tenant.
func (s *Sessions) Delete(ctx context.Context, token string) error {
	hash := HashToken(token)
	s.forget(hash)
	return s.DB.Tx(ctx, func(tx *gorm.DB) error { return endByHash(tx, hash) })
}

func (s *Sessions) forget(hash string) {
	if _, loaded := s.cache.LoadAndDelete(hash); loaded {
		s.cacheSize.Add(-1)
	}
}

func (s *Sessions) remember(hash string, c *cachedSession) {
	if s.cacheSize.Add(1) > maxCachedSessions {
		s.cache.Clear()
		s.cacheSize.Store(1)
	}
	if _, loaded := s.cache.Swap(hash, c); loaded {
		s.cacheSize.Add(-1)
	}
}

// cached returns the principal of a cached session whose tenant's session
// version is still current and which has not timed out, or nil.
func (s *Sessions) cached(ctx context.Context, hash string, now time.Time) (*access.Principal, error) {
	v, ok := s.cache.Load(hash)
	if !ok {
		return nil, nil
	}
	c := v.(*cachedSession)
	dv, tracked, err := s.DB.DataVersion(ctx)
	if err != nil {
		return nil, err
	}
	var policy int64
	if seen := c.verified.Load(); tracked && seen != nil && seen.dataVersion == dv {
		policy = seen.policyVersion
	} else {
		// The user's status is read too, so a user disabled by any means
		// (even a direct database change that moved no version) is refused.
		st, err := s.stamp(ctx, c.p.TenantID, c.p.UserID)
		if err != nil {
			return nil, err
		}
		if st.status != "active" || st.sessionVersion != c.sessionVersion {
			s.forget(hash)
			return nil, nil
		}
		policy = st.policyVersion
		if tracked {
			c.verified.Store(&verification{dataVersion: dv, policyVersion: policy})
		}
	}
	last := time.Unix(0, c.lastSeen.Load())
	if s.expired(sessionRow{CreatedAt: c.createdAt, LastSeenAt: last}, now) {
		// Another instance may have kept it alive: only the database decides.
		s.forget(hash)
		return nil, nil
	}
	if now.Sub(last) >= touchEvery {
		if err := s.touch(ctx, hash, last, now); err != nil {
			return nil, err
		}
		c.lastSeen.Store(now.UnixNano())
	}
	p := c.p
	p.PolicyVersion = policy
	return &p, nil
}

// sessionStamp is what decides whether a cached session still holds.
type sessionStamp struct {
	policyVersion, sessionVersion int64
	status                        string // "" when the user is gone
}

// stamp reads the tenant's versions and the user's status: a prepared
// statement, since on PostgreSQL (no data_version) it runs on every request.
func (s *Sessions) stamp(ctx context.Context, tenantID, userID int64) (sessionStamp, error) {
	var st sessionStamp
	rows, err := s.DB.TenantRows(ctx, tenantID, `SELECT t.policy_version, t.session_version, u.status
		FROM users u JOIN tenants t ON t.id = u.tenant_id WHERE u.tenant_id = ? AND u.id = ?`, userID)
	if err != nil {
		return st, err
	}
	defer rows.Close()
	if rows.Next() {
		err = rows.Scan(&st.policyVersion, &st.sessionVersion, &st.status)
	}
	if err == nil {
		err = rows.Err()
	}
	return st, err
}

type sessionRow struct {
	CreatedAt  time.Time
	LastSeenAt time.Time
}

// expired applies the idle and absolute limits.
func (s *Sessions) expired(r sessionRow, now time.Time) bool {
	return now.Sub(r.LastSeenAt) > s.Idle || now.Sub(r.CreatedAt) > s.Absolute
}

// touch moves last_seen_at forward at most once a minute.
func (s *Sessions) touch(ctx context.Context, hash string, last, now time.Time) error {
	if now.Sub(last) < touchEvery {
		return nil
	}
	return s.DB.W.WithContext(ctx).Exec("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", now, hash).Error
}

// userSessionRow repeats sessionRow's columns: GORM does not scan into the
// fields of an embedded unexported struct.
type userSessionRow struct {
	Kind               string
	TenantID           *int64
	SubjectID          int64
	CSRFToken          string
	CreatedAt          time.Time
	LastSeenAt         time.Time
	Username           string
	DisplayName        string
	BranchID           int64
	Status             string
	MustChangePassword bool
	Path               string
	Slug               string
	PolicyVersion      int64
	SessionVersion     int64
}

// User resolves a tenant user's session in one query, or returns nil when
// the token is unknown, expired, or its user is disabled.
func (s *Sessions) User(ctx context.Context, token string) (*access.Principal, error) {
	hash := HashToken(token)
	now := s.Now().UTC()
	if p, err := s.cached(ctx, hash, now); p != nil || err != nil {
		return p, err
	}
	// Read before the session, so a commit between the two shows as a change.
	dv, tracked, err := s.DB.DataVersion(ctx)
	if err != nil {
		return nil, err
	}
	var r userSessionRow
	res := s.DB.R.WithContext(ctx).Raw(`SELECT s.kind, s.tenant_id, s.subject_id, s.csrf_token, s.created_at, s.last_seen_at,
		u.username, u.display_name, u.branch_id, u.status, u.must_change_password, b.path, t.slug, t.policy_version, t.session_version
		FROM sessions s
		JOIN users u ON u.tenant_id = s.tenant_id AND u.id = s.subject_id
		JOIN branches b ON b.tenant_id = u.tenant_id AND b.id = u.branch_id
		JOIN tenants t ON t.id = s.tenant_id
		WHERE s.token_hash = ? AND s.kind = ?`, hash, KindUser).Scan(&r)
	if res.Error != nil {
		return nil, res.Error
	}
	if res.RowsAffected == 0 {
		return nil, nil
	}
	if r.Status != "active" || s.expired(sessionRow{CreatedAt: r.CreatedAt, LastSeenAt: r.LastSeenAt}, now) {
		return nil, s.Delete(ctx, token)
	}
	if err := s.touch(ctx, hash, r.LastSeenAt, now); err != nil {
		return nil, err
	}
	c := &cachedSession{
		p: access.Principal{
			TenantID: *r.TenantID, TenantSlug: r.Slug, PolicyVersion: r.PolicyVersion, UserID: r.SubjectID,
			Username: r.Username, DisplayName: r.DisplayName, BranchID: r.BranchID, BranchPath: r.Path,
			SessionHash: hash, CSRFToken: r.CSRFToken, MustChangePwd: r.MustChangePassword,
		},
		sessionVersion: r.SessionVersion,
		createdAt:      r.CreatedAt,
	}
	seen := r.LastSeenAt
	if now.Sub(seen) >= touchEvery {
		seen = now
	}
	c.lastSeen.Store(seen.UnixNano())
	if tracked {
		c.verified.Store(&verification{dataVersion: dv, policyVersion: r.PolicyVersion})
	}
	s.remember(hash, c)
	p := c.p
	return &p, nil
}

// Operator is a signed-in platform operator.
type Operator struct {
	ID        int64
	Username  string
	CSRFToken string
}

// OperatorKey is where the web layer stores an *Operator.
const OperatorKey = "servicestar.operator"

// Platform resolves a platform operator's session.
func (s *Sessions) Platform(ctx context.Context, token string) (*Operator, error) {
	hash := HashToken(token)
	var r struct {
		SubjectID  int64
		CSRFToken  string
		CreatedAt  time.Time
		LastSeenAt time.Time
		Username   string
	}
	res := s.DB.R.WithContext(ctx).Raw(`SELECT s.subject_id, s.csrf_token, s.created_at, s.last_seen_at, o.username
		FROM sessions s JOIN platform_operators o ON o.id = s.subject_id
		WHERE s.token_hash = ? AND s.kind = ?`, hash, KindPlatform).Scan(&r)
	if res.Error != nil {
		return nil, res.Error
	}
	if res.RowsAffected == 0 {
		return nil, nil
	}
	now := s.Now().UTC()
	if s.expired(sessionRow{CreatedAt: r.CreatedAt, LastSeenAt: r.LastSeenAt}, now) {
		return nil, s.Delete(ctx, token)
	}
	if err := s.touch(ctx, hash, r.LastSeenAt, now); err != nil {
		return nil, err
	}
	return &Operator{ID: r.SubjectID, Username: r.Username, CSRFToken: r.CSRFToken}, nil
}
