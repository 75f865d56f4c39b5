package notify

import "github.com/servicestar/servicestar/app/module"

// Module is the bell as the app wires it: every user reads only their own
// notifications, so it checks no permission.
func (s *Service) Module() module.Module {
	return module.Module{Name: "notify", Models: Models(), Messages: Messages, Routes: s.Routes}
}
