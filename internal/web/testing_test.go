package web

// sampleContent gives each page template data of the shape its handler passes, so
// TestEveryTemplateRenders exercises real paths through the template. Pages whose
// Content is a plain message or nil are absent.
func sampleContent(name string) any {
	switch name {
	case "error":
		return "Something went wrong."
	}
	return nil
}
