package mfa

import "github.com/servicestar/servicestar/app/module"

// Module is the second factor as the app wires it; the steps of a sign-in
// that ask for a code are package auth's routes.
func (s *Service) Module() module.Module {
	return module.Module{Name: "mfa", Models: Models(), Routes: s.Routes, Messages: Messages}
}
