package sso

import "github.com/servicestar/servicestar/app/module"

// Module is single sign-on as the app wires it. Its settings check org's
// tenant.write; it declares no permission of its own.
func (s *Service) Module() module.Module {
	return module.Module{Name: "sso", Models: Models(), Routes: s.Routes, Messages: Messages, Seed: s.seed}
}
