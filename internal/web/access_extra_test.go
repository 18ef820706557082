package web

// extraAccessCases lets each feature add its endpoints to TestAPIAccessByRole from its
// own file. Features that need fixtures (an assessment, say) create them here.
var extraAccessCasesFuncs []func(app *testApp) []accessCase

func extraAccessCases(app *testApp) []accessCase {
	var out []accessCase
	for _, f := range extraAccessCasesFuncs {
		out = append(out, f(app)...)
	}
	return out
}
