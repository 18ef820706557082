package report_test

import (
	"time"

	"vcready/internal/report"
)

// day is a calendar day at UTC midnight, as PlanAction.DueDate holds one.
func day(y int, m time.Month, d int) *time.Time {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return &t
}

// planFixture is a plan with what exports meet: 7 actions (5 do first), owners
// outside ASCII, a note with an emoji, a note that looks like a formula and one that
// looks like a Markdown link, actions with and without due dates, and two carried
// forward from the previous plan.
func planFixture() report.PlanDocument {
	return report.PlanDocument{
		Team:          "Siân Ó Dónaill's | *Ward* 7",
		Organisation:  "Ysbyty Gwynedd",
		AssessmentID:  "asm-01",
		Questionnaire: "Video consultation readiness 1.0.0",
		SubmittedAt:   time.Date(2026, 11, 20, 14, 5, 0, 0, time.UTC),
		GeneratedAt:   time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC),
		Overall:       ptr(54.2),
		Scores: []report.PlanScore{
			{Key: "equity", Title: "Equity and inclusion", Score: ptr(40.0), Level: "Developing"},
			{Key: "evidence", Title: "Evidence and outcomes", Score: ptr(62.5), Level: "Established"},
			{Key: "technology", Title: "Technology", Score: ptr(80.0), Level: "Embedded"},
			{Key: "workforce", Title: "Workforce", Score: ptr(20.0), Level: "Getting started"},
			{Key: "governance", Title: "Governance", Score: nil, Level: ""},
			{Key: "patients", Title: "Patient experience", Score: ptr(68.4), Level: "Established"},
		},
		Projected: report.PlanProjection{
			Overall: ptr(54.2),
			DoFirst: report.ProjectedScores{Overall: ptr(61.0), Considerations: map[string]*float64{
				"equity": ptr(50.0), "workforce": ptr(35.0)}},
			Done: report.ProjectedScores{Overall: ptr(55.0)},
		},
		Actions: []report.PlanAction{
			{ID: "act-1", Rank: 1, Priority: 12.345678, DoFirst: true, ItemID: "wf-01", ConsiderationKey: "workforce",
				Consideration: "Workforce", Question: "Have staff been trained to run video consultations?",
				Answer: "Level 1 of 4: No training", Text: "Arrange video consultation training for every clinician who runs clinics, starting with the outpatient teams",
				Owner: "Siân Ó Dónaill", DueDate: day(2027, 1, 15), Status: "in_progress",
				Notes: "Booked the first session 🎉 with the trainer", CarriedFromAction: "old-act-9"},
			{ID: "act-2", Rank: 2, Priority: 10.5, DoFirst: true, ItemID: "eq-02", ConsiderationKey: "equity",
				Consideration: "Equity and inclusion", Question: "Do you offer interpreters on video calls?",
				Answer: "Level 2 of 4: Sometimes", Text: "Offer an interpreter on every video call that needs one",
				Owner: "Zoë Øster", DueDate: day(2027, 2, 1), Status: "not_started",
				Notes: "=SUM(A1)"},
			{ID: "act-3", Rank: 3, Priority: 9.25, DoFirst: true, ItemID: "eq-01", ConsiderationKey: "equity",
				Consideration: "Equity and inclusion", Question: "Do patients get a choice of phone or video?",
				Answer: "Level 2 of 4: For some clinics", Text: "Ask every patient whether they prefer phone, video or face to face",
				Owner: "Zoë Øster", Status: "not_started",
				Notes: "See [link](http://x) | and *this*", CarriedFromAction: "old-act-4"},
			{ID: "act-4", Rank: 4, Priority: 8, DoFirst: true, ItemID: "wf-03", ConsiderationKey: "workforce",
				Consideration: "Workforce", Question: "Is there a named lead for video consultations?",
				Answer: "No", Text: "Name a lead for video consultations", Owner: "",
				DueDate: day(2026, 12, 31), Status: "done"},
			{ID: "act-5", Rank: 5, Priority: 6.125, DoFirst: true, ItemID: "ev-02", ConsiderationKey: "evidence",
				Consideration: "Evidence and outcomes", Question: "Do you measure outcomes of video consultations?",
				Answer: "Level 2 of 4: Informally", Text: "Record outcomes for video and face-to-face appointments alike",
				Owner: "Dr. Ng", Status: "in_progress"},
			{ID: "act-6", Rank: 6, Priority: 3.5, ItemID: "pe-01", ConsiderationKey: "patients",
				Consideration: "Patient experience", Question: "Do you ask patients about their video consultation?",
				Answer: "Level 3 of 4: Often", Text: "Send a short survey after each video consultation",
				Owner: "Siân Ó Dónaill", DueDate: day(2027, 3, 1), Status: "dropped", Notes: "Line one\nline two"},
			{ID: "act-7", Rank: 7, Priority: 1.75, ItemID: "te-04", ConsiderationKey: "technology",
				Consideration: "Technology", Question: "Is the platform approved?",
				Answer: "Level 3 of 4: Yes", Text: "Review the platform's approval each year",
				Status: "not_started"},
		},
	}
}
