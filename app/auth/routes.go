package auth

import (
	"context"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/mfa"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/session"
	"github.com/servicestar/servicestar/app/store"
)

// Handlers serves sign-in, sign-out and /me.
type Handlers struct {
	DB                *store.DB
	Sessions          *session.Sessions
	Login             *Login
	MFA               *mfa.Service // nil: passwords alone
	Authz             *authz.Authz
	SecureCookies     bool
	MinPasswordLength int
	Cookie            string // user session cookie name
	PlatformCookie    string
	CSRFCookie        string
}

type loginBody struct {
	Tenant   string `json:"tenant" minLength:"1" maxLength:"64" doc:"bank code (tenant slug)"`
	Username string `json:"username" minLength:"1" maxLength:"100"`
	Password string `json:"password" minLength:"1" maxLength:"256"`
}

// Me is the signed-in user with tenant, branch, roles and permissions.
type Me struct {
	User        MeUser          `json:"user"`
	Tenant      MeTenant        `json:"tenant"`
	Branch      MeBranch        `json:"branch"`
	Roles       []org.RoleGrant `json:"roles"`
	Permissions []string        `json:"permissions"`
}

// MeUser is the user part of Me.
type MeUser struct {
	ID                 int64  `json:"id"`
	Username           string `json:"username"`
	DisplayName        string `json:"display_name"`
	EmployeeCode       string `json:"employee_code"`
	Email              string `json:"email"`
	BranchID           int64  `json:"branch_id"`
	Locale             string `json:"locale"`
	MustChangePassword bool   `json:"must_change_password"`
	Status             string `json:"status"`
}

// MeTenant is the tenant part of Me.
type MeTenant struct {
	ID            int64  `json:"id"`
	Slug          string `json:"slug"`
	Name          string `json:"name"`
	TimeZone      string `json:"time_zone"`
	DefaultLocale string `json:"default_locale"`
}

// MeBranch is the branch part of Me.
type MeBranch struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	Path string `json:"path"`
}

type meOutput struct{ Body Me }

func (h *Handlers) setCookies(c *fiber.Ctx, name, token, csrf string) {
	c.Cookie(&fiber.Cookie{Name: name, Value: token, Path: "/", HTTPOnly: true, Secure: h.SecureCookies, SameSite: fiber.CookieSameSiteLaxMode})
	c.Cookie(&fiber.Cookie{Name: h.CSRFCookie, Value: csrf, Path: "/", HTTPOnly: false, Secure: h.SecureCookies, SameSite: fiber.CookieSameSiteStrictMode})
}

func (h *Handlers) clearCookies(c *fiber.Ctx, name string) {
	past := time.Unix(0, 0)
	c.Cookie(&fiber.Cookie{Name: name, Value: "", Path: "/", Expires: past, HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode})
	c.Cookie(&fiber.Cookie{Name: h.CSRFCookie, Value: "", Path: "/", Expires: past, SameSite: fiber.CookieSameSiteStrictMode})
}

// BuildMe assembles Me for a principal.
func (h *Handlers) BuildMe(ctx context.Context, p *access.Principal) (*Me, error) {
	var u org.User
	if err := h.DB.R.WithContext(ctx).Scopes(store.Tenant(p.TenantID)).Where("id = ?", p.UserID).Take(&u).Error; err != nil {
		return nil, err
	}
	var t org.Tenant
	if err := h.DB.R.WithContext(ctx).Where("id = ?", p.TenantID).Take(&t).Error; err != nil {
		return nil, err
	}
	var branches []org.Branch
	if err := h.DB.R.WithContext(ctx).Scopes(store.Tenant(p.TenantID)).Find(&branches).Error; err != nil {
		return nil, err
	}
	byPath := map[string]org.Branch{}
	var home org.Branch
	for _, b := range branches {
		byPath[b.Path] = b
		if b.ID == u.BranchID {
			home = b
		}
	}
	grants, err := h.Authz.Grants(ctx, p.Actor())
	if err != nil {
		return nil, err
	}
	roles := []org.RoleGrant{}
	for _, g := range grants {
		b := byPath[g.Path]
		roles = append(roles, org.RoleGrant{Role: g.Role, BranchID: b.ID, BranchName: b.Name})
	}
	perms, err := h.Authz.Permissions(ctx, p.Actor())
	if err != nil {
		return nil, err
	}
	return &Me{
		User: MeUser{ID: u.ID, Username: u.Username, DisplayName: u.DisplayName, EmployeeCode: u.EmployeeCode, Email: u.Email,
			BranchID: u.BranchID, Locale: u.Locale, MustChangePassword: u.MustChangePassword, Status: u.Status},
		Tenant:      MeTenant{ID: t.ID, Slug: t.Slug, Name: t.Name, TimeZone: t.TimeZone, DefaultLocale: t.DefaultLocale},
		Branch:      MeBranch{ID: home.ID, Name: home.Name, Path: home.Path},
		Roles:       roles,
		Permissions: perms,
	}, nil
}
