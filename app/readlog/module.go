package readlog

import "github.com/servicestar/servicestar/app/module"

// Module is the read log as the app wires it. It checks audit's read
// permission and declares none of its own.
func (h *Handlers) Module() module.Module {
	return module.Module{
		Name:   "readlog",
		Models: Models(),
		Routes: h.Routes,
		Seed:   h.seed,
	}
}
