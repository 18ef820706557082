package assessment_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"vcready/internal/apperr"
	"vcready/internal/assessment"
	"vcready/internal/benchmark"
	"vcready/internal/questionnaire"
	"vcready/internal/store"
	"vcready/internal/store/storetest"
)

// cohortFixture is three organisations whose teams differ in setting, specialty and
// nation, each with one submitted assessment with scores of its own.
//
//	A: a1 community  physiotherapy england   (the team compared)
//	   a2 community  dietetics     wales
//	B: b1 community  physiotherapy england
//	   b2 secondary  physiotherapy wales
//	   b3 community  dietetics     england
//	   b4 secondary  dietetics     scotland
//	C: c1 community  physiotherapy england
//	   c2 community  physiotherapy england
type cohortFixture struct {
	*fixture
	orgs   map[string]assessment.Organisation
	teams  map[string]assessment.Team
	latest map[string]*assessment.Assessment
	round  int
	mu     sync.Mutex // guards latest in concurrent tests
}

func newCohortFixture(t *testing.T, st *store.Store) *cohortFixture {
	t.Helper()
	f := &cohortFixture{fixture: newFixture(t, st), orgs: map[string]assessment.Organisation{},
		teams: map[string]assessment.Team{}, latest: map[string]*assessment.Assessment{}}
	for _, o := range []string{"A", "B", "C"} {
		f.orgs[o] = f.mustOrganisation(t, "Organisation "+o)
	}
	for _, tm := range []struct{ name, setting, specialty, nation string }{
		{"a1", "community", "physiotherapy", "england"}, {"a2", "community", "dietetics", "wales"},
		{"b1", "community", "physiotherapy", "england"}, {"b2", "secondary_care", "physiotherapy", "wales"},
		{"b3", "community", "dietetics", "england"}, {"b4", "secondary_care", "dietetics", "scotland"},
		{"c1", "community", "physiotherapy", "england"}, {"c2", "community", "physiotherapy", "england"},
	} {
		team, err := f.svc.CreateTeam(ctx, f.admin, f.orgs[string(tm.name[0]-'a'+'A')].ID,
			assessment.TeamInput{Name: tm.name, Setting: tm.setting, Specialty: tm.specialty, Nation: tm.nation})
		if err != nil {
			t.Fatal(err)
		}
		f.teams[tm.name] = team
		f.submit(t, tm.name)
	}
	return f
}

// submit submits an assessment for the named team with answers that differ from
// every earlier submission's.
func (f *cohortFixture) submit(t *testing.T, name string) *assessment.Assessment {
	t.Helper()
	a := f.mustDraft(t, f.teams[name].ID)
	q, _ := f.svc.Questionnaire(a)
	f.round += 3
	var answers []questionnaire.Answer
	n := f.round
	for _, c := range q.Considerations {
		for _, it := range c.Items {
			answers = append(answers, answerFor(it, n))
			n += f.round % 7
		}
	}
	if _, err := f.svc.SaveAnswers(ctx, f.admin, a.ID, answers); err != nil {
		t.Fatal(err)
	}
	a, err := f.svc.Submit(ctx, f.admin, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	f.latest[name] = a
	return a
}

// want is Compare of own's scores against the named teams' latest scores: the cohort
// worked out by hand.
func (f *cohortFixture) want(own *assessment.Assessment, cohort []string) map[string]benchmark.Stats {
	out := map[string]benchmark.Stats{}
	for i, c := range own.Scores.Considerations {
		var xs []float64
		for _, name := range cohort {
			if oc := f.latest[name].Scores.Considerations[i]; oc.Status == "scored" {
				xs = append(xs, oc.Exact)
			}
		}
		out[c.Key] = benchmark.Compare(c.Exact, xs)
	}
	return out
}

func (f *cohortFixture) check(t *testing.T, svc *assessment.Service, own *assessment.Assessment, kind benchmark.Kind, cohort []string) {
	t.Helper()
	got, err := svc.Benchmark(ctx, f.admin, own.ID, kind)
	if err != nil {
		t.Fatalf("Benchmark(%s): %v", kind, err)
	}
	want := f.want(own, cohort)
	if len(got.Considerations) != len(want) {
		t.Fatalf("%d considerations, want %d", len(got.Considerations), len(want))
	}
	for _, c := range got.Considerations {
		w := want[c.Key]
		if c.N != w.N || c.Suppressed != w.Suppressed {
			t.Errorf("%s %s: n %d suppressed %v, want n %d suppressed %v (cohort %v)", kind, c.Key, c.N, c.Suppressed, w.N, w.Suppressed, cohort)
			continue
		}
		if w.Suppressed {
			if c.Percentile != nil || c.Median != nil || c.P25 != nil || c.P75 != nil {
				t.Errorf("%s %s: suppressed but has figures %+v", kind, c.Key, c)
			}
			continue
		}
		if c.Percentile == nil || *c.Percentile != w.Percentile || *c.Median != w.Median || *c.P25 != w.P25 || *c.P75 != w.P75 {
			t.Errorf("%s %s: got %v %v %v %v, want %+v", kind, c.Key, val(c.Percentile), val(c.Median), val(c.P25), val(c.P75), w)
		}
	}
}

func val(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func TestBenchmarkCohorts(t *testing.T) {
	t.Parallel()
	f := newCohortFixture(t, storetest.SQLite(t))
	a1 := f.latest["a1"]
	for _, tt := range []struct {
		kind   benchmark.Kind
		cohort []string
	}{
		{benchmark.All, []string{"a2", "b1", "b2", "b3", "b4", "c1", "c2"}},
		{benchmark.Setting, []string{"a2", "b1", "b3", "c1", "c2"}}, // five: shown
		{benchmark.Specialty, []string{"b1", "b2", "c1", "c2"}},     // four: suppressed
		{benchmark.Nation, []string{"b1", "b3", "c1", "c2"}},        // four: suppressed
		{benchmark.Organisation, []string{"a2"}},
	} {
		t.Run(string(tt.kind), func(t *testing.T) { f.check(t, f.svc, a1, tt.kind, tt.cohort) })
	}
}

func TestBenchmarkLatestPerTeamAndSelf(t *testing.T) {
	t.Parallel()
	f := newCohortFixture(t, storetest.SQLite(t))
	old := f.latest["a1"]
	f.submit(t, "b1") // b1's first assessment no longer counts
	f.submit(t, "a1") // a1's newest is left out when its older one is compared
	all := []string{"a2", "b1", "b2", "b3", "b4", "c1", "c2"}
	f.check(t, f.svc, old, benchmark.All, all)
	f.check(t, f.svc, f.latest["a1"], benchmark.All, all)
	// Another instance on the same store builds the same index from the database.
	f.check(t, assessment.New(f.st, mustQuestionnaires(t)), old, benchmark.All, all)
}

func TestBenchmarkOptedOutOrganisation(t *testing.T) {
	t.Parallel()
	f := newCohortFixture(t, storetest.SQLite(t))
	f.check(t, f.svc, f.latest["a1"], benchmark.All, []string{"a2", "b1", "b2", "b3", "b4", "c1", "c2"}) // index built
	off := false
	if _, err := f.svc.UpdateOrganisation(ctx, f.admin, f.orgs["C"].ID, assessment.OrganisationUpdate{ShareWithOtherOrganisations: &off}); err != nil {
		t.Fatal(err)
	}
	// C's teams leave everyone else's cohorts...
	f.check(t, f.svc, f.latest["a1"], benchmark.All, []string{"a2", "b1", "b2", "b3", "b4"})
	f.check(t, f.svc, f.latest["a1"], benchmark.Setting, []string{"a2", "b1", "b3"})
	// ...and see only each other, in every cohort.
	for _, kind := range benchmark.Kinds {
		f.check(t, f.svc, f.latest["c1"], kind, []string{"c2"})
	}
	// The same from the database, on another instance.
	f.check(t, assessment.New(f.st, mustQuestionnaires(t)), f.latest["a1"], benchmark.All, []string{"a2", "b1", "b2", "b3", "b4"})
}

func TestBenchmarkTeamChangesSetting(t *testing.T) {
	t.Parallel()
	f := newCohortFixture(t, storetest.SQLite(t))
	f.check(t, f.svc, f.latest["a1"], benchmark.Setting, []string{"a2", "b1", "b3", "c1", "c2"}) // index built
	in := assessment.TeamInput{Name: "b2", Setting: "community", Specialty: "physiotherapy", Nation: "wales"}
	if _, err := f.svc.UpdateTeam(ctx, f.admin, f.teams["b2"].ID, in); err != nil {
		t.Fatal(err)
	}
	want := []string{"a2", "b1", "b2", "b3", "c1", "c2"}
	f.check(t, f.svc, f.latest["a1"], benchmark.Setting, want)
	f.check(t, assessment.New(f.st, mustQuestionnaires(t)), f.latest["a1"], benchmark.Setting, want)
}

func TestBenchmarkMajorVersion(t *testing.T) {
	t.Parallel()
	f := newCohortFixture(t, storetest.SQLite(t))
	db := storetest.DB(t, f.st)
	set := func(name, version string) {
		t.Helper()
		if err := db.Exec("UPDATE assessments SET questionnaire_version = ? WHERE id = ?", version, f.latest[name].ID).Error; err != nil {
			t.Fatal(err)
		}
		if err := db.Exec("UPDATE benchmark_version SET version = version + 1").Error; err != nil {
			t.Fatal(err)
		}
	}
	set("b1", "1.4.0") // a minor version: same population
	set("b2", "2.0.0") // a new major version: a new population
	f.check(t, f.svc, f.latest["a1"], benchmark.All, []string{"a2", "b1", "b3", "b4", "c1", "c2"})
}

func TestBenchmarkAccessAndDraft(t *testing.T) {
	t.Parallel()
	f := newCohortFixture(t, storetest.SQLite(t))
	outsider := f.memberA1 // a member of a fixture team, not of a1..c2
	if _, err := f.svc.Benchmark(ctx, outsider, f.latest["a1"].ID, benchmark.All); outcome(err) != "not found" {
		t.Errorf("another team's member: %v, want not found", err)
	}
	draft := f.mustDraft(t, f.teams["a1"].ID)
	_, err := f.svc.Benchmark(ctx, f.admin, draft.ID, benchmark.All)
	if outcome(err) != "conflict" || apperr.PublicMessage(err) == "" {
		t.Errorf("draft: %v, want a conflict with a message", err)
	}
}

// TestBenchmarkTwoInstancesOnPostgres is two app instances on one database: a
// submission through one shows in the other's next benchmark.
func TestBenchmarkTwoInstancesOnPostgres(t *testing.T) {
	t.Parallel()
	st := storetest.Postgres(t)
	f := newCohortFixture(t, st)
	other := assessment.New(st, mustQuestionnaires(t))
	all := []string{"a2", "b1", "b2", "b3", "b4", "c1", "c2"}
	f.check(t, other, f.latest["a1"], benchmark.All, all)
	f.submit(t, "b3") // through the first instance
	f.check(t, other, f.latest["a1"], benchmark.All, all)
	f.check(t, f.svc, f.latest["a1"], benchmark.All, all)
}

// TestBenchmarkConcurrentSubmissions: submissions and benchmarks at once, on two
// instances, end with the same index as a fresh build (run with -race).
func TestBenchmarkConcurrentSubmissions(t *testing.T) {
	t.Parallel()
	f := newCohortFixture(t, storetest.SQLite(t))
	other := assessment.New(f.st, mustQuestionnaires(t))
	drafts := map[string]*assessment.Assessment{}
	for _, name := range []string{"a2", "b1", "b2", "b3"} {
		drafts[name] = f.mustAnswered(t, f.teams[name].ID)
	}
	now := f.svc.Now // the fixture's clock is not safe for concurrent use
	f.svc.Now = func() time.Time { f.mu.Lock(); defer f.mu.Unlock(); return now() }
	c1 := f.latest["c1"].ID
	var wg sync.WaitGroup
	for name, d := range drafts {
		wg.Go(func() {
			if a, err := f.svc.Submit(ctx, f.admin, d.ID); err != nil {
				t.Error(err)
			} else {
				f.mu.Lock()
				f.latest[name] = a
				f.mu.Unlock()
			}
		})
		wg.Go(func() {
			for _, svc := range []*assessment.Service{f.svc, other} {
				if _, err := svc.Benchmark(ctx, f.admin, c1, benchmark.All); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	all := []string{"a2", "b1", "b2", "b3", "b4", "c1", "c2"}
	for _, svc := range []*assessment.Service{f.svc, other, assessment.New(f.st, mustQuestionnaires(t))} {
		f.check(t, svc, f.latest["a1"], benchmark.All, all)
	}
}

// cohortCountingStore counts full reads of the cohort scores, and reads of one team's.
type cohortCountingStore struct {
	*store.Store
	reads, teamReads int
}

func (c *cohortCountingStore) CohortScores(ctx context.Context, fn func(assessment.CohortScore) error) error {
	c.reads++
	return c.Store.CohortScores(ctx, fn)
}

func (c *cohortCountingStore) TeamCohortScores(ctx context.Context, teamID string, fn func(assessment.CohortScore) error) error {
	c.teamReads++
	return c.Store.TeamCohortScores(ctx, teamID, fn)
}

// TestBenchmarkLocalChangesNeedNoRebuild: this instance's own submissions, sharing and
// team changes update its index in place; another instance's changes are read from
// the change log, one team or organisation each, not by a rebuild.
func TestBenchmarkLocalChangesNeedNoRebuild(t *testing.T) {
	t.Parallel()
	f := newCohortFixture(t, storetest.SQLite(t))
	cs := &cohortCountingStore{Store: f.st}
	svc := assessment.New(cs, mustQuestionnaires(t))
	svc.Now = f.svc.Now
	f.svc = svc
	if err := svc.LoadBenchmarks(ctx); err != nil {
		t.Fatal(err)
	}
	f.submit(t, "b1")
	off := false
	if _, err := svc.UpdateOrganisation(ctx, f.admin, f.orgs["C"].ID, assessment.OrganisationUpdate{ShareWithOtherOrganisations: &off}); err != nil {
		t.Fatal(err)
	}
	in := assessment.TeamInput{Name: "b2", Setting: "community", Specialty: "physiotherapy", Nation: "wales"}
	if _, err := svc.UpdateTeam(ctx, f.admin, f.teams["b2"].ID, in); err != nil {
		t.Fatal(err)
	}
	f.check(t, svc, f.latest["a1"], benchmark.Setting, []string{"a2", "b1", "b2", "b3"})
	if cs.reads != 1 {
		t.Errorf("cohort scores read %d times, want once (at start-up)", cs.reads)
	}
	other := assessment.New(f.st, mustQuestionnaires(t))
	other.Now = f.svc.Now
	f.svc = other
	f.submit(t, "b3") // on another instance
	on := true
	if _, err := other.UpdateOrganisation(ctx, f.admin, f.orgs["C"].ID, assessment.OrganisationUpdate{ShareWithOtherOrganisations: &on}); err != nil {
		t.Fatal(err)
	}
	in.Setting = "secondary_care"
	if _, err := other.UpdateTeam(ctx, f.admin, f.teams["b2"].ID, in); err != nil {
		t.Fatal(err)
	}
	f.check(t, svc, f.latest["a1"], benchmark.Setting, []string{"a2", "b1", "b3", "c1", "c2"})
	f.check(t, svc, f.latest["a1"], benchmark.All, []string{"a2", "b1", "b2", "b3", "b4", "c1", "c2"})
	if cs.reads != 1 || cs.teamReads != 2 {
		t.Errorf("cohort scores read %d times in full and %d for one team, want once and twice (b3, b2)", cs.reads, cs.teamReads)
	}
}

// TestBenchmarkGapInTheChangeLogRebuilds: when the log no longer holds every change
// since the index's version, the index is rebuilt rather than left behind.
func TestBenchmarkGapInTheChangeLogRebuilds(t *testing.T) {
	t.Parallel()
	f := newCohortFixture(t, storetest.SQLite(t))
	cs := &cohortCountingStore{Store: f.st}
	svc := assessment.New(cs, mustQuestionnaires(t))
	if err := svc.LoadBenchmarks(ctx); err != nil {
		t.Fatal(err)
	}
	f.submit(t, "b1") // through the fixture's instance
	if err := storetest.DB(t, f.st).Exec("DELETE FROM benchmark_changes").Error; err != nil {
		t.Fatal(err)
	}
	f.check(t, svc, f.latest["a1"], benchmark.All, []string{"a2", "b1", "b2", "b3", "b4", "c1", "c2"})
	if cs.reads != 2 || cs.teamReads != 0 {
		t.Errorf("read in full %d times and per team %d, want a rebuild", cs.reads, cs.teamReads)
	}
}
