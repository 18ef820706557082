package questionnaire

import (
	"cmp"
	"regexp"
	"strconv"
)

var semver = regexp.MustCompile(`^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$`)

// parseVersion splits a semantic version MAJOR.MINOR.PATCH into its numbers. Pre-release
// and build suffixes are not allowed: a questionnaire version is either released or not.
func parseVersion(v string) ([3]int, bool) {
	var n [3]int
	m := semver.FindStringSubmatch(v)
	if m == nil {
		return n, false
	}
	for i := range n {
		x, err := strconv.Atoi(m[i+1])
		if err != nil {
			return n, false // too large
		}
		n[i] = x
	}
	return n, true
}

// CompareVersions compares two semantic versions numerically (so 1.10.0 > 1.9.0): -1 if
// a < b, 0 if equal, +1 if a > b. Invalid versions sort before valid ones, and among
// themselves as strings.
func CompareVersions(a, b string) int {
	va, okA := parseVersion(a)
	vb, okB := parseVersion(b)
	switch {
	case !okA && !okB:
		return cmp.Compare(a, b)
	case !okA:
		return -1
	case !okB:
		return 1
	}
	for i := range va {
		if c := cmp.Compare(va[i], vb[i]); c != 0 {
			return c
		}
	}
	return 0
}

// Major returns the major version of a semantic version (0 when it is invalid). Scores
// are only benchmarked against assessments of the same questionnaire id and major version.
func Major(version string) int {
	v, _ := parseVersion(version)
	return v[0]
}
