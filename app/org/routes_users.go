package org

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/readlog"
)

type userOut struct{ Body UserView }

type roleIn struct {
	Role     string `json:"role" enum:"employee,manager,hr,tenant_admin,auditor"`
	BranchID int64  `json:"branch_id,omitempty" doc:"branch the role applies to (manager); ignored for tenant-wide roles"`
}

func rolesIn(rs []roleIn) []RoleGrant {
	out := make([]RoleGrant, len(rs))
	for i, r := range rs {
		out[i] = RoleGrant{Role: r.Role, BranchID: r.BranchID}
	}
	return out
}

func (s *Service) userRoutes(api huma.API) {
	type userListIn struct {
		Q        string `query:"q" maxLength:"100" doc:"search username, name or employee code"`
		BranchID int64  `query:"branch_id" minimum:"0" doc:"only this branch and its sub-branches"`
		Role     string `query:"role" enum:"employee,manager,hr,tenant_admin,auditor,"`
		Status   string `query:"status" enum:"active,disabled,"`
		Page     int    `query:"page" minimum:"1" maximum:"1000000" default:"1"`
		PageSize int    `query:"page_size" minimum:"1" maximum:"200" default:"20"`
	}
	type userListOut struct {
		Body struct {
			Items []UserView `json:"items"`
			Total int64      `json:"total"`
		}
	}
	huma.Register(api, op("list-users", http.MethodGet, "/api/v1/users", "users", "Users I may see", 404),
		access.Signed(func(ctx context.Context, p *access.Principal, in *userListIn) (*userListOut, error) {
			items, total, err := s.ListUsers(ctx, p, UserFilter{Q: in.Q, BranchID: in.BranchID, Role: in.Role, Status: in.Status, Page: in.Page, PageSize: in.PageSize})
			if err != nil {
				return nil, err
			}
			out := &userListOut{}
			out.Body.Items, out.Body.Total = items, total
			return out, nil
		}))

	huma.Register(api, op("get-user", http.MethodGet, "/api/v1/users/{id}", "users", "One user", 404),
		access.Signed(func(ctx context.Context, p *access.Principal, in *IDPath) (*userOut, error) {
			u, err := s.GetUser(ctx, p, in.ID)
			if err != nil {
				return nil, err
			}
			s.Reads.Record(p, u.ID, readlog.Profile, "")
			return &userOut{*u}, nil
		}))

	type userCreateBody struct {
		Username     string   `json:"username" minLength:"2" maxLength:"64"`
		DisplayName  string   `json:"display_name" minLength:"1" maxLength:"100"`
		EmployeeCode string   `json:"employee_code" minLength:"1" maxLength:"64"`
		Email        string   `json:"email,omitempty" maxLength:"200"`
		BranchID     int64    `json:"branch_id" minimum:"1"`
		Password     string   `json:"password" minLength:"1" maxLength:"256" doc:"initial password; the user must change it at first sign-in"`
		Roles        []roleIn `json:"roles,omitempty" maxItems:"20"`
	}
	huma.Register(api, op("create-user", http.MethodPost, "/api/v1/users", "users", "Create a user", 404, 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct{ Body userCreateBody }) (*userOut, error) {
			b := in.Body
			u, err := s.CreateUser(ctx, p, NewUser{Username: b.Username, DisplayName: b.DisplayName, EmployeeCode: b.EmployeeCode,
				Email: b.Email, Password: b.Password, BranchID: b.BranchID, Roles: rolesIn(b.Roles)})
			if err != nil {
				return nil, err
			}
			return &userOut{*u}, nil
		}))

	type userPatchBody struct {
		DisplayName  *string `json:"display_name,omitempty" maxLength:"100"`
		Email        *string `json:"email,omitempty" maxLength:"200"`
		EmployeeCode *string `json:"employee_code,omitempty" maxLength:"64"`
	}
	huma.Register(api, op("update-user", http.MethodPatch, "/api/v1/users/{id}", "users", "Edit a user's profile", 404, 409, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			IDPath
			Body userPatchBody
		}) (*userOut, error) {
			u, err := s.UpdateProfile(ctx, p, in.ID, in.Body.DisplayName, in.Body.Email, in.Body.EmployeeCode)
			if err != nil {
				return nil, err
			}
			return &userOut{*u}, nil
		}))

	type userMoveBody struct {
		BranchID int64 `json:"branch_id" minimum:"1"`
	}
	huma.Register(api, op("move-user", http.MethodPost, "/api/v1/users/{id}/move", "users", "Transfer a user to another branch", 404, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			IDPath
			Body userMoveBody
		}) (*userOut, error) {
			u, err := s.MoveUser(ctx, p, in.ID, in.Body.BranchID)
			if err != nil {
				return nil, err
			}
			return &userOut{*u}, nil
		}))

	for _, st := range []struct{ verb, status string }{{"disable", StatusDisabled}, {"enable", StatusActive}} {
		status := st.status
		huma.Register(api, op(st.verb+"-user", http.MethodPost, "/api/v1/users/{id}/"+st.verb, "users", st.verb+" a user", 404, 422),
			access.Signed(func(ctx context.Context, p *access.Principal, in *IDPath) (*userOut, error) {
				u, err := s.SetStatus(ctx, p, in.ID, status)
				if err != nil {
					return nil, err
				}
				return &userOut{*u}, nil
			}))
	}

	type passwordResetBody struct {
		Password string `json:"password" minLength:"1" maxLength:"256"`
	}
	reset := op("reset-password", http.MethodPost, "/api/v1/users/{id}/reset-password", "users", "Set a new password the user must change", 404, 422)
	reset.DefaultStatus = http.StatusNoContent
	huma.Register(api, reset, access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
		IDPath
		Body passwordResetBody
	}) (*struct{}, error) {
		return nil, s.ResetPassword(ctx, p, in.ID, in.Body.Password)
	}))

	type userRolesBody struct {
		Roles []roleIn `json:"roles" maxItems:"20"`
	}
	huma.Register(api, op("set-user-roles", http.MethodPut, "/api/v1/users/{id}/roles", "users", "Replace a user's roles", 404, 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			IDPath
			Body userRolesBody
		}) (*userOut, error) {
			u, err := s.SetRoles(ctx, p, in.ID, rolesIn(in.Body.Roles))
			if err != nil {
				return nil, err
			}
			return &userOut{*u}, nil
		}))
}
