package report_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"vcready/internal/questionnaire"
	"vcready/internal/report"
	"vcready/internal/scoring"
)

func ptr[T any](v T) *T { return &v }

func TestAssessmentsTable(t *testing.T) {
	q1 := &questionnaire.Questionnaire{ID: "q", Version: "1.0.0", Considerations: []questionnaire.Consideration{
		{Key: "equity", Items: []questionnaire.Item{{ID: "eq-01"}, {ID: "eq-02"}}},
		{Key: "evidence", Items: []questionnaire.Item{{ID: "ev-01"}}},
	}}
	q2 := &questionnaire.Questionnaire{ID: "q", Version: "2.0.0", Considerations: []questionnaire.Consideration{
		{Key: "equity", Items: []questionnaire.Item{{ID: "eq-01"}, {ID: "eq-03"}}},
	}}
	at := time.Date(2026, 11, 3, 9, 30, 0, 0, time.FixedZone("CET", 3600))
	as := []report.SubmittedAssessment{
		{Team: "Ysbyty Gwynedd", Setting: "secondary_care", Specialty: "physiotherapy", Nation: "wales", ID: "a1",
			SubmittedAt: at, QuestionnaireID: "q", QuestionnaireVersion: "1.0.0",
			Scores: scoring.Result{Overall: ptr(2.5), Considerations: []scoring.Consideration{
				{Key: "equity", Score: ptr(3.0)}, {Key: "evidence"}}},
			Answers: []questionnaire.Answer{
				{ItemID: "eq-01", Level: ptr(3)},
				{ItemID: "eq-02", Options: []string{"a", "b"}, OptionsSet: true},
				{ItemID: "ev-01", Status: questionnaire.DontKnow},
				{ItemID: "gone-01", Text: ptr("=HYPERLINK()")},
			}},
		{Team: "Ærø", ID: "a2", SubmittedAt: at, QuestionnaireID: "q", QuestionnaireVersion: "2.0.0",
			Answers: []questionnaire.Answer{
				{ItemID: "eq-01", Status: questionnaire.NotApplicable},
				{ItemID: "eq-03", Number: ptr(37.5)},
				{ItemID: "eq-02", Option: "opt-x"},
			}},
	}
	tbl := report.AssessmentsTable("Assessments", []*questionnaire.Questionnaire{q1, q2}, as)
	wantColumns := []string{"team", "setting", "specialty", "nation", "assessment_id", "submitted_at",
		"questionnaire_id", "questionnaire_version", "overall", "equity", "evidence",
		"eq-01", "eq-02", "ev-01", "eq-03", "gone-01"}
	if diff := cmp.Diff(wantColumns, tbl.Columns); diff != "" {
		t.Errorf("columns (-want +got):\n%s", diff)
	}
	want := [][]string{
		{"Ysbyty Gwynedd", "secondary_care", "physiotherapy", "wales", "a1", "2026-11-03T08:30:00Z", "q", "1.0.0",
			"2.5", "3.0", "", "3", "a;b", "dont_know", "", "=HYPERLINK()"},
		{"Ærø", "", "", "", "a2", "2026-11-03T08:30:00Z", "q", "2.0.0",
			"", "", "", "not_applicable", "opt-x", "", "37.5", ""},
	}
	if diff := cmp.Diff(want, cellStrings(tbl)); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
	if c := tbl.Rows[0][11]; !c.IsNumber() {
		t.Errorf("a level answer is %q as text, want a number", c)
	}
	if c := tbl.Rows[0][9]; !c.IsNumber() {
		t.Errorf("a score is %q as text, want a number", c)
	}
}

func TestAssessmentsFileName(t *testing.T) {
	day := time.Date(2026, 12, 1, 23, 30, 0, 0, time.FixedZone("", -3600))
	for _, tc := range []struct{ org, want string }{
		{"Northshire Health", "Northshire Health assessments 2026-12-02.csv"},
		{"Ysbyty Gwynedd / Ærø", "Ysbyty Gwynedd - Ærø assessments 2026-12-02.csv"},
		{`a:b*c?"d"<e>|f\g`, "a-b-c--d--e--f-g assessments 2026-12-02.csv"},
	} {
		if got := report.AssessmentsFileName(tc.org, day, "csv"); got != tc.want {
			t.Errorf("AssessmentsFileName(%q) = %q, want %q", tc.org, got, tc.want)
		}
	}
}

func cellStrings(tbl report.Table) [][]string {
	out := make([][]string, len(tbl.Rows))
	for i, row := range tbl.Rows {
		for _, c := range row {
			out[i] = append(out[i], c.String())
		}
	}
	return out
}
