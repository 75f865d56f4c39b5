package org

import (
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/module"
)

// Module is org as the app wires it: banks, branch trees, staff and roles.
func (s *Service) Module() module.Module {
	return module.Module{
		Name:        "org",
		Models:      Models(),
		Permissions: []authz.Permission{PermBranchesRead, PermBranchesWrite, PermUsersRead, PermUsersWrite, PermTenantWrite},
		Routes:      s.Routes,
		Messages:    Messages,
		Seed:        s.seed,
	}
}
