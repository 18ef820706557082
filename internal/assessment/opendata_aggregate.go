package assessment

import (
	"cmp"
	"slices"
	"time"

	"vcready/internal/benchmark"
	"vcready/internal/questionnaire"
	"vcready/internal/scoring"
)

// OpenDataMinTeams is the smallest group, and the smallest number of teams with a score
// for a consideration, that the open data shows figures for. It is stricter than the
// in-service benchmark's five because anyone can read the open data (SCORING.md "Open
// data").
const OpenDataMinTeams = 10

// Open-data group names (API.md): every contributing team, or those of one setting or
// one nation, e.g. "setting:community", "nation:wales".
const (
	OpenDataGroupAll     = "all"
	openDataGroupSetting = "setting:"
	openDataGroupNation  = "nation:"
)

// OpenDataSubmission is one submitted assessment as the open-data aggregate sees it:
// the team's current setting and nation, and its organisation's settings when the
// aggregate is built.
type OpenDataSubmission struct {
	AssessmentID string
	TeamID       string
	// Publish is the organisation's publish_open_data; Demo marks the synthetic demo
	// organisation. Only published, real organisations contribute.
	Publish bool
	Demo    bool
	Setting string
	Nation  string

	QuestionnaireID      string
	QuestionnaireVersion string
	SubmittedAt          time.Time
	// Scores are the full-precision scores of the considerations that were scored; an
	// insufficient consideration has none.
	Scores map[string]float64
}

// OpenData is one dated snapshot of the public aggregate.
type OpenData struct {
	// SnapshotDate is the UTC day the snapshot was built for (midnight UTC).
	SnapshotDate   time.Time
	BuiltAt        time.Time
	Questionnaires []OpenDataQuestionnaire
}

// OpenDataQuestionnaire is the aggregate of one questionnaire id and major version: a
// major version starts a new population, so it is never mixed with another.
type OpenDataQuestionnaire struct {
	ID     string
	Major  int
	Groups []OpenDataGroup
}

// OpenDataGroup is the aggregate of the teams of one group. N is the number of teams
// (their latest submission each); it is shown even when the group is suppressed, since
// a count reveals no team's score. A suppressed group has no considerations.
type OpenDataGroup struct {
	Group          string
	N              int
	Suppressed     bool
	Considerations []OpenDataFigures
}

// OpenDataFigures are one consideration's figures within a group, over the N teams with
// a score for it, rounded to one decimal like every score shown. A suppressed
// consideration (N < OpenDataMinTeams) has zero figures that must not be shown.
type OpenDataFigures struct {
	Key        string
	N          int
	Suppressed bool
	Median     float64
	P25        float64
	P75        float64
}

// ConsiderationOrder gives the order of a questionnaire's considerations, for listing
// them as users know them; keys it does not name follow in alphabetical order.
type ConsiderationOrder func(questionnaireID string, major int) []string

// AggregateOpenData computes the open-data aggregate (SCORING.md "Open data"): from the
// submissions of organisations that publish open data (never the demo's), the latest
// per team of each questionnaire id and major version; for each, the groups "all",
// each setting and each nation, with per consideration the median, p25 and p75 (R type
// 7). A group under OpenDataMinTeams teams is suppressed; within a group shown, so is
// a consideration fewer than OpenDataMinTeams of its teams have a score for.
func AggregateOpenData(subs []OpenDataSubmission, order ConsiderationOrder) []OpenDataQuestionnaire {
	byQuestionnaire := map[openDataKey][]OpenDataSubmission{}
	for _, s := range latestPerTeam(subs) {
		k := openDataKey{s.QuestionnaireID, questionnaire.Major(s.QuestionnaireVersion)}
		byQuestionnaire[k] = append(byQuestionnaire[k], s)
	}
	out := make([]OpenDataQuestionnaire, 0, len(byQuestionnaire))
	for k, teams := range byQuestionnaire {
		var keys []string
		if order != nil {
			keys = order(k.id, k.major)
		}
		out = append(out, OpenDataQuestionnaire{ID: k.id, Major: k.major, Groups: openDataGroups(teams, keys)})
	}
	slices.SortFunc(out, func(a, b OpenDataQuestionnaire) int {
		return cmp.Or(cmp.Compare(a.ID, b.ID), cmp.Compare(a.Major, b.Major))
	})
	return out
}

type openDataKey struct {
	id    string
	major int
}

type teamKey struct {
	team string
	openDataKey
}

// latestPerTeam keeps, of the contributing submissions, each team's latest of each
// questionnaire id and major version (the latest submitted_at, then the greatest id,
// as the store orders them).
func latestPerTeam(subs []OpenDataSubmission) []OpenDataSubmission {
	latest := map[teamKey]OpenDataSubmission{}
	for _, s := range subs {
		if !s.Publish || s.Demo {
			continue
		}
		k := teamKey{s.TeamID, openDataKey{s.QuestionnaireID, questionnaire.Major(s.QuestionnaireVersion)}}
		if cur, ok := latest[k]; !ok || newer(s, cur) {
			latest[k] = s
		}
	}
	out := make([]OpenDataSubmission, 0, len(latest))
	for _, s := range latest {
		out = append(out, s)
	}
	return out
}

func newer(a, b OpenDataSubmission) bool {
	if !a.SubmittedAt.Equal(b.SubmittedAt) {
		return a.SubmittedAt.After(b.SubmittedAt)
	}
	return a.AssessmentID > b.AssessmentID
}

// openDataGroups splits one questionnaire's teams into "all", then each setting, then
// each nation (keys in alphabetical order) and aggregates each.
func openDataGroups(teams []OpenDataSubmission, order []string) []OpenDataGroup {
	members := map[string][]OpenDataSubmission{}
	var settings, nations []string
	for _, s := range teams {
		g, n := openDataGroupSetting+s.Setting, openDataGroupNation+s.Nation
		if members[g] == nil {
			settings = append(settings, g)
		}
		if members[n] == nil {
			nations = append(nations, n)
		}
		members[g] = append(members[g], s)
		members[n] = append(members[n], s)
	}
	slices.Sort(settings)
	slices.Sort(nations)
	keys := considerationKeys(teams, order)
	groups := []OpenDataGroup{openDataGroup(OpenDataGroupAll, teams, keys)}
	for _, g := range append(settings, nations...) {
		groups = append(groups, openDataGroup(g, members[g], keys))
	}
	return groups
}

// considerationKeys lists every consideration any team has a score for: those order
// names first, in its order, then the rest alphabetically.
func considerationKeys(teams []OpenDataSubmission, order []string) []string {
	seen := map[string]bool{}
	var rest []string
	for _, s := range teams {
		for k := range s.Scores {
			if !seen[k] {
				seen[k] = true
				if !slices.Contains(order, k) {
					rest = append(rest, k)
				}
			}
		}
	}
	slices.Sort(rest)
	var keys []string
	for _, k := range order {
		if seen[k] {
			keys = append(keys, k)
		}
	}
	return append(keys, rest...)
}

// openDataGroup aggregates one group's teams. A suppressed group carries no figures at
// all, not even which considerations were scored.
func openDataGroup(name string, teams []OpenDataSubmission, keys []string) OpenDataGroup {
	g := OpenDataGroup{Group: name, N: len(teams)}
	if g.N < OpenDataMinTeams {
		g.Suppressed = true
		return g
	}
	for _, k := range keys {
		var scores []float64
		for _, s := range teams {
			if v, ok := s.Scores[k]; ok {
				scores = append(scores, v)
			}
		}
		g.Considerations = append(g.Considerations, openDataFigures(k, scores))
	}
	return g
}

// openDataFigures are the quartiles of full-precision scores, rounded only at the end.
func openDataFigures(key string, scores []float64) OpenDataFigures {
	f := OpenDataFigures{Key: key, N: len(scores)}
	if f.N < OpenDataMinTeams {
		f.Suppressed = true
		return f
	}
	p25, median, p75 := benchmark.Quartiles(scores)
	f.P25, f.Median, f.P75 = scoring.Round(p25), scoring.Round(median), scoring.Round(p75)
	return f
}
