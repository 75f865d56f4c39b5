// Package notify keeps the in-app notifications a user reads under the bell:
// other features push them inside their own transactions, users list them
// and mark them read.
package notify

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/store"
)

// Notification is one message to one user. Kind and Data carry the facts;
// the client renders the text in the reader's language.
type Notification struct {
	TenantID  int64           `json:"-"`
	ID        int64           `gorm:"primaryKey" json:"id"`
	UserID    int64           `json:"-"`
	Kind      string          `json:"kind"`
	SubjectID int64           `json:"subject_id"`
	Data      json.RawMessage `gorm:"column:data;type:text" json:"data"`
	CreatedAt time.Time       `json:"created_at"`
	ReadAt    *time.Time      `json:"read_at"`
}

// TableName keeps the table name stable.
func (Notification) TableName() string { return "notifications" }

// Models lists this package's tenant-owned models, for the isolation test.
func Models() []any { return []any{&Notification{}} }

// Push writes the same notification to each user, inside the caller's
// transaction so it exists exactly when the thing it announces does.
func Push(tx *gorm.DB, tenantID int64, userIDs []int64, kind string, subjectID int64, data any, now time.Time) error {
	if len(userIDs) == 0 {
		return nil
	}
	blob, err := json.Marshal(data)
	if err != nil {
		return err
	}
	rows := make([]Notification, len(userIDs))
	for i, u := range userIDs {
		rows[i] = Notification{TenantID: tenantID, UserID: u, Kind: kind, SubjectID: subjectID, Data: blob, CreatedAt: now.UTC()}
	}
	return tx.CreateInBatches(rows, 200).Error
}

// Service lists and marks a user's notifications.
type Service struct {
	DB  *store.DB
	Now func() time.Time
}

// Page is one page of p's notifications, newest first.
type Page struct {
	Items  []Notification
	Total  int64 // of the filter, over all pages
	Unread int64 // of all p's notifications
}

// List returns a page of p's notifications, newest first, with how many
// there are and how many are unread.
func (s *Service) List(ctx context.Context, p *access.Principal, unreadOnly bool, page, size int) (Page, error) {
	var out Page
	mine := func() *gorm.DB {
		return s.DB.R.WithContext(ctx).Model(&Notification{}).Scopes(store.Tenant(p.TenantID)).Where("user_id = ?", p.UserID)
	}
	if err := mine().Where("read_at IS NULL").Count(&out.Unread).Error; err != nil {
		return out, err
	}
	out.Total = out.Unread
	q := mine()
	if unreadOnly {
		q = q.Where("read_at IS NULL")
	} else if err := mine().Count(&out.Total).Error; err != nil {
		return out, err
	}
	out.Items = []Notification{}
	err := q.Order("created_at DESC, id DESC").Offset((page - 1) * size).Limit(size).Find(&out.Items).Error
	return out, err
}

// MarkRead marks one of p's notifications read; another user's answers
// like a missing one.
func (s *Service) MarkRead(ctx context.Context, p *access.Principal, id int64) error {
	var n Notification
	err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(p.TenantID)).Where("id = ? AND user_id = ?", id, p.UserID).Take(&n).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return apperr.NotFound("notification")
	}
	if err != nil || n.ReadAt != nil {
		return err
	}
	return s.DB.W.WithContext(ctx).Model(&Notification{}).Scopes(store.Tenant(p.TenantID)).
		Where("id = ? AND user_id = ?", id, p.UserID).Update("read_at", s.Now().UTC()).Error
}

// MarkAllRead marks every unread notification of p read.
func (s *Service) MarkAllRead(ctx context.Context, p *access.Principal) error {
	return s.DB.W.WithContext(ctx).Model(&Notification{}).Scopes(store.Tenant(p.TenantID)).
		Where("user_id = ? AND read_at IS NULL", p.UserID).Update("read_at", s.Now().UTC()).Error
}
