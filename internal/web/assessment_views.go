package web

import (
	"fmt"
	"strings"

	"vcready/internal/apperr"
	"vcready/internal/assessment"
	"vcready/internal/auth"
	"vcready/internal/questionnaire"
	"vcready/internal/report"
	"vcready/internal/scoring"
)

// taskListView is the task list page: one task per consideration, then "Check your
// answers".
type taskListView struct {
	ID, TeamID, TeamName string
	QuestionnaireTitle   string
	Version, StartedOn   string
	Tasks                []taskView
	Answered, Total      int
	Left                 int // scored questions not answered yet
	CheckHref            string
}

// taskView is one row of the task list. TagClass is empty for "Completed", which the
// NHS task list shows as plain text so that the tasks still to do stand out.
type taskView struct {
	Title, Href, Hint string
	Status, TagClass  string
}

func newTaskListView(ac *assessmentContext) taskListView {
	answers := scoringAnswers(ac.a.Answers)
	v := taskListView{ID: ac.a.ID, TeamID: ac.team.ID, TeamName: ac.team.Name, QuestionnaireTitle: ac.q.Title,
		Version: ac.q.Version, StartedOn: report.Date(ac.a.CreatedAt), CheckHref: checkHref(ac.a.ID)}
	for i := range ac.q.Considerations {
		qc := &ac.q.Considerations[i]
		done, total := progress(qc, answers)
		v.Answered, v.Total = v.Answered+done, v.Total+total
		t := taskView{Title: qc.Title, Href: considerationHref(ac.a.ID, qc.Key),
			Hint: fmt.Sprintf("%d of %d required questions answered", done, total)}
		t.Status, t.TagClass = taskStatus(done, total)
		v.Tasks = append(v.Tasks, t)
	}
	v.Left = v.Total - v.Answered
	return v
}

// progress counts the scored items of a consideration that have an answer (a value,
// not applicable or don't know) out of all its scored items: exactly what submission
// requires. Number and text items are optional and not counted.
func progress(qc *questionnaire.Consideration, answers scoring.Answers) (answered, scored int) {
	for i := range qc.Items {
		it := &qc.Items[i]
		if !it.Scored() {
			continue
		}
		scored++
		if kind, _ := scoring.ItemValue(it, answers); kind != scoring.AnswerMissing {
			answered++
		}
	}
	return answered, scored
}

func taskStatus(done, total int) (status, tagClass string) {
	switch {
	case done == 0 && total > 0:
		return "Not started", "nhsuk-tag--grey"
	case done < total:
		return "In progress", "nhsuk-tag--blue"
	}
	return "Completed", ""
}

// scoringAnswers indexes an assessment's answers by item, as scoring wants them.
func scoringAnswers(as []assessment.Answer) scoring.Answers {
	m := make(scoring.Answers, len(as))
	for _, a := range as {
		m[a.ItemID] = a.Answer
	}
	return m
}

// answerIndex indexes answers by item with who changed them and when.
func answerIndex(as []assessment.Answer) map[string]assessment.Answer {
	m := make(map[string]assessment.Answer, len(as))
	for _, a := range as {
		m[a.ItemID] = a
	}
	return m
}

// lastChanged says who last changed an answer and when, so members sharing a draft
// can see whose answer they are about to change.
func lastChanged(a assessment.Answer, p *auth.Principal) string {
	who := a.UpdatedByEmail
	switch {
	case a.UpdatedBy == p.UserID:
		who = "you"
	case who == "":
		who = "someone who no longer has an account"
	}
	return "Last changed by " + who + " on " + report.Date(a.UpdatedAt)
}

// answerWords is an answer put into words for "Check your answers" and the results.
type answerWords struct {
	Text   string   // the answer in a few words
	Detail string   // a scale level's descriptor
	List   []string // a checklist's ticked options
}

// describeAnswer puts an answer into words; answered is false when there is none.
func describeAnswer(it *questionnaire.Item, a questionnaire.Answer, answered bool) answerWords {
	switch {
	case !answered:
		return answerWords{Text: "Not answered"}
	case a.Status == questionnaire.DontKnow:
		return answerWords{Text: "Don’t know"}
	case a.Status == questionnaire.NotApplicable:
		return answerWords{Text: "Not applicable"}
	case a.Level != nil:
		for _, l := range it.Levels {
			if l.Value == *a.Level {
				return answerWords{Text: l.Label, Detail: l.Descriptor}
			}
		}
		return answerWords{Text: fmt.Sprintf("Level %d", *a.Level)}
	case a.Option != "":
		o, _ := it.Option(a.Option)
		return answerWords{Text: o.Label}
	case a.OptionsSet || len(a.Options) > 0:
		return describeChecklist(it, a.Options)
	case a.Number != nil:
		return answerWords{Text: report.NumberWithUnit(*a.Number, it.Unit)}
	case a.Text != nil && strings.TrimSpace(*a.Text) == "":
		return answerWords{Text: "Left blank"}
	case a.Text != nil:
		return answerWords{Text: *a.Text}
	}
	return answerWords{Text: "Not answered"}
}

func describeChecklist(it *questionnaire.Item, ids []string) answerWords {
	if len(ids) == 0 {
		return answerWords{Text: "None of these"}
	}
	w := answerWords{Text: fmt.Sprintf("%d of %d in place", len(ids), len(it.Options))}
	for _, o := range it.Options {
		for _, id := range ids {
			if id == o.ID {
				w.List = append(w.List, o.Label)
			}
		}
	}
	return w
}

// checkView is the "Check your answers" page.
type checkView struct {
	ID, TeamName string
	Sections     []checkSection
	Left         int
	// Errors are the unanswered questions after a submission attempt, each linking to
	// the question on its own page.
	Errors []summaryLink
}

type checkSection struct {
	Title, Href string
	Rows        []checkRow
}

type checkRow struct {
	Question         string
	Number           int
	Answer           answerWords
	Missing          bool // a required question without an answer
	Optional         bool
	ChangeHref       string
	ChangeText       string // "Change", or "Answer" when there is nothing to change yet
	VisuallyExtended string // what the link is about, for screen reader users
}

// summaryLink is an error summary entry that may lead to another page.
type summaryLink struct{ Href, Text string }

func newCheckView(ac *assessmentContext, problems []apperr.FieldProblem) checkView {
	answers := scoringAnswers(ac.a.Answers)
	v := checkView{ID: ac.a.ID, TeamName: ac.team.Name}
	for ci := range ac.q.Considerations {
		qc := &ac.q.Considerations[ci]
		sec := checkSection{Title: qc.Title, Href: considerationHref(ac.a.ID, qc.Key)}
		for i := range qc.Items {
			sec.Rows = append(sec.Rows, newCheckRow(ac.a.ID, qc, i, answers))
			if sec.Rows[i].Missing {
				v.Left++
			}
		}
		v.Sections = append(v.Sections, sec)
	}
	v.Errors = unansweredLinks(ac, problems)
	return v
}

func newCheckRow(id string, qc *questionnaire.Consideration, i int, answers scoring.Answers) checkRow {
	it := &qc.Items[i]
	a, ok := answers[it.ID]
	r := checkRow{Question: it.Text, Number: i + 1, Answer: describeAnswer(it, a, ok), Optional: !it.Scored(),
		ChangeHref: considerationHref(id, qc.Key) + "#" + it.ID, ChangeText: "Change"}
	if it.Scored() {
		kind, _ := scoring.ItemValue(it, answers)
		r.Missing = kind == scoring.AnswerMissing
	}
	if !ok {
		r.ChangeText = "Answer"
	}
	r.VisuallyExtended = fmt.Sprintf(" question %d: %s", i+1, it.Text)
	return r
}

// unansweredLinks turns submission's problems (one per unanswered item id) into
// error summary links to each question on its consideration page.
func unansweredLinks(ac *assessmentContext, problems []apperr.FieldProblem) []summaryLink {
	var out []summaryLink
	for _, p := range problems {
		_, key, ok := ac.q.Item(p.Field)
		if !ok {
			continue
		}
		qc, _ := ac.q.Consideration(key)
		out = append(out, summaryLink{Href: considerationHref(ac.a.ID, key) + "#" + p.Field,
			Text: fmt.Sprintf("Answer question %d in %s", itemNumber(qc, p.Field), qc.Title)})
	}
	return out
}

// itemNumber is the item's position on its consideration page, counting from 1.
func itemNumber(qc *questionnaire.Consideration, itemID string) int {
	for i := range qc.Items {
		if qc.Items[i].ID == itemID {
			return i + 1
		}
	}
	return 0
}
