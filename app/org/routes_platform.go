package org

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
)

// OperatorFrom is set by the server: it returns the platform operator's name
// of a request, or an error when there is none (auth owns sessions).
type OperatorFrom func(ctx context.Context) (string, error)

// TenantView is a tenant as the platform operator sees it.
type TenantView struct {
	ID            int64     `json:"id"`
	Slug          string    `json:"slug"`
	Name          string    `json:"name"`
	TimeZone      string    `json:"time_zone"`
	DefaultLocale string    `json:"default_locale"`
	CreatedAt     time.Time `json:"created_at"`
}

func tenantView(t *Tenant) TenantView {
	return TenantView{ID: t.ID, Slug: t.Slug, Name: t.Name, TimeZone: t.TimeZone, DefaultLocale: t.DefaultLocale, CreatedAt: t.CreatedAt}
}

func (s *Service) platformRoutes(api huma.API) {
	if s.Operator == nil {
		s.Operator = func(context.Context) (string, error) {
			return "", apperr.Unauthorized("sign in as platform operator first")
		}
	}
	type tenantListOut struct {
		Body struct {
			Items []TenantView `json:"items"`
		}
	}
	huma.Register(api, op("list-tenants", http.MethodGet, "/api/v1/platform/tenants", "platform", "All tenants"),
		func(ctx context.Context, _ *struct{}) (*tenantListOut, error) {
			if _, err := s.Operator(ctx); err != nil {
				return nil, err
			}
			ts, err := s.ListTenants(ctx)
			if err != nil {
				return nil, err
			}
			out := &tenantListOut{}
			out.Body.Items = make([]TenantView, len(ts))
			for i := range ts {
				out.Body.Items[i] = tenantView(&ts[i])
			}
			return out, nil
		})
	type tenantCreateBody struct {
		Slug           string `json:"slug" minLength:"2" maxLength:"63"`
		Name           string `json:"name" minLength:"1" maxLength:"200"`
		TimeZone       string `json:"time_zone,omitempty" maxLength:"64" default:"Asia/Shanghai"`
		DefaultLocale  string `json:"default_locale,omitempty" enum:"zh-CN,en" default:"zh-CN"`
		HeadOfficeName string `json:"head_office_name,omitempty" maxLength:"100"`
		AdminUsername  string `json:"admin_username" minLength:"2" maxLength:"64" doc:"the bank's first tenant admin, at the head office"`
		AdminName      string `json:"admin_display_name,omitempty" maxLength:"100"`
		AdminPassword  string `json:"admin_password" minLength:"1" maxLength:"256" doc:"must be changed at first sign-in"`
	}
	huma.Register(api, op("create-tenant", http.MethodPost, "/api/v1/platform/tenants", "platform", "Create a tenant and its head office", 409, 422),
		func(ctx context.Context, in *struct{ Body tenantCreateBody }) (*struct{ Body TenantView }, error) {
			name, err := s.Operator(ctx)
			if err != nil {
				return nil, err
			}
			b := in.Body
			admin := NewUser{Username: b.AdminUsername, DisplayName: b.AdminName, EmployeeCode: "ADMIN-1", Password: b.AdminPassword}
			if admin.DisplayName == "" {
				admin.DisplayName = b.AdminUsername
			}
			t, err := s.CreateTenantWithAdmin(ctx, NewTenant{Slug: b.Slug, Name: b.Name, TimeZone: b.TimeZone, DefaultLocale: b.DefaultLocale, HeadOfficeName: b.HeadOfficeName}, admin, "platform:"+name)
			if err != nil {
				return nil, err
			}
			return &struct{ Body TenantView }{tenantView(t)}, nil
		})
}

func (s *Service) settingsRoutes(api huma.API) {
	type settingsBody struct {
		Name          *string `json:"name,omitempty" maxLength:"200"`
		TimeZone      *string `json:"time_zone,omitempty" maxLength:"64" doc:"IANA time zone; periods and dates follow it"`
		DefaultLocale *string `json:"default_locale,omitempty" enum:"zh-CN,en"`
	}
	huma.Register(api, op("update-tenant-settings", http.MethodPatch, "/api/v1/tenant", "tenant", "Change my bank's name, time zone or default language", 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct{ Body settingsBody }) (*struct{ Body TenantView }, error) {
			t, err := s.UpdateSettings(ctx, p, Settings{Name: in.Body.Name, TimeZone: in.Body.TimeZone, DefaultLocale: in.Body.DefaultLocale})
			if err != nil {
				return nil, err
			}
			return &struct{ Body TenantView }{tenantView(t)}, nil
		}))
}
