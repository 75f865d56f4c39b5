package feedback

// OnRead has fn told, inside a running import, each time the import's
// count of bytes read is stored (the moment its view can show it).
func (s *Service) OnRead(fn func(importID int64)) { s.live.stored = fn }
